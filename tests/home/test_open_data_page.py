"""/open-data/ (and /en/open-data/): every dataset with its columns, downloads and licence."""

import pytest
from bs4 import BeautifulSoup

from businesses.open_data import BusinessRow
from home.open_data import datasets
from tests.factories import NeighbourhoodFactory, NeighbourhoodIndexFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lombok(home):
    return NeighbourhoodFactory(parent=NeighbourhoodIndexFactory(parent=home), title="Lombok")


@pytest.mark.parametrize("path", ["/open-data/", "/en/open-data/"])
def test_the_page_lists_every_dataset_with_its_downloads(client, lombok, path):
    response = client.get(path)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("h1").get_text(strip=True) == "Open data"
    assert html.select_one("html")["lang"] == ("en" if path.startswith("/en/") else "nl")
    licence = html.select_one("a[rel=license]")
    assert licence["href"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    links = {a["href"] for a in html.select("main a")}
    for dataset in datasets():
        assert dataset.csv_url in links and dataset.json_url in links, dataset.key
    assert "/api/docs" in links
    assert {d.key for d in datasets()} == {"ondernemers", "programmas", "wijkcijfers"}
    # The columns of each dataset are explained.
    fields = html.select_one("section[aria-labelledby=dataset-ondernemers] table")
    names = [code.get_text() for code in fields.select("tbody th code")]
    assert names == list(BusinessRow.model_fields)
    assert all(td.get_text(strip=True) for td in fields.select("tbody td"))
    # A download of one neighbourhood is a GET form to the CSV.
    form = html.select_one("section[aria-labelledby=dataset-ondernemers] form")
    assert form["method"] == "get" and form["action"] == "/api/open-data/ondernemers.csv"
    assert [o["value"] for o in form.select("select[name=wijk] option")] == ["", "lombok"]


def test_the_footer_links_to_the_open_data(client, lombok):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    assert html.select_one("footer a[href='/open-data/']").get_text(strip=True) == "Open data"
    html = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert html.select_one("footer a[href='/en/open-data/']")
