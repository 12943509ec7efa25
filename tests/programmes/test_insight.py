"""The staff figures of programmes and of mentor matching (programmes/insight/), each compared
with counts made straight from the rows on known data, and their reports in "Inzicht"."""

import statistics
from datetime import datetime, time, timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from home import insight
from home.insight import Neighbourhood, Period
from programmes import counting
from programmes.insight import matching_report, programme_report
from programmes.mentoring import progress
from programmes.models import (
    Category,
    MatchEvent,
    MatchRequest,
    Mentor,
    MentorMatch,
    ProgrammeDayCount,
    ProgrammePage,
    Stage,
)

pytestmark = pytest.mark.django_db


def rows(figure):
    return {row[figure.columns[0][0]]: row for row in figure.rows}


def in_lombok(neighbourhoods):
    page = neighbourhoods["lombok"]
    return Neighbourhood(id=page.pk, slug=page.slug, title=page.title)


# Programmes -------------------------------------------------------------------------------------


@pytest.fixture
def programmes(make_programme, neighbourhoods, english, today):
    """Creativity: open in Lombok, expired a few days ago (city-wide), expired long ago;
    funding: open, Overvecht only; premises: open, city-wide, with an English translation."""
    made = {
        "etalage": make_programme("Etalage", neighbourhoods=[neighbourhoods["lombok"]], deadline=9),
        "verlopen": make_programme("Verlopen", deadline=-3),
        "oud": make_programme("Oud", deadline=-400),
        "krediet": make_programme(
            "Krediet", category="financiering", neighbourhoods=[neighbourhoods["overvecht"]]
        ),
        "pand": make_programme("Pand", category="huisvesting"),
        "concept": make_programme("Concept", live=False),
    }
    index = made["pand"].get_parent().specific
    english_index = index.copy_for_translation(english)
    english_index.slug = "programmes"
    english_index.save_revision().publish()
    translation = made["pand"].copy_for_translation(english)
    translation.title = "Premises"
    translation.save_revision().publish()
    made["premises"] = ProgrammePage.objects.get(pk=translation.pk)
    day = today - timedelta(days=5)
    for name, views, clicks in (
        ("etalage", 40, 6),
        ("verlopen", 12, 1),
        ("oud", 3, 0),
        ("krediet", 25, 4),
        ("pand", 10, 2),
        ("premises", 5, 1),
    ):
        counting.count(made[name].pk, views=views, apply_clicks=clicks, day=day)
    # Before the period, and a month earlier within it.
    counting.count(made["etalage"].pk, views=100, apply_clicks=50, day=today - timedelta(days=400))
    counting.count(made["etalage"].pk, views=7, apply_clicks=1, day=today - timedelta(days=40))
    return made


@pytest.fixture
def period(today):
    return Period(start=today - timedelta(days=60), end=today)


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


# Matching ---------------------------------------------------------------------------------------

# (neighbourhood, days ago, steps reached with their day after the request, status,
#  founder and mentor rating, self-assessment at the start and at the end)
JOURNEYS = [
    (
        "lombok",
        50,
        {"proposed": 1, "introduced": 3, "active": 10, "completed": 40},
        "completed",
        (4, 5),
        (2, 4),
    ),
    (
        "lombok",
        48,
        {"proposed": 2, "introduced": 4, "active": 12, "completed": 30},
        "completed",
        (5, 5),
        (1, 3),
    ),
    (
        "lombok",
        45,
        {"proposed": 1, "introduced": 2, "active": 5, "completed": 35},
        "completed",
        (3, 4),
        (3, 3),
    ),
    (
        "overvecht",
        44,
        {"proposed": 3, "introduced": 6, "active": 9, "completed": 33},
        "completed",
        (4, 3),
        (2, 5),
    ),
    (
        "overvecht",
        40,
        {"proposed": 1, "introduced": 2, "active": 4, "completed": 20},
        "completed",
        (5, 4),
        (2, 2),
    ),
    (
        "lombok",
        38,
        {"proposed": 2, "introduced": 5, "active": 7, "completed": 25},
        "completed",
        (2, None),
        (3, 4),
    ),
    ("lombok", 30, {"proposed": 4, "introduced": 8, "active": 11}, "active", None, None),
    ("lombok", 20, {"proposed": 1, "introduced": 3}, "closed", None, None),
    ("overvecht", 15, {"proposed": 5}, "proposed", None, None),
    ("lombok", 10, {}, "requested", None, None),
    ("lombok", 200, {"proposed": 1}, "proposed", None, None),  # before the period
]


@pytest.fixture
def journeys(neighbourhoods, make_user):
    mentor = Mentor.objects.create(name="Ayla", email="ayla@example.nl", bio="Mentor.")
    now = timezone.now()
    for n, (where, ago, steps, status, rating, assessment) in enumerate(JOURNEYS):
        created = now - timedelta(days=ago)
        start = end = {}
        if assessment:
            start = dict.fromkeys(("next_step", "money", "customers", "rules"), assessment[0])
            end = dict.fromkeys(("next_step", "money", "customers", "rules"), assessment[1])
            start["rules"] = 1
        request = MatchRequest.objects.create(
            founder=make_user(f"founder{n}@example.nl"),
            stage=Stage.objects.get(slug="starter"),
            neighbourhood=neighbourhoods[where],
            goal="Meer klanten.",
            status=status,
            created_at=created,
            self_assessment_start=start,
            self_assessment_end=end if status == "completed" else {},
        )
        MatchEvent.objects.create(
            request=request, status="requested", actor_label="x", created_at=created
        )
        for step, day in steps.items():
            MatchEvent.objects.create(
                request=request,
                status=step,
                actor_label="x",
                created_at=created + timedelta(days=day),
            )
        if "introduced" in steps:
            MentorMatch.objects.create(
                request=request,
                mentor=mentor,
                status={"completed": "completed", "active": "active"}.get(status, "closed"),
                founder_rating=rating[0] if rating else None,
                mentor_rating=rating[1] if rating else None,
            )
    # A decline and a second introduction: the first moment of each step counts.
    request = MatchRequest.objects.get(created_at=now - timedelta(days=30))
    MatchEvent.objects.create(request=request, status="introduced", actor_label="x", created_at=now)


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


# The reports in "Inzicht" ------------------------------------------------------------------------


def test_the_reports_are_registered():
    slugs = {report.slug for report in insight.reports()}
    assert {"programmas", "mentoraanvragen"} <= slugs


@pytest.mark.parametrize("slug", ["programmas", "mentoraanvragen"])
def test_the_reports_render_for_staff_and_refuse_others(
    slug, programmes, journeys, moderator_client, client, make_user
):
    url = f"/admin/inzicht/{slug}/"
    response = moderator_client.get(url)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    shown = list(insight.get_report(slug).figures(insight.default_period()))
    assert shown
    for figure in shown:
        assert figure.title in html
    assert "<svg" in html
    response = moderator_client.get(url, {"wijk": "lombok"})
    assert response.status_code == 200
    response = moderator_client.get(url, {"van": "2025-13-40"})
    assert response.status_code == 200 and "geldige datum" in response.content.decode()
    # An editor may use the admin, but not see "Inzicht"; a visitor is sent to log in.
    editor = make_user("redacteur@gemeente.nl", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_reports_download_as_csv(programmes, journeys, moderator_client):
    response = moderator_client.get(
        "/admin/inzicht/mentoraanvragen/", {"figuur": "koppelen-trechter", "export": "csv"}
    )
    assert response.status_code == 200
    text = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    assert text.splitlines()[0].startswith("Stap,Aanvragen")
    assert len(text.splitlines()) == 6
