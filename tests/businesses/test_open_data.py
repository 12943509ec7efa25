"""Open data of the businesses: /api/open-data/ondernemers/ and wijkcijfers/, as JSON pages and
as CSV downloads, with public fields only, the licence, the small-cell rule and clear errors."""

import csv
import io
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from businesses import open_data as business_open_data
from businesses.hours import AMSTERDAM, local_now
from businesses.models import Business
from home import open_data
from tests.businesses.conftest import make_neighbourhood

pytestmark = pytest.mark.django_db

PRIVATE = ["owner", "email", "phone", "kvk_number", "story", "tagline", "founded_year"]


@pytest.fixture
def shops(make_business, lombok, index, make_user):
    owner = make_user("eigenaar@example.nl")
    zuilen = make_neighbourhood(index, "Zuilen")
    made = [
        make_business(
            "Bakkerij Yıldız",
            sectors=["bakkerij"],
            languages=["tr", "nl"],
            hours=[(0, "07:00", "18:00"), (5, "22:00", "02:00")],
            email="ayse.yildiz@example.nl",
            phone="+31612345678",
            kvk_number="12345678",
            tagline="Vers brood, elke dag.",
            website="https://bakkerij-yildiz.example.nl",
            step_free_entrance=True,
            owner=owner,
        ),
        make_business("Toko Sari", sectors=["supermarkt-toko"], languages=["nl", "id"]),
        make_business(
            "Kapsalon Amir",
            neighbourhood=zuilen,
            sectors=["kapper"],
            latitude=None,
            longitude=None,
            house_number_addition="bis",
        ),
    ]
    make_business("Concept Café", sectors=["cafe-koffie"], live=False)
    return made


def read_csv(response):
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body))), body


def test_the_csv_has_every_published_business_with_public_fields_only(client, shops):
    rows, body = read_csv(client.get("/api/open-data/ondernemers.csv"))
    live = Business.objects.filter(live=True).order_by("pk")
    assert [int(row["id"]) for row in rows] == list(live.values_list("pk", flat=True))
    assert list(rows[0]) == list(business_open_data.BusinessRow.model_fields)
    for column in PRIVATE:
        assert column not in rows[0]
    for secret in ("ayse.yildiz@example.nl", "612345678", "12345678", "Vers brood", "eigenaar"):
        assert secret not in body
    bakery = rows[0]
    assert bakery == {
        "id": str(shops[0].pk),
        "name": "Bakkerij Yıldız",
        "url": "http://testserver/wijken/lombok/bakkerij-yildiz/",
        "neighbourhood": "lombok",
        "neighbourhood_name": "Lombok",
        "sectors": "Eten & drinken › Bakkerij",
        "languages": "nl; tr",  # in the staff's order of languages
        "street": "Kanaalstraat",
        "house_number": "10",
        "house_number_addition": "",
        "postcode": "3531 CJ",
        "city": "Utrecht",
        "latitude": "52.091",
        "longitude": "5.096",
        "website": "https://bakkerij-yildiz.example.nl",
        "opening_hours": "ma 07:00-18:00; di gesloten; wo gesloten; do gesloten; vr gesloten; "
        "za 22:00-02:00; zo gesloten",
        "step_free_entrance": "true",
        "last_updated": local_now().date().isoformat(),
    }
    amir = rows[2]
    assert (amir["latitude"], amir["longitude"], amir["opening_hours"]) == ("", "", "")
    assert amir["step_free_entrance"] == ""  # unknown, not "no"
    assert amir["url"] == "http://testserver/wijken/zuilen/kapsalon-amir/"


def test_the_csv_states_its_licence_in_its_headers(client, shops):
    response = client.get("/api/open-data/ondernemers.csv")
    assert response["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'
    assert response["X-License"].startswith("CC0-1.0")
    assert response["Content-Disposition"].startswith('attachment; filename="ondernemers-')


def test_a_neighbourhood_alone_and_an_empty_one(client, shops, index):
    rows, _body = read_csv(client.get("/api/open-data/ondernemers.csv?wijk=zuilen"))
    assert [row["name"] for row in rows] == ["Kapsalon Amir"]
    make_neighbourhood(index, "Ondiep")
    rows, body = read_csv(client.get("/api/open-data/ondernemers.csv?wijk=ondiep"))
    assert rows == []
    assert body == ",".join(business_open_data.BusinessRow.model_fields) + "\r\n"


def test_the_download_streams_in_chunks_that_do_not_grow_with_the_number(
    client, shops, make_business, monkeypatch
):
    for i in range(4):
        make_business(f"Winkel {i}", sectors=["juwelier"], languages=["nl"])
    monkeypatch.setattr(open_data, "CSV_CHUNK", 2)
    response = client.get("/api/open-data/ondernemers.csv")
    with CaptureQueriesContext(connection) as queries:
        rows, _body = read_csv(response)
    assert sorted(int(row["id"]) for row in rows) == sorted(
        Business.objects.filter(live=True).values_list("pk", flat=True)
    )
    assert len({row["id"] for row in rows}) == 7
    # The sectors and languages once, then four chunks of at most 2 (and the empty one that
    # ends it), four queries each: the number per chunk does not grow with the businesses.
    assert len(queries) == 2 + 4 * 4 + 1


def test_json_pages_follow_each_other_to_the_end(client, shops):
    first = client.get("/api/open-data/ondernemers/?per_page=2").json()
    assert first["licence"]["id"] == "CC0-1.0"
    assert (first["count"], first["pages"], first["page"]) == (3, 2, 1)
    assert first["previous"] is None
    assert [r["name"] for r in first["results"]] == ["Bakkerij Yıldız", "Toko Sari"]
    assert first["results"][0]["sectors"] == ["Eten & drinken › Bakkerij"]
    assert first["results"][0]["languages"] == ["nl", "tr"]
    for column in PRIVATE:
        assert column not in first["results"][0]
    second = client.get(first["next"]).json()
    assert [r["name"] for r in second["results"]] == ["Kapsalon Amir"]
    assert second["next"] is None and second["previous"]


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("page=3&per_page=2", 404, "Pagina 3 bestaat niet"),
        ("page=abc", 400, "page moet een heel getal"),
        ("page=0", 400, "page moet een heel getal"),
        ("page=-1", 400, "page moet een heel getal"),
        ("page=99999999999999999999", 400, "page moet een heel getal"),
        ("per_page=5000", 400, "per_page mag hoogstens 1000"),
        ("wijk=atlantis", 400, "De wijk 'atlantis' kennen we niet"),
    ],
)
def test_bad_input_gets_a_clear_message(client, shops, query, status, words):
    response = client.get(f"/api/open-data/ondernemers/?{query}")
    assert response.status_code == status
    assert words in response.json()["detail"]


def test_bad_input_to_a_download_is_a_message_too(client, shops):
    response = client.get("/api/open-data/ondernemers.csv?wijk=atlantis")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "kennen we niet" in response.content.decode()


def test_an_empty_selection_is_one_empty_page(client, index, lombok):
    answer = client.get("/api/open-data/ondernemers/?wijk=lombok").json()
    assert (answer["count"], answer["pages"], answer["results"]) == (0, 1, [])


# Figures per neighbourhood and month --------------------------------------------------------


@pytest.fixture
def history(lombok, index, shops):
    """Lombok: six new businesses in March of last year, two in April; the rest of shops now."""
    year = local_now().year - 1
    Business.objects.bulk_create(
        Business(
            name=f"Oud {i}",
            slug=f"oud-{i}",
            neighbourhood=lombok,
            street="Kanaalstraat",
            house_number=i + 1,
            postcode="3531 CJ",
            live=True,
            first_published_at=datetime(year, 3 if i < 6 else 4, 2, tzinfo=AMSTERDAM),
            last_published_at=datetime(year, 3 if i < 6 else 4, 2, tzinfo=AMSTERDAM),
        )
        for i in range(8)
    )
    return year


def test_the_monthly_csv_parses_back_with_small_counts_hidden(client, history):
    rows, _body = read_csv(client.get("/api/open-data/wijkcijfers.csv?wijk=lombok"))
    assert list(rows[0]) == [
        "neighbourhood",
        "neighbourhood_name",
        "month",
        "new_businesses",
        "closed_businesses",
        "last_updated",
    ]
    by_month = {row["month"]: row for row in rows}
    assert by_month[f"{history}-03"]["new_businesses"] == "6"
    assert by_month[f"{history}-04"]["new_businesses"] == "< 5"
    # Every other count of the download is under 5, and shows as "< 5": only March of last
    # year has 5 or more, its six new businesses, last updated then too.
    shown = {
        (row["month"], column): row[column]
        for row in rows
        for column in ("new_businesses", "closed_businesses", "last_updated")
        if row[column] != "< 5"
    }
    assert shown == {
        (f"{history}-03", "new_businesses"): "6",
        (f"{history}-03", "last_updated"): "6",
    }
    # The total of a year minus the months shown never gives a hidden month alone.
    last_year = [row for row in rows if row["month"].startswith(str(history))]
    assert sum(row["new_businesses"] == "< 5" for row in last_year) != 1


def test_monthly_figures_as_json_and_a_range_of_months(client, history):
    answer = client.get(
        f"/api/open-data/wijkcijfers/?wijk=lombok&van={history}-03&tot={history}-04"
    ).json()
    assert answer["licence"]["id"] == "CC0-1.0"
    assert [(r["month"], r["new_businesses"]) for r in answer["results"]] == [
        (f"{history}-03", 6),
        (f"{history}-04", "< 5"),
    ]
    # A range before any data is a valid empty answer.
    empty = client.get("/api/open-data/wijkcijfers/?van=1990-01&tot=1990-12").json()
    assert (empty["count"], empty["results"]) == (0, [])
    rows, body = read_csv(client.get("/api/open-data/wijkcijfers.csv?van=1990-01&tot=1990-12"))
    assert rows == [] and body.count("\n") == 1


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("van=2026-13", "van moet een maand zijn"),
        ("tot=maart", "tot moet een maand zijn"),
        ("van=2026-1", "van moet een maand zijn"),
        ("van=2026-05&tot=2026-02", "ligt na die bij 'tot'"),
        ("wijk=nergens", "kennen we niet"),
    ],
)
def test_bad_months_get_a_clear_message(client, history, query, words):
    response = client.get(f"/api/open-data/wijkcijfers/?{query}")
    assert response.status_code == 400
    assert words in response.json()["detail"]
    download = client.get(f"/api/open-data/wijkcijfers.csv?{query}")
    assert download.status_code == 400
    assert words in download.content.decode()


def test_the_openapi_description_lists_the_datasets_and_the_licence(client):
    schema = client.get("/api/openapi.json").json()
    assert "CC0 1.0" in schema["info"]["description"]
    for path in (
        "/api/open-data/ondernemers/",
        "/api/open-data/ondernemers.csv",
        "/api/open-data/wijkcijfers/",
        "/api/open-data/wijkcijfers.csv",
        "/api/open-data/programmas/",
        "/api/open-data/programmas.csv",
    ):
        operation = schema["paths"][path]["get"]
        assert "CC0 1.0" in operation["description"], path
        assert operation["tags"] == ["Open data"]
        responses = operation["responses"]
        if path.endswith(".csv"):
            assert "text/csv" in responses["200"]["content"], path
        else:
            assert "400" in responses and "404" in responses, path
    fields = schema["components"]["schemas"]["BusinessRow"]["properties"]
    assert "email" not in fields and "kvk_number" not in fields
    assert fields["opening_hours"]["description"]


def test_a_business_under_the_english_page_counts_in_its_neighbourhood(
    client, make_business, lombok, english
):
    index = lombok.get_parent().specific
    english_index = index.copy_for_translation(english)
    english_index.slug = "neighbourhoods"
    english_index.save_revision().publish()
    english_lombok = lombok.copy_for_translation(english)
    english_lombok.save_revision().publish()
    for i in range(5):
        make_business(f"Shop {i}", neighbourhood=english_lombok, languages=["en"])
    rows, _body = read_csv(client.get("/api/open-data/ondernemers.csv?wijk=lombok"))
    assert len(rows) == 5
    assert {row["neighbourhood"] for row in rows} == {"lombok"}
    assert rows[0]["url"].startswith("http://testserver/wijken/lombok/shop-")
    months, _body = read_csv(client.get("/api/open-data/wijkcijfers.csv?wijk=lombok"))
    this_month = f"{local_now():%Y-%m}"
    assert [row["new_businesses"] for row in months if row["month"] == this_month] == ["5"]
