"""The cached lists of programmes.taxonomy: read once, and every change shows at once."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import page_cache
from programmes.models import Category, ProgrammePage, Provider, Stage
from tests.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db

LIST_TABLES = (
    "programmes_category",
    "programmes_stage",
    "businesses_sector",
    "businesses_language",
    "programmes_provider",
)


@pytest.fixture(autouse=True)
def lists_cached(settings, monkeypatch):
    """Caching on, as in production, but never of whole pages: each request builds its page."""
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(page_cache, "cacheable_request", lambda request: False)


@pytest.fixture
def programmes(make_programme, neighbourhoods):
    make_programme(
        "Etalage ontwerpen",
        "creativiteit",
        stages=["starter"],
        sectors=["bakkerij"],
        languages=["tr"],
        neighbourhoods=[neighbourhoods["lombok"]],
    )
    make_programme("Voor de hele stad", "innovatie")


def filter_labels(client, name):
    soup = BeautifulSoup(client.get("/programmas/").content, "html.parser")
    return [
        soup.find("label", attrs={"for": box["id"]}).bdi.get_text(strip=True)
        for box in soup.select(f".portal-filters input[name={name}]")
    ]


def tables_read(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return {table for table in LIST_TABLES for q in queries if f'FROM "{table}"' in q["sql"]}


@pytest.mark.parametrize(
    "path", ["/programmas/", "/programmas/wat-past-bij-mij/", "/programmas/etalage-ontwerpen/"]
)
def test_the_lists_are_read_once(client, programmes, path):
    assert tables_read(client, path) == set(LIST_TABLES)
    assert tables_read(client, path) == set()


def test_a_renamed_category_shows_at_once(client, programmes, commit):
    assert "Creativiteit" in filter_labels(client, "categorie")
    category = Category.objects.get(slug="creativiteit")
    category.name_nl = "Creatief ondernemen"
    with commit():
        category.save()
    labels = filter_labels(client, "categorie")
    assert "Creatief ondernemen" in labels and "Creativiteit" not in labels


def test_a_published_neighbourhood_shows_at_once(client, programmes, neighbourhoods, commit):
    assert filter_labels(client, "wijk") == ["Lombok", "Overvecht"]
    with commit():
        page = NeighbourhoodFactory(
            parent=neighbourhoods["lombok"].get_parent(),
            title="Kanaleneiland",
            district="Zuidwest",
            latitude=Decimal("52.070000"),
            longitude=Decimal("5.100000"),
            publish=False,
        )
    assert filter_labels(client, "wijk") == ["Lombok", "Overvecht"]
    with commit():
        page.save_revision().publish()
    assert filter_labels(client, "wijk") == ["Kanaleneiland", "Lombok", "Overvecht"]
    with commit():
        neighbourhoods["overvecht"].unpublish()
    assert filter_labels(client, "wijk") == ["Kanaleneiland", "Lombok"]


def facts(client, path="/programmas/etalage-ontwerpen/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {
        item.dt.get_text(strip=True): item.dd.get_text(" ", strip=True)
        for item in soup.select(".utrecht-data-list__item")
    } | {"meta": soup.select_one(".portal-programme .portal-meta").get_text(strip=True)}


def test_a_programme_page_shows_its_lists(client, programmes):
    shown = facts(client)
    assert shown["meta"] == "Creativiteit · workshopreeks"
    assert shown["Aanbieder"] == "Stichting Test stichting"
    assert (shown["Voor wie"], shown["Sectoren"], shown["Wijken"], shown["Talen"]) == (
        "Net begonnen",
        "Bakkerij",
        "Lombok",
        "Türkçe",
    )
    assert facts(client, "/programmas/voor-de-hele-stad/")["Wijken"] == "de hele stad"


def test_a_renamed_provider_shows_at_once(client, programmes, commit):
    facts(client)
    provider = Provider.objects.get()
    provider.name = "Stichting Etalage"
    with commit():
        provider.save()
    assert facts(client)["Aanbieder"] == "Stichting Etalage stichting"


def test_a_preview_shows_the_draft_not_the_published_relations(programmes):
    programme = ProgrammePage.objects.get(slug="etalage-ontwerpen")
    programme.stages = list(Stage.objects.filter(slug="groei"))  # in the draft only
    html = programme.make_preview_request().content.decode()
    assert "Ik wil groeien" in html and "Net begonnen" not in html
