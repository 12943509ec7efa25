"""The neighbourhood page lists its published businesses, filtered and counted."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from businesses.models import Business
from tests.businesses.conftest import make_neighbourhood

pytestmark = pytest.mark.django_db

ALWAYS = [(day, "00:00", "00:00") for day in range(7)]


def names(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text(strip=True) for a in html.select(".portal-business-card h3 a"))


def facet(response, name, value):
    html = BeautifulSoup(response.content, "html.parser")
    label = html.select_one(f'label[for="filter-{name}-{value}"]')
    return (
        None
        if label is None
        else int(label.select_one(".portal-count").get_text(strip="()").strip("()"))
    )


@pytest.fixture
def shops(make_business):
    make_business("Bakkerij Yıldız", sectors=["bakkerij"], languages=["tr", "nl"], hours=ALWAYS)
    make_business("Toko Sari", sectors=["supermarkt-toko"], languages=["nl", "id"])
    make_business("Kapsalon Amir", sectors=["kapper"], languages=["ar", "nl"], hours=ALWAYS)
    make_business("Slagerij Bereket", sectors=["slagerij"], languages=["tr"])
    make_business("Concept Café", sectors=["cafe-koffie"], live=False)


def test_lists_only_published_businesses(client, shops):
    assert names(client.get("/wijken/lombok/")) == [
        "Bakkerij Yıldız",
        "Kapsalon Amir",
        "Slagerij Bereket",
        "Toko Sari",
    ]


def test_english_page_lists_the_same_businesses_with_english_urls(client, shops, lombok, english):
    index = lombok.get_parent().specific
    english_index = index.copy_for_translation(english)
    english_index.slug = "neighbourhoods"
    english_index.save_revision().publish()
    english_lombok = lombok.copy_for_translation(english)
    english_lombok.save_revision().publish()
    response = client.get("/en/neighbourhoods/lombok/")
    assert len(names(response)) == 4
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".portal-business-card h3 a")["href"].startswith(
        "/en/neighbourhoods/lombok/"
    )


def test_filter_by_sector_includes_its_subsectors(client, shops):
    assert names(client.get("/wijken/lombok/?sector=bakkerij")) == ["Bakkerij Yıldız"]
    assert names(client.get("/wijken/lombok/?sector=eten-drinken")) == [
        "Bakkerij Yıldız",
        "Slagerij Bereket",
    ]
    assert names(client.get("/wijken/lombok/?sector=bakkerij&sector=kapper")) == [
        "Bakkerij Yıldız",
        "Kapsalon Amir",
    ]


def test_filter_by_language_and_open_now(client, shops):
    assert names(client.get("/wijken/lombok/?taal=tr")) == ["Bakkerij Yıldız", "Slagerij Bereket"]
    assert names(client.get("/wijken/lombok/?open_nu=1")) == ["Bakkerij Yıldız", "Kapsalon Amir"]


def test_filters_combine(client, shops):
    assert names(client.get("/wijken/lombok/?taal=tr&open_nu=1")) == ["Bakkerij Yıldız"]
    assert names(client.get("/wijken/lombok/?taal=tr&sector=winkels")) == []
    assert names(client.get("/wijken/lombok/?taal=nl&sector=eten-drinken&open_nu=1")) == [
        "Bakkerij Yıldız"
    ]


def test_counts_respect_the_other_filters(client, shops):
    everything = client.get("/wijken/lombok/")
    assert facet(everything, "taal", "tr") == 2
    assert facet(everything, "taal", "nl") == 3
    assert facet(everything, "sector", "eten-drinken") == 2
    turkish = client.get("/wijken/lombok/?taal=tr")
    assert facet(turkish, "sector", "eten-drinken") == 2
    assert facet(turkish, "sector", "kapper") is None  # no Turkish-speaking barber: option hidden
    assert (
        facet(turkish, "taal", "nl") == 3
    )  # the language counts ignore the language filter itself
    html = BeautifulSoup(client.get("/wijken/lombok/?taal=tr").content, "html.parser")
    assert html.select_one("#filter-taal-tr").has_attr("checked")
    assert "(1)" in html.select_one('label[for="filter-open-nu"]').get_text()


@pytest.mark.parametrize(
    "query",
    [
        "sector=nonsense",
        "taal=zz",
        "open_nu=2",
        "per_page=1000",
        "sector=nonsense&taal=zz&page=999",
        "page=abc",
    ],
)
def test_invalid_filter_values_never_give_an_error_page(client, shops, query):
    response = client.get(f"/wijken/lombok/?{query}")
    assert response.status_code == 200


def test_unknown_values_give_an_empty_list_with_a_message(client, shops):
    response = client.get("/wijken/lombok/?sector=nonsense&taal=zz&page=999")
    assert names(response) == []
    alert = (
        BeautifulSoup(response.content, "html.parser")
        .select_one('[role="alert"]')
        .get_text(" ", strip=True)
    )
    assert "nonsense" in alert and "zz" in alert


def test_page_number_is_clamped(client, lombok, make_business):
    for number in range(14):
        make_business(f"Zaak {number:02d}")
    assert names(client.get("/wijken/lombok/?page=999")) == ["Zaak 12", "Zaak 13"]
    assert len(names(client.get("/wijken/lombok/?page=0"))) == 12
    assert len(names(client.get("/wijken/lombok/?per_page=24"))) == 14


def test_other_neighbourhoods_are_not_listed(client, index, make_business):
    zuilen = make_neighbourhood(index, "Zuilen")
    make_business("Hier", sectors=["kapper"])
    make_business("Daar", neighbourhood=zuilen, sectors=["kapper"])
    # A second trade in Zuilen, so that "kapper" narrows and is offered with its count.
    make_business("Ook daar", neighbourhood=zuilen, sectors=["bakkerij"])
    assert names(client.get("/wijken/zuilen/")) == ["Daar", "Ook daar"]
    assert facet(client.get("/wijken/zuilen/"), "sector", "kapper") == 1


def test_index_counts_published_businesses_per_neighbourhood(client, index, shops):
    make_neighbourhood(index, "Zuilen")
    html = BeautifulSoup(client.get("/wijken/").content, "html.parser")
    cards = {
        c.h2.get_text(strip=True): c.get_text(" ", strip=True) for c in html.select(".portal-card")
    }
    assert "4 ondernemers" in cards["Lombok"]
    assert "0 ondernemers" in cards["Zuilen"]


def test_map_data_matches_the_businesses_on_the_page(client, shops):
    import json

    html = BeautifulSoup(client.get("/wijken/lombok/?taal=tr").content, "html.parser")
    data = json.loads(html.select_one("#ondernemers-kaart").string)
    assert sorted(m["name"] for m in data["markers"]) == ["Bakkerij Yıldız", "Slagerij Bereket"]
    assert all(m["url"].startswith("/wijken/lombok/") for m in data["markers"])


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_page_size(client, lombok, make_business):
    from businesses.models import BusinessPhoto
    from tests.home.test_pages import make_image

    image = make_image()
    for number in range(50):
        business = make_business(
            f"Zaak {number:02d}",
            sectors=["bakkerij", "kapper"],
            languages=["nl", "tr", "ar"],
            hours=ALWAYS,
        )
        business.photos = [BusinessPhoto(image=image, alt_text="Etalage")]
        business.save()
    assert count_queries(client, "/wijken/lombok/?per_page=12") == count_queries(
        client, "/wijken/lombok/?per_page=48"
    )
    filters = "taal=tr&sector=eten-drinken&open_nu=1"
    assert count_queries(client, f"/wijken/lombok/?per_page=12&{filters}") == count_queries(
        client, f"/wijken/lombok/?per_page=48&{filters}"
    )


def test_businesses_of_a_draft_neighbourhood_are_not_public(client, lombok, shops):
    lombok.unpublish()
    assert client.get("/wijken/lombok/").status_code == 404
    assert client.get(f"/wijken/lombok/{Business.objects.first().slug}/").status_code == 404


def test_open_now_uses_amsterdam_time(client, shops, monkeypatch):
    from businesses import hours

    # 23:30 UTC on a Monday in November is 00:30 on Tuesday in Amsterdam: the closed-on-Tuesday
    # shop with Monday-only hours must not show as open.
    moment = datetime(2026, 11, 23, 23, 30, tzinfo=ZoneInfo("UTC"))
    monkeypatch.setattr(
        hours, "local_now", lambda at=None: (at or moment).astimezone(hours.AMSTERDAM)
    )
    assert names(client.get("/wijken/lombok/?open_nu=1")) == ["Bakkerij Yıldız", "Kapsalon Amir"]


def test_neighbourhood_boundary_reaches_the_map(client, index, make_business):
    import json

    boundary = {
        "type": "Polygon",
        "coordinates": [[[5.088, 52.087], [5.104, 52.087], [5.104, 52.095], [5.088, 52.087]]],
    }
    zuilen = make_neighbourhood(index, "Zuilen", boundary=boundary)
    make_business("Hier", neighbourhood=zuilen)
    html = BeautifulSoup(client.get("/wijken/zuilen/").content, "html.parser")
    assert json.loads(html.select_one("#ondernemers-kaart").string)["boundary"] == boundary


def test_a_filter_option_every_business_has_is_not_offered(client, make_business):
    make_business("Kapsalon Nour", sectors=["kapper"], languages=["nl", "ar"])
    make_business("Barbier Sam", sectors=["kapper"], languages=["nl"])
    page = client.get("/wijken/lombok/")
    # Both speak Dutch and both cut hair: ticking those would narrow nothing.
    assert facet(page, "taal", "nl") is None
    assert facet(page, "sector", "kapper") is None
    assert facet(page, "taal", "ar") == 1
    # Once a language is chosen, its group shows every option again, to widen the choice.
    chosen = client.get("/wijken/lombok/?taal=ar")
    assert facet(chosen, "taal", "ar") == 1 and facet(chosen, "taal", "nl") == 2
