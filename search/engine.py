"""The directory on Elasticsearch 8 or OpenSearch 2/3, with elasticsearch-dsl.

The index and the queries are built with elasticsearch-dsl without a connection (`to_dict()`),
and sent with the client that fits the engine behind SEARCH_URL (opensearch-py or
elasticsearch). Responses are read back with elasticsearch-dsl's Response.
"""

import time
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.utils.html import strip_tags
from elasticsearch_dsl import (
    A,
    DateRange,
    Document,
    GeoPoint,
    IntegerRange,
    Keyword,
    Long,
    Q,
    Search,
    Text,
    analyzer,
    char_filter,
    normalizer,
    token_filter,
    tokenizer,
)
from elasticsearch_dsl.response import Response

from businesses.directory import Business, hours
from search import database
from search.database import EngineResult, Hit

LOCAL_MINUTE = "yyyy-MM-dd'T'HH:mm"  # Europe/Amsterdam wall-clock time, as businesses.hours
MINUTES_PER_DAY = 24 * 60


def fields(tuning):
    """The searched fields with the weights staff set (Instellingen → Zoeken)."""
    return [
        f"name^{tuning.boost_name}",
        f"tagline^{tuning.boost_tagline}",
        f"products^{tuning.boost_products}",
        f"sector_names^{tuning.boost_products}",
        f"story^{tuning.boost_story}",
        f"stories^{tuning.boost_story}",
    ]


# Folding as portal.folding does it, so that "istanbul" finds "İstanbul" and "احمد" finds
# "أحمد": marks (harakat, and the dot of a decomposed İ) and tatweel go before the text is cut
# into words (else the edge-n-grams would break an Arabic word at each haraka); the letters
# OpenSearch's Arabic normaliser leaves are mapped; then lower case (İ → i), Arabic-Indic
# digits, the normaliser (alef forms, alef maksura, teh marbuta) and ASCII folding (ı ç ğ ö ş ü).
no_marks = char_filter(
    "no_marks", type="pattern_replace", pattern="[\\p{Mn}\u0640]", replacement=""
)
arabic_letters = char_filter(
    "arabic_letters", type="mapping", mappings=["ٱ => ا", "ؤ => و", "ئ => ي"]
)
FOLDING = ["lowercase", "decimal_digit", "arabic_normalization", "asciifolding"]
dutch_stemmer = token_filter("dutch_stemmer", type="stemmer", language="dutch")
dutch = analyzer(
    "dutch_folded",
    tokenizer="standard",
    char_filter=[no_marks, arabic_letters],
    filter=[*FOLDING, dutch_stemmer],
)
folded = analyzer(
    "folded", tokenizer="standard", char_filter=[no_marks, arabic_letters], filter=FOLDING
)
edge = tokenizer(
    "edge", type="edge_ngram", min_gram=1, max_gram=20, token_chars=["letter", "digit"]
)
autocomplete = analyzer(
    "autocomplete", tokenizer=edge, char_filter=[no_marks, arabic_letters], filter=FOLDING
)
# Trigrams of the words, as pg_trgm makes them, for typos the fuzzy match misses (two letters
# swapped and one dropped), words written apart or together ("foto studio") and the parts of
# compound words ("ringen" in "trouwringen").
trigram = tokenizer(
    "trigram", type="ngram", min_gram=3, max_gram=3, token_chars=["letter", "digit"]
)
trigrams = analyzer(
    "trigrams", tokenizer=trigram, char_filter=[no_marks, arabic_letters], filter=FOLDING
)
sortable = normalizer("sortable", filter=["lowercase", "asciifolding"])


def as_typed():
    """A subfield that finds a word by its start, as one types."""
    return Text(analyzer=autocomplete, search_analyzer=folded)


class BusinessDocument(Document):
    name = Text(
        analyzer=folded,
        fields={"sort": Keyword(normalizer=sortable), "autocomplete": as_typed()},
        copy_to=["trigrams", "words"],
    )
    tagline = Text(
        analyzer=dutch, fields={"autocomplete": as_typed()}, copy_to=["trigrams", "words"]
    )
    story = Text(analyzer=dutch)
    # The owner's stories in the other languages of the site, folded but not stemmed in Dutch.
    stories = Text(analyzer=folded)
    products = Text(
        analyzer=dutch, fields={"autocomplete": as_typed()}, copy_to=["trigrams", "words"]
    )
    sector_names = Text(
        analyzer=dutch, fields={"autocomplete": as_typed()}, copy_to=["trigrams", "words"]
    )
    trigrams = Text(analyzer=trigrams)
    # The words of those fields as written (folded, not stemmed): the vocabulary that
    # "Bedoelde je …?" takes its suggestions from (did_you_mean).
    words = Text(analyzer=folded)
    neighbourhood = Keyword()
    sectors = Keyword()
    languages = Keyword()
    location = GeoPoint()
    id = Long()
    # Opening hours, so that "open now" is a query (see open_now_query): the week's ranges as
    # minutes of the week, the part of a range after midnight apart (it counts for the next
    # day), and special dates with their ranges as local date-times.
    week_hours = IntegerRange()
    week_spill = IntegerRange()
    special_dates = Keyword()
    special_hours = DateRange(format=LOCAL_MINUTE)

    class Index:
        name = "portal-directory"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def alias():
    """The alias the directory reads; tests give each worker its own."""
    return settings.SEARCH_INDEX


class EngineUnavailable(Exception):
    pass


@cache
def client(timeout=None):
    """The client for SEARCH_URL: opensearch-py for OpenSearch, elasticsearch for Elasticsearch.
    Searches wait SEARCH_TIMEOUT; filling an index passes a longer `timeout`."""
    import json
    import urllib.request

    url = settings.SEARCH_URL
    timeout = timeout or settings.SEARCH_TIMEOUT
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/", timeout=timeout * 3) as response:  # noqa: S310 (our own setting)
            info = json.load(response)
    except OSError as error:
        client.cache_clear()
        raise EngineUnavailable(str(error)) from error
    if info.get("version", {}).get("distribution") == "opensearch":
        from opensearchpy import OpenSearch

        return OpenSearch([url], timeout=timeout, max_retries=0)
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=timeout, max_retries=0)


def call(method, **kwargs):
    try:
        return method(**kwargs)
    except Exception as error:  # connection, timeout, or an engine error: never shown to visitors
        raise EngineUnavailable(f"{type(error).__name__}: {error}") from error


# Indexing -------------------------------------------------------------------------------------


def document(business, schedule):
    """The indexed form of a business; `schedule` is its (weekly, specials) hours."""
    sectors = set()
    for sector in business.sectors.all():
        sectors.add(sector.slug)
        if sector.parent_id:
            sectors.add(sector.parent.slug)
    return {
        "id": business.pk,
        "name": business.name,
        "tagline": business.tagline,
        "story": strip_tags(business.story or ""),
        "stories": " ".join(strip_tags(story.text) for story in business.stories.all()),
        "products": " ".join(tag.name for tag in business.products.all()),
        "sector_names": " ".join(
            f"{s.name_nl} {s.name_en} {s.name_tr} {s.name_ar}" for s in business.sectors.all()
        ),
        "neighbourhood": business.neighbourhood.slug,
        "sectors": sorted(sectors),
        "languages": [language.code for language in business.languages.all()],
        "location": {"lat": float(business.latitude), "lon": float(business.longitude)}
        if business.has_location
        else None,
        **opening_hours(*schedule),
    }


def minutes(moment):
    return moment.hour * 60 + moment.minute


def opening_hours(weekly, specials):
    """The fields open_now_query reads; the same rule as businesses.hours.is_open."""
    week, spill = [], []
    for weekday, ranges in weekly.items():
        day = weekday * MINUTES_PER_DAY
        next_day = (weekday + 1) % 7 * MINUTES_PER_DAY
        for opening in ranges:
            end = MINUTES_PER_DAY if opening.past_midnight else minutes(opening.closes)
            week.append({"gte": day + minutes(opening.opens), "lt": day + end})
            if opening.past_midnight and minutes(opening.closes):
                spill.append({"gte": next_day, "lt": next_day + minutes(opening.closes)})
    special = []
    for day, ranges in specials.items():
        for opening in ranges:
            last_day = day + timedelta(days=1) if opening.past_midnight else day
            special.append(
                {"gte": f"{day}T{opening.opens:%H:%M}", "lt": f"{last_day}T{opening.closes:%H:%M}"}
            )
    return {
        "week_hours": week,
        "week_spill": spill,
        "special_dates": [day.isoformat() for day in specials],
        "special_hours": special,
    }


def indexable():
    return (
        Business.objects.filter(live=True)
        .select_related("neighbourhood")
        .prefetch_related("sectors__parent", "languages", "products", "stories")
        .order_by("pk")
    )


def create_index(name, refresh_interval="1s"):
    body = BusinessDocument._index.clone(name).to_dict()
    body["settings"]["refresh_interval"] = refresh_interval
    call(client(BULK_TIMEOUT).indices.create, index=name, body=body)


def bulk_actions(businesses, index):
    schedules = hours.schedules([business.pk for business in businesses])  # rows, for speed
    for business in businesses:
        yield {"index": {"_index": index, "_id": business.pk}}
        yield document(business, schedules[business.pk])


BULK_TIMEOUT = 60.0  # seconds: filling an index may take longer than a search may (1 s)


def send_bulk(batch, index):
    body = list(bulk_actions(batch, index))
    response = call(client(BULK_TIMEOUT).bulk, body=body, refresh=False)
    if response.get("errors"):
        failed = [item for item in response["items"] if item["index"].get("error")]
        raise EngineUnavailable(
            f"{len(failed)} documents failed, e.g. {failed[0]['index']['error']}"
        )


def rebuild(progress=None):
    """Build a new index, fill it, and move the alias to it (no moment without an index)."""
    name = f"{alias()}-{int(time.time() * 1000)}"
    create_index(name, refresh_interval="-1")  # no refreshes while filling: faster
    businesses = indexable()
    total = businesses.count()
    batch = []
    for business in businesses.iterator(chunk_size=1000):
        batch.append(business)
        if len(batch) == 1000:
            send_bulk(batch, name)
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        send_bulk(batch, name)
        if progress:
            progress(len(batch))
    patient = client(BULK_TIMEOUT)
    call(patient.indices.put_settings, index=name, body={"index": {"refresh_interval": "1s"}})
    call(patient.indices.refresh, index=name)
    engine, current = client(), alias()
    old = (
        list(call(engine.indices.get_alias, name=current))
        if call(engine.indices.exists_alias, name=current)
        else []
    )
    actions = [{"remove": {"index": index, "alias": current}} for index in old]
    actions.append({"add": {"index": name, "alias": current}})
    if call(engine.indices.exists, index=current) and not old:
        call(engine.indices.delete, index=current)  # a plain index in the alias's place
    call(engine.indices.update_aliases, body={"actions": actions})
    for index in old:
        call(engine.indices.delete, index=index)
    return name, total


def update(business_id):
    """Bring one business up to date in the index: (re)index it when live, else remove it."""
    business = indexable().filter(pk=business_id).first()
    if business is None:
        try:
            call(client().delete, index=alias(), id=business_id, refresh=True)
        except EngineUnavailable as error:
            if "NotFound" not in str(error) and "not_found" not in str(error):
                raise
        return
    call(
        client().index,
        index=alias(),
        id=business.pk,
        body=document(business, business.schedule()),
        refresh=True,
    )


def indexed_ids():
    body = {"query": {"match_all": {}}, "_source": False, "size": 10000}
    ids, after = set(), None
    while True:
        page = dict(body, sort=[{"id": "asc"}], **({"search_after": after} if after else {}))
        response = call(client().search, index=alias(), body=page)
        hits = response["hits"]["hits"]
        if not hits:
            return ids
        ids.update(int(hit["_id"]) for hit in hits)
        after = hits[-1]["sort"]


# Searching ------------------------------------------------------------------------------------


def filter_queries(query, without=None):
    filters = []
    for name, field in (("wijk", "neighbourhood"), ("sector", "sectors"), ("taal", "languages")):
        values = query.filters()[name]
        if values and name != without:
            filters.append(Q("terms", **{field: values}))
    return filters


def open_now_query(at=None):
    """Open at `at` (default now): by the week's hours unless the date is special, by what is
    left of yesterday's range past midnight unless yesterday was special, or by a special range."""
    local = hours.local_now(at)
    today, yesterday = local.date(), local.date() - timedelta(days=1)
    minute_of_week = local.weekday() * MINUTES_PER_DAY + minutes(local)
    return Q(
        "bool",
        minimum_should_match=1,
        should=[
            Q(
                "bool",
                filter=[Q("term", week_hours=minute_of_week)],
                must_not=[Q("term", special_dates=today.isoformat())],
            ),
            Q(
                "bool",
                filter=[Q("term", week_spill=minute_of_week)],
                must_not=[Q("term", special_dates=yesterday.isoformat())],
            ),
            Q("term", special_hours=local.strftime("%Y-%m-%dT%H:%M")),
        ],
    )


AS_TYPED = ["name.autocomplete^3", "tagline.autocomplete", "products.autocomplete^2"]
AS_TYPED += ["sector_names.autocomplete^2"]
AS_WRITTEN = ["name^3", "words"]


def text_query(q, tuning, loose=False):
    """The query as typed, in any of the fields; or with a typo in a word of the names,
    taglines, products or sectors (one letter from four letters on, two from eight, as
    search.vocabulary allows; not the first letter), not of the stories: "kapper" should not
    find a "knapperig" stokbrood. The words may also be the starts of words, as one types. Or
    with a word replaced by a synonym staff listed, as written; and, when the rest finds
    few (`loose`, as search.database does), most of the query's trigrams may be found in the
    names, taglines, products and sectors, weighing least."""
    searched = fields(tuning)
    short = [field for field in searched if not field.startswith("stor")]
    typed = database.words(q)
    typos = {"fuzziness": "AUTO:4,8", "prefix_length": 1}
    text = " ".join(typed)
    variants = [
        Q("multi_match", query=text, fields=searched, operator="and"),
        Q("multi_match", query=text, fields=short, operator="and", **typos),
        Q("multi_match", query=text, fields=AS_TYPED, type="cross_fields", operator="and"),
    ]
    for variant in database.alternatives(typed, tuning.synonym_groups())[1:]:
        # Synonyms as written, not stemmed: the barber ("berber") is no spice ("berbere").
        variants.append(
            Q("multi_match", query=" ".join(variant), fields=AS_WRITTEN, operator="and")
        )
    if loose:
        variants.append(
            Q("match", trigrams={"query": q, "minimum_should_match": "70%", "boost": 0.2})
        )
    return Q("bool", should=variants, minimum_should_match=1)


def build(query, page_size, tuning=None, loose=False):
    """Two searches, sent together: the page of hits, and the facet counts.

    The counts have no hits of their own (size 0), so the engine's request cache keeps them
    until the index changes; each aggregation applies every filter but its own.
    """
    from search.models import SearchSettings

    tuning = tuning or SearchSettings()
    must = [text_query(query.q, tuning, loose)] if query.q else [Q("match_all")]
    base = []
    if query.open_nu:
        base.append(open_now_query())
    if query.bij:
        lat, lon = query.bij
        base.append(
            Q("geo_distance", distance=f"{query.straal}km", location={"lat": lat, "lon": lon})
        )
    hits = Search(index=alias()).query(Q("bool", must=must, filter=base + filter_queries(query)))
    if query.sort == "afstand" and query.bij:
        lat, lon = query.bij
        hits = hits.sort(
            {"_geo_distance": {"location": {"lat": lat, "lon": lon}, "order": "asc", "unit": "km"}},
            "name.sort",
        )
    elif query.sort == "naam" or not query.q:
        hits = hits.sort("name.sort", "id")
    else:
        hits = hits.sort("_score", "name.sort")
    if query.q:
        hits = hits.highlight(
            "tagline", "story", "stories", "products", fragment_size=120, number_of_fragments=1
        )
        hits = hits.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    hits = hits.source(False).extra(from_=query.offset, size=page_size, track_total_hits=True)

    counts = Search(index=alias()).query(Q("bool", must=must, filter=base)).extra(size=0)
    for name, field in (("wijk", "neighbourhood"), ("sector", "sectors"), ("taal", "languages")):
        aggregation = A("filter", Q("bool", filter=filter_queries(query, without=name)))
        aggregation.bucket("values", "terms", field=field, size=1000)
        counts.aggs.bucket(name, aggregation)
    return hits, counts


def search(query, page_size, with_facets=True):
    result = search_once(query, page_size, with_facets=with_facets)
    if query.q and result.count < database.LOOSE_BELOW:
        result = search_once(query, page_size, loose=True, with_facets=with_facets)
    return result


def search_once(query, page_size, loose=False, with_facets=True):
    from search.models import current

    hits_search, counts_search = build(query, page_size, current() if query.q else None, loose)
    body = [{}, hits_search.to_dict()] + ([{}, counts_search.to_dict()] if with_facets else [])
    raw = call(client().msearch, index=alias(), body=body)["responses"]
    errors = [answer["error"] for answer in raw if "error" in answer]
    if errors:
        raise EngineUnavailable(str(errors[0])[:500])
    found = Response(hits_search, raw[0])
    hits = []
    for hit in found.hits:
        highlight = ""
        if hasattr(hit.meta, "highlight"):
            fragments = [
                fragment for field in hit.meta.highlight for fragment in hit.meta.highlight[field]
            ]
            highlight = fragments[0] if fragments else ""
        hits.append(Hit(id=int(hit.meta.id), highlight=highlight))
    facets = {}
    if with_facets:
        counted = Response(counts_search, raw[1])
        facets = {
            name: {
                bucket.key: bucket.doc_count
                for bucket in getattr(counted.aggregations, name)["values"].buckets
            }
            for name in ("wijk", "sector", "taal")
        }
    return EngineResult(count=found.hits.total.value, hits=hits, facets=facets)


def count_many(queries):
    """How many businesses each of `queries` finds, as search() counts them (the looser
    meanings too when the rest finds few), in one round trip: size 0, no aggregations."""
    from search.models import current

    tuning = current() if any(query.q for query in queries) else None
    body = []
    for query in queries:
        for loose in (False, True) if query.q else (False,):
            hits_search, _counts = build(query, 0, tuning, loose)
            # The hits' query alone: no order, highlights or aggregations.
            body += [
                {},
                {"query": hits_search.to_dict()["query"], "size": 0, "track_total_hits": True},
            ]
    if not body:
        return []
    raw = call(client().msearch, index=alias(), body=body)["responses"]
    errors = [answer["error"] for answer in raw if "error" in answer]
    if errors:
        raise EngineUnavailable(str(errors[0])[:500])
    totals = iter(answer["hits"]["total"]["value"] for answer in raw)
    counts = []
    for query in queries:
        count = next(totals)
        if query.q:
            loose = next(totals)
            if count < database.LOOSE_BELOW:
                count = loose
        counts.append(count)
    return counts


def did_you_mean(q):
    """The query with each word the index does not know replaced by the closest it does (the
    term suggester: at most two letters different, the first one the same)."""
    body = {
        "size": 0,
        "suggest": {
            "text": q,
            "words": {
                "term": {
                    "field": "words",
                    "suggest_mode": "missing",
                    "min_word_length": 3,
                    "prefix_length": 1,
                    "sort": "score",
                }
            },
        },
    }
    raw = call(client().search, index=alias(), body=body)
    return " ".join(
        entry["options"][0]["text"] if entry["options"] else entry["text"]
        for entry in raw["suggest"]["words"]
    )


def suggest(text, size=8):
    """Names that start with (a word of) what is typed, for the search box."""
    search = Search(index=alias()).query(
        "match", **{"name.autocomplete": {"query": text, "operator": "and"}}
    )
    search = search.source(False).extra(size=size)
    raw = call(client().search, index=alias(), body=search.to_dict())
    return [int(hit["_id"]) for hit in raw["hits"]["hits"]]
