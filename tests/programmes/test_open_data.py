"""Open data of the programmes: /api/open-data/programmas/ and programmas.csv, the published
and public programmes in both languages, without e-mail addresses or contact persons."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from programmes.models import ProgrammePage
from programmes.open_data import ProgrammeRow

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes(make_programme, neighbourhoods, english, today):
    etalage = make_programme(
        "Ontwerp je etalage",
        category="creativiteit",
        stages=["starter", "idee"],
        sectors=["winkels"],
        languages=["tr", "nl"],
        neighbourhoods=[neighbourhoods["lombok"]],
        deadline=10,
        places=12,
        apply_contact="Fatma de Vries, 06 12345678",
        apply_url="https://aanmelden.example.nl/etalage",
    )
    translation = etalage.copy_for_translation(english, copy_parents=True)
    translation.title = "Design your shop window"
    translation.save_revision().publish()
    lening = make_programme(
        "Microkrediet",
        category="financiering",
        deadline=-3,
        is_free=False,
        cost_amount=Decimal("25.50"),
    )
    make_programme("Nog niet klaar", live=False)
    besloten = make_programme("Alleen voor genodigden")
    PageViewRestriction.objects.create(page=besloten, restriction_type="password", password="x")
    return etalage, lening


def read_csv(response):
    assert response.status_code == 200
    assert response.streaming
    assert response["Link"].endswith('rel="license"')
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body))), body


def test_the_csv_has_every_public_programme_in_both_languages(client, programmes, today):
    etalage, lening = programmes
    rows, body = read_csv(client.get("/api/open-data/programmas.csv"))
    public = ProgrammePage.objects.live().public().order_by("pk")
    assert [int(row["id"]) for row in rows] == list(public.values_list("pk", flat=True))
    assert {row["title"] for row in rows} == {
        "Ontwerp je etalage",
        "Design your shop window",
        "Microkrediet",
    }
    assert list(rows[0]) == list(ProgrammeRow.model_fields)
    # No e-mail address or contact person, not even the provider's.
    for secret in ("aanmelden@example.nl", "Fatma", "12345678"):
        assert secret not in body
    for column in ("apply_email", "apply_contact", "contact_name", "body"):
        assert column not in rows[0]
    dutch = next(row for row in rows if row["title"] == "Ontwerp je etalage")
    assert dutch["language"] == "nl"
    assert dutch["url"] == "http://testserver/programmas/ontwerp-je-etalage/"
    assert dutch["stages"] == "idee; starter"  # in the stages' own order
    assert dutch["sectors"] == "Winkels"
    assert dutch["neighbourhoods"] == "lombok"
    assert dutch["languages"] == "nl; tr"
    assert dutch["category"] == "creativiteit" and dutch["focus"] == "true"
    assert dutch["open"] == "true" and dutch["places"] == "12"
    assert dutch["deadline"] == (today + timedelta(days=10)).isoformat()
    english = next(row for row in rows if row["language"] == "en")
    assert english["translation_key"] == dutch["translation_key"]
    assert english["url"].startswith("http://testserver/en/")
    loan = next(row for row in rows if row["title"] == "Microkrediet")
    assert (loan["is_free"], loan["cost_amount"], loan["open"]) == ("false", "25.5", "false")
    assert loan["neighbourhoods"] == ""  # the whole city


def test_json_pages_and_their_end(client, programmes):
    first = client.get("/api/open-data/programmas/?per_page=2").json()
    assert (first["count"], first["pages"]) == (3, 2)
    assert first["licence"]["url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert first["results"][0]["stages"] == ["idee", "starter"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    beyond = client.get("/api/open-data/programmas/?per_page=2&page=3")
    assert beyond.status_code == 404
    assert "Pagina 3 bestaat niet" in beyond.json()["detail"]
    assert client.get("/api/open-data/programmas/?per_page=nul").status_code == 400


def test_no_programmes_is_an_empty_file(client, programme_index):
    rows, body = read_csv(client.get("/api/open-data/programmas.csv"))
    assert rows == [] and body == ",".join(ProgrammeRow.model_fields) + "\r\n"
    answer = client.get("/api/open-data/programmas/").json()
    assert (answer["count"], answer["results"]) == (0, [])
