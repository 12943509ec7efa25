"""Reminders for stalled steps (never with a link that no longer works) and the staff figures."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from programmes.mentoring import progress, steps
from programmes.models import (
    MatchEvent,
    MatchRequest,
    MentorMatch,
)
from tests.helpers import introduced, submit

pytestmark = pytest.mark.django_db


# Reminders and figures ----------------------------------------------------------------------------


def test_stalled_steps_get_a_reminder_once(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    MatchRequest.objects.filter(pk=match.request.pk).update(
        updated_at=timezone.now() - timedelta(days=6)
    )
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_match_reminders", stdout=out)
    assert "1" in out.getvalue()
    assert [m.to for m in mail.outbox] == [["ayla@example.nl"]]
    assert f"/mentor/koppeling/{match.token}/" in mail.outbox[0].body
    call_command("send_match_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # not again the next day
    assert MatchEvent.objects.filter(request=match.request, status="reminder").count() == 1


def test_figures_for_staff(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    steps.answer(match, True)
    steps.record_intake(match, "Doel", "maand", "mentor")
    steps.give_feedback(match, True, 5, "", {})
    steps.give_feedback(match, False, 4, "")
    submit(founder_client, neighbourhoods)
    figures = progress.figures()
    assert figures["total"] == 2
    assert figures["proposed_within_5_days"] == 50
    assert figures["reached_active"] == 50 and figures["completed"] == 50
    assert figures["mean_rating"] == 4.5
    assert sum(row["n"] for row in figures["per_month"]) == 2


def test_a_reminder_never_sends_a_link_that_no_longer_works(
    founder_client, moderator, neighbourhoods, mentors, settings
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    long_ago = timezone.now() - timedelta(days=settings.MENTOR_LINK_DAYS + 1)
    MentorMatch.objects.filter(pk=match.pk).update(created_at=long_ago)
    MatchRequest.objects.filter(pk=match.request.pk).update(updated_at=long_ago)
    mail.outbox.clear()
    call_command("send_match_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["moderator@gemeente.nl"]]
    assert match.token not in mail.outbox[0].body
    assert f"/admin/mentoraanvragen/{match.request.pk}/" in mail.outbox[0].body
