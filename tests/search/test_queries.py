"""The directory asks the database a fixed number of queries, however many results it shows
and however many neighbourhoods they lie in."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response


@pytest.fixture
def english_city(city, english):
    """English versions of the neighbourhood pages, which English results link to."""
    index = city["lombok"].get_parent().specific
    english_index = index.copy_for_translation(english)
    english_index.slug = "neighbourhoods"
    english_index.save_revision().publish()
    for page in city.values():
        page.copy_for_translation(english).save_revision().publish()
    return city


def test_queries_do_not_grow_with_results_or_neighbourhoods(
    client, settings, english_city, add_business
):
    settings.SEARCH_URL = ""
    add_business("Zaak 00", sectors=["bakkerij"], languages=["nl", "tr"], always_open=True)
    few, _response = count_queries(client, "/en/ondernemers/")
    for number in range(1, 20):
        add_business(
            f"Zaak {number:02d}",
            wijk=("lombok", "overvecht")[number % 2],
            sectors=["bakkerij", "kapper"],
            languages=["nl", "tr", "ar"],
            always_open=number % 3 == 0,
            house_number=number,
        )
    many, response = count_queries(client, "/en/ondernemers/")
    assert many == few
    html = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in html.select(".portal-directory-card h3 a")]
    assert len(links) == 20
    assert all(link.startswith("/en/neighbourhoods/") for link in links)
    assert any(link.startswith("/en/neighbourhoods/overvecht/") for link in links)
    assert len(html.select(".portal-directory-card strong")) == 7  # "open now": 0, 3, ..., 18
