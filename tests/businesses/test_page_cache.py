"""Anonymous visitors get stored pages; every published change shows at once."""

import pytest

from businesses.models import Business

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def visit(client, path):
    response = client.get(path)
    return response.status_code, response.headers.get("X-Page-Cache"), response.content.decode()


def test_a_stored_page_is_served_without_the_database(client, lombok, django_assert_num_queries):
    assert visit(client, "/wijken/lombok/")[:2] == (200, "miss")
    with django_assert_num_queries(0):
        status, cache, html = visit(client, "/wijken/lombok/")
    assert (status, cache) == (200, "hit")
    assert "Lombok" in html
    assert "Content-Security-Policy" in client.get("/wijken/lombok/").headers


def test_published_changes_show_at_once(client, home, lombok, commit):
    visit(client, "/wijken/lombok/")
    revision = lombok.save_revision()
    lombok.title = "Lombok en Transwijk"
    with commit():
        lombok.save_revision().publish()
    status, cache, html = visit(client, "/wijken/lombok/")
    assert (status, cache) == (200, "miss")
    assert "Lombok en Transwijk" in html
    with commit():
        lombok.unpublish()
    assert visit(client, "/wijken/lombok/")[0] == 404
    with commit():
        revision.publish()
    assert visit(client, "/wijken/lombok/")[0] == 200


def test_moved_pages_move_at_once(client, home, index, lombok, commit):
    visit(client, "/wijken/lombok/")
    with commit():
        lombok.move(home, pos="last-child")
    # Wagtail leaves a redirect behind at the old address.
    response = client.get("/wijken/lombok/")
    assert (response.status_code, response["Location"]) == (301, "/lombok/")
    assert visit(client, "/lombok/")[0] == 200


def test_a_published_business_shows_on_its_neighbourhood_at_once(
    client, lombok, make_business, commit
):
    assert "Bakkerij Zon" not in visit(client, "/wijken/lombok/")[2]
    with commit():
        business = make_business("Bakkerij Zon")
    assert "Bakkerij Zon" in visit(client, "/wijken/lombok/")[2]
    with commit():
        Business.objects.get(pk=business.pk).unpublish()
    assert "Bakkerij Zon" not in visit(client, "/wijken/lombok/")[2]


def test_logged_in_visitors_never_get_a_stored_page(client, lombok, entrepreneur):
    visit(client, "/wijken/lombok/")
    assert visit(client, "/wijken/lombok/")[1] == "hit"
    client.force_login(entrepreneur)
    status, cache, html = visit(client, "/wijken/lombok/")
    assert (status, cache) == (200, None)


def test_pages_with_a_form_are_not_stored(client, lombok, make_business):
    # A profile carries the "report a mistake" form, whose CSRF cookie makes it personal.
    make_business("Bakkerij Zon")
    for _ in range(2):
        assert visit(client, "/wijken/lombok/bakkerij-zon/")[:2] == (200, None)


def test_shared_parts_are_kept_for_pages_stored_only_in_part(
    client, lombok, entrepreneur, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(entrepreneur)  # a logged-in visitor never gets a whole stored page
    with CaptureQueriesContext(connection) as first:
        client.get("/wijken/lombok/")
    # The brand, the main menu and the footer come from the cache the second time.
    with django_assert_max_num_queries(len(first) - 6):
        assert "Lombok" in client.get("/wijken/lombok/").content.decode()


def test_changed_site_settings_show_at_once_in_the_shared_parts(
    client, home, lombok, entrepreneur, commit
):
    from home.models import PortalSettings

    client.force_login(entrepreneur)
    client.get("/wijken/lombok/")
    portal = PortalSettings.for_site(home.get_site())
    portal.municipality_name = "Gemeente Vechtstad"
    with commit():
        portal.save()
    html = client.get("/wijken/lombok/").content.decode()
    assert html.count("Gemeente Vechtstad") >= 2  # the brand and the footer


# What pages that are not stored whole keep under the version ---------------------------------


def test_a_neighbourhood_page_shows_changed_names_and_contacts_at_once(
    client, lombok, make_business, entrepreneur, commit
):
    from businesses.models import Language, Sector
    from programmes.models import MunicipalContact

    make_business("Bakkerij Zon", sectors=["bakkerij"], languages=["tr"])
    client.force_login(entrepreneur)  # never a whole stored page: only the kept parts count
    html = visit(client, "/wijken/lombok/")[2]
    assert "Bakkerij" in html and "Turks" in html
    with commit():
        sector = Sector.objects.get(slug="bakkerij")
        sector.name_nl = "Brood en banket"
        sector.save()
        language = Language.objects.get(code="tr")
        language.name_nl = "Turks (Türkçe)"
        language.save()
        lombok.introduction = "Aan het kanaal."
        lombok.save_revision().publish()
    with commit():
        contact = MunicipalContact.objects.create(
            name="Fatima Amrani", role="Wijkmanager", email="f.amrani@example.nl"
        )
        contact.neighbourhoods.set([lombok])
        contact.save()
    html = visit(client, "/wijken/lombok/")[2]
    assert "Brood en banket" in html and "Turks (Türkçe)" in html
    assert "Aan het kanaal." in html
    assert "Fatima Amrani" in html


def test_a_profile_shows_published_changes_at_once(
    client, index, lombok, make_business, entrepreneur, commit
):
    business = make_business("Bakkerij Zon", tagline="Vers brood")
    client.force_login(entrepreneur)
    assert "Vers brood" in visit(client, "/wijken/lombok/bakkerij-zon/")[2]
    business.tagline = "Vers brood en gebak"
    with commit():
        business.save_revision().publish()
    with commit():
        index.title = "Alle wijken"
        index.save_revision().publish()
    html = visit(client, "/wijken/lombok/bakkerij-zon/")[2]
    assert "Vers brood en gebak" in html
    assert "Alle wijken" in html  # the breadcrumb
    with commit():
        Business.objects.get(pk=business.pk).unpublish()
    assert visit(client, "/wijken/lombok/bakkerij-zon/")[0] == 404


def test_a_page_stored_over_https_never_answers_plain_http(client, lombok, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    # One Host header for both, as behind a proxy (the test client adds :80 to HTTPS ones).
    https = client.get("/wijken/lombok/", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="https")
    assert (https.status_code, https.headers["X-Page-Cache"]) == (200, "miss")
    again = client.get("/wijken/lombok/", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="https")
    assert again.headers["X-Page-Cache"] == "hit"
    plain = client.get("/wijken/lombok/", HTTP_HOST="testserver")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")


def test_a_request_asks_the_cache_for_the_version_once(client, lombok):
    from django.core.cache import cache

    client.get("/wijken/lombok/")
    asked = []
    original = cache.get_or_set
    cache.get_or_set = lambda key, *args, **kwargs: (
        asked.append(key),
        original(key, *args, **kwargs),
    )[1]
    try:
        client.get("/wijken/lombok/?page=1")  # a page not stored yet: rendered, with fragments
    finally:
        cache.get_or_set = original
    assert asked.count("page-cache-version") == 1


def test_health_probes_skip_the_caches(client, home, django_assert_num_queries):
    from django.core.cache import cache

    cache.clear()
    with django_assert_num_queries(0):
        assert client.get("/livez").status_code == 200
    assert cache.get("page-cache-version") is None  # not even the version was asked for


def test_the_pages_of_a_list_share_its_counts_and_a_new_business_counts_at_once(
    client, lombok, make_business, commit, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_business("Bakkerij Noor", sectors=["bakkerij"], languages=["tr"])
    with CaptureQueriesContext(connection) as first:
        client.get("/wijken/lombok/?taal=tr")
    with django_assert_max_num_queries(len(first) - 1):  # the counts come from the cache
        html = client.get("/wijken/lombok/?taal=tr&page=1").content.decode()
    assert counted(html) == {"filter-sector-eten-drinken": "(1)", "filter-taal-tr": "(1)"}
    with commit():
        make_business("Toko Anatolia", sectors=["bakkerij"], languages=["tr"])
    html = client.get("/wijken/lombok/?taal=tr&page=1").content.decode()
    assert "Toko Anatolia" in html
    assert counted(html) == {"filter-sector-eten-drinken": "(2)", "filter-taal-tr": "(2)"}


def counted(html):
    """{filter option: its count} of the filter form, for the options anything was found for."""
    from bs4 import BeautifulSoup

    counts = {
        label["for"]: label.select_one(".portal-count").get_text()
        for label in BeautifulSoup(html, "html.parser").select("label[for]")
        if label.select_one(".portal-count")
    }
    return {option: count for option, count in counts.items() if count != "(0)"}


# Only what is declared public is stored ---------------------------------------------------------


def test_a_query_string_the_page_does_not_read_makes_no_new_entry(client, lombok):
    from django.core.cache import cache

    assert visit(client, "/wijken/lombok/?taal=tr")[:2] == (200, "miss")
    for junk in ("?taal=tr&junk=1", "?taal=tr&junk=2", "?junk=3&taal=tr", "?taal=tr&taal=tr"):
        assert visit(client, f"/wijken/lombok/{junk}")[:2] == (200, "hit"), junk
    assert not [key for key in cache._cache if "junk" in key]
    # A parameter the page does read is a page of its own.
    assert visit(client, "/wijken/lombok/?taal=ar")[:2] == (200, "miss")


@pytest.fixture
def mentor_link(entrepreneur):
    from programmes.models import MatchRequest, Mentor, MentorMatch, Stage

    request = MatchRequest.objects.create(
        founder=entrepreneur, stage=Stage.objects.first(), goal="Meer klanten voor mijn kapsalon."
    )
    mentor = Mentor.objects.create(name="Ayla Kaya", email="ayla@example.nl", bio="Mentor.")
    return MentorMatch.objects.create(request=request, mentor=mentor).token


@pytest.mark.parametrize("prefix", ["", "/en", "/tr", "/ar"])
def test_a_mentors_page_is_never_stored_in_any_language(client, home, mentor_link, prefix):
    path = f"{prefix}/mentor/koppeling/{mentor_link}/"
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response.headers
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert "Meer klanten voor mijn kapsalon." in response.content.decode()


@pytest.mark.parametrize("prefix", ["", "/en", "/tr", "/ar"])
def test_pages_with_personal_data_say_so_in_every_language(client, home, entrepreneur, prefix):
    from django.urls import reverse

    client.force_login(entrepreneur)
    paths = [reverse(name) for name in ("account_overview", "account_email", "account_delete")]
    for path in [*paths, reverse("my_businesses"), reverse("mentor_request")]:
        response = client.get(f"{prefix}{path}")
        assert response.status_code == 200, (path, response.status_code)
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, (path, cache_control)


def test_links_carry_only_what_the_page_reads_each_once(rf):
    from portal import page_cache

    request = rf.get("/wijken/lombok/?taal=tr&junk=1&taal=tr&taal=ar&page=2")
    page_cache.declare_public(request, ["taal", "page"])
    assert page_cache.declared_query(request) == "taal=tr&taal=ar"


def test_open_data_pages_are_stored_and_link_without_what_they_do_not_read(client, make_business):
    for name in ("Bakkerij Noor", "Toko Anatolia"):
        make_business(name)
    first = client.get("/api/open-data/ondernemers/?per_page=1&junk=1&per_page=1")
    assert first.status_code == 200 and first.headers.get("X-Page-Cache") is None
    assert first.json()["next"].endswith("/api/open-data/ondernemers/?per_page=1&page=2")
    assert visit(client, "/api/open-data/ondernemers/?per_page=1")[:2] == (200, "miss")
    assert visit(client, "/api/open-data/ondernemers/?per_page=1&junk=2")[:2] == (200, "hit")
    assert visit(client, "/open-data/")[:2] == (200, "miss")
    assert visit(client, "/open-data/")[:2] == (200, "hit")
