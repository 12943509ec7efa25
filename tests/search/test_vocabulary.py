"""The vocabulary's measures of closeness (search.vocabulary), and what a typed word may mean."""

import pytest
from django.db import connection

from search import vocabulary

PAIRS = [("bakerij", "bakkerij"), ("kaper", "kapper"), ("cateirng", "catering"), ("ab", "xy")]


def test_edits_count_swaps_as_one():
    assert vocabulary.edits("cateirng", "catering") == 1  # two letters swapped
    assert vocabulary.edits("bakerij", "bakkerij") == 1
    assert vocabulary.edits("slagerei", "slagerij") == 2
    assert vocabulary.edits("kapper", "kapper") == 0


@pytest.mark.django_db
def test_similarity_is_pg_trgms(db):
    if connection.vendor != "postgresql":
        # On SQLite the same numbers as worked out by hand from pg_trgm's definition.
        assert vocabulary.similarity("kaper", "kapper") == 5 / 8
        return
    with connection.cursor() as cursor:
        for a, b in PAIRS:
            cursor.execute("SELECT similarity(%s, %s)", [a, b])
            assert vocabulary.similarity(a, b) == pytest.approx(cursor.fetchone()[0], abs=1e-6)


@pytest.mark.django_db
def test_a_word_means_words_it_starts_and_words_a_letter_away(add_business):
    add_business("Bakkerij De Hoek", tagline="Vers brood")
    add_business("Juwelier Altın", tagline="Trouwringen en goud", house_number=2)
    vocabulary.refresh()
    meant = {m.word: m.sureness for m in vocabulary.meanings("bakk")}
    assert meant["bakkerij"] == vocabulary.CLOSE
    meant = {m.word: m.sureness for m in vocabulary.meanings("bakerij")}
    assert meant["bakkerij"] == vocabulary.CLOSE
    meant = {m.word: m.sureness for m in vocabulary.meanings("ringen")}
    assert meant["trouwringen"] == vocabulary.LOOSE
    assert vocabulary.corrected("juwelir altin") == "juwelier altin"
    assert vocabulary.corrected("juwelier") == "juwelier"


@pytest.mark.django_db
def test_the_counts_read_as_rows_are_those_of_each_business(add_business):
    from collections import Counter

    from taggit.models import Tag

    from businesses.models import Business, BusinessTag

    bakery = add_business("Bakkerij İstanbul", sectors=["bakkerij"], tagline="Vers <b>brood</b>")
    for name in ("simit", "poğaça"):
        BusinessTag.objects.create(content_object=bakery, tag=Tag.objects.create(name=name))
    add_business("Kapsalon Amal", sectors=["kapper", "bakkerij"], house_number=2)
    add_business("Verborgen Winkel", house_number=3, live=False)
    expected = Counter()
    for business in Business.objects.filter(live=True):
        expected.update(vocabulary.business_words(business))
    assert vocabulary.counted_words() == expected
    assert expected["simit"] == 1 and expected["bakkerij"] == 2 and "verborgen" not in expected
