"""From the mentor's answer to the end: a decline goes back to staff, intake and feedback from
both sides complete the match, the founder may stop, and steps out of order change nothing."""

import pytest
from django.core import mail
from django.urls import reverse

from programmes.mentoring import steps
from programmes.models import (
    MatchRequest,
    MentorMatch,
)
from tests.helpers import SELF, introduced, submit

pytestmark = pytest.mark.django_db


def test_a_decline_goes_back_to_staff_with_the_next_proposal(
    client, founder_client, moderator, neighbourhoods, mentors
):
    request = submit(founder_client, neighbourhoods)
    steps.confirm(request, moderator, [mentors["ayla"].pk, mentors["bram"].pk])
    match = steps.introduce(request, moderator)
    mail.outbox.clear()
    client.post(
        reverse("mentor_match", args=[match.token]), {"action": "decline", "note": "Te druk nu."}
    )
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.PROPOSED
    assert [p.mentor_id for p in request.proposals.all()] == [mentors["bram"].pk]
    assert "Te druk nu." in [m for m in mail.outbox if "moderator@gemeente.nl" in m.to][0].body
    assert steps.introduce(request, moderator).mentor == mentors["bram"]


def test_intake_and_feedback_from_both_sides_complete_the_match(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    client.post(url, {"action": "accept"})
    # The intake form keeps what was typed when something is missing.
    response = client.post(url, {"action": "intake", "intake_goal": "Tien nieuwe klanten."})
    assert response.status_code == 200 and "Tien nieuwe klanten." in response.content.decode()
    client.post(
        url,
        {
            "action": "intake",
            "intake_goal": "Tien nieuwe klanten.",
            "intake_frequency": "twee-weken",
        },
    )
    match.refresh_from_db()
    assert (
        match.status == MentorMatch.Status.ACTIVE
        and match.request.status == MatchRequest.Status.ACTIVE
    )
    client.post(url, {"action": "feedback", "rating": "4", "comment": "Goed gegaan."})
    detail = reverse("mentor_request_detail", args=[match.request.pk])
    response = founder_client.post(detail, {"rating": "9", **SELF})
    assert response.status_code == 200  # out of range: error, nothing saved
    founder_client.post(
        detail,
        {
            "rating": "5",
            "comment": "Super.",
            "self_next_step": "5",
            "self_money": "4",
            "self_customers": "4",
            "self_rules": "3",
        },
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.COMPLETED
    assert (match.founder_rating, match.mentor_rating) == (5, 4)
    assert match.request.status == MatchRequest.Status.COMPLETED
    assert match.request.self_assessment_end == {
        "next_step": 5,
        "money": 4,
        "customers": 4,
        "rules": 3,
    }
    steps = list(match.request.events.values_list("status", flat=True))
    assert steps == [
        "requested",
        "proposed",
        "introduced",
        "accepted",
        "active",
        "feedback",
        "feedback",
        "completed",
    ]


def test_the_founder_can_stop_with_a_reason(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request.pk]),
        {"stop-reason": "Ik heb al hulp gevonden."},
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.CLOSED
    assert (
        match.request.status == MatchRequest.Status.CLOSED
        and match.request.close_reason == "Ik heb al hulp gevonden."
    )


def test_steps_out_of_order_change_nothing(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    # No intake or feedback before the mentor said yes; no founder feedback before the intake.
    client.post(url, {"action": "intake", "intake_goal": "x", "intake_frequency": "week"})
    client.post(url, {"action": "feedback", "rating": "5"})
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request.pk]), {"rating": "5", **SELF}
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.INTRODUCED
    assert (match.intake_goal, match.mentor_rating, match.founder_rating) == ("", None, None)
    # Staff cannot introduce twice while a mentor is deciding.
    staff_url = reverse("mentoring_request", args=[match.request.pk])
    from django.test import Client

    staff = Client()
    staff.force_login(moderator)
    staff.post(staff_url, {"action": "introduce", "first": mentors["bram"].pk})
    assert MentorMatch.objects.filter(request=match.request).count() == 1
