"""The directory's vocabulary, and what a typed word may mean in it.

The vocabulary is every word of the published businesses' names, taglines, products and sectors
(in the four languages) and of the pages' titles, folded (portal.folding), with how many
businesses (or pages) use it. The embedded engine (search.database) widens each word of a query
to the words of the vocabulary it may mean, and "Bedoelde je …?" proposes the closest:

- the word itself, and a synonym staff listed (Instellingen → Zoeken);
- words it starts, as one types ("bakk" → "bakkerij");
- words a letter or two away ("bakerij", "kaper", "cateirng"), found by trigrams: PostgreSQL's
  pg_trgm (a GIN index on the words) or SQLite's FTS5 trigram tokenizer (a table of the words'
  trigrams) bring the candidates, and the similarity is worked out here as pg_trgm does;
- words it is part of ("ringen" → "trouwringen"), and the parts of a compound that is not a
  word of its own ("feestjurk" → "jurken"). These loose meanings count only when the closer
  ones find little (search.database.text_ids).

A business joins the vocabulary when it is saved (search.tasks); `refresh()` recounts the whole
of it, after a bulk load and every night (check_directory_index).
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.utils.html import strip_tags
from wagtail.models import Page

from businesses.directory import Business, Sector
from portal import page_cache
from portal.folding import fold
from search.models import SearchTerm

MAX_WORD = 64
CANDIDATES = 300  # trigram candidates looked at per word
WIDEST = 40  # words a typed word may widen to
EXACT, CLOSE, LOOSE = 0, 1, 2  # how sure a widening is: search.database ranks by it


def words(text):
    return [w for w in re.findall(r"\w+", fold(text or "")) if 1 < len(w) <= MAX_WORD]


def business_words(business):
    """The folded words of a business that the vocabulary holds."""
    texts = [business.name, business.tagline]
    texts += [tag.name for tag in business.products.all()]
    for sector in business.sectors.all():
        for named in (sector, sector.parent):
            if named is not None:
                texts += [named.name_nl, named.name_en, named.name_tr, named.name_ar]
    return {word for text in texts for word in words(strip_tags(text or ""))}


def sector_words(sector):
    words_found = set()
    for named in (sector, sector.parent):
        if named is not None:
            for text in (named.name_nl, named.name_en, named.name_tr, named.name_ar):
                words_found.update(words(strip_tags(text or "")))
    return words_found


def counted_words():
    """{word: how many published businesses use it}: business_words of every published
    business, read as plain rows (names, taglines, the sector and product ids), not as
    models with their relations, which took minutes for 100,000 businesses."""

    live = Business.objects.filter(live=True)
    by_sector = {
        sector.pk: sector_words(sector) for sector in Sector.objects.select_related("parent")
    }
    sectors, products = {}, {}
    for business_id, sector_id in Business.sectors.through.objects.filter(
        business__live=True
    ).values_list("business_id", "sector_id"):
        sectors.setdefault(business_id, []).append(sector_id)
    for business_id, name in Business.products.through.objects.filter(
        content_object__live=True
    ).values_list("content_object_id", "tag__name"):
        products.setdefault(business_id, []).append(name)
    counts = Counter()
    for pk, name, tagline in live.values_list("pk", "name", "tagline").iterator(chunk_size=5000):
        found = set()
        for text in (name, tagline, *products.get(pk, ())):
            found.update(words(strip_tags(text or "")))
        for sector_id in sectors.get(pk, ()):
            found |= by_sector[sector_id]
        counts.update(found)
    return counts


def refresh():
    """Count the words of every published business, and of the pages' titles, afresh."""

    counts = counted_words()
    # The titles of the site's pages too, for "Bedoelde je …?" on /zoeken/.
    for title in Page.objects.live().values_list("title", flat=True).iterator():
        counts.update(set(words(title)))
    with transaction.atomic():
        # A plain DELETE: QuerySet.delete() would load every word to send signals, and bump
        # the content version once per word (100,000 times after seed_bench).
        SearchTerm.objects.all()._raw_delete(SearchTerm.objects.db)
        SearchTerm.objects.bulk_create(
            (SearchTerm(word=word, businesses=n) for word, n in counts.items()), batch_size=5000
        )
        # Once: what the words may mean is kept under the content version.
        transaction.on_commit(page_cache.bump)
    return len(counts)


def add(business):
    """A saved business's new words (the counts of known words wait for refresh())."""

    if business.live:
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=word, businesses=1) for word in business_words(business)],
            ignore_conflicts=True,
        )


# Similarity ------------------------------------------------------------------------------------


def trigrams(word):
    """pg_trgm's trigrams of a word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams of the two words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb)


def edits(a, b):
    """Letters to add, drop, change or swap to make a into b (Damerau's distance, restricted)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


def allowed_edits(word):
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


# Candidates from the database -----------------------------------------------------------------


def candidates(word):
    """{word: businesses} of vocabulary words that share trigrams with `word`."""
    if connection.vendor == "postgresql":
        sql = (
            "SELECT word, businesses FROM search_searchterm WHERE word %% %s "
            "ORDER BY similarity(word, %s) DESC LIMIT %s"
        )
        params = [word, word, CANDIDATES]
    else:
        grams = [g.strip() for g in trigrams(word) if len(g.strip()) == 3]
        if not grams:
            return {}
        match = " OR ".join(f'"{g}"' for g in sorted(set(grams)))
        sql = (
            "SELECT t.word, t.businesses FROM search_searchterm_trigrams f "
            "JOIN search_searchterm t ON t.id = f.rowid "
            "WHERE search_searchterm_trigrams MATCH %s ORDER BY f.rank LIMIT %s"
        )
        params = [match, CANDIDATES]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL pg_trgm.similarity_threshold = 0.2")
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def containing(word, limit=WIDEST):
    """{word: businesses} of vocabulary words that start with or hold `word`."""

    if connection.vendor == "postgresql" or len(word) < 3:
        found = SearchTerm.objects.filter(word__contains=word)
        rows = found.order_by("-businesses").values_list("word", "businesses")[: limit * 3]
        return dict(rows)
    sql = (
        "SELECT t.word, t.businesses FROM search_searchterm_trigrams f "
        "JOIN search_searchterm t ON t.id = f.rowid "
        "WHERE search_searchterm_trigrams MATCH %s ORDER BY t.businesses DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ['"' + word.replace('"', "") + '"', limit * 3])
        return dict(cursor.fetchall())


# What a word may mean ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Meaning:
    word: str
    sureness: int  # EXACT, CLOSE or LOOSE


def meanings(word):
    """The vocabulary words a typed (folded) word may mean, surest first. The word itself is
    always one: it may be in the stories, which the vocabulary leaves out."""
    found = {word: EXACT}

    def keep(other, sureness):
        if other not in found or found[other] > sureness:
            found[other] = sureness

    if len(word) >= 2:
        for other in containing(word):
            if other.startswith(word):
                keep(other, CLOSE)
            elif len(word) >= 4:
                keep(other, LOOSE)  # a part of a compound: "ringen" in "trouwringen"
    if len(word) >= 3:
        for other in candidates(word):
            alike = similarity(word, other)
            if alike >= 0.5 or edits(word, other) <= allowed_edits(word):
                keep(other, CLOSE)
            elif alike >= 0.4:
                keep(other, LOOSE)
    if len(word) >= 7 and not any(s == CLOSE for s in found.values()) and not known(word):
        for part in compound_parts(word):
            keep(part, LOOSE)
    ranked = sorted(found.items(), key=lambda item: (item[1], item[0] != word))
    return [Meaning(w, sureness) for w, sureness in ranked[:WIDEST]]


def known(word):
    return SearchTerm.objects.filter(word=word).exists()


def compound_parts(word):
    """The known words a compound that is no word of its own is made of, read from either end:
    "feestjurk" → "jurken", "fietsenmaker" → "fietsen"."""

    parts = []
    for cut in range(4, len(word) - 3):
        for part in (word[:cut], word[cut:]):
            known = SearchTerm.objects.filter(word__startswith=part).order_by("-businesses")
            first = known.values_list("word", flat=True).first()
            if first and first not in parts:
                parts.append(first)
    return parts[:4]


def cached_meanings(word, version):
    """meanings(), kept until the data changes (`version`: search.database.data_version)."""
    key = f"directory-meanings:{version}:{hashlib.sha256(word.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = meanings(word)
        cache.set(key, found, timeout=3600)
    return found


def closest(word):
    """The vocabulary word a typed word most likely meant, for "Bedoelde je …?"; None when the
    word is in the vocabulary itself or nothing is close."""
    if len(word) < 3 or known(word):
        return None
    scored = [
        (edits(word, other), -similarity(word, other), -n, other)
        for other, n in candidates(word).items()
    ]
    close = [s for s in scored if s[0] <= max(allowed_edits(word), 1) or -s[1] >= 0.45]
    return min(close)[3] if close else None


def corrected(q):
    """The query with each word the vocabulary does not know replaced by the closest it does."""
    return " ".join(closest(word) or word for word in words(q))
