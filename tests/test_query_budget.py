"""No public page asks the database more than 12 queries (issue 8's budget).

Counted as in steady use: the page itself is not in the whole-page cache (a first visit, or a
page with a form), while the parts every page shares (brand, menus, footer) are, as they stay
cached until content changes. The demo data is the realistic load: photos, hours, languages,
programmes with categories, mentors.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from businesses.models import Business, NeighbourhoodPage
from portal import page_cache
from programmes.models import ProgrammePage

BUDGET = 12


@pytest.fixture
def demo_site(full_demo, settings, monkeypatch):
    # Shared fragments cached, whole pages never: every request below renders its page.
    settings.PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(page_cache, "cacheable_request", lambda request: False)


def public_paths():
    business = Business.objects.filter(live=True).select_related("neighbourhood").first()
    neighbourhood = NeighbourhoodPage.objects.live().filter(locale__language_code="nl").first()
    programme = ProgrammePage.objects.live().filter(locale__language_code="nl").first()
    english = ProgrammePage.objects.live().filter(locale__language_code="en").first()
    return [
        "/",
        "/en/",
        "/over-dit-portaal/",
        "/privacyverklaring/",
        "/wijken/",
        neighbourhood.url,
        f"{neighbourhood.url}?sector=eten-drinken&taal=tr&open_nu=1",
        f"{business.neighbourhood.url}{business.slug}/",
        "/ondernemers/",
        f"/ondernemers/?q=bakkerij&taal=tr&wijk={neighbourhood.slug}",
        "/ondernemers/?bij=52.0907,5.1214&straal=2&sort=afstand",
        "/api/directory/?q=bakker&open_nu=1",
        "/open-data/",
        "/en/open-data/",
        "/api/open-data/ondernemers/",
        f"/api/open-data/ondernemers/?wijk={neighbourhood.slug}&per_page=1000",
        "/api/open-data/wijkcijfers/",
        "/api/open-data/programmas/",
        "/programmas/",
        "/programmas/?categorie=creativiteit&open=1&gratis=1",
        programme.url,
        english.url,
        "/programmas/wat-past-bij-mij/",
        "/zoeken/?q=wijk",
        "/account/signup/",
        "/account/login/",
        "/sitemap.xml",
        "/livez",
    ]


def test_every_public_page_stays_within_the_query_budget(client, demo_site):
    counts = {}
    paths = list(public_paths())
    assert paths
    for path in paths:
        assert client.get(path).status_code == 200, path  # warms the shared fragments
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    over = {path: count for path, count in counts.items() if count > BUDGET}
    assert not over, f"pages above {BUDGET} queries: {over}"
