"""Page rendering does a fixed number of queries, however long the menus are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Footer, FooterLink, MainMenu, MainMenuItem, StandardPage

pytestmark = pytest.mark.django_db


def count_queries(client, path):
    client.get(path)  # warm caches that are filled once per process (site root paths, ...)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_menu_and_footer_length_do_not_add_queries(client, home):
    before = count_queries(client, "/over-dit-portaal/")
    menu = MainMenu.objects.get(locale__language_code="nl")
    footer = Footer.objects.get(locale__language_code="nl")
    for i in range(6):
        page = StandardPage(title=f"Pagina {i}", slug=f"pagina-{i}")
        home.add_child(instance=page)
        page.save_revision().publish()
        menu.items.add(MainMenuItem(link_page=page, sort_order=10 + i))
        footer.links.add(FooterLink(link_page=page, sort_order=10 + i))
    menu.save()
    footer.save()
    assert count_queries(client, "/over-dit-portaal/") == before


def test_english_menu_pointing_at_dutch_pages_costs_one_query_for_all(client, home):
    menu = MainMenu.objects.get(locale__language_code="en")
    before = count_queries(client, "/en/about-this-portal/")
    for slug in ("privacyverklaring", "toegankelijkheidsverklaring"):
        menu.items.add(MainMenuItem(link_page=home.get_children().get(slug=slug), sort_order=5))
    menu.save()
    assert count_queries(client, "/en/about-this-portal/") == before + 1


def test_featured_pages_cost_the_same_however_many_there_are(client, home):
    def feature(pages):
        section = {"heading": "Meer weten?", "introduction": "", "pages": pages}
        home.body = [("featured_pages", section)]
        home.save_revision().publish()

    about = StandardPage.objects.get(slug="over-dit-portaal")
    feature([about])
    before = count_queries(client, "/")
    more = []
    for i in range(5):
        page = StandardPage(title=f"Pagina {i}", slug=f"pagina-{i}", introduction="Over ons.")
        home.add_child(instance=page)
        page.save_revision().publish()
        more.append(page)
    feature([about, *more])
    assert count_queries(client, "/") == before
    assert "Pagina 4" in client.get("/").content.decode()
