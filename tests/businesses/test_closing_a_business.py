""" "Markeren als gestopt": staff mark a business as closed; it goes offline and stays so."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

pytestmark = pytest.mark.django_db


def close_url(business):
    return reverse("wagtailsnippets_businesses_business:close", args=[business.pk])


def test_staff_mark_a_business_as_closed_and_it_goes_offline(
    make_business, moderator_client, moderator
):
    business = make_business("Bakkerij Test")
    edit = reverse("wagtailsnippets_businesses_business:edit", args=[business.pk])
    assert close_url(business) in moderator_client.get(edit).content.decode()
    assert moderator_client.get(close_url(business)).status_code == 200

    response = moderator_client.post(close_url(business), {"closed_at": "2025-05-01"})
    assert response.status_code == 302
    business.refresh_from_db()
    assert business.closed_at == date(2025, 5, 1) and not business.live
    assert ModelLogEntry.objects.filter(action="businesses.closed", user=moderator).exists()
    listing = moderator_client.get(
        reverse("wagtailsnippets_businesses_business:list"), {"status": "closed"}
    ).content.decode()
    assert "Bakkerij Test" in listing

    # Publishing it again: it trades again, and the stop date stays out of its revisions.
    business.save_revision().publish()
    business.refresh_from_db()
    assert business.live and business.closed_at is None
    assert ModelLogEntry.objects.filter(action="businesses.reopened").exists()


def test_a_revision_does_not_undo_the_closure(make_business, moderator):
    business = make_business("Bakkerij Test")
    old = business.latest_revision
    business.close(date(2025, 5, 1), user=moderator)
    business.refresh_from_db()
    assert business.with_content_json(old.content).closed_at == date(2025, 5, 1)


def test_closing_can_be_undone_without_publishing(make_business, moderator_client):
    business = make_business("Bakkerij Test")
    business.close(date(2025, 5, 1))
    response = moderator_client.post(close_url(business), {"action": "reopen"})
    assert response.status_code == 302
    business.refresh_from_db()
    assert business.closed_at is None and not business.live


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Dit is een verplicht veld"),
        ("31-02-2025", "Vul een geldige datum in"),
        ("2999-01-01", "in de toekomst"),
        ("1800-01-01", "na 1900"),
    ],
)
def test_a_bad_closing_date_gives_a_message(make_business, moderator_client, value, message):
    business = make_business("Bakkerij Test")
    response = moderator_client.post(close_url(business), {"closed_at": value})
    assert response.status_code == 200 and message in response.content.decode()
    business.refresh_from_db()
    assert business.closed_at is None and business.live


def test_only_moderators_close_businesses(make_business, client, make_user):
    from django.contrib.auth.models import Group

    business = make_business("Bakkerij Test")
    editor = make_user("redacteur@gemeente.nl", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)
    assert client.post(close_url(business), {"closed_at": "2025-05-01"}).status_code in (302, 403)
    business.refresh_from_db()
    assert business.closed_at is None and business.live
