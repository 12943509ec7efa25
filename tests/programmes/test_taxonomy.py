"""The cached lists of programmes.taxonomy: read once, and every change shows at once."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from businesses.models import NeighbourhoodPage
from portal import page_cache
from programmes.models import Category

pytestmark = pytest.mark.django_db

LIST_TABLES = (
    "programmes_category",
    "programmes_stage",
    "businesses_sector",
    "businesses_language",
)


@pytest.fixture(autouse=True)
def lists_cached(settings, monkeypatch):
    """Caching on, as in production, but never of whole pages: each request builds its page."""
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(page_cache, "cacheable_request", lambda request: False)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the cache's new version), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def programmes(make_programme, neighbourhoods):
    make_programme("Etalage ontwerpen", "creativiteit", neighbourhoods=[neighbourhoods["lombok"]])
    make_programme("Voor de hele stad", "innovatie")


def filter_labels(client, name):
    soup = BeautifulSoup(client.get("/programmas/").content, "html.parser")
    return [
        soup.find("label", attrs={"for": box["id"]}).contents[0].strip()
        for box in soup.select(f".portal-filters input[name={name}]")
    ]


def tables_read(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return {table for table in LIST_TABLES for q in queries if f'FROM "{table}"' in q["sql"]}


@pytest.mark.parametrize("path", ["/programmas/"])
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
    page = NeighbourhoodPage(
        title="Kanaleneiland",
        slug="kanaleneiland",
        district="Zuidwest",
        latitude=Decimal("52.070000"),
        longitude=Decimal("5.100000"),
        live=False,
    )
    with commit():
        neighbourhoods["lombok"].get_parent().add_child(instance=page)
    assert filter_labels(client, "wijk") == ["Lombok", "Overvecht"]
    with commit():
        page.save_revision().publish()
    assert filter_labels(client, "wijk") == ["Kanaleneiland", "Lombok", "Overvecht"]
    with commit():
        neighbourhoods["overvecht"].unpublish()
    assert filter_labels(client, "wijk") == ["Kanaleneiland", "Lombok"]
