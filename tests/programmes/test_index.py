"""/programmas/: filters alone and combined, counts per option, expiry, archive, sorting."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def titles(client, query=""):
    response = client.get(f"/programmas/{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".portal-programme-card h3 a")]


def counts(client, query=""):
    """{(filter, value): count} as the filter form shows them."""
    soup = BeautifulSoup(client.get(f"/programmas/{query}").content, "html.parser")
    result = {}
    for box in soup.select(".portal-filters input[type=checkbox]"):
        label = soup.find("label", attrs={"for": box["id"]})
        result[(box["name"], box["value"])] = int(
            label.select_one(".portal-count").get_text(strip=True).strip("()")
        )
    return result


@pytest.fixture
def catalogue(make_programme, neighbourhoods):
    make_programme(
        "Etalage ontwerpen",
        "creativiteit",
        stages=["starter"],
        sectors=["winkels"],
        languages=["nl", "tr"],
        neighbourhoods=[neighbourhoods["lombok"]],
        deadline=10,
    )
    make_programme(
        "Innovatievoucher",
        "innovatie",
        stages=["groei"],
        languages=["nl", "en"],
        deadline=30,
        is_free=False,
        cost_amount=250,
    )
    make_programme("Webwinkel bouwen", "digitalisering", languages=["nl", "ar"], deadline=None)
    make_programme(
        "Bakkers en duurzaamheid",
        "innovatie",
        sectors=["bakkerij"],
        languages=["nl"],
        neighbourhoods=[neighbourhoods["overvecht"]],
        deadline=3,
    )
    make_programme("Verlopen cursus", "creativiteit", deadline=-1)
    make_programme("Loket vergunningen", "administratie", languages=["nl"])
    make_programme("Nog niet gepubliceerd", "creativiteit", live=False)


def test_current_programmes_focus_categories_first(client, catalogue):
    assert titles(client) == [
        "Etalage ontwerpen",
        "Bakkers en duurzaamheid",
        "Innovatievoucher",
        "Webwinkel bouwen",
        "Loket vergunningen",
    ]


def test_filter_by_category(client, catalogue):
    assert titles(client, "?categorie=innovatie") == ["Bakkers en duurzaamheid", "Innovatievoucher"]
    assert titles(client, "?categorie=innovatie&categorie=administratie") == [
        "Bakkers en duurzaamheid",
        "Innovatievoucher",
        "Loket vergunningen",
    ]


def test_filter_by_stage_includes_programmes_for_every_stage(client, catalogue):
    assert titles(client, "?fase=groei") == [
        "Bakkers en duurzaamheid",
        "Innovatievoucher",
        "Webwinkel bouwen",
        "Loket vergunningen",
    ]


def test_filter_by_sector_follows_the_sector_tree(client, catalogue):
    # "winkels" is a main sector: its programme counts for a supermarket too; "bakkerij" is a
    # subsector of "eten-drinken". Programmes without sectors are for everyone.
    assert "Etalage ontwerpen" in titles(client, "?sector=supermarkt-toko")
    assert "Bakkers en duurzaamheid" in titles(client, "?sector=eten-drinken")
    assert "Bakkers en duurzaamheid" not in titles(client, "?sector=kapper")
    assert "Webwinkel bouwen" in titles(client, "?sector=kapper")


def test_filter_by_language(client, catalogue):
    assert titles(client, "?taal=tr") == ["Etalage ontwerpen"]
    assert titles(client, "?taal=tr&taal=ar") == ["Etalage ontwerpen", "Webwinkel bouwen"]


def test_filter_by_neighbourhood_includes_city_wide_programmes(client, catalogue):
    found = titles(client, "?wijk=lombok")
    assert "Etalage ontwerpen" in found and "Webwinkel bouwen" in found
    assert "Bakkers en duurzaamheid" not in found


def test_free_open_and_text(client, catalogue):
    assert "Innovatievoucher" not in titles(client, "?gratis=1")
    assert titles(client, "?q=webwinkel") == ["Webwinkel bouwen"]
    assert titles(client, "?q=stichting") != []  # the provider's name
    assert "Verlopen cursus" not in titles(client, "?open=1")


def test_combined_filters_and_their_counts(client, catalogue):
    query = "?categorie=innovatie&taal=nl"
    assert titles(client, query) == ["Bakkers en duurzaamheid", "Innovatievoucher"]
    found = counts(client, query)
    # Each count says how many results ticking that option gives, with the other filters kept.
    assert found[("categorie", "innovatie")] == 2
    assert found[("categorie", "digitalisering")] == 1
    assert found[("categorie", "administratie")] == 1
    assert found[("taal", "en")] == 1
    assert found[("gratis", "1")] == 1
    assert found[("open", "1")] == 2
    assert ("taal", "tr") not in found  # no innovation programme in Turkish


@pytest.mark.parametrize(
    "query", ["", "?categorie=innovatie&taal=nl", "?wijk=lombok&fase=starter", "?q=bak", "?open=1"]
)
def test_every_count_is_the_number_that_ticking_the_option_finds(client, catalogue, query):
    found = counts(client, query)
    assert found, query
    for (name, value), count in found.items():
        if f"{name}=" in query:
            continue  # ticking a second option of the same filter widens, not narrows
        ticked = f"{query or '?'}{'&' if query else ''}{name}={value}"
        assert len(titles(client, ticked)) == count, (ticked, count)


def test_counts_without_filters(client, catalogue):
    found = counts(client)
    assert found[("categorie", "creativiteit")] == 1  # the expired one is in the archive
    assert found[("fase", "starter")] == 4  # three for everyone plus one for starters
    assert found[("wijk", "overvecht")] == 4
    assert found[("gratis", "1")] == 4


def test_expired_programmes_stay_reachable_in_the_archive(client, catalogue):
    assert titles(client, "?archief=1") == ["Verlopen cursus"]
    html = client.get("/programmas/verlopen-cursus/").content.decode()
    assert "Dit programma is verlopen" in html


def test_sorting(client, catalogue):
    assert titles(client, "?sortering=deadline")[:3] == [
        "Bakkers en duurzaamheid",
        "Etalage ontwerpen",
        "Innovatievoucher",
    ]
    assert titles(client, "?sortering=nieuw")[0] == "Loket vergunningen"


@pytest.mark.parametrize(
    "query, message",
    [
        ("?categorie=bestaat-niet", "De categorie bestaat-niet bestaat niet."),
        ("?fase=pensioen", "Kies als fase idee, starter of groei."),
        ("?gratis=ja", "Gebruik gratis=1"),
        ("?sortering=willekeurig", "Sorteer op deadline of nieuw."),
        ("?wijk=atlantis", "De wijk atlantis kennen we niet."),
    ],
)
def test_unknown_values_explain_themselves(client, catalogue, query, message):
    response = client.get(f"/programmas/{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert titles(client, query) == []


@pytest.mark.parametrize("page", ["0", "-3", "999", "abc", "1.5"])
def test_out_of_range_pages_show_a_page(client, catalogue, page):
    assert client.get(f"/programmas/?page={page}").status_code == 200


def test_unpublished_programmes_are_not_public(client, catalogue):
    assert "Nog niet gepubliceerd" not in titles(client)
    assert client.get("/programmas/nog-niet-gepubliceerd/").status_code == 404


def query_count(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_index_does_a_fixed_number_of_queries(client, make_programme, neighbourhoods):
    for n in range(3):
        make_programme(
            f"Programma {n}",
            languages=["nl", "tr"],
            stages=["starter"],
            neighbourhoods=[neighbourhoods["lombok"]],
        )
    path = "/programmas/?taal=nl&fase=starter"
    few = query_count(client, path)
    for n in range(3, 15):
        make_programme(
            f"Programma {n}",
            "innovatie",
            languages=["nl", "ar", "en"],
            stages=["groei"],
            sectors=["bakkerij"],
        )
    assert query_count(client, path) == few
