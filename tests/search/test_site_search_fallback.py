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


def test_a_misspelt_site_search_without_the_engine_answers_from_the_database(
    client, home, settings, monkeypatch
):
    """ "Bedoelde je …?" counts what a suggestion finds on the backend that answered: while the
    engine is away, the database (it asked the engine, a 500 for every misspelt site search, in
    the soak of issue 18). The vocabulary's correction is given: the test is about where it is
    counted."""
    from search import vocabulary

    settings.SEARCH_URL = "http://127.0.0.1:9"
    settings.WAGTAILSEARCH_BACKENDS = search_backends(settings.SEARCH_URL, "opensearch3", "t")
    asked = []
    monkeypatch.setattr(vocabulary, "corrected", lambda q: asked.append(q) or "privacy")
    response = client.get("/zoeken/?q=privasy")
    assert response.status_code == 200
    assert asked == ["privasy"]  # the suggestion was looked for, and counted without a 500
    assert "0 pagina's gevonden" in response.content.decode()
