"""The embedded engine: the directory answered by the database alone (SQLite or PostgreSQL).

Text goes through Wagtail's database search backend: SQLite's FTS5 full-text index, or
PostgreSQL's full-text search with the Dutch configuration. Every word of the query must match
the name, tagline, story, sectors or products, also with a doubled letter less ("bakkerij"
finds "bakerij") or as a synonym staff listed. The filters are django-filter's conditions
(businesses.filters); facet counts are grouped queries that respect the other filters, as on
the neighbourhood pages. Every condition is a subquery that runs once, not per business.
"""

import math
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, FloatField, Q, Value
from django.db.models.functions import ACos, Coalesce, Cos, Greatest, Least, Radians, Sin
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

from businesses.filters import language_q, sector_q
from businesses.hours import open_now_q
from businesses.models import Business, Language, NeighbourhoodPage, Sector

KM_PER_DEGREE = 111.2
EARTH_RADIUS_KM = 6371.0
MAX_WORDS = 10


@dataclass
class Hit:
    id: int
    highlight: str = ""


@dataclass
class EngineResult:
    count: int
    hits: list
    facets: dict = field(default_factory=dict)  # name -> {value: count}


def collapse_doubles(word):
    return re.sub(r"(\w)\1+", r"\1", word)


def synonyms_of(word, groups):
    lower = word.lower()
    return {other for group in groups if lower in group for other in group}


def words(q):
    """The words of a query; quotes, stars and other query syntax are dropped."""
    return re.findall(r"\w+", q)[:MAX_WORDS]


def database_backend():
    """Wagtail's database backend: "default" without a search engine, else kept beside it."""
    name = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(name)


def text_query(q, groups=()):
    parts = []
    for word in words(q):
        variants = {word.lower(), collapse_doubles(word.lower())}
        variants |= {w for synonym in synonyms_of(word, groups) for w in words(synonym)}
        parts.append(PlainText(" ".join(sorted(variants)), operator="or"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def text_q(q, groups=()):
    query = text_query(q, groups)
    if query is None:
        return Q(pk__in=[])
    results = database_backend().search(query, Business.objects.all(), order_by_relevance=False)
    return Q(pk__in=results.get_queryset().values("pk"))


def filter_q(name, values):
    if name == "wijk":
        pages = NeighbourhoodPage.objects.filter(slug__in=values).values("pk")
        return Q(neighbourhood_id__in=pages)
    if name == "sector":
        return sector_q(values)
    if name == "taal":
        return language_q(values)
    raise ValueError(name)


def distance_expression(lat, lon):
    """Great-circle distance in km (the cosine formula; Django gives SQLite these functions)."""
    cosine = Sin(Radians(Value(lat))) * Sin(Radians(F("latitude"))) + Cos(
        Radians(Value(lat))
    ) * Cos(Radians(F("latitude"))) * Cos(Radians(F("longitude")) - Radians(Value(lon)))
    return EARTH_RADIUS_KM * ACos(
        Least(Greatest(cosine, Value(-1.0)), Value(1.0)), output_field=FloatField()
    )


def base_queryset(query, without=None, groups=()):
    queryset = Business.objects.filter(live=True)
    if query.q:
        queryset = queryset.filter(text_q(query.q, groups))
    for name, values in query.filters().items():
        if values and name != without:
            queryset = queryset.filter(filter_q(name, values))
    if query.open_nu:
        queryset = queryset.filter(open_now_q())
    if query.bij:
        lat, lon = query.bij
        margin = query.straal / KM_PER_DEGREE
        lon_margin = margin / max(math.cos(math.radians(lat)), 0.01)
        queryset = (
            queryset.filter(
                latitude__range=(lat - margin, lat + margin),
                longitude__range=(lon - lon_margin, lon + lon_margin),
            )
            .annotate(distance=distance_expression(lat, lon))
            .filter(distance__lte=query.straal)
        )
    return queryset


def facets(query, groups=()):
    """Counts per neighbourhood, sector and language, each under all the other filters.

    Grouped by id, then named from the small tables: the big queries join nothing they can
    leave out. A main sector counts each business once, however many subsectors it has.
    """

    def ids_without(name):
        return base_queryset(query, without=name, groups=groups).values("pk")

    wijk_rows = (
        base_queryset(query, without="wijk", groups=groups)
        .values("neighbourhood_id")
        .annotate(n=Count("pk"))
        .values_list("neighbourhood_id", "n")
    )
    sector_rows = Business.sectors.through.objects.filter(business_id__in=ids_without("sector"))
    leaves = sector_rows.values("sector_id").annotate(n=Count("pk")).values_list("sector_id", "n")
    tops = (
        sector_rows.annotate(top=Coalesce("sector__parent_id", "sector_id"))
        .values("top")
        .annotate(n=Count("business_id", distinct=True))
        .values_list("top", "n")
    )
    language_rows = (
        Business.languages.through.objects.filter(business_id__in=ids_without("taal"))
        .values("language_id")
        .annotate(n=Count("pk"))
        .values_list("language_id", "n")
    )
    pages = dict(NeighbourhoodPage.objects.values_list("pk", "slug"))
    sectors = dict(Sector.objects.values_list("pk", "slug"))
    languages = dict(Language.objects.values_list("pk", "code"))
    return {
        "wijk": {pages[pk]: n for pk, n in wijk_rows},
        # A main sector's count (grouped by main sector) replaces the count of its own tag.
        "sector": {sectors[pk]: n for pk, n in [*leaves, *tops]},
        "taal": {languages[pk]: n for pk, n in language_rows},
    }


def search(query, page_size):
    from search.models import current

    groups = current().synonym_groups() if query.q else ()
    queryset = base_queryset(query, groups=groups)
    if query.sort == "afstand" and query.bij:
        queryset = queryset.order_by("distance", "name", "pk")
    else:
        queryset = queryset.order_by("name", "pk")
    count = queryset.count()
    ids = queryset.values_list("pk", flat=True)[query.offset : query.offset + page_size]
    hits = [Hit(id=pk) for pk in ids]
    return EngineResult(count=count, hits=hits, facets=facets(query, groups))
