"""The mentor's link: answering once, forged links, and the link ending (with the match, the
request or its days) without showing anything of the request."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from programmes.mentoring import steps
from programmes.models import (
    MentorMatch,
    MunicipalContact,
)
from tests.helpers import introduced

pytestmark = pytest.mark.django_db


# The mentor's link ---------------------------------------------------------------------------


def test_the_mentor_accepts_through_the_link_once(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    html = client.get(url).content.decode()
    assert "Meer klanten voor mijn kapsalon." in html and "amira@example.nl" not in html
    mail.outbox.clear()
    client.post(url, {"action": "accept", "note": "Ik bel deze week."})
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.ACCEPTED
    assert "ayla@example.nl" in [m for m in mail.outbox if m.to == ["amira@example.nl"]][0].body
    event = match.request.events.get(status="accepted")
    assert (
        event.actor is None
        and "Ayla Kaya" in event.actor_label
        and event.note == "Ik bel deze week."
    )
    # A used link changes nothing.
    response = client.post(url, {"action": "decline"}, follow=True)
    assert "Je hebt al geantwoord" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.ACCEPTED


def test_a_forged_link_says_so_and_changes_nothing(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    for token in ("nep", match.token[:-1] + ("x" if match.token[-1] != "x" else "y")):
        response = client.post(reverse("mentor_match", args=[token]), {"action": "accept"})
        assert response.status_code == 404
        assert "Deze link klopt niet" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.INTRODUCED


# The link ends with the match, or after MENTOR_LINK_DAYS: 410 with whom to ask, and nothing of
# the request (no name, e-mail address or goal of the founder).
PERSONAL = ("Amira", "amira@example.nl", "Meer klanten voor mijn kapsalon.", "kapsalon")


def link_gone(url):
    """The mentor's browser (no account) on an ended link: the page, checked."""
    from django.test import Client

    response = Client().get(url, follow=True)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Deze link werkt niet meer" in html and "niet meer zien" in html
    assert [text for text in PERSONAL if text in html] == []
    return html


def test_a_mentor_who_declines_lands_on_the_ended_link_with_their_thanks(
    named_founder, founder_client, moderator, neighbourhoods, mentors
):
    from django.test import Client

    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    mentor = Client()
    assert "Amira" in mentor.get(url).content.decode()  # while it runs, the mentor sees the request
    response = mentor.post(url, {"action": "decline", "note": "Te druk nu."}, follow=True)
    assert response.redirect_chain == [(url, 302)] and response.status_code == 410
    html = response.content.decode()
    assert "Jammer, maar dank je wel voor je antwoord." in html
    assert "Deze link werkt niet meer" in html
    assert [text for text in PERSONAL if text in html] == []
    # The request's municipal contact is the one to ask.
    assert "Wijkmanager Lombok" in html and "lombok@gemeente.nl" in html
    # A later answer through the link changes nothing.
    assert mentor.post(url, {"action": "accept"}).status_code == 410
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.DECLINED
    link_gone(url)


def test_a_completed_match_ends_the_link(
    named_founder, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    steps.answer(match, True)
    steps.record_intake(match, "Tien nieuwe klanten.", "week", "Ayla Kaya (mentor)")
    steps.give_feedback(match, False, 4, "Goed gegaan.")
    url = reverse("mentor_match", args=[match.token])
    assert "Voor jou is er nu niets te doen" in founder_client.get(url).content.decode()
    steps.give_feedback(match, True, 5, "Super.", {})
    assert match.status == MentorMatch.Status.COMPLETED
    assert "Tien nieuwe klanten." not in link_gone(url)


def test_a_closed_request_ends_the_link(
    named_founder, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request.pk]),
        {"stop-reason": "Ik heb al hulp gevonden."},
    )
    assert "Ik heb al hulp gevonden." not in link_gone(reverse("mentor_match", args=[match.token]))


def test_an_old_link_ends_and_names_the_portals_contact_without_a_municipal_one(
    named_founder, founder_client, moderator, neighbourhoods, mentors, settings
):
    from home.models import PortalSettings

    settings.MENTOR_LINK_DAYS = 30
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    MentorMatch.objects.filter(pk=match.pk).update(created_at=timezone.now() - timedelta(days=29))
    assert founder_client.get(url).status_code == 200  # within the days, the link works
    MentorMatch.objects.filter(pk=match.pk).update(created_at=timezone.now() - timedelta(days=31))
    MunicipalContact.objects.all().delete()
    portal = PortalSettings.objects.get()
    portal.contact_email = "ondernemers@gemeente.nl"
    portal.save()
    html = link_gone(url)
    assert "ondernemers@gemeente.nl" in html and "Wijkmanager Lombok" not in html
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.INTRODUCED  # only the link ended


def test_links_last_a_year_by_default(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    assert match.link_works(now=match.created_at + timedelta(days=364))
    assert not match.link_works(now=match.created_at + timedelta(days=365))


def test_only_the_introduced_mentor_answers_for_their_introduction(
    client, founder_client, moderator, neighbourhoods, mentors, make_user
):
    first = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    other_founder = make_user("tweede@example.nl")
    from django.test import Client

    other_client = Client()
    other_client.force_login(other_founder)
    second = introduced(other_client, moderator, neighbourhoods, mentors["bram"])
    client.post(reverse("mentor_match", args=[second.token]), {"action": "accept"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (
        first.status == MentorMatch.Status.INTRODUCED
        and second.status == MentorMatch.Status.ACCEPTED
    )
    # The founder's own account gives no power over the mentor's answer.
    founder_client.post(
        reverse("mentor_request_detail", args=[first.request.pk]), {"action": "accept"}
    )
    first.refresh_from_db()
    assert first.status == MentorMatch.Status.INTRODUCED
