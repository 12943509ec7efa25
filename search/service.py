"""One search contract for the directory page and the API.

`directory(query)` asks the configured engine (the search engine when SEARCH_URL is set, else the
database) and turns its ids, highlights and counts into the answer both the page and the API show.
When the search engine fails or is slow, the database answers and a notice says so.
"""

import logging
import math
import re
import unicodedata
from dataclasses import replace
from urllib.parse import urlencode

from django.conf import settings
from django.utils.html import escape, strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from businesses.directory import Business, NeighbourhoodPage, hours, lookups
from home.text import words_from_start, words_to_end
from portal.folding import fold
from search import database, vocabulary
from search.opensearch import connection
from search.opensearch import queries as engine_queries
from search.params import PAGE_SIZE, clean_text

logger = logging.getLogger(__name__)


def engine_name():
    return "opensearch" if getattr(settings, "SEARCH_URL", "") else "database"


def run_engine(query, page_size=PAGE_SIZE, with_facets=True):
    """(EngineResult, engine used, notice or None). Without facets: only the hits (no count on
    the database engine)."""
    if engine_name() == "opensearch":
        try:
            return engine_queries.search(query, page_size, with_facets), "opensearch", None
        except connection.EngineUnavailable as error:
            logger.warning(
                "directory: search engine unavailable, answering from the database: %s", error
            )
            notice = _(
                "De zoekmachine is even niet bereikbaar. Je ziet resultaten uit de database; zoeken op tekst is minder slim."
            )
            return database.search(query, page_size, with_facets), "database", notice
    return database.search(query, page_size, with_facets), "database", None


def run_counts(queries):
    """How many businesses each query finds, in one round trip to the engine, without hits or
    facets."""
    if engine_name() == "opensearch":
        try:
            return engine_queries.count_many(queries)
        except connection.EngineUnavailable as error:
            logger.warning("directory: counting on the database: %s", error)
    return database.count_many(queries)


def labels():
    return {
        "wijk": lookups.neighbourhood_titles(),
        "sector": {s.slug: s.name for s in lookups.sectors()},
        "taal": {language.code: language.name for language in lookups.languages()},
    }


def facet_options(facets, query):
    names = labels()
    selected = query.filters()
    options = {}
    for name in ("wijk", "sector", "taal"):
        counts = facets.get(name, {})
        keys = set(counts) | set(selected[name])
        options[name] = sorted(
            (
                {
                    "value": key,
                    "label": names[name].get(key, key),
                    "count": counts.get(key, 0),
                    "selected": key in selected[name],
                }
                for key in keys
                if key in names[name]
            ),
            key=lambda option: (-option["count"], str(option["label"])),
        )
    return options


def distance_km(lat, lon, point):
    if lat is None or point is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (float(lat), float(lon), *point))
    cosine = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(
        lon2 - lon1
    )
    return round(database.EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, cosine))), 2)


def folded_span(text, words):
    """(start, end) of the first word of text that holds a folded query word ("istanbul" in
    "İstanbul,"), without the punctuation around it; None if there is none."""
    for match in re.finditer(r"\S+", text):
        if any(word in fold(match.group()) for word in words):
            start, end = match.span()
            while start < end and unicodedata.category(text[start])[0] in "PS":
                start += 1
            while end > start and unicodedata.category(text[end - 1])[0] in "PS":
                end -= 1
            return start, end
    return None


def exact_span(text, words):
    lower = text.lower()
    for word in words:
        for variant in (word, database.collapse_doubles(word)):
            at = lower.find(variant)
            if at >= 0:
                return at, at + len(variant)
    return None


def snippet(business, q):
    """For the database engine: the first sentence part that holds a word of the query, marked;
    from the tagline, the story, or a story in another language (prefetched by load). Cut at
    words, with "…" where the text goes on."""
    words = [w for w in q.lower().split() if len(w) > 1]
    folded = [w for w in fold(q).split() if len(w) > 1]
    texts = [business.tagline, business.story, *(story.text for story in business.stories.all())]
    for text in texts:
        text = strip_tags(text or "")
        span = exact_span(text, words) or folded_span(text, folded)
        if span:
            at, end = span
            # About 50 characters before and 70 after, cut between words, with "…" where
            # the text goes on.
            return (
                escape(words_to_end(text[:at], 50))
                + "<mark>"
                + escape(text[at:end])
                + "</mark>"
                + escape(words_from_start(text[end:], 70))
            )
    return ""


def localized_neighbourhoods(pages):
    """{page id: the page in the visitor's language} for these neighbourhood pages (with their
    locale loaded): one query for all the translations, none when all are in that language."""
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = settings.LANGUAGE_CODE
    foreign = {page.translation_key for page in pages if page.locale.language_code != language}
    translations = {}
    if foreign:
        translations = {
            page.translation_key: page
            for page in NeighbourhoodPage.objects.live().filter(
                locale__language_code=language, translation_key__in=foreign
            )
        }
    return {page.pk: translations.get(page.translation_key, page) for page in pages}


def load(hits, query, request=None):
    now = hours.local_now()
    related = ["sectors", "languages"]
    if query.q and not all(hit.highlight for hit in hits):
        related.append("stories")  # for the snippets the engine did not give
    businesses = {
        b.pk: b
        for b in Business.objects.filter(pk__in=[h.id for h in hits])
        .select_related("neighbourhood__locale")
        .prefetch_related(*related)
    }
    open_now = hours.open_now_of(list(businesses), at=now)
    pages = localized_neighbourhoods({b.neighbourhood for b in businesses.values()})
    if request is None and pages:
        # Without a request Wagtail reads the sites' root paths from the cache once per page
        # object; once for all of them, as a request would keep them.
        paths = Site.get_site_root_paths()
        for page in pages.values():
            page._wagtail_cached_site_root_paths = paths
    results = []
    for hit in hits:
        business = businesses.get(hit.id)
        if business is None:  # deleted since it was indexed
            continue
        highlight = hit.highlight or (snippet(business, query.q) if query.q else "")
        results.append(
            {
                "id": business.pk,
                "name": business.name,
                "url": business.get_url(request, neighbourhood=pages[business.neighbourhood_id]),
                "neighbourhood": business.neighbourhood.title,
                "tagline": business.tagline,
                "address": business.address,
                "sectors": [s.name for s in business.sectors.all()],
                "languages": [language.code for language in business.languages.all()],
                "open_now": open_now[business.pk],
                "lat": float(business.latitude) if business.latitude is not None else None,
                "lon": float(business.longitude) if business.longitude is not None else None,
                "distance_km": distance_km(business.latitude, business.longitude, query.bij),
                "snippet": highlight or None,
            }
        )
    return results


FEW = 3  # fewer results than this, and the page proposes what the visitor may have meant


def directory(query, request=None):
    with database.one_version():
        return answer_for(query, request)


def answer_for(query, request):
    result, engine, notice = run_engine(query)
    last_page = max(1, -(-result.count // PAGE_SIZE))
    if query.page > last_page and result.count:
        query.page = last_page
        result, engine, notice = run_engine(query)
    notices = [str(n) for n in query.notices] + ([str(notice)] if notice else [])
    answer = {
        "count": result.count,
        "page": query.page,
        "pages": last_page,
        "results": load(result.hits, query, request),
        "facets": facet_options(result.facets, query),
        "engine": engine,
        "notices": notices,
        "suggestion": None,
        "nearest": None,
    }
    if query.q and result.count < FEW:
        answer["suggestion"] = did_you_mean(query, engine, result.count)
    if not result.count:
        answer["nearest"] = nearest(query, request)
    return answer


def did_you_mean(query, engine, count):
    """ "Bedoelde je …?": the query with its words as the index knows them, when that finds more.
    From the vocabulary of the engine that answered: OpenSearch's term suggester, or the
    database's vocabulary (search.vocabulary)."""
    if engine == "opensearch":
        try:
            corrected = engine_queries.did_you_mean(query.q)
        except connection.EngineUnavailable:
            return None
    else:
        corrected = vocabulary.corrected(query.q)
    if not corrected or fold(corrected) == fold(query.q):
        return None
    better = replace(query, q=corrected, page=1, notices=[])
    found = run_counts([better])[0]
    if not found or found < count:
        return None
    return {
        "q": corrected,
        "count": found,
        "query_string": urlencode(query_string(better), doseq=True),
    }


# A search with filters that finds nothing shows what it finds without one of them: the one it
# finds most without. Labels say which filter that is.
RELAXABLE = {
    "open_nu": (_("nu open"), {"open_nu": False}),
    "bij": (_("in de buurt"), {"bij": None, "sort": "relevantie"}),
    "taal": (_("taal"), {"taal": []}),
    "sector": (_("sector"), {"sector": []}),
    "wijk": (_("wijk"), {"wijk": []}),
}


def nearest(query, request=None, size=5):
    """What the search finds without the filter whose absence finds most: every relaxed search
    counted in one round trip, then the few hits of the best one (no facets)."""
    relaxed = [
        (name, label, replace(query, page=1, notices=[], **change))
        for name, (label, change) in RELAXABLE.items()
        if getattr(query, name)
    ]
    counts = run_counts([search for _name, _label, search in relaxed])
    best = None
    for (name, label, search), count in zip(relaxed, counts, strict=True):
        if count and (best is None or count > best[2]):
            best = (name, label, count, search)
    if best is None:
        return None
    name, label, count, relaxed = best
    result = run_engine(relaxed, page_size=size, with_facets=False)[0]
    return {
        "without": name,
        "label": label,
        "count": count,
        "results": load(result.hits[:size], relaxed, request),
        "query_string": urlencode(query_string(relaxed), doseq=True),
    }


def query_string(query):
    """The parameters of a directory query, as its page's links carry them."""
    values = {"q": query.q, "wijk": query.wijk, "sector": query.sector, "taal": query.taal}
    if query.open_nu:
        values["open_nu"] = "1"
    if query.bij:
        values["bij"] = f"{query.bij[0]},{query.bij[1]}"
        values["straal"] = query.straal
    return {name: value for name, value in values.items() if value}


def suggestions(text, size=8):
    """Business names for the search box: from the engine, or from the database."""

    text = clean_text(text)[:50]
    if len(text) < 2:
        return []
    ids = None
    if engine_name() == "opensearch":
        try:
            ids = engine_queries.suggest(text, size)
        except connection.EngineUnavailable as error:
            logger.warning("directory: suggestions from the database: %s", error)
    if ids is None:
        names = (
            Business.objects.filter(live=True, name__icontains=text)
            .order_by("name")
            .values_list("name", flat=True)
        )
        return list(dict.fromkeys(names[: size * 2]))[:size]
    order = {pk: i for i, pk in enumerate(ids)}
    found = Business.objects.filter(pk__in=ids, live=True).values_list("pk", "name")
    return list(dict.fromkeys(name for _pk, name in sorted(found, key=lambda row: order[row[0]])))
