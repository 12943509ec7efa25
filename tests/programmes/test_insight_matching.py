"""The staff figures of mentor matching (programmes/insight/), each compared with counts made
straight from the requests and their events on known journeys."""

import statistics
from datetime import timedelta

import pytest
from django.utils import timezone

from home.insight import Period
from programmes.insight import matching_report
from programmes.mentoring import progress
from programmes.models import (
    MatchRequest,
)
from tests.helpers import in_lombok, rows

pytestmark = pytest.mark.django_db


def expected_funnel(period):
    """Counted from the requests and their events one by one."""
    order = ["requested", "proposed", "introduced", "active", "completed"]
    requests = [
        r for r in MatchRequest.objects.all() if period.start_at <= r.created_at < period.end_before
    ]
    if period.neighbourhood:
        requests = [r for r in requests if r.neighbourhood_id == period.neighbourhood.id]
    result = []
    for i, step in enumerate(order):
        reached = [
            r
            for r in requests
            if any(order.index(e.status) >= i for e in r.events.all() if e.status in order)
            or (r.status in order and order.index(r.status) >= i)
        ]
        waits = []
        if i:
            for r in requests:
                times = {}
                for e in r.events.order_by("created_at"):
                    times.setdefault(e.status, e.created_at)
                if step in times and order[i - 1] in times:
                    waits.append((times[step] - times[order[i - 1]]).total_seconds() / 86400)
        result.append(
            (
                len(reached),
                round(100 * len(reached) / len(requests)),
                round(statistics.median(waits), 1) if waits else None,
            )
        )
    return result


def test_the_matching_funnel(journeys, period, neighbourhoods):
    figure = matching_report.funnel(period)
    got = [(row["reached"], row["share"], row["median_days"]) for row in figure.rows]
    assert got == expected_funnel(period)
    assert [row["reached"] for row in figure.rows] == [10, 9, 8, 7, 6]
    assert [row["share"] for row in figure.rows] == [100, 90, 80, 70, 60]
    assert figure.rows[1]["median_days"] == 2.0  # requested → proposed: 1 1 1 2 2 3 4 5 → 2
    assert figure.rows[4]["median_days"] == 21.0  # active → completed: 16 18 18 24 30 30 → 21
    lombok = Period(period.start, period.end, in_lombok(neighbourhoods))
    got = [
        (row["reached"], row["share"], row["median_days"])
        for row in matching_report.funnel(lombok).rows
    ]
    assert got == expected_funnel(lombok)
    assert got[0][0] == 7


def test_ratings_of_completed_matches(journeys, period, neighbourhoods):
    got = rows(matching_report.ratings(period))
    founders = [4, 5, 3, 4, 5, 2]
    mentors = [5, 5, 4, 3, 4]
    assert got["Ondernemers"]["answers"] == 6 and got["Mentoren"]["answers"] == 5
    assert got["Ondernemers"]["mean"] == round(statistics.mean(founders), 1)
    assert got["Mentoren"]["mean"] == round(statistics.mean(mentors), 1)
    assert got["Samen"]["mean"] == round(statistics.mean(founders + mentors), 1)
    # The same mean as the queue's figures (progress.figures), which rate completed matches too.
    requests = matching_report.requests_in(period)
    assert progress.figures(requests)["mean_rating"] == got["Samen"]["mean"]
    # Lombok has four founders' and three mentors' ratings: too few to show a mean.
    got = rows(matching_report.ratings(Period(period.start, period.end, in_lombok(neighbourhoods))))
    assert (got["Ondernemers"]["answers"], got["Ondernemers"]["mean"]) == (4, None)
    assert (got["Mentoren"]["answers"], got["Mentoren"]["mean"]) == (3, None)
    assert got["Samen"]["mean"] == round(statistics.mean([4, 5, 3, 2, 5, 5, 4]), 1)


def test_the_self_assessment_before_and_after(journeys, period):
    figure = matching_report.self_assessment(period)
    got = rows(figure)
    pairs = [
        (r.self_assessment_start, r.self_assessment_end)
        for r in MatchRequest.objects.filter(status="completed")
        if period.start_at <= r.created_at
    ]
    assert len(pairs) == 6
    for key, label in (
        ("money", "Ik heb overzicht over mijn geld."),
        ("rules", "Ik ken de regels en vergunningen voor mijn bedrijf."),
    ):
        start = statistics.mean(s[key] for s, _e in pairs)
        end = statistics.mean(e[key] for _s, e in pairs)
        row = got[label]
        assert row["answers"] == 6
        assert (row["start"], row["end"]) == (round(start, 1), round(end, 1))
        assert row["change"] == round(statistics.mean(e[key] - s[key] for s, e in pairs), 1)
    assert got["Ik ken de regels en vergunningen voor mijn bedrijf."]["start"] == 1.0


def test_requests_per_month(journeys, period):
    figure = matching_report.requests_per_month(period)
    assert [row["month"] for row in figure.rows] == period.months()
    months = {}
    for r in MatchRequest.objects.all():
        if period.start_at <= r.created_at < period.end_before:
            month = timezone.localtime(r.created_at).date().replace(day=1)
            months[month] = months.get(month, 0) + 1
    assert {row["month"]: row["requests"] for row in figure.rows} == {
        month: months.get(month, 0) for month in period.months()
    }


def test_an_empty_period_has_no_matching_rows(journeys, today):
    empty = Period(start=today - timedelta(days=3000), end=today - timedelta(days=2990))
    assert [f.rows for f in matching_report.matching_figures(empty)] == [[], [], [], []]
