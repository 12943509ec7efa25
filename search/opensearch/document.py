"""The directory's index: how a business is analysed (folding, stemming, edge n-grams,
trigrams) and indexed, with its opening hours as ranges of local minutes for "open now"."""

from datetime import timedelta

from django.utils.html import strip_tags
from elasticsearch_dsl import (
    DateRange,
    Document,
    GeoPoint,
    IntegerRange,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    normalizer,
    token_filter,
    tokenizer,
)

LOCAL_MINUTE = "yyyy-MM-dd'T'HH:mm"  # Europe/Amsterdam wall-clock time, as businesses.hours
MINUTES_PER_DAY = 24 * 60


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
