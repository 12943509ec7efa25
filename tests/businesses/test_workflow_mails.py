"""Entrepreneurs hear about their profile's moderation from the portal, in their own language,
and never from Wagtail (whose workflow mails speak the admin's language and link into the admin).

businesses/signals.py takes Wagtail's notifiers' places under Wagtail's own dispatch uids; if a
Wagtail upgrade renamed those uids, Wagtail's mails would come back: the first test fails then.
"""

import re
import weakref
from unittest import mock

import pytest
from django.core import mail
from wagtail.admin import signal_handlers
from wagtail.models import WorkflowState

from businesses.selfservice import drafts
from businesses.signals import WAGTAIL_NOTIFIERS
from home.accounts.languages import choose_language
from tests.helpers import act, edit, submitted_business

pytestmark = pytest.mark.django_db

NAME = "Bakkerij Anatolië"


def connected(signal):
    """{dispatch uid: receiver} of the signal's receivers that were connected with a uid."""
    receivers = {}
    for entry in signal.receivers:
        (key, _sender), reference = entry[0], entry[1]
        if isinstance(key, str):
            receiver = reference() if isinstance(reference, weakref.ReferenceType) else reference
            receivers[key] = receiver
    return receivers


def test_wagtails_workflow_mails_are_replaced_under_wagtails_own_dispatch_uids():
    # What Wagtail connects, recorded instead of connected: the same four uids, senders and
    # notifiers the portal replaces.
    recorded = []

    def record(signal, receiver, sender=None, weak=True, dispatch_uid=None):
        recorded.append((id(signal), sender, dispatch_uid, receiver))

    with mock.patch("django.dispatch.Signal.connect", record):
        signal_handlers.register_signal_handlers()
    assert len(recorded) == len(WAGTAIL_NOTIFIERS) == 4
    assert set(recorded) == {
        (id(signal), sender, dispatch_uid, getattr(signal_handlers, name))
        for signal, sender, dispatch_uid, name in WAGTAIL_NOTIFIERS
    }

    # What is connected: under each uid the portal's receiver, and Wagtail's notifier nowhere.
    for signal, _sender, dispatch_uid, name in WAGTAIL_NOTIFIERS:
        receivers = connected(signal)
        assert receivers[dispatch_uid].__qualname__ == "except_for_businesses.<locals>.receiver"
        wagtails = getattr(signal_handlers, name)
        assert all(receiver is not wagtails for receiver in receivers.values()), dispatch_uid
        assert all(
            (entry[1]() if isinstance(entry[1], weakref.ReferenceType) else entry[1])
            is not wagtails
            for entry in signal.receivers
        ), dispatch_uid


def link(message):
    """The one link in a mail's body."""
    [url] = re.findall(r"https?://\S+", message.body)
    return url


def sent():
    """[(to, subject)] of the mails sent since the last look, and the mails themselves."""
    messages = list(mail.outbox)
    mail.outbox.clear()
    return [(message.to, message.subject) for message in messages], messages


def test_the_entrepreneur_gets_the_portals_mails_in_their_language_and_never_wagtails(
    owner, entrepreneur, lombok, moderator, moderator_client
):
    choose_language(entrepreneur, "en")
    mail.outbox.clear()

    # Submitted through "Mijn bedrijf": a mail to the entrepreneur (English, as they chose)
    # and one to the moderators (Dutch, the default); Wagtail's submission mails to the
    # moderators and the submitter are not sent.
    business = submitted_business(owner, lombok)
    assert drafts.workflow_state_of(business).status == WorkflowState.STATUS_IN_PROGRESS
    mails, messages = sent()
    assert mails == [
        (["amira@example.nl"], f"We have received your profile for {NAME}"),
        (["moderator@gemeente.nl"], f"Nieuw profiel ter controle: {NAME}"),
    ]
    assert messages[0].body.startswith("Hello,")
    assert link(messages[0]) == "http://testserver/mijn-bedrijf/"
    assert (
        link(messages[1])
        == f"http://testserver/admin/snippets/businesses/business/edit/{business.pk}/"
    )

    # The moderator asks for changes in the Wagtail admin: only the entrepreneur hears, with
    # the comment and the way back to their profile.
    act(moderator_client, business, "reject", comment="Voeg een foto van de winkel toe.")
    mails, messages = sent()
    assert mails == [(["amira@example.nl"], f"Could you change your profile for {NAME}?")]
    assert "Voeg een foto van de winkel toe." in messages[0].body
    assert link(messages[0]) == "http://testserver/mijn-bedrijf/"
    assert "/admin/" not in messages[0].body

    # Changed and sent again, then approved: the same two mails on submission (still a new
    # profile to the moderators: it was never online), and one when the profile is online,
    # with the link to it.
    edit(owner, business, lombok, tagline="Met foto")
    mails, _messages = sent()
    assert mails == [
        (["amira@example.nl"], f"We have received your profile for {NAME}"),
        (["moderator@gemeente.nl"], f"Nieuw profiel ter controle: {NAME}"),
    ]
    act(moderator_client, business, "approve")
    business.refresh_from_db()
    assert business.live
    mails, messages = sent()
    assert mails == [(["amira@example.nl"], f"Your profile for {NAME} is online")]
    assert messages[0].body.startswith("Hello,")
    url = link(messages[0])
    assert url == f"http://testserver{business.url}"
    assert owner.get(url.removeprefix("http://testserver")).status_code == 200
