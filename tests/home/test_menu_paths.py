"""The main menu can point at a view that is not a page (the directory, /ondernemers/), and shows
it in the visitor's language; the header of every page searches the directory (issue 17)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from home.models import MainMenu, MainMenuItem, validate_link
from home.navigation import localized_path


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("value", ["/ondernemers/", "/ondernemers/?wijk=lombok", "https://x.nl/a"])
def test_a_link_is_a_web_address_or_a_path_on_the_site(value):
    validate_link(value)


@pytest.mark.parametrize(
    "value", ["ondernemers", "//elders.example/", "/met spatie/", "javascript:alert(1)"]
)
def test_other_links_are_refused(value):
    with pytest.raises(ValidationError):
        validate_link(value)


@pytest.mark.parametrize(
    "language, url, expected",
    [
        ("nl", "/ondernemers/", "/ondernemers/"),
        ("ar", "/ondernemers/", "/ar/ondernemers/"),
        ("en", "/ondernemers/?wijk=lombok", "/en/ondernemers/?wijk=lombok"),
        ("ar", "/ar/ondernemers/", "/ar/ondernemers/"),  # names its language already
        ("ar", "/api/docs", "/api/docs"),  # outside the language prefixes
        ("ar", "https://example.nl/loket", "https://example.nl/loket"),
    ],
)
def test_a_path_follows_the_language(language, url, expected):
    with translation.override(language):
        assert localized_path(url) == expected


def test_the_menu_links_to_the_directory_in_each_language(client, demo):
    for code, label in (("nl", "Ondernemers zoeken"), ("ar", "البحث عن رواد الأعمال")):
        menu = MainMenu.objects.get(locale__language_code=code)
        menu.items.add(MainMenuItem(link_url="/ondernemers/", label=label, sort_order=-8))
        menu.save()
    nav = soup(client.get("/ondernemers/")).select_one("nav.portal-nav")
    link = nav.find("a", string="Ondernemers zoeken")
    assert link["href"] == "/ondernemers/" and link["aria-current"] == "page"
    nav = soup(client.get("/ar/")).select_one("nav.portal-nav")
    assert nav.find("a", string="البحث عن رواد الأعمال")["href"] == "/ar/ondernemers/"


def test_every_page_searches_the_directory_without_the_last_query(client, demo):
    html = soup(client.get("/ar/?q=bakker"))
    form = html.select_one("header form[role=search]")
    assert form["method"] == "get" and form["action"] == "/ar/ondernemers/#resultaten"
    assert form.get("aria-label")
    field = form.select_one("input[type=search][name=q]")
    assert html.select_one(f"label[for={field['id']}]").get_text(strip=True)
    assert not field.get("value")  # pages are cached: the header never holds a query
    assert form.select_one("button[type=submit]").get_text(strip=True)
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None
    # The directory has its own search field, so the header leaves its own out there.
    assert soup(client.get("/ondernemers/")).select_one("header form[role=search]") is None
