"""The small lists nearly every directory page reads: sectors, languages, neighbourhoods.

They are kept in the cache under the page cache's content version (portal.page_cache), which
every committed change of public content renews, so a renamed sector or a new neighbourhood
shows at once, and pages that are never stored whole still skip these queries. Like the
shared fragments in templates/base.html they are kept only while the page cache is on
(PAGE_CACHE_SECONDS > 0): development and tests read the database every time.
"""

from django.conf import settings
from django.core.cache import cache

from businesses.models import Language, NeighbourhoodPage, Sector
from portal import page_cache


def cached(name, compute):
    """compute(), kept until the next content change (or PAGE_CACHE_SECONDS)."""
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    return cache.get_or_set(f"lookup:{name}:{page_cache.version()}", compute, timeout=seconds)


def sectors():
    """Every sector in display order, with its main sector loaded (str() shows both)."""
    return cached("sectors", lambda: list(Sector.objects.select_related("parent")))


def languages():
    """Every language in display order."""
    return cached("languages", lambda: list(Language.objects.all()))


def neighbourhood_slugs():
    """{page id: slug} of every neighbourhood page, in any language."""
    return cached(
        "neighbourhood-slugs", lambda: dict(NeighbourhoodPage.objects.values_list("pk", "slug"))
    )


def neighbourhood_titles():
    """{slug: title} of the Dutch neighbourhood pages: the names the directory filters show."""
    return cached(
        "neighbourhood-titles",
        lambda: dict(
            NeighbourhoodPage.objects.filter(locale__language_code="nl").values_list(
                "slug", "title"
            )
        ),
    )
