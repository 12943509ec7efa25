"""The staff figures of programmes (programmes/insight/), each compared with counts made
straight from the rows on known data."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from home.insight import Period
from programmes.insight import programme_report
from programmes.models import (
    Category,
    ProgrammeDayCount,
    ProgrammePage,
)
from tests.helpers import in_lombok, rows

pytestmark = pytest.mark.django_db


def expected_per_category(period, neighbourhood=None):
    """Counted from the rows one by one, in Python."""
    day = min(period.end, timezone.localdate())
    end_before = timezone.make_aware(datetime.combine(period.end + timedelta(days=1), time.min))
    found = {
        c.pk: {"open": set(), "expired": set(), "views": 0, "apply_clicks": 0}
        for c in Category.objects.all()
    }
    for page in ProgrammePage.objects.live():
        ids = {n.pk for n in page.neighbourhoods.all()}
        if neighbourhood and ids and neighbourhood.id not in ids:
            continue
        for count in ProgrammeDayCount.objects.filter(page=page):
            if period.start <= count.day <= period.end:
                found[page.category_id]["views"] += count.views
                found[page.category_id]["apply_clicks"] += count.apply_clicks
        if page.first_published_at >= end_before or page.is_expired_on(period.start):
            continue
        state = "expired" if page.is_expired_on(day) else "open"
        found[page.category_id][state].add(page.translation_key)
    return {
        Category.objects.get(pk=pk).name: {
            "open": len(c["open"]),
            "expired": len(c["expired"]),
            "views": c["views"],
            "apply_clicks": c["apply_clicks"],
        }
        for pk, c in found.items()
    }


def test_programmes_per_category_focus_first(programmes, period, neighbourhoods):
    figure = programme_report.per_category(period)
    assert [row["category"] for row in figure.rows] == [c.name for c in Category.objects.all()]
    assert [row["focus"] for row in figure.rows][:6] == ["ja"] * 6
    got = {
        row["category"]: {k: row[k] for k in ("open", "expired", "views", "apply_clicks")}
        for row in figure.rows
    }
    assert got == expected_per_category(period)
    assert got["Creativiteit"] == {
        "open": 1,
        "expired": 1,
        "views": 40 + 7 + 12 + 3,
        "apply_clicks": 8,
    }
    # The programme and its English translation are one programme, their views add up.
    assert got["Huisvesting"] == {"open": 1, "expired": 0, "views": 15, "apply_clicks": 3}
    lombok = Period(period.start, period.end, in_lombok(neighbourhoods))
    got = {
        row["category"]: {k: row[k] for k in ("open", "expired", "views", "apply_clicks")}
        for row in programme_report.per_category(lombok).rows
    }
    assert got == expected_per_category(lombok, lombok.neighbourhood)
    assert got["Financiering"] == {"open": 0, "expired": 0, "views": 0, "apply_clicks": 0}


def test_a_programme_published_after_the_period_is_not_on_offer(programmes, today):
    before = Period(start=today - timedelta(days=60), end=today - timedelta(days=10))
    ProgrammePage.objects.filter(pk=programmes["krediet"].pk).update(
        first_published_at=timezone.now() - timedelta(days=5)
    )
    got = rows(programme_report.per_category(before))
    assert got["Financiering"]["open"] == 0
    assert got == {
        name: {"category": name, "focus": got[name]["focus"], **values}
        for name, values in expected_per_category(before).items()
    }


def test_most_viewed_programmes(programmes, period):
    figure = programme_report.per_programme(period)
    totals = {}
    for count in ProgrammeDayCount.objects.filter(day__gte=period.start, day__lte=period.end):
        key = count.page.translation_key
        views, clicks = totals.get(key, (0, 0))
        totals[key] = (views + count.views, clicks + count.apply_clicks)
    expected = sorted(
        (
            ProgrammePage.objects.get(translation_key=key, locale__language_code="nl").title,
            views,
            clicks,
        )
        for key, (views, clicks) in totals.items()
    )
    got = sorted((row["programme"], row["views"], row["apply_clicks"]) for row in figure.rows)
    assert got == expected
    assert [row["programme"] for row in figure.rows][:2] == ["Etalage", "Krediet"]
    assert rows(figure)["Pand"] == {
        "programme": "Pand",
        "category": "Huisvesting",
        "status": "open",
        "views": 15,
        "apply_clicks": 3,
        "share": 20,
    }
    assert rows(figure)["Verlopen"]["status"] == "verlopen"


def test_views_per_month(programmes, period, today):
    figure = programme_report.per_month(period)
    assert [row["month"] for row in figure.rows] == period.months()
    by_month = {}
    for count in ProgrammeDayCount.objects.filter(day__gte=period.start, day__lte=period.end):
        views, clicks = by_month.get(count.day.replace(day=1), (0, 0))
        by_month[count.day.replace(day=1)] = (views + count.views, clicks + count.apply_clicks)
    for row in figure.rows:
        assert (row["views"], row["apply_clicks"]) == by_month.get(row["month"], (0, 0))
    assert sum(row["views"] for row in figure.rows) == 40 + 7 + 12 + 3 + 25 + 10 + 5


def test_an_empty_period_gives_empty_tables(programmes, today):
    empty = Period(start=today - timedelta(days=3000), end=today - timedelta(days=2990))
    assert [f.rows for f in programme_report.programme_figures(empty)] == [[], [], []]


def test_programme_headlines(programmes, period):
    got = {h.label: h.value for h in programme_report.programme_headlines(period)}
    # Etalage, Krediet, Pand (and its translation): Verlopen and Oud have expired.
    assert got == {"Programma's open": 3, "Keer bekeken": 102, "Naar aanmelden": 15}
