"""One search contract, two engines: every test here runs on the database and on OpenSearch."""

import json

import pytest

from search.opensearch import connection

pytestmark = pytest.mark.django_db


def api(client, query=""):
    response = client.get(f"/api/directory/{query}")
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


def names(answer):
    return [result["name"] for result in answer["results"]]


def counts(answer, facet):
    return {option["value"]: option["count"] for option in answer["facets"][facet]}


@pytest.fixture
def shops(add_business, reindex):
    add_business(
        "Bakkerij Yildiz",
        sectors=["bakkerij"],
        languages=["nl", "tr"],
        tagline="Vers brood en baklava",
        always_open=True,
    )
    add_business(
        "De Hoek",
        sectors=["bakkerij"],
        languages=["nl"],
        tagline="Ambachtelijke bakerij op de hoek",
    )
    add_business(
        "Kapsalon Nour",
        sectors=["kapper"],
        languages=["nl", "ar"],
        wijk="overvecht",
        lat="52.115000",
        lon="5.115000",
    )
    add_business(
        "Toko Sari",
        sectors=["supermarkt-toko"],
        languages=["nl", "en"],
        wijk="overvecht",
        lat="52.116000",
        lon="5.116000",
        always_open=True,
    )
    add_business(
        "Slagerij Atlas", sectors=["slagerij"], languages=["ar"], lat="52.092000", lon="5.097000"
    )
    add_business("Nog geen profiel", sectors=["bakkerij"], live=False)
    reindex()


def test_text_finds_despite_a_typo(client, engine, shops):
    assert sorted(names(api(client, "?q=bakkerij"))) == ["Bakkerij Yildiz", "De Hoek"]


def test_each_filter_alone_and_combined(client, engine, shops):
    assert sorted(names(api(client, "?wijk=overvecht"))) == ["Kapsalon Nour", "Toko Sari"]
    assert names(api(client, "?sector=kapper")) == ["Kapsalon Nour"]
    assert sorted(names(api(client, "?sector=eten-drinken"))) == [
        "Bakkerij Yildiz",
        "De Hoek",
        "Slagerij Atlas",
    ]
    assert sorted(names(api(client, "?taal=ar"))) == ["Kapsalon Nour", "Slagerij Atlas"]
    assert sorted(names(api(client, "?taal=ar&taal=tr"))) == [
        "Bakkerij Yildiz",
        "Kapsalon Nour",
        "Slagerij Atlas",
    ]
    assert names(api(client, "?taal=ar&wijk=lombok")) == ["Slagerij Atlas"]
    assert names(api(client, "?taal=ar&wijk=lombok&sector=kapper")) == []


def test_facet_counts_respect_the_other_filters(client, engine, shops):
    answer = api(client, "?wijk=lombok&taal=nl")
    assert answer["count"] == 2
    assert counts(answer, "wijk") == {"lombok": 2, "overvecht": 2}  # ticking a neighbourhood adds
    assert counts(answer, "taal")["ar"] == 1 and counts(answer, "taal")["nl"] == 2
    assert (
        counts(answer, "sector")["bakkerij"] == 2 and counts(answer, "sector")["eten-drinken"] == 2
    )
    assert "kapper" not in counts(answer, "sector")


def test_open_now(client, engine, shops):
    assert sorted(names(api(client, "?open_nu=1"))) == ["Bakkerij Yildiz", "Toko Sari"]


def test_radius_and_sort_by_distance(client, engine, shops):
    answer = api(client, "?bij=52.0910,5.0960&straal=0.5&sort=afstand")
    assert names(answer) == ["Bakkerij Yildiz", "De Hoek", "Slagerij Atlas"]
    assert answer["results"][0]["distance_km"] < answer["results"][2]["distance_km"] < 0.5
    assert sorted(names(api(client, "?bij=52.0910,5.0960&straal=10"))) == [
        "Bakkerij Yildiz",
        "De Hoek",
        "Kapsalon Nour",
        "Slagerij Atlas",
        "Toko Sari",
    ]


def test_highlighting(client, engine, shops):
    [result] = api(client, "?q=baklava")["results"]
    assert "<mark>" in result["snippet"] and "baklava" in result["snippet"].lower()


def test_pagination(client, engine, add_business, reindex):
    for n in range(25):
        add_business(f"Winkel {n:02d}", house_number=n + 1)
    reindex()
    first, second = api(client, "?sort=naam"), api(client, "?sort=naam&page=2")
    assert first["count"] == 25 and first["pages"] == 2
    assert len(first["results"]) == 20 and len(second["results"]) == 5
    assert names(second)[0] == "Winkel 20"
    assert api(client, "?sort=naam&page=99")["page"] == 2


def test_unpublished_businesses_are_never_found(client, engine, shops):
    assert "Nog geen profiel" not in names(api(client, "?q=profiel")) + names(api(client))


@pytest.mark.parametrize(
    "query",
    [
        "?wijk=atlantis",
        "?sector=onbekend&taal=xx",
        "?bij=abc&straal=-5",
        "?bij=91,200",
        "?straal=nan",
        "?page=1000000000",
        "?page=-1",
        "?q=" + "a" * 10000,
        '?q="*~(AND)OR[}',
        "?q=%E2%80%8Bbakkerij%E2%80%8F",
        "?q=%D9%85%D8%AE%D8%A8%D8%B2",
        "?sort=drop+table",
    ],
)
def test_bad_input_never_breaks(client, engine, shops, query):
    answer = api(client, query)
    assert answer["page"] >= 1 and isinstance(answer["results"], list)
    assert client.get(f"/ondernemers/{query}").status_code == 200


def test_the_page_and_the_api_agree(client, engine, shops):
    from bs4 import BeautifulSoup

    query = "?q=bakkerij&taal=nl"
    soup = BeautifulSoup(client.get(f"/ondernemers/{query}").content, "html.parser")
    on_page = [a.get_text(strip=True) for a in soup.select(".portal-directory-card h3 a")]
    assert on_page == names(api(client, query))


def test_an_unreachable_engine_falls_back_to_the_database(client, settings, add_business, caplog):
    add_business("Bakkerij Yildiz", sectors=["bakkerij"])
    add_business("De Hoek", sectors=["bakkerij"], tagline="Ambachtelijke bakerij op de hoek")
    settings.SEARCH_URL = "http://127.0.0.1:9"  # nothing listens here
    connection.client.cache_clear()
    answer = api(client, "?q=bakkerij")
    assert answer["engine"] == "database"
    assert sorted(names(answer)) == ["Bakkerij Yildiz", "De Hoek"]
    assert any("zoekmachine is even niet bereikbaar" in notice for notice in answer["notices"])
    assert "search engine unavailable" in caplog.text
    html = client.get("/ondernemers/?q=bakkerij").content.decode()
    assert "zoekmachine is even niet bereikbaar" in html
    connection.client.cache_clear()


def test_publishing_and_unpublishing_update_the_index(
    client, engine, add_business, reindex, django_capture_on_commit_callbacks
):
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        business = add_business("Nieuwe Bakker", sectors=["bakkerij"])
    assert names(api(client, "?q=nieuwe")) == ["Nieuwe Bakker"]
    business.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        business.unpublish()
    assert names(api(client, "?q=nieuwe")) == []


def test_counts_follow_every_change_at_once(
    client, engine, shops, add_business, django_capture_on_commit_callbacks
):
    def turkish(query=""):
        answer = api(client, query)
        return answer["count"], counts(answer, "taal")["tr"]

    assert turkish() == (5, 1)
    assert turkish("?open_nu=1") == (2, 1)
    with django_capture_on_commit_callbacks(execute=True):
        business = add_business("Lokanta Ege", languages=["tr"], always_open=True)
    assert turkish() == (6, 2)
    assert turkish("?open_nu=1") == (3, 2)
    business.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        business.unpublish()
    assert turkish() == (5, 1)
    assert turkish("?open_nu=1") == (2, 1)


def test_staff_synonyms_widen_the_search(client, engine, shops):
    from search.models import current

    # "supermarkt" is a synonym of "toko" in the default settings.
    add_names = names(api(client, "?q=supermarkt"))
    assert "Toko Sari" in add_names
    tuning = current()
    tuning.synonyms = "kapsalon, haarstudio"
    tuning.save()
    assert names(api(client, "?q=haarstudio")) == ["Kapsalon Nour"]


def test_kept_settings_and_names_follow_changes_at_once(
    client, engine, city, shops, add_business, settings, django_capture_on_commit_callbacks
):
    from decimal import Decimal

    from businesses.models import Sector
    from search.models import current
    from tests.factories import NeighbourhoodFactory

    # With the page cache on, settings, names and neighbourhoods are kept under its version.
    settings.PAGE_CACHE_SECONDS = 300
    labels = {option["value"]: option["label"] for option in api(client)["facets"]["sector"]}
    assert labels["kapper"] == "Kapper & barbier" and names(api(client, "?q=haarstudio")) == []
    with django_capture_on_commit_callbacks(execute=True):
        tuning = current()
        tuning.synonyms = "kapsalon, haarstudio"
        tuning.save()
        sector = Sector.objects.get(slug="kapper")
        sector.name_nl = "Kapsalon en barbier"
        sector.save()
        city["zuilen"] = NeighbourhoodFactory(
            parent=city["lombok"].get_parent(),
            title="Zuilen",
            district="Noordwest",
            latitude=Decimal("52.105000"),
            longitude=Decimal("5.095000"),
        )
    with django_capture_on_commit_callbacks(execute=True):
        add_business("Fietsenmaker Zuilen", wijk="zuilen")
    assert names(api(client, "?q=haarstudio")) == ["Kapsalon Nour"]
    answer = api(client)
    labels = {option["value"]: option["label"] for option in answer["facets"]["sector"]}
    assert labels["kapper"] == "Kapsalon en barbier"
    assert {"value": "zuilen", "label": "Zuilen", "count": 1, "selected": False} in answer[
        "facets"
    ]["wijk"]


def test_suggestions_for_the_search_box(client, engine, shops):
    response = client.get("/api/directory/suggestions/?q=bak")
    assert json.loads(response.content) == ["Bakkerij Yildiz"]
    assert json.loads(client.get("/api/directory/suggestions/?q=x").content) == []


def test_visitors_tell_whether_they_found_it(client, db):
    from search.models import SearchFeedback
    from tests.helpers import started

    response = client.post(
        "/ondernemers/reactie/",
        {
            "q": "fietsenmaker",
            "found": "0",
            "comment": "Geen fietsenmaker",
            "count": "0",
            "started": started(),
        },
    )
    assert response.status_code == 302
    feedback = SearchFeedback.objects.get()
    assert (feedback.query, feedback.found, feedback.comment) == (
        "fietsenmaker",
        False,
        "Geen fietsenmaker",
    )
    client.post(
        "/ondernemers/reactie/",
        {"q": "x", "found": "1", "website_url": "spam", "started": started()},
    )
    assert SearchFeedback.objects.count() == 1


def test_staff_read_the_feedback(moderator_client, db):
    from search.models import SearchFeedback

    SearchFeedback.objects.create(query="fietsenmaker", found=False, result_count=0)
    html = moderator_client.get("/admin/snippets/search/searchfeedback/").content.decode()
    assert "fietsenmaker" in html


def test_site_search_finds_pages_in_the_visitors_language(client, site_search_engine):
    html = client.get("/zoeken/?q=privacy").content.decode()
    assert "/privacyverklaring/" in html
    assert "/en/privacy-statement/" not in html
    html = client.get("/en/zoeken/?q=privacy").content.decode()
    assert "/en/privacy-statement/" in html
    assert client.get("/zoeken/?q=%22*~(&page=abc").status_code == 200
