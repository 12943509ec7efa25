"""What every request looks up (the site, its settings, ...) comes from the cache under the
page-cache version, and a change shows at once."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import PortalSettings
from portal import page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_every_time(settings, monkeypatch):
    """The shared caches on, the whole-page cache never: every request renders its page."""
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(page_cache, "cacheable_request", lambda request: False)


def tables(client, path, **headers):
    client.get(path, **headers)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, **headers).status_code == 200
    return " ".join(query["sql"] for query in queries)


def test_the_site_and_its_settings_are_not_asked_again(client, demo):
    sql = tables(client, "/over-dit-portaal/")
    assert "wagtailcore_site" not in sql
    assert "home_portalsettings" not in sql
    assert "home_homepage" not in sql  # the home page comes with the site


def test_changed_settings_show_at_once(client, demo, commit):
    client.get("/over-dit-portaal/")
    portal = PortalSettings.for_site(demo)
    portal.municipality_name = "Gemeente Vechtstad"
    with commit():
        portal.save()
    assert "<title>Over dit portaal | Gemeente Vechtstad</title>" in (
        client.get("/over-dit-portaal/").content.decode()
    )


def test_a_new_site_counts_at_once(client, demo, commit):
    about = demo.root_page.get_children().get(slug="over-dit-portaal")
    assert "portal-home" in client.get("/", HTTP_HOST="localhost").content.decode()
    with commit():
        Site.objects.create(hostname="localhost", port=80, root_page=about)
    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert '<h1 class="utrecht-heading-1">Over dit portaal</h1>' in html
    assert "portal-home" in client.get("/").content.decode()  # the default site is unchanged


def test_a_published_translation_shows_in_the_language_switch_at_once(
    client, home, english, commit
):
    from home.models import StandardPage

    page = StandardPage(title="Markten", slug="markten")
    with commit():
        home.add_child(instance=page)
        page.save_revision().publish()

    def switch():
        html = client.get("/markten/").content.decode()
        return BeautifulSoup(html, "html.parser").select_one("a[hreflang=en]")["href"]

    assert switch() == "/en/"
    with commit():
        translation = page.copy_for_translation(english)
        translation.title, translation.slug = "Markets", "markets"
        translation.save_revision().publish()
    assert switch() == "/en/markets/"


def test_the_main_menu_is_shared_by_every_page_and_changes_at_once(client, demo, commit):
    from home.models import MainMenu, MainMenuItem

    def menu(path):
        nav = BeautifulSoup(client.get(path).content, "html.parser").select_one("nav.portal-nav")
        current = nav.select_one('a[aria-current="page"]')
        return [a.get_text(strip=True) for a in nav.select("a")], current and current["href"]

    assert menu("/over-dit-portaal/") == (["Over dit portaal"], "/over-dit-portaal/")
    with CaptureQueriesContext(connection) as first_visit:
        assert menu("/privacyverklaring/") == (["Over dit portaal"], None)
    assert "home_mainmenu" not in " ".join(query["sql"] for query in first_visit)
    main = MainMenu.objects.get(locale__language_code="nl")
    with commit():
        main.items.add(
            MainMenuItem(link_url="https://example.nl/loket", label="Loket", sort_order=5)
        )
        main.save()
    assert menu("/over-dit-portaal/") == (["Over dit portaal", "Loket"], "/over-dit-portaal/")
