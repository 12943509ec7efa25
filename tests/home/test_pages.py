"""Home and standard pages render their content, in Dutch and in English."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from home.demo.images import street_scene
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_hero_calls_to_action_and_sections(client, home):
    page = soup(client.get("/"))
    assert page.html["lang"] == "nl"
    assert page.h1.get_text(strip=True) == "Ondernemen in jouw wijk"
    assert page.select_one(".portal-hero__image img") is not None
    ctas = page.select(".portal-call-to-action")
    assert [c.h2.get_text(strip=True) for c in ctas] == [
        "Zet je bedrijf op de kaart",
        "Hulp van een mentor",
    ]
    assert [c.a["href"] for c in ctas] == ["/account/signup/", "/mentor-aanvragen/"]
    featured = page.select_one(".portal-featured")
    assert featured.h2.get_text(strip=True) == "Meer weten?"
    assert [a["href"] for a in featured.select("a")] == [
        "/over-dit-portaal/",
        "/privacyverklaring/",
    ]


def test_english_home_page_has_english_content_and_links(client, home):
    page = soup(client.get("/en/"))
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == "Doing business in your neighbourhood"
    featured_links = [a["href"] for a in page.select(".portal-featured a")]
    assert featured_links == ["/en/about-this-portal/", "/en/privacy-statement/"]
    assert page.select_one(".utrecht-skip-link").get_text(strip=True) == "Skip to content"


def make_image():
    Image = get_image_model()
    image = Image(
        title="Straat",
        file=ImageFile(__import__("io").BytesIO(street_scene(1, 320, 200)), name="s.jpg"),
    )
    image.save()
    return image


def test_standard_page_renders_every_block(client, home):
    image = make_image()
    body = [
        {"type": "heading", "value": {"text": "Een kop", "level": "h3"}},
        {"type": "paragraph", "value": "<p>Een <b>alinea</b>.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": "Een winkelstraat"},
                "caption": "De Kanaalstraat",
                "attribution": "Gemeente",
            },
        },
        {"type": "quote", "value": {"text": "Goed idee!", "attribution": "Ayla"}},
        {
            "type": "call_to_action",
            "value": {
                "title": "Doe mee",
                "text": "Kom ook",
                "link_label": "Aanmelden",
                "link": {"page": None, "url": "/aanmelden/"},
            },
        },
        {
            "type": "table",
            "value": {
                "data": [["Dag", "Tijd"], ["Maandag", "9-17"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
                "table_caption": "Openingstijden",
            },
        },
    ]
    page = StandardPage(
        title="Alle blokken", slug="alle-blokken", introduction="Intro", body=json.dumps(body)
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    html = soup(client.get("/alle-blokken/"))
    main = html.main
    assert main.h1.get_text(strip=True) == "Alle blokken"
    assert main.h3.get_text(strip=True) == "Een kop"
    assert main.select_one(".utrecht-rich-text b").get_text() == "alinea"
    img = main.select_one("figure img")
    assert img["alt"] == "Een winkelstraat"
    assert "De Kanaalstraat" in main.select_one("figcaption").get_text()
    assert main.select_one("blockquote").get_text(strip=True) == "Goed idee!"
    assert main.select_one(".portal-call-to-action a")["href"] == "/aanmelden/"
    table = main.select_one("table.utrecht-table")
    assert table.caption.get_text(strip=True) == "Openingstijden"
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Dag", "Tijd"]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    assert [td.get_text(strip=True) for td in table.select("tbody td")] == ["Maandag", "9-17"]


def test_site_settings_reach_header_and_footer(client, demo):
    from home.models import PortalSettings

    portal = PortalSettings.for_site(demo)
    portal.municipality_name = "Gemeente Zaanstad"
    portal.contact_phone = "075 123 45 67"
    portal.save()

    html = soup(client.get("/over-dit-portaal/"))
    assert html.select_one(".portal-brand__name").get_text(strip=True) == "Gemeente Zaanstad"
    assert html.title.get_text().endswith("| Gemeente Zaanstad")
    footer = html.select_one("footer")
    assert footer.select_one('a[href="tel:0751234567"]').get_text() == "075 123 45 67"
    assert footer.select_one('a[href="/privacyverklaring/"]') is not None
    assert footer.select_one('a[href="/toegankelijkheidsverklaring/"]') is not None
    assert footer.select_one('a[href="https://www.linkedin.com/company/example"]') is not None


def test_footer_links_statement_pages_in_the_visitors_language(client, demo):
    footer = soup(client.get("/en/")).select_one("footer")
    assert (
        footer.select_one('a[href="/en/privacy-statement/"]').get_text(strip=True)
        == "Privacy statement"
    )
    assert footer.select_one('a[href="/en/accessibility-statement/"]') is not None


def test_main_menu_is_editable_per_language(client, demo):
    from home.models import MainMenu, MainMenuItem

    menu = MainMenu.objects.get(locale__language_code="nl")
    menu.items.add(
        MainMenuItem(link_url="https://example.nl/loket", label="Ondernemersloket", sort_order=5)
    )
    menu.save()
    nav = soup(client.get("/")).select_one("nav.portal-nav")
    assert [a.get_text(strip=True) for a in nav.select("a")] == [
        "Over dit portaal",
        "Ondernemersloket",
    ]
    nav_en = soup(client.get("/en/")).select_one("nav.portal-nav")
    assert [a.get_text(strip=True) for a in nav_en.select("a")] == ["About this portal"]


def test_current_menu_item_is_marked(client, demo):
    nav = soup(client.get("/over-dit-portaal/")).select_one("nav.portal-nav")
    assert nav.select_one('a[aria-current="page"]')["href"] == "/over-dit-portaal/"


def test_featured_pages_follow_the_language_and_leave_out_unpublished_ones(client, home):
    StandardPage.objects.get(slug="about-this-portal").unpublish()
    featured = soup(client.get("/en/")).select(".portal-featured a")
    # Without its live English version the Dutch page is featured, as `page.localized` would.
    assert [a["href"] for a in featured] == ["/over-dit-portaal/", "/en/privacy-statement/"]
    StandardPage.objects.get(slug="privacyverklaring").unpublish()
    featured = soup(client.get("/")).select(".portal-featured a")
    assert [a["href"] for a in featured] == ["/over-dit-portaal/"]
