"""Names and text that people typed keep their own direction inside the page's: an Arabic
business on a Dutch page, and the numbers that must read left to right on an Arabic page."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

WEEK = [(day, "09:00", "18:00") for day in range(7)]


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def arabic_bakery(make_business):
    return make_business(
        "مخبز الأمل",
        slug="mahbaz-al-amal",
        tagline="خبز طازج كل صباح.",
        phone="+31302345678",
        email="info@alamal.example.nl",
        hours=WEEK,
    )


def test_an_arabic_name_on_a_dutch_page_is_isolated(client, arabic_bakery):
    profile = html_of(client, "/wijken/lombok/mahbaz-al-amal/")
    assert profile.html["dir"] == "ltr"
    assert profile.h1.bdi.get_text() == "مخبز الأمل"
    assert profile.select_one(".portal-breadcrumb [aria-current=page] bdi").get_text() == (
        "مخبز الأمل"
    )
    # The tagline is running text: its own paragraph takes the direction of its first letter.
    assert profile.select_one(".portal-profile__header p[dir=auto]").get_text() == (
        "خبز طازج كل صباح."
    )
    listing = html_of(client, "/wijken/lombok/")
    card = listing.select_one(".portal-business-card")
    assert card.h3.bdi.get_text() == "مخبز الأمل"
    assert card.select_one("p[dir=auto]").get_text() == "خبز طازج كل صباح."
    assert (
        card.select_one(".portal-business-card__address bdi")
        .get_text()
        .startswith("Kanaalstraat 10")
    )


def test_numbers_addresses_and_the_map_read_left_to_right_on_an_arabic_page(client, arabic_bakery):
    profile = html_of(client, "/ar/wijken/lombok/mahbaz-al-amal/")
    assert (profile.html["lang"], profile.html["dir"]) == ("ar", "rtl")
    assert profile.select_one("meta[property='og:locale']")["content"] == "ar_AR"
    contact = profile.select_one(".portal-contact-list")
    assert contact.select_one("a[href^='tel:']")["dir"] == "ltr"
    assert contact.select_one("a[href^='mailto:']")["dir"] == "ltr"
    assert profile.select_one(".portal-address bdi[dir=ltr]").get_text(" ", strip=True) == (
        "Kanaalstraat 10 3531 CJ Utrecht"
    )
    hours = profile.select(".portal-hours td bdi[dir=ltr]")
    assert [cell.get_text() for cell in hours] == ["09:00–18:00"] * 7
    assert profile.select_one(".portal-map__canvas")["dir"] == "ltr"
