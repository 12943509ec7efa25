"""Every page says its language and direction, names each language in its own script with that
language's direction, and links to itself in the other languages (hreflang), both ways."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

# code: (name in its own script, direction)
LANGUAGES = {
    "nl": ("Nederlands", "ltr"),
    "en": ("English", "ltr"),
    "tr": ("Türkçe", "ltr"),
    "ar": ("العربية", "rtl"),
}


def get_html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def alternates(html):
    return {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}


@pytest.mark.parametrize(
    "path, code",
    [
        ("/", "nl"),
        ("/en/", "en"),
        ("/tr/", "tr"),
        ("/ar/", "ar"),
        ("/privacyverklaring/", "nl"),
        ("/ar/ondernemers/", "ar"),  # a Django view, not a Wagtail page
        ("/tr/open-data/", "tr"),
    ],
)
def test_page_marks_its_language_direction_and_alternates(client, demo, path, code):
    html = get_html(client, path)
    assert (html.html["lang"], html.html["dir"]) == (code, LANGUAGES[code][1])
    switch = html.select_one(".utrecht-alternate-lang-nav")
    named = {
        item["lang"]: (item.get_text(strip=True), item["dir"]) for item in switch.select("[lang]")
    }
    assert named == LANGUAGES
    assert switch.select_one('[aria-current="page"]')["lang"] == code
    links = alternates(html)
    assert set(links) == set(LANGUAGES)
    # The switch links where the alternates do, without the host.
    items = switch.select("a[hreflang]")
    assert items
    for item in items:
        assert links[item["hreflang"]] == "http://testserver" + item["href"]


def test_alternates_of_a_translated_page_lead_to_it_and_back(client, demo):
    links = alternates(get_html(client, "/privacyverklaring/"))
    assert set(links) == set(LANGUAGES)
    for code, url in links.items():
        translated = get_html(client, url.removeprefix("http://testserver"))
        assert (translated.html["lang"], translated.html["dir"]) == (code, LANGUAGES[code][1])
        # Each language version names the same set of versions: search engines want both ways.
        assert alternates(translated) == links, code
