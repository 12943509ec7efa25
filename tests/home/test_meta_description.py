"""Every page that search engines list carries a description of its own, in the page's language:
the editors' search description, else the start of the page's text (cut at a word)."""

import re
from html import unescape

import pytest
from django.utils import translation
from django.utils.translation import gettext

# Dutch and Arabic addresses of the home page, a neighbourhood and the programmes (pages with their
# own text in each language).
PAGES = [
    ("/", "/ar/"),
    ("/wijken/lombok/", "/ar/al-ahya/lombok/"),
    ("/programmas/", "/ar/baramij/"),
]
ARABIC = re.compile(r"[\u0600-\u06ff]")


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return unescape(found[0])


@pytest.mark.parametrize(("dutch_path", "arabic_path"), PAGES)
def test_the_page_describes_itself_in_dutch_and_in_arabic(
    client, full_demo, dutch_path, arabic_path
):
    dutch = description(client.get(dutch_path).content.decode())
    arabic = description(client.get(arabic_path).content.decode())
    assert 30 <= len(dutch) <= 200 and 30 <= len(arabic) <= 200, (dutch, arabic)
    assert ARABIC.search(arabic) and not ARABIC.search(dutch), (dutch, arabic)


def test_the_directory_describes_itself_in_the_visitors_language(client, full_demo):
    """The directory is no page: its description is a sentence of the interface, translated."""
    dutch = description(client.get("/ondernemers/").content.decode())
    arabic = description(client.get("/ar/ondernemers/").content.decode())
    assert dutch.startswith("Vind ondernemers in de wijken")
    with translation.override("ar"):
        assert arabic == gettext(dutch)


def test_a_search_description_comes_first_and_long_text_ends_at_a_word(client, full_demo):
    from businesses.models import NeighbourhoodPage

    lombok = NeighbourhoodPage.objects.get(slug="lombok", locale__language_code="nl")
    lombok.introduction = "Kanaalstraat " * 40
    lombok.save()
    text = description(client.get("/wijken/lombok/").content.decode())
    assert text.endswith("Kanaalstraat…") and len(text) <= 160
    lombok.search_description = "Winkels en makers rond de Kanaalstraat."
    lombok.save()
    assert description(client.get("/wijken/lombok/").content.decode()) == lombok.search_description
