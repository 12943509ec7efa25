"""A URL finds its page in the same few queries at any depth, as Wagtail's routing would find
it; view restrictions still apply, and a new one at once."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from portal import page_cache

pytestmark = pytest.mark.django_db


def add(parent, slug, live=True):
    page = StandardPage(title=slug.capitalize(), slug=slug)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_deeper_pages_cost_no_more_queries(client, home):
    add(add(add(home, "a"), "b"), "c")
    assert count_queries(client, "/a/b/c/") == count_queries(client, "/a/")


def test_only_existing_live_pages_are_found(client, home):
    draft = add(add(home, "a"), "concept", live=False)
    add(draft, "onder-concept")
    assert client.get("/a/").status_code == 200
    assert client.get("/a/concept/").status_code == 404
    assert client.get("/a/bestaat-niet/").status_code == 404
    assert client.get("/bestaat-niet/a/").status_code == 404
    # Like Wagtail's own routing: a live page is found below a draft.
    assert client.get("/a/concept/onder-concept/").status_code == 200
    # Not in the English tree (yet): the Dutch page, under /en/; what is in neither is not found.
    assert client.get("/en/a/").status_code == 200
    assert client.get("/en/a/concept/").status_code == 404
    assert client.get("/en/bestaat-niet/").status_code == 404


def test_a_long_made_up_path_costs_no_more_than_its_length(client, home):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/" + "a/" * 1000).status_code == 404
    assert max(len(query["sql"]) for query in queries) < 3000


def test_pages_with_routes_of_their_own_get_the_rest_of_the_path(client, home):
    from programmes.models import ProgrammeIndexPage

    index = ProgrammeIndexPage(title="Programma's", slug="programmas")
    home.add_child(instance=index)
    index.save_revision().publish()
    add(index, "agenda")
    add(add(index, "uitleg"), "meer")
    # Its own routes go first, as in Wagtail's routing: /agenda/ is its calendar, not the page.
    response = client.get("/programmas/agenda/")
    assert (response.status_code, response["Content-Type"].split(";")[0]) == (200, "text/calendar")
    assert client.get("/programmas/wat-past-bij-mij/").status_code == 200
    # Its children are found through it.
    assert (
        '<h1 class="utrecht-heading-1">Meer</h1>'
        in client.get("/programmas/uitleg/meer/").content.decode()
    )
    assert client.get("/programmas/bestaat-niet/").status_code == 404


@pytest.fixture
def cached(settings, monkeypatch, django_capture_on_commit_callbacks):
    """The shared caches on, whole pages never; commit() runs what waits for the commit."""
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(page_cache, "cacheable_request", lambda request: False)
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_view_restrictions_are_not_asked_again(client, home, cached):
    client.get("/over-dit-portaal/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/over-dit-portaal/")
    assert not [q for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]


def test_a_new_view_restriction_counts_at_once_also_below(client, home, cached):
    commit = cached
    about = StandardPage.objects.get(slug="over-dit-portaal")
    with commit():
        below = add(about, "team")
    assert client.get("/over-dit-portaal/team/").status_code == 200
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=about, restriction_type=PageViewRestriction.LOGIN
        )
    for path in ("/over-dit-portaal/", "/over-dit-portaal/team/"):
        response = client.get(path)
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            reverse("wagtailcore_login"),
        )
    with commit():
        restriction.delete()
    assert client.get(below.url).status_code == 200


def test_the_locale_and_the_english_home_page_are_not_asked_again(client, home, cached):
    client.get("/en/about-this-portal/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/about-this-portal/").status_code == 200
    sql = " ".join(query["sql"] for query in queries)
    assert "wagtailcore_locale" not in sql
    assert "home_homepage" not in sql
    # The page found for the path is kept under the content version too (home.routing).
    assert len(queries) == 0


def test_the_english_home_page_changes_at_once(client, home, cached):
    commit = cached
    from home.models import HomePage

    def heading():
        html = client.get("/en/").content.decode()
        return BeautifulSoup(html, "html.parser").h1.get_text(strip=True)

    assert heading() == "Doing business in your neighbourhood"
    english = HomePage.objects.get(locale__language_code="en")
    english.hero_heading = "Business in your street"
    with commit():
        english.save_revision().publish()
    assert heading() == "Business in your street"
    with commit():
        english.unpublish()
    assert heading() == "Ondernemen in jouw wijk"  # as Wagtail does: the page it was made from
