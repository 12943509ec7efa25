"""The short lists programmes are described with, read once and kept until content changes.

Categories, stages, sectors, languages and neighbourhoods change a few times a year, yet the
programme list, every programme page and the questionnaire need them all. They are kept in the
cache under the page cache's content version, which every committed change of public content
renews (portal/page_cache.py), so an edit shows at once. Like the shared fragments, they are
cached only while PAGE_CACHE_SECONDS is set: in development and tests every call reads afresh.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from businesses.models import Language, NeighbourhoodPage, Sector
from portal import page_cache
from programmes.models import Category, Stage


@dataclass(frozen=True)
class Taxonomy:
    categories: list
    stages: list
    sectors: list  # with their parent, for "Eten & drinken › Bakkerij"
    languages: list
    # Every Dutch neighbourhood page, published or not: a programme may still point at one that
    # went offline, and its page should say so rather than "the whole city".
    neighbourhoods: list

    @property
    def live_neighbourhoods(self):
        return [page for page in self.neighbourhoods if page.live]


def load():
    return Taxonomy(
        categories=list(Category.objects.all()),
        stages=list(Stage.objects.all()),
        sectors=list(Sector.objects.select_related("parent")),
        languages=list(Language.objects.all()),
        # Only what lists and choices show: a page's boundary and texts would fill the cache.
        neighbourhoods=list(
            NeighbourhoodPage.objects.filter(locale__language_code="nl")
            .only("id", "title", "slug", "live")
            .order_by("title", "pk")
        ),
    )


def taxonomy():
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return load()
    return cache.get_or_set(f"programme-taxonomy:{page_cache.version()}", load, timeout=seconds)
