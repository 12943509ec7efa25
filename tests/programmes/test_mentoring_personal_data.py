"""Personal data in the mentoring journey: the founder's download and deletion, and a mentor
who deletes their account."""

import pytest
from django.urls import reverse

from programmes.mentoring import candidates
from programmes.models import (
    MatchRequest,
    MentorMatch,
    Stage,
)
from tests.helpers import SELF, download_my_data, introduced, mentor_user

pytestmark = pytest.mark.django_db


def test_the_founder_downloads_and_deletes_their_requests(
    founder_client, entrepreneur, moderator, neighbourhoods, mentors
):
    from tests.conftest import PASSWORD

    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    data, _files = download_my_data(founder_client)
    [exported] = data["mentoring"]["requests"]
    assert (
        exported["goal"] == "Meer klanten voor mijn kapsalon."
        and exported["matches"][0]["mentor"] == "Ayla Kaya"
    )
    founder_client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert not MatchRequest.objects.exists()
    assert not MentorMatch.objects.filter(pk=match.pk).exists()
    assert candidates.mentor_loads().get(mentors["ayla"].pk, 0) == 0


def test_the_download_holds_the_founders_words_not_the_mentors_or_the_staffs(
    client, founder_client, moderator, neighbourhoods, mentors
):
    import json

    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    MatchRequest.objects.filter(pk=match.request_id).update(staff_note="Intern: belt vaak")
    url = reverse("mentor_match", args=[match.token])
    client.post(url, {"action": "accept", "note": "Ik ken deze zaak al van vroeger."})
    client.post(
        url, {"action": "intake", "intake_goal": "Tien klanten.", "intake_frequency": "maand"}
    )
    client.post(url, {"action": "feedback", "rating": "2", "comment": "Slecht voorbereid."})
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request_id]),
        {"rating": "5", "comment": "Super geholpen.", **SELF},
    )
    data, _files = download_my_data(founder_client)
    text = json.dumps(data, ensure_ascii=False)
    for others in ("Intern", "ken deze zaak", "Tien klanten", "Slecht voorbereid"):
        assert others not in text
    [request] = data["mentoring"]["requests"]
    assert request["stage"] == str(Stage.objects.get(slug="starter"))
    assert request["urgency"] == "maand" and request["neighbourhood"] == "Lombok"
    assert request["matches"][0]["comment"] == "Super geholpen."
    # The mentor's own download holds what the mentor wrote.
    from tests.conftest import PASSWORD  # noqa: F401

    mentor_account = type(client)()
    user = mentor_user(99)
    mentors["ayla"].user = user
    mentors["ayla"].save()
    mentor_account.force_login(user)
    mentor_data, _files = download_my_data(mentor_account)
    [introduction] = mentor_data["mentoring"]["mentor"]["introductions"]
    assert introduction["comment"] == "Slecht voorbereid." and "Super geholpen" not in json.dumps(
        mentor_data
    )


def test_a_mentor_who_deletes_their_account_leaves_an_anonymous_entry(
    client, make_user, founder_client, moderator, moderator_client, neighbourhoods, mentors
):
    from wagtail.models import Revision

    from tests.conftest import PASSWORD

    ayla = mentors["ayla"]
    ayla.user = make_user("ayla@example.nl")
    ayla.save()
    ayla.save_revision().publish()
    match = introduced(founder_client, moderator, neighbourhoods, ayla)
    client.post(reverse("mentor_match", args=[match.token]), {"action": "accept"})
    client.force_login(ayla.user)
    response = client.get(reverse("account_delete"))
    assert "zonder je naam" in response.content.decode()
    client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    ayla.refresh_from_db()
    assert (ayla.name, ayla.email, ayla.bio, ayla.is_active) == (
        "Mentor (account verwijderd)", "", "", False,
    )  # fmt: skip
    revisions = list(Revision.objects.for_instance(ayla))
    assert revisions
    for revision in revisions:
        assert "Ayla" not in str(revision.content) and "ayla@" not in str(revision.content)
    # The staff's queue still counts the introduction, without her name.
    queue = moderator_client.get(
        reverse("mentoring_request", args=[match.request_id])
    ).content.decode()
    assert "Ayla" not in queue and "Mentor (account verwijderd)" in queue
