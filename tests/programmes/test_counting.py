"""Page views and "apply" clicks of programmes: counted on the server, once per visit, with and
without the page cache, and without keeping anything about the visitor."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.utils import timezone

from programmes.models import ProgrammeDayCount

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def browser():
    """A visitor's browser: it sends a User-Agent (Django's test client sends none)."""
    return Client(HTTP_USER_AGENT=BROWSER)


@pytest.fixture
def programme(make_programme):
    return make_programme(
        "Etalage ontwerpen", deadline=10, apply_url="https://aanbieder.example.nl/aanmelden"
    )


def counts(programme):
    return list(
        ProgrammeDayCount.objects.filter(page=programme).values_list("day", "views", "apply_clicks")
    )


def test_each_view_counts_once_without_the_page_cache(browser, programme):
    for _ in range(3):
        assert browser.get("/programmas/etalage-ontwerpen/").status_code == 200
    assert counts(programme) == [(timezone.localdate(), 3, 0)]


def test_each_view_counts_once_with_the_page_cache(browser, programme, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches = [browser.get("/programmas/etalage-ontwerpen/")["X-Page-Cache"] for _ in range(4)]
    assert caches == ["miss", "hit", "hit", "hit"]
    assert counts(programme) == [(timezone.localdate(), 4, 0)]
    # Another visitor, without the first one's cookies: the same stored page, counted too.
    assert Client(HTTP_USER_AGENT=BROWSER).get("/programmas/etalage-ontwerpen/").status_code == 200
    assert counts(programme) == [(timezone.localdate(), 5, 0)]


def test_a_stored_page_costs_one_write_to_count(browser, programme, settings):
    settings.PAGE_CACHE_SECONDS = 300
    browser.get("/programmas/etalage-ontwerpen/")
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert browser.get("/programmas/etalage-ontwerpen/")["X-Page-Cache"] == "hit"
    statements = [q["sql"] for q in queries.captured_queries]
    assert [s.split()[0] for s in statements if not s.startswith("SAVEPOINT")][:1] == ["INSERT"]
    assert sum("ON CONFLICT" in s for s in statements) == 1


def test_crawlers_head_requests_and_previews_do_not_count(client, programme):
    for agent in ("", "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0"):
        Client(HTTP_USER_AGENT=agent).get("/programmas/etalage-ontwerpen/")
    Client(HTTP_USER_AGENT=BROWSER).head("/programmas/etalage-ontwerpen/")
    programme.make_preview_request()
    assert counts(programme) == []


def test_days_are_counted_apart(browser, programme, monkeypatch):
    browser.get("/programmas/etalage-ontwerpen/")
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a: tomorrow)
    browser.get("/programmas/etalage-ontwerpen/")
    browser.get("/programmas/etalage-ontwerpen/")
    assert sorted(counts(programme)) == [(tomorrow - timedelta(days=1), 1, 0), (tomorrow, 2, 0)]


def test_the_apply_link_goes_through_the_portal_and_counts(browser, programme, settings):
    settings.PAGE_CACHE_SECONDS = 300
    html = browser.get("/programmas/etalage-ontwerpen/").content.decode()
    links = {a.get_text(strip=True): a for a in BeautifulSoup(html, "html.parser").find_all("a")}
    website = links["Aanmelden op de website van de aanbieder"]
    email = links["aanmelden@example.nl"]  # the address stays the link's text
    assert website["href"] == "/programmas/etalage-ontwerpen/aanmelden/"
    assert email["href"] == "/programmas/etalage-ontwerpen/aanmelden/e-mail/"
    assert website["rel"] == email["rel"] == ["nofollow"]
    for _ in range(2):
        response = browser.get(website["href"])
        assert (response.status_code, response["Location"]) == (
            302,
            "https://aanbieder.example.nl/aanmelden",
        )
        assert response["Cache-Control"] == "no-store"
        assert "X-Page-Cache" not in response
    response = browser.get(email["href"])
    assert (response.status_code, response["Location"]) == (302, "mailto:aanmelden@example.nl")
    assert counts(programme) == [(timezone.localdate(), 1, 3)]


def test_no_cookie_and_nothing_about_the_visitor_is_kept(browser, programme):
    browser.get("/programmas/etalage-ontwerpen/", REMOTE_ADDR="203.0.113.9")
    response = browser.get(
        "/programmas/etalage-ontwerpen/aanmelden/",
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302
    assert not response.cookies and not browser.cookies
    columns = {field.column for field in ProgrammeDayCount._meta.concrete_fields}
    assert columns == {"id", "page_id", "day", "views", "apply_clicks"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ProgrammeDayCount._meta.db_table}")  # noqa: S608
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "203.0.113" not in stored and "198.51.100" not in stored and BROWSER not in stored


def test_an_expired_or_missing_way_of_applying_leads_back_to_the_page(
    browser, make_programme, programme
):
    old = make_programme("Oud programma", deadline=-3, apply_url="https://example.nl/oud")
    response = browser.get("/programmas/oud-programma/aanmelden/")
    assert (response.status_code, response["Location"]) == (302, "/programmas/oud-programma/")
    # Etalage ontwerpen has an address and a website; this one only its e-mail address.
    response = browser.get("/programmas/oud-programma/aanmelden/e-mail/")
    assert response.status_code == 302 and response["Location"] == "/programmas/oud-programma/"
    only_mail = make_programme("Alleen mail", deadline=5)
    response = browser.get("/programmas/alleen-mail/aanmelden/")
    assert response["Location"] == "/programmas/alleen-mail/"
    assert counts(old) == [] and counts(only_mail) == []


def test_a_failing_count_never_breaks_the_page(browser, programme, monkeypatch, caplog):
    from portal import counting

    monkeypatch.setattr(
        counting, "upsert_sql", lambda *a: "INSERT INTO no_such_table VALUES (%s, %s, %s, %s)"
    )
    assert browser.get("/programmas/etalage-ontwerpen/").status_code == 200
    assert browser.get("/programmas/etalage-ontwerpen/aanmelden/").status_code == 302
    assert "counting programmes.ProgrammeDayCount failed" in caplog.text
    monkeypatch.undo()
    assert browser.get("/programmas/etalage-ontwerpen/").status_code == 200
    assert counts(programme) == [(timezone.localdate(), 1, 0)]
