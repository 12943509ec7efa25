"""Searching the directory's index: the filters, "open now", the text with the weights staff
set, facets and counts in one round trip, "Bedoelde je" and the names for the search box."""

from datetime import timedelta

from elasticsearch_dsl import (
    A,
    Q,
    Search,
)
from elasticsearch_dsl.response import Response

from businesses.directory import hours
from search import database
from search.database import EngineResult, Hit
from search.models import SearchSettings, current
from search.opensearch.connection import EngineUnavailable, alias, call, client
from search.opensearch.document import MINUTES_PER_DAY, minutes


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
