"""The embedded engine: the directory answered by the database alone (SQLite or PostgreSQL).

Text goes through Wagtail's database search backend: SQLite's FTS5 full-text index, or
PostgreSQL's full-text search with the Dutch configuration. Every word of the query, folded
(portal.folding: "istanbul" finds "İstanbul", "احمد" finds "أحمد"), must match the name,
tagline, story, the stories in other languages, sectors or products: as typed, or as a word it
may mean (search.vocabulary: a start of a word, a typo, a compound part), or as a synonym staff
listed; the best matches come first (text_ids, kept until the data changes). The filters, the
facet counts and the order by name are worked out in memory on bitmaps of the published
businesses (search.bitmaps, read again after every change): a facet count is the number of bits
of two bitmaps ANDed, with no query, where grouped counts over the relation tables took up to a
second on PostgreSQL with 100,000 businesses.
"""

import contextvars
import hashlib
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Max
from wagtail.search.query import And, Or, PlainText

from businesses.directory import Business, hours, lookups
from portal import page_cache
from portal.bulk_index import database_backend
from portal.folding import fold
from search import bitmaps, vocabulary
from search.models import current

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


def data_version():
    """Changes whenever a business is saved, added or deleted. It keys the caches below: the
    newest change and the highest id (two index lookups) catch saves and bulk inserts, which
    send no signal; the content version (portal.page_cache) catches deletions, which do. A count
    would catch those too, but reads all 100,000 rows on PostgreSQL at every search."""
    kept = _one_version.get()
    if kept is not None and "version" in kept:
        return kept["version"]
    row = Business.objects.aggregate(last=Max("updated_at"), highest=Max("pk"))
    last = row["last"].timestamp() if row["last"] else 0
    version = f"{page_cache.version()}-{last:.6f}-{row['highest'] or 0}"
    if kept is not None:
        kept["version"] = version
    return version


_one_version = contextvars.ContextVar("directory_one_version", default=None)


@contextmanager
def one_version():
    """Within it, data_version() is read once: one answer (its search, the count of "Bedoelde
    je", the searches without a filter) reads the data as of one moment."""
    token = _one_version.set({})
    try:
        yield
    finally:
        _one_version.reset(token)


def open_ids(version):
    """The businesses open this minute, worked out once a minute (or after a change)."""
    minute = hours.local_now().strftime("%Y%m%d%H%M")
    return cache.get_or_set(
        f"directory-open:{version}:{minute}",
        lambda: list(Business.objects.filter(hours.open_now_q()).values_list("pk", flat=True)),
        timeout=90,
    )


FILTERS = {"wijk": "neighbourhood", "sector": "sector", "taal": "language"}


def filter_keys(name, values):
    """The keys of the snapshot's bitmaps that filter `name` with `values` means: the pages of
    those neighbourhoods (in every language), those sectors (a main sector holds its subsectors'
    businesses), those languages. From the kept lists: no query."""
    if name == "wijk":
        return [pk for pk, slug in lookups.neighbourhood_slugs().items() if slug in values]
    if name == "sector":
        return [sector.pk for sector in lookups.sectors() if sector.slug in values]
    if name == "taal":
        return [language.pk for language in lookups.languages() if language.code in values]
    raise ValueError(name)


@dataclass
class Plan:
    """A query worked out on the snapshot: the bitmap of every condition."""

    snapshot: object
    text: int | None = None  # the text's matches
    conditions: dict = field(default_factory=dict)  # filter name -> bitmap
    distances: dict | None = None  # place -> km, with `bij`

    def without(self, name=None):
        bits = self.snapshot.everything if self.text is None else self.text
        for other, condition in self.conditions.items():
            if other != name:
                bits &= condition
        return bits


def plan(query, matched=None, version=None):
    """The bitmaps of `query` (search.bitmaps). `matched` is text_ids' answer for its text."""
    version = version or data_version()
    snap = bitmaps.snapshot(version)
    result = Plan(snap)
    if query.q:
        if matched is None:
            matched = text_ids(query.q, current().synonym_groups(), version)
        result.text = text_bits(snap, query.q, matched)
    for name, values in query.filters().items():
        if values:
            result.conditions[name] = snap.any_of(
                getattr(snap, FILTERS[name]), filter_keys(name, values)
            )
    if query.open_nu:
        minute = hours.local_now().strftime("%Y%m%d%H%M")
        if snap.memo.get("open-minute") != minute:
            snap.memo.update({"open-minute": minute, "open": snap.of_ids(open_ids(version))})
        result.conditions["open_nu"] = snap.memo["open"]
    if query.bij:
        lat, lon = query.bij
        result.distances, result.conditions["bij"] = remember(
            snap, ("bij", lat, lon, query.straal), lambda: near(snap, lat, lon, query.straal)
        )
    return result


def remember(snap, key, compute):
    """compute(), kept with the snapshot (so until the data change), for a few dozen queries.
    Within one data version a query's text matches are always the same (the synonyms are
    content too), so the text keys them."""
    if key not in snap.memo:
        if len(snap.memo) >= 64:  # a bound on what one process keeps
            snap.memo.clear()
        snap.memo[key] = compute()
    return snap.memo[key]


def near(snap, lat, lon, radius):
    distances = snap.within(lat, lon, radius)
    return distances, bitmaps.bitmap(distances, snap.size)


def text_bits(snap, q, matched):
    return remember(snap, ("text", q), lambda: snap.of_ids(matched))


def facets(query, matched=None, version=None, planned=None):
    """Counts per neighbourhood, sector and language, each under all the other filters: bits
    counted on the snapshot (search.bitmaps), no query."""
    planned = planned or plan(query, matched, version)
    snap = planned.snapshot
    counts = {}
    for name, maps in (
        ("wijk", snap.neighbourhood),
        ("sector", snap.sector),
        ("taal", snap.language),
    ):
        base = planned.without(name)
        found = {}
        for key, bits in maps.items():
            n = (bits & base).bit_count()
            if n:
                found[key] = n
        counts[name] = found
    return {
        "wijk": wijk_named(counts["wijk"]),
        "sector": sector_named(counts["sector"]),
        "taal": taal_named(counts["taal"]),
    }


def wijk_named(counts):
    slugs = lookups.neighbourhood_slugs()
    named = {}
    for pk, n in counts.items():
        if pk in slugs:  # a neighbourhood's Dutch and English pages share its slug
            named[slugs[pk]] = named.get(slugs[pk], 0) + n
    return named


def sector_named(counts):
    # A main sector counts each business once, however many of its subsectors it has.
    slugs = {sector.pk: sector.slug for sector in lookups.sectors()}
    return {slugs[pk]: n for pk, n in counts.items() if pk in slugs}


def taal_named(counts):
    codes = {language.pk: language.code for language in lookups.languages()}
    return {codes[pk]: n for pk, n in counts.items() if pk in codes}


def ordered_text_places(snap, q, matched, version):
    """The places of the text's matches, best first (text_ids' rank); within a rank, the names
    that hold what was typed (or what it may mean), then by name. Kept with the snapshot."""

    def order():
        named = name_words(q, version)
        places = [snap.place[pk] for pk in matched if pk in snap.place]
        names = snap.names
        places.sort(
            key=lambda place: (
                matched[snap.ids[place]],
                -len(named & set(words(names[place]))),
                place,
            )
        )
        return places

    return remember(snap, ("order", q), order)


def search(query, page_size, with_facets=True):
    """The page of hits and the facet counts; without facets (`with_facets=False`, for the few
    results shown beside a search that found nothing) only the hits, and no count."""

    version = data_version()
    matched = text_ids(query.q, current().synonym_groups(), version) if query.q else None
    planned = plan(query, matched, version)
    snap = planned.snapshot
    results = planned.without()
    counts, count = {}, None
    if with_facets:
        counts = facets(query, planned=planned)
        count = results.bit_count()
    start, end = query.offset, query.offset + page_size
    held = results.to_bytes((snap.size + 7) // 8, "little")
    if query.sort == "afstand" and query.bij:
        places = sorted(
            (place for place in planned.distances if held[place >> 3] >> (place & 7) & 1),
            key=lambda place: (planned.distances[place], place),
        )[start:end]
    elif matched and query.sort != "naam":
        places = []
        for place in ordered_text_places(snap, query.q, matched, version):
            if held[place >> 3] >> (place & 7) & 1:
                places.append(place)
                if len(places) >= end:
                    break
        places = places[start:end]
    else:
        places = bitmaps.places_of(results, limit=end)[start:end]
    hits = [Hit(id=snap.ids[place]) for place in places]
    return EngineResult(count=count, hits=hits, facets=counts)


def count_many(queries):
    """How many businesses each of `queries` finds, without hits or facets (for "Bedoelde je"
    and the searches without a filter): bits counted on the snapshot."""

    version = data_version()
    counts = []
    for query in queries:
        matched = text_ids(query.q, current().synonym_groups(), version) if query.q else None
        counts.append(plan(query, matched, version).without().bit_count())
    return counts
