"""/zoeken/ keeps answering when the search engine is away (found by `make soak`, which kills
the engine halfway: every site search gave a 500 from then on)."""

import pytest

from portal.settings.environment import search_backends

pytestmark = pytest.mark.django_db


def test_site_search_answers_from_the_database_without_the_engine(client, home, settings, caplog):
    # As production configures it with SEARCH_URL, but nothing listens at the engine's address;
    # the demo pages were indexed in the database backend when the fixture saved them.
    settings.SEARCH_URL = "http://127.0.0.1:9"
    settings.WAGTAILSEARCH_BACKENDS = search_backends(settings.SEARCH_URL, "opensearch3", "t")
    response = client.get("/zoeken/?q=privacy")
    assert response.status_code == 200
    assert "/privacyverklaring/" in response.content.decode()
    assert "search engine unavailable" in caplog.text


def test_a_misspelt_site_search_without_the_engine_suggests_from_the_database(
    client, home, settings
):
    """ "Bedoelde je …?" counts what the suggestion finds: on the database as well, while the
    engine is away (it asked the engine, and gave a 500, in the soak of issue 18)."""
    from search import vocabulary

    settings.SEARCH_URL = "http://127.0.0.1:9"
    settings.WAGTAILSEARCH_BACKENDS = search_backends(settings.SEARCH_URL, "opensearch3", "t")
    vocabulary.refresh()
    response = client.get("/zoeken/?q=privasy")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bedoelde je" in page
    assert "privacy" in page
