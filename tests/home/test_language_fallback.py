"""Languages the site does not offer, and pages not yet translated, fall back to Dutch."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def lang_of(response):
    return BeautifulSoup(response.content, "html.parser").html["lang"]


def test_a_browser_asking_for_french_gets_dutch(client, home):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 200
    assert lang_of(response) == "nl"


def test_a_language_cookie_the_site_does_not_offer_is_ignored(client, home):
    client.cookies["django_language"] = "xx"
    response = client.get("/")
    assert response.status_code == 200
    assert lang_of(response) == "nl"


def test_a_path_under_a_language_the_site_does_not_offer_goes_to_the_dutch_page(client, home):
    response = client.get("/fr/over-dit-portaal/")
    assert response.status_code == 302
    assert response["Location"] == "/over-dit-portaal/"
    assert client.get("/fr/over-dit-portaal/", follow=True).status_code == 200
    # An unknown path stays "not found", in Dutch.
    assert client.get("/bestaat-niet/").status_code == 404


def test_a_page_without_a_translation_is_served_in_dutch_under_the_language(client, home):
    from home.models import StandardPage

    page = StandardPage(title="Alleen Nederlands", slug="alleen-nederlands")
    home.add_child(instance=page)
    page.save_revision().publish()
    for prefix, lang in (("/tr", "tr"), ("/ar", "ar")):
        response = client.get(f"{prefix}/alleen-nederlands/")
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        assert html.html["lang"] == lang  # the interface in the reader's language
        assert "Alleen Nederlands" in html.h1.get_text()
        assert html.select_one(".portal-untranslated")  # "not translated yet"
        assert html.select_one("main [lang=nl]")  # the Dutch text is marked as Dutch
