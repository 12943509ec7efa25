"""The small lists nearly every directory page reads: sectors, languages, neighbourhoods.

Kept under the page cache's content version (portal.page_cache.cached), which every committed
change of public content renews: a renamed sector or a new neighbourhood shows at once, and
pages that are never stored whole still skip these queries.
"""

from businesses.models import Language, NeighbourhoodPage, Sector
from portal.page_cache import cached


def sectors():
    """Every sector in display order, with its main sector loaded (str() shows both)."""
    return cached("lookup:sectors", lambda: list(Sector.objects.select_related("parent")))


def languages():
    """Every language in display order."""
    return cached("lookup:languages", lambda: list(Language.objects.all()))


def neighbourhood_slugs():
    """{page id: slug} of every neighbourhood page, in any language."""
    return cached(
        "lookup:neighbourhood-slugs",
        lambda: dict(NeighbourhoodPage.objects.values_list("pk", "slug")),
    )


def neighbourhood_titles():
    """{slug: title} of the Dutch neighbourhood pages: the names the directory filters show."""
    return cached(
        "lookup:neighbourhood-titles",
        lambda: dict(
            NeighbourhoodPage.objects.filter(locale__language_code="nl").values_list(
                "slug", "title"
            )
        ),
    )
