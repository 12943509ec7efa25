"""A business profile lives below its neighbourhood page: its language switch and hreflang
alternates lead to the same profile below the neighbourhood's translation, not to the
neighbourhood itself."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def alternates(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = BeautifulSoup(response.content, "html.parser")
    return html, {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}


def test_profile_links_to_itself_in_the_other_languages(client, lombok, make_business):
    business = make_business("Bakkerij 2000")
    arabic = lombok.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.save_revision().publish()

    html, links = alternates(client, "/wijken/lombok/bakkerij-2000/")
    assert links["nl"] == "http://testserver/wijken/lombok/bakkerij-2000/"
    assert links["ar"] == "http://testserver/ar/wijken/lombok/bakkerij-2000/"
    assert links["en"] == "http://testserver/en/"  # no English neighbourhood page: its home
    assert html.select_one(".utrecht-alternate-lang-nav a[hreflang=ar]")["href"] == (
        "/ar/wijken/lombok/bakkerij-2000/"
    )

    html, back = alternates(client, "/ar/wijken/lombok/bakkerij-2000/")
    assert (html.html["lang"], html.html["dir"]) == ("ar", "rtl")
    assert html.h1.get_text(strip=True) == business.name
    assert back == links
    # The name is isolated: "Bakkerij 2000" stays "Bakkerij 2000" in a right-to-left line.
    assert html.h1.bdi.get_text() == "Bakkerij 2000"
