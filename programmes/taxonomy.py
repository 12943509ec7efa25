"""The short lists programmes are described with, read once and kept until content changes.

Categories, stages, sectors, languages, neighbourhoods and providers change a few times a year,
yet the programme list, every programme page and the questionnaire need them. They are kept
under the page cache's content version (portal.page_cache.cached), which every committed change
of public content renews, so an edit shows at once; in development and tests
(PAGE_CACHE_SECONDS=0) every call reads afresh.
"""

from dataclasses import dataclass

from django.db.models import Value

from businesses.models import Language, NeighbourhoodPage, Sector
from portal import page_cache
from programmes.models import Category, ProgrammePage, Provider, Stage


@dataclass(frozen=True)
class Taxonomy:
    categories: list
    stages: list
    sectors: list  # with their parent, for "Eten & drinken › Bakkerij"
    languages: list
    # Every Dutch neighbourhood page, published or not: a programme may still point at one that
    # went offline, and its page should say so rather than "the whole city".
    neighbourhoods: list
    providers: list

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
        providers=list(Provider.objects.all()),
    )


def taxonomy():
    return page_cache.cached("programme-taxonomy", load)


# A programme's many-to-many relations and the column of each in its table.
AUDIENCE = {
    "stages": "stage_id",
    "sectors": "sector_id",
    "neighbourhoods": "neighbourhoodpage_id",
    "languages": "language_id",
}


def facts(programme, draft=False):
    """A programme's provider, category and whom it is for, as its page shows them.

    {"provider": ..., "category": ..., "stages": [...], "sectors": [...], "neighbourhoods": [...],
    "languages": [...]}, each list in display order. One query (a UNION over the four relation
    tables) finds which ids the programme points at; the objects come from the cached lists,
    instead of six queries for the same few rows. A draft (a preview in the admin) holds its
    own relations, which the tables do not have yet.
    """
    if draft:
        chosen = {name: {item.pk for item in getattr(programme, name).all()} for name in AUDIENCE}
    else:
        chosen = chosen_ids(programme)
    lists = taxonomy()
    result = {
        name: [item for item in getattr(lists, name) if item.pk in chosen[name]]
        for name in AUDIENCE
    }
    # Lists read just before a new category or provider was committed lack it until the version
    # renews: then the page asks for it.
    result["provider"] = find(lists.providers, programme.provider_id) or programme.provider
    result["category"] = find(lists.categories, programme.category_id) or programme.category
    return result


def chosen_ids(programme):
    empty = {name: set() for name in AUDIENCE}
    return audience_of(ProgrammePage.objects.filter(pk=programme.pk)).get(programme.pk, empty)


def audience_of(programmes):
    """{programme id: {relation: set of ids}} for a queryset of programmes, in one query (a
    UNION over the four relation tables); programmes without any relation are left out."""
    ids = programmes.values("pk")
    tables = [
        ProgrammePage._meta.get_field(name)
        .remote_field.through.objects.filter(programmepage_id__in=ids)
        .values_list("programmepage_id", Value(name), column)
        for name, column in AUDIENCE.items()
    ]
    found = {}
    for programme_id, name, pk in tables[0].union(*tables[1:], all=True):
        found.setdefault(programme_id, {relation: set() for relation in AUDIENCE})[name].add(pk)
    return found


def find(items, pk):
    return next((item for item in items if item.pk == pk), None)
