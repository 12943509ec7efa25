"""The embedded engine: the directory answered by the database alone (SQLite or PostgreSQL).

Text matches every word in the name, tagline, products, sectors or story, also when the text
has a doubled letter less ("bakkerij" finds "bakerij"). Facet counts are grouped queries that
respect the other filters, as on the neighbourhood pages.
"""

import math
import re
from dataclasses import dataclass, field

from django.db.models import Count, F, FloatField, Q, Value
from django.db.models.functions import ACos, Coalesce, Cos, Greatest, Least, Radians, Sin

from businesses.filters import language_q, sector_q
from businesses.hours import open_now_q
from businesses.models import Business

KM_PER_DEGREE = 111.2
EARTH_RADIUS_KM = 6371.0


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


def text_q(q, groups=()):
    condition = Q()
    for word in q.split()[:10]:
        variants = {word, collapse_doubles(word)} | synonyms_of(word, groups)
        word_q = Q()
        for variant in variants:
            word_q |= (
                Q(name__icontains=variant)
                | Q(tagline__icontains=variant)
                | Q(story__icontains=variant)
                | Q(sectors__name_nl__icontains=variant)
                | Q(products__name__icontains=variant)
            )
        condition &= Q(pk__in=Business.objects.filter(word_q).values("pk"))
    return condition


def filter_q(name, values):
    if name == "wijk":
        return Q(neighbourhood__slug__in=values)
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
    result = {}
    wijk_base = base_queryset(query, without="wijk", groups=groups)
    result["wijk"] = dict(
        wijk_base.values("neighbourhood__slug")
        .annotate(n=Count("id"))
        .values_list("neighbourhood__slug", "n")
    )
    sector_rows = Business.sectors.through.objects.filter(
        business__in=base_queryset(query, without="sector", groups=groups).values("pk")
    )
    leaves = dict(
        sector_rows.values("sector__slug")
        .annotate(n=Count("business_id", distinct=True))
        .values_list("sector__slug", "n")
    )
    # A main sector counts each business once, however many of its subsectors it has.
    tops = dict(
        sector_rows.annotate(top=Coalesce("sector__parent__slug", "sector__slug"))
        .values("top")
        .annotate(n=Count("business_id", distinct=True))
        .values_list("top", "n")
    )
    sectors = {**leaves, **tops}
    result["sector"] = sectors
    result["taal"] = dict(
        Business.languages.through.objects.filter(
            business__in=base_queryset(query, without="taal", groups=groups).values("pk")
        )
        .values("language__code")
        .annotate(n=Count("business_id", distinct=True))
        .values_list("language__code", "n")
    )
    return result


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
