"""The embedded engine: the directory answered by the database alone (SQLite or PostgreSQL).

Text goes through Wagtail's database search backend: SQLite's FTS5 full-text index, or
PostgreSQL's full-text search with the Dutch configuration. Every word of the query, folded
(portal.folding: "istanbul" finds "İstanbul", "احمد" finds "أحمد"), must match the name,
tagline, story, the stories in other languages, sectors or products: as typed, or as a word it
may mean (search.vocabulary: a start of a word, a typo, a compound part), or as a synonym staff
listed; the best matches come first (text_ids). The filters are django-filter's conditions
(businesses.filters); facet counts are grouped queries that respect the other filters, as on
the neighbourhood pages. Every condition is a subquery that runs once, not per business.
"""

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, FloatField, Max, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import ACos, Coalesce, Cos, Greatest, Least, Radians, Sin
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from businesses import lookups
from businesses.filters import grouped_counts, language_q, sector_q
from businesses.hours import local_now, open_now_q
from businesses.models import Business, NeighbourhoodPage
from portal import page_cache
from portal.folding import fold
from search import vocabulary

KM_PER_DEGREE = 111.2
EARTH_RADIUS_KM = 6371.0
MAX_WORDS = 10
LOOSE_BELOW = 5  # the loosest meanings of the words count when the others find fewer


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


def words(q):
    """The words of a query, folded (portal.folding); quotes, stars and other query syntax are
    dropped. Folded first: a word with harakat is one word, not letters between marks."""
    return re.findall(r"\w+", fold(q))[:MAX_WORDS]


def database_backend():
    """Wagtail's database backend: "default" without a search engine, else kept beside it."""
    name = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(name)


def position(typed, member):
    """Where the words of `member` stand together in `typed`, or None."""
    for at in range(len(typed) - len(member) + 1):
        if tuple(typed[at : at + len(member)]) == member:
            return at
    return None


def alternatives(typed, groups):
    """The query's words, then the same with a listed synonym in place of a word or phrase of
    it: ["toko", "oost"] -> [["toko", "oost"], ["supermarkt", "oost"], ...]."""
    found = [typed]
    for group in groups:
        members = [member for member in (tuple(words(m)) for m in group) if member]
        for member in members:
            at = position(typed, member)
            if at is not None:
                end = at + len(member)
                found += [
                    [*typed[:at], *other, *typed[end:]] for other in members if other != member
                ]
                break
    return found[:16]


def text_query(typed, groups, version, sureness):
    """Wagtail's search query for the words typed, every one of them: each word as typed;
    beyond EXACT, also a word it may mean up to `sureness` (search.vocabulary), or a synonym
    staff listed (as written: "berber" should not find "berbere")."""
    parts = []
    variants = alternatives(typed, groups) if sureness > vocabulary.EXACT else [typed]
    for number, variant in enumerate(variants):
        options = []
        for word in variant:
            meant = {word, collapse_doubles(word)}
            if sureness > vocabulary.EXACT and number == 0:
                meant |= {
                    m.word
                    for m in vocabulary.cached_meanings(word, version)
                    if m.sureness <= sureness
                }
            options.append(PlainText(" ".join(sorted(meant)), operator="or"))
        parts.append(And(options) if len(options) > 1 else options[0])
    return parts[0] if len(parts) == 1 else Or(parts)


def digest(*parts):
    """A short cache key part for texts of any length (and the same in every process)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def name_words(q, version):
    """The words a name may hold for the query: the words typed and what they may mean."""
    found = set()
    for word in words(q):
        found |= {word} | {m.word for m in vocabulary.cached_meanings(word, version)}
    return found


def matching_ids(query):
    results = database_backend().search(query, Business.objects.all(), order_by_relevance=False)
    return list(results.get_queryset().values_list("pk", flat=True))


def text_ids(q, groups=(), version=None):
    """{id: rank} of the businesses whose text matches, from Wagtail's database search backend:
    0 for the words as typed, 1 for a synonym, a start of a word or a letter or two away, 2 for
    a part of a compound or further away (only while the closer ones find few). A query of
    several words wants them all; when no business has them all, the businesses with the most
    of them come first (rank 3 and up). Kept until the data changes."""
    typed = words(q)
    if not typed:
        return {}
    version = version or data_version()
    key = f"directory-text:{version}:{digest(typed, groups)}"
    ranks = cache.get(key)
    if ranks is not None:
        return ranks
    ranks = {}
    for sureness in (vocabulary.EXACT, vocabulary.CLOSE, vocabulary.LOOSE):
        if sureness == vocabulary.LOOSE and len(ranks) >= LOOSE_BELOW:
            break  # enough found: "bakkerij" does not go on to "pidebakkerij"'s neighbours
        for pk in matching_ids(text_query(typed, groups, version, sureness)):
            ranks.setdefault(pk, sureness)
    if not ranks and len(typed) > 1:
        found = Counter()
        for word in typed:
            found.update(matching_ids(text_query([word], groups, version, vocabulary.CLOSE)))
        ranks = {pk: 3 + len(typed) - n for pk, n in found.items()}
    cache.set(key, ranks, timeout=3600)
    return ranks


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


def data_version():
    """Changes whenever a business is saved, added or deleted. It keys the caches below: the
    newest change and the highest id (two index lookups) catch saves and bulk inserts, which
    send no signal; the content version (portal.page_cache) catches deletions, which do. A count
    would catch those too, but reads all 100,000 rows on PostgreSQL at every search."""
    row = Business.objects.aggregate(last=Max("updated_at"), highest=Max("pk"))
    last = row["last"].timestamp() if row["last"] else 0
    return f"{page_cache.version()}-{last:.6f}-{row['highest'] or 0}"


def ids_q(ids):
    """pk IN a long list of ids, sent as one parameter (SQLite allows only so many)."""
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL("SELECT unnest(%s::integer[])", [ids]))
    return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))


def open_ids(version):
    """The businesses open this minute, worked out once a minute (or after a change)."""
    minute = local_now().strftime("%Y%m%d%H%M")
    return cache.get_or_set(
        f"directory-open:{version}:{minute}",
        lambda: list(Business.objects.filter(open_now_q()).values_list("pk", flat=True)),
        timeout=90,
    )


def base_queryset(query, without=None, matched=None, version=None):
    """The published businesses that meet the query, but for the filter named `without`.

    `matched` is the ids that text_ids found for the query's text: a search asks for them
    once and uses them in each of its queries.
    """
    queryset = Business.objects.filter(live=True)
    if query.q:
        if matched is None:
            matched = text_ids(query.q, version=version)
        queryset = queryset.filter(ids_q(list(matched)))
    for name, values in query.filters().items():
        if values and name != without:
            queryset = queryset.filter(filter_q(name, values))
    if query.open_nu:
        queryset = queryset.filter(ids_q(open_ids(version or data_version())))
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


# Each facet counts by id in one or more groupings, then names its ids from the kept lists
# (businesses.lookups): the big query joins nothing it can leave out. An id the lists do not
# know yet (added this instant, before the content version moved on) is left out.


def wijk_groups(base):
    return {"wijk": (base, F("neighbourhood_id"), Count("pk"))}


def wijk_named(counts):
    slugs = lookups.neighbourhood_slugs()
    named = {}
    for pk, n in counts["wijk"].items():
        if pk in slugs:  # a neighbourhood's Dutch and English pages share its slug
            named[slugs[pk]] = named.get(slugs[pk], 0) + n
    return named


def sector_groups(base):
    rows = Business.sectors.through.objects.filter(business_id__in=base.values("pk"))
    return {
        "sector": (rows, F("sector_id"), Count("pk")),
        # A main sector counts each business once, however many of its subsectors it has.
        "main": (
            rows,
            Coalesce("sector__parent_id", "sector_id"),
            Count("business_id", distinct=True),
        ),
    }


def sector_named(counts):
    slugs = {sector.pk: sector.slug for sector in lookups.sectors()}
    # A main sector's count replaces the count of its own tag.
    rows = [*counts["sector"].items(), *counts["main"].items()]
    return {slugs[pk]: n for pk, n in rows if pk in slugs}


def taal_groups(base):
    rows = Business.languages.through.objects.filter(business_id__in=base.values("pk"))
    return {"taal": (rows, F("language_id"), Count("pk"))}


def taal_named(counts):
    codes = {language.pk: language.code for language in lookups.languages()}
    return {codes[pk]: n for pk, n in counts["taal"].items() if pk in codes}


COUNTERS = {
    "wijk": (wijk_groups, wijk_named),
    "sector": (sector_groups, sector_named),
    "taal": (taal_groups, taal_named),
}


def count_facets(bases):
    """{name: {slug or code: count}} for the facets in `bases` ({name: the businesses it
    counts}), all in one query."""
    if not bases:
        return {}
    groups = {}
    for name, base in bases.items():
        groups.update(COUNTERS[name][0](base))
    counts = grouped_counts(**groups)
    return {name: COUNTERS[name][1](counts) for name in bases}


def facets(query, matched=None, version=None):
    """Counts per neighbourhood, sector and language, each under all the other filters.

    A facet whose other filters are all empty counts every published business: the heaviest
    count, and the same for every such query until a business changes, so it is kept.
    """
    version = version or data_version()
    result, bases, keys = {}, {}, {}
    for name in COUNTERS:
        others = [values for other, values in query.filters().items() if other != name]
        if not (query.q or query.open_nu or query.bij or any(others)):
            keys[name] = f"directory-facet:{name}:{version}"
            result[name] = cache.get(keys[name])
            if result[name] is not None:
                continue
        bases[name] = base_queryset(query, without=name, matched=matched, version=version)
    counted = count_facets(bases)
    for name, counts in counted.items():
        if name in keys:
            cache.set(keys[name], counts, timeout=3600)
    result.update(counted)
    return result


def search(query, page_size):
    from search.models import current

    version = data_version()
    matched = text_ids(query.q, current().synonym_groups(), version) if query.q else None
    queryset = base_queryset(query, matched=matched, version=version)
    counts = facets(query, matched, version)
    # Every business lies in one neighbourhood: the neighbourhood counts add up to the total
    # (of the chosen neighbourhoods, when some are chosen), so no separate count is needed.
    chosen = set(query.wijk)
    count = sum(n for slug, n in counts["wijk"].items() if not chosen or slug in chosen)
    window = slice(query.offset, query.offset + page_size)
    if query.sort == "afstand" and query.bij:
        ids = queryset.order_by("distance", "name", "pk").values_list("pk", flat=True)[window]
    elif matched and query.sort != "naam":
        # Best matches first (text_ids' rank); within a rank, the names that hold what was
        # typed, then by name.
        named = name_words(query.q, version)
        rows = queryset.order_by("name", "pk").values_list("pk", "name")
        ids = [
            pk
            for pk, name in sorted(
                rows, key=lambda row: (matched[row[0]], -len(named & set(words(row[1]))))
            )
        ][window]
    else:
        ids = queryset.order_by("name", "pk").values_list("pk", flat=True)[window]
    return EngineResult(count=count, hits=[Hit(id=pk) for pk in ids], facets=counts)
