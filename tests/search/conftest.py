import io
from datetime import time
from decimal import Decimal

import pytest
from django.core.management import call_command

from search.opensearch import indexing
from tests.factories import BusinessFactory, NeighbourhoodFactory, NeighbourhoodIndexFactory


@pytest.fixture(params=["database", "opensearch"])
def engine(request, settings):
    """Each contract test runs on both engines."""
    if request.param == "opensearch":
        request.getfixturevalue("opensearch")
    else:
        settings.SEARCH_URL = ""
    return request.param


@pytest.fixture
def reindex(engine):
    """Call after creating businesses: the vocabulary is counted afresh, and the search engine
    gets a fresh index."""

    def run():
        from search import vocabulary

        vocabulary.refresh()  # as the nightly refresh would
        if engine == "opensearch":
            indexing.rebuild()

    return run


@pytest.fixture(params=["database", "opensearch"])
def site_search_engine(request, settings, home):
    """/zoeken/ on Wagtail's database backend, and on Wagtail's OpenSearch backend as production
    configures it when SEARCH_URL is set."""
    if request.param == "opensearch":
        from portal.settings.environment import search_backends

        request.getfixturevalue("opensearch")
        settings.WAGTAILSEARCH_BACKENDS = search_backends(
            settings.SEARCH_URL,
            "opensearch3",
            settings.SEARCH_INDEX.replace("directory", "wagtail"),
        )
        call_command("update_index", backend_name="default", stdout=io.StringIO())
        from wagtail.search.backends import get_search_backend

        assert type(get_search_backend()).__name__ == "OpenSearch3SearchBackend"
    return request.param


@pytest.fixture
def site_reindex(site_search_engine):
    """Call after adding pages: Wagtail's OpenSearch index takes them in and is refreshed."""

    def run():
        if site_search_engine == "opensearch":
            call_command("update_index", backend_name="default", stdout=io.StringIO())

    return run


@pytest.fixture
def city(home):
    index = NeighbourhoodIndexFactory(parent=home)
    return {
        name.lower(): NeighbourhoodFactory(
            parent=index,
            title=name,
            district=district,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
        )
        for name, district, lat, lon in (
            ("Lombok", "West", "52.091300", "5.095800"),
            ("Overvecht", "Noordoost", "52.115000", "5.115000"),
        )
    }


@pytest.fixture
def add_business(city):
    def add(
        name,
        wijk="lombok",
        languages=("nl",),
        lat="52.091000",
        lon="5.096000",
        always_open=False,
        **fields,
    ):
        return BusinessFactory(
            name=name,
            neighbourhood=city[wijk],
            house_number=fields.pop("house_number", 1),
            languages=languages,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            hours=[(day, time(0, 0), time(23, 59)) for day in range(7)] if always_open else (),
            **fields,
        )

    return add
