"""What people search for: recorded per normalised query per day (search/recording.py), with and
without the page cache, nothing about the visitor; the staff figures (search/insight.py)
compared with counts made from the rows; the report in "Inzicht"."""

from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from home import insight
from home.insight import Neighbourhood, Period
from search import insight as figures
from search import recording
from search.models import QueryDayCount, SearchFeedback

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


@pytest.fixture
def browser():
    return Client(HTTP_USER_AGENT=BROWSER)


@pytest.fixture
def shops(add_business, settings):
    settings.SEARCH_URL = ""
    add_business("Bakkerij Yıldız", tagline="Turks brood", wijk="lombok")
    add_business("Toko Sari", tagline="Indonesische supermarkt", wijk="overvecht")


def recorded():
    return sorted(
        QueryDayCount.objects.values_list("kind", "neighbourhood", "query", "searches", "empty")
    )


# Recording ---------------------------------------------------------------------------------------


def test_directory_searches_are_counted_per_normalised_query(browser, shops):
    browser.get("/ondernemers/", {"q": "  Bakkerij   "})
    browser.get("/ondernemers/", {"q": "bakkerij"})
    browser.get("/ondernemers/", {"q": "BAKKERIJ", "wijk": "lombok"})
    browser.get("/ondernemers/", {"q": "fietsenmaker"})
    browser.get("/ondernemers/", {"q": "bakkerij", "page": "2"})  # browsing on: not again
    browser.get("/ondernemers/", {"sector": "bakkerij"})  # no text: no query
    browser.get("/ondernemers/", {"q": "toko", "wijk": ["lombok", "overvecht"]})
    assert recorded() == [
        ("ondernemers", "", "bakkerij", 2, 0),
        ("ondernemers", "", "fietsenmaker", 1, 1),
        ("ondernemers", "", "toko", 1, 0),
        ("ondernemers", "lombok", "bakkerij", 1, 0),
    ]
    assert set(QueryDayCount.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_site_searches_are_counted_with_and_without_the_page_cache(browser, home, settings):
    html = browser.get("/zoeken/", {"q": "Privacy"}).content.decode()
    # What the engine finds differs (SQLite's and PostgreSQL's full-text search): the page says.
    empty = 4 if "0 pagina's gevonden" in unescape(html) else 0
    settings.PAGE_CACHE_SECONDS = 300
    caches = [browser.get("/zoeken/", {"q": "privacy"})["X-Page-Cache"] for _ in range(3)]
    assert caches == ["miss", "hit", "hit"]
    for _ in range(2):
        assert browser.get("/zoeken/", {"q": "onbekendwoord"}).status_code == 200
    assert recorded() == [("site", "", "onbekendwoord", 2, 2), ("site", "", "privacy", 4, empty)]


def test_queries_are_cut_and_personal_looking_text_is_not_kept(browser, shops):
    browser.get("/ondernemers/", {"q": "kapper " * 40})
    browser.get("/ondernemers/", {"q": "amira@example.nl"})
    browser.get("/ondernemers/", {"q": "bel 06-12345678"})
    browser.get("/ondernemers/", {"q": "030 123 4567"})
    browser.get("/ondernemers/", {"q": "kanaalstraat 12"})
    queries = [query for _k, _n, query, _s, _e in recorded()]
    assert queries == ["kanaalstraat 12", ("kapper " * 40)[:100].strip()]
    assert len(queries[1]) <= 100


def test_crawlers_do_not_count_and_nothing_about_the_visitor_is_kept(shops):
    Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)").get("/ondernemers/?q=toko")
    Client().get("/zoeken/?q=toko")
    assert recorded() == []
    browser = Client(HTTP_USER_AGENT=BROWSER)
    response = browser.get("/zoeken/?q=toko", REMOTE_ADDR="203.0.113.9")
    assert not [name for name in response.cookies if name != "csrftoken"]
    columns = {field.column for field in QueryDayCount._meta.concrete_fields}
    assert columns == {"id", "day", "kind", "neighbourhood", "query", "searches", "empty"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {QueryDayCount._meta.db_table}")  # noqa: S608
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "203.0.113" not in stored and "Chrome" not in stored


def test_counts_older_than_thirteen_months_are_deleted_once_a_day(browser, shops):
    today = timezone.localdate()
    old = today - timedelta(days=recording.KEEP_DAYS + 1)
    kept = today - timedelta(days=recording.KEEP_DAYS)
    for day in (old, kept):
        QueryDayCount.objects.create(day=day, kind="site", query="oud", searches=3)
    browser.get("/ondernemers/?q=toko")
    assert sorted(QueryDayCount.objects.values_list("day", flat=True)) == [kept, today]
    QueryDayCount.objects.create(day=old, kind="site", query="oud", searches=3)
    browser.get("/ondernemers/?q=toko")  # the same day: not again
    assert QueryDayCount.objects.filter(day=old).exists()


# Figures -----------------------------------------------------------------------------------------


@pytest.fixture
def searches(db):
    today = timezone.localdate()
    for days_ago, kind, wijk, query, searches, empty in (
        (3, "ondernemers", "", "toko", 9, 0),
        (3, "site", "", "toko", 2, 2),
        (4, "ondernemers", "lombok", "toko", 4, 0),
        (5, "ondernemers", "", "fietsenmaker", 6, 6),
        (40, "ondernemers", "lombok", "fietsenmaker", 3, 3),
        (6, "site", "", "subsidie", 7, 1),
        (2, "ondernemers", "lombok", "kapper", 1, 1),
        (500, "ondernemers", "", "oud", 50, 50),  # before the period
    ):
        QueryDayCount.objects.create(
            day=today - timedelta(days=days_ago),
            kind=kind,
            neighbourhood=wijk,
            query=query,
            searches=searches,
            empty=empty,
        )
    for query, found, comment in (
        ("Toko", True, ""),
        ("toko ", False, "Zocht een toko in Lombok"),
        ("fietsenmaker", False, ""),
        ("Fietsenmaker", False, "Geen fietsenmaker?"),
        ("kapper", True, ""),
    ):
        SearchFeedback.objects.create(query=query, found=found, comment=comment)
    old = SearchFeedback.objects.create(query="oud", found=False)
    SearchFeedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=500))


@pytest.fixture
def period():
    today = timezone.localdate()
    return Period(start=today - timedelta(days=60), end=today)


def lombok_period(period, city):
    page = city["lombok"]
    return Period(period.start, period.end, Neighbourhood(page.pk, page.slug, page.title))


def expected_totals(period, wijk=None):
    found = {}
    for row in QueryDayCount.objects.all():
        if not period.start <= row.day <= period.end:
            continue
        if wijk and (row.kind != "ondernemers" or row.neighbourhood != wijk):
            continue
        total = found.setdefault(row.query, {"directory": 0, "site": 0, "searches": 0, "empty": 0})
        total["directory" if row.kind == "ondernemers" else "site"] += row.searches
        total["searches"] += row.searches
        total["empty"] += row.empty
    return found


def test_top_queries(searches, period, city):
    figure = figures.top_queries(period)
    got = {row["query"]: {k: v for k, v in row.items() if k != "query"} for row in figure.rows}
    assert got == expected_totals(period)
    assert [row["query"] for row in figure.rows] == ["toko", "fietsenmaker", "subsidie", "kapper"]
    assert got["toko"] == {"directory": 13, "site": 2, "searches": 15, "empty": 2}
    lombok = lombok_period(period, city)
    figure = figures.top_queries(lombok)
    got = {row["query"]: {k: v for k, v in row.items() if k != "query"} for row in figure.rows}
    assert got == expected_totals(lombok, "lombok")
    assert "Lombok" in figure.note


def test_queries_without_results_link_to_the_synonyms(searches, period):
    figure = figures.without_results(period)
    expected = sorted(
        ((q, t["empty"], t["searches"]) for q, t in expected_totals(period).items() if t["empty"]),
        key=lambda item: (-item[1], item[0]),
    )
    assert [(row["query"], row["empty"], row["searches"]) for row in figure.rows] == expected
    assert [row["query"] for row in figure.rows] == ["fietsenmaker", "toko", "kapper", "subsidie"]
    assert '<a href="/admin/settings/search/searchsettings/">' in figure.note


def test_searches_per_month(searches, period):
    figure = figures.per_month(period)
    assert [row["month"] for row in figure.rows] == period.months()
    by_month = {}
    for row in QueryDayCount.objects.all():
        if period.start <= row.day <= period.end:
            searches, empty = by_month.get(row.day.replace(day=1), (0, 0))
            by_month[row.day.replace(day=1)] = (searches + row.searches, empty + row.empty)
    for row in figure.rows:
        assert (row["searches"], row["empty"]) == by_month.get(row["month"], (0, 0))


def test_feedback_answers(searches, period, city):
    figure = figures.feedback_answers(period)
    in_period = [f for f in SearchFeedback.objects.all() if f.created_at >= period.start_at]
    assert [row["answers"] for row in figure.rows] == [
        sum(f.found for f in in_period),
        sum(not f.found for f in in_period),
    ]
    assert [row["answers"] for row in figure.rows] == [2, 3]
    assert "2 van hen" in figure.description
    assert "/admin/snippets/search/searchfeedback/" in figure.note
    figure = figures.feedback_not_found(period)
    assert figure.rows == [
        {"query": "fietsenmaker", "not_found": 2, "found": 0},
        {"query": "toko", "not_found": 1, "found": 1},
    ]
    assert "hele stad" in figures.feedback_not_found(lombok_period(period, city)).note


def test_an_empty_period_gives_empty_tables(searches):
    today = timezone.localdate()
    empty = Period(start=today - timedelta(days=3000), end=today - timedelta(days=2990))
    assert [f.rows for f in figures.search_figures(empty)] == [[], [], [], [], []]
    assert {h.label: h.value for h in figures.search_headlines(empty)}["Niets gevonden"] == "–"


def test_headlines(searches, period):
    got = {h.label: h.value for h in figures.search_headlines(period)}
    assert got == {
        "Zoekopdrachten": 9 + 2 + 4 + 6 + 3 + 7 + 1,
        "Niets gevonden": f"{round(100 * 13 / 32)}%",
        "Niet gevonden, volgens bezoekers": 3,
    }


# The report ----------------------------------------------------------------------------------------


def test_the_report_renders_for_staff_and_refuses_others(searches, moderator_client, client, city):
    assert insight.get_report("zoeken") is not None
    response = moderator_client.get("/admin/inzicht/zoeken/")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    shown = list(figures.search_figures(insight.default_period()))
    assert shown
    for figure in shown:
        assert str(figure.title) in html
    assert "fietsenmaker" in html
    assert 'href="/admin/settings/search/searchsettings/"' in html
    response = moderator_client.get("/admin/inzicht/zoeken/", {"wijk": "lombok"})
    assert response.status_code == 200 and "kapper" in response.content.decode()
    response = moderator_client.get(
        "/admin/inzicht/zoeken/", {"figuur": "zoeken-zonder-resultaat", "export": "csv"}
    )
    text = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8-sig")
    assert text.splitlines()[0] == "Zoekopdracht,Niets gevonden,Keer gezocht,Laatst gezocht"
    response = client.get("/admin/inzicht/zoeken/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
