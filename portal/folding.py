"""Folding: the one form text takes for search, on every engine, in the index and in queries.

Visitors type without Turkish or Arabic keyboards, and with or without diacritics, so all these
match each other: İ I ı i (Turkish casing: "istanbul" finds "İstanbul", "kapali" finds
"Kapalı"), ç ğ ö ş ü and their plain letters, the Arabic alef forms (أ إ آ ٱ → ا), hamza on a
carrier (ؤ → و, ئ → ي), alef maksura (ى → ي), teh marbuta (ة → ه), with or without tatweel and
harakat ("مخبز" finds "مَخْبَز"), and Arabic-Indic digits with 0-9.

Wagtail's database backend (SQLite FTS5, PostgreSQL) does none of this, so the models add a
field with their text folded (FoldedSearchMixin) and queries are folded before they reach it.
The directory's OpenSearch index folds with analyzers instead (search.engine: the same steps
with OpenSearch's filters), so highlights show the text as written. It lives in portal/, not
search/, because the models of home, businesses and programmes use it, and search reads those
apps, not the other way round.
"""

import unicodedata
from functools import cached_property

from wagtail.search import index

# Letters that folding maps beyond what dropping marks does: dotless i, alef wasla, alef
# maksura, teh marbuta; tatweel (a letter, not a mark) goes. The alef forms with hamza or madda
# and the hamza carriers lose their mark when decomposed.
LETTERS = {"ı": "i", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None}


class Folding(dict):
    """str.translate's table, worked out per character on first sight: combining marks go,
    decimal digits of any script become 0-9."""

    def __missing__(self, code):
        char = chr(code)
        if unicodedata.category(char) == "Mn":
            value = None
        elif char.isdecimal():
            value = str(unicodedata.decimal(char))
        else:
            value = code
        self[code] = value
        return value


TABLE = Folding({ord(char): value for char, value in LETTERS.items()})


def fold(text):
    """Lower case (also "İ"), decomposed, without marks: "İstanbul" → "istanbul",
    "أَحْمَد" → "احمد"."""
    return unicodedata.normalize("NFKD", text.casefold()).translate(TABLE)


def folded_words(texts):
    """The words of `texts` that folding changes, folded, once each.

    Words that only change case are left out: every backend lowers those itself. The rest is
    what the index lacks for a folded query to match, and no more, so the index does not hold
    every Dutch text twice.
    """
    seen = {}
    for text in texts:
        if text.isascii():  # folding only lowers ASCII; most Dutch text is done here
            continue
        for word in text.split():
            folded = fold(word)
            if folded != word.lower():
                seen.setdefault(folded, None)
    return " ".join(seen)


def searchable_texts(obj, fields):
    """The values of `fields` (search_fields entries) on obj, as strings, as Wagtail's indexers
    read them (rich text without its tags): related objects' fields too."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            value = field.get_value(obj)
            related = value.all() if hasattr(value, "all") else [value]
            for item in related:
                if item is not None:
                    yield from searchable_texts(item, field.fields)
        elif isinstance(field, index.SearchField) and not isinstance(field, FoldedText):
            value = field.get_value(obj)
            values = value if isinstance(value, (list, tuple)) else [value]
            yield from (str(item) for item in values if item)


class FoldedSearchMixin:
    """For a model with FoldedText() in its search_fields: the folded words of its other search
    fields, which folded queries match (search.views.site_search, search.database)."""

    @cached_property
    def folded_text(self):
        # Worked out once: Wagtail's database backend reads each field three times (for the
        # title, the body and autocomplete), and its indexers load every object afresh.
        return folded_words(searchable_texts(self, self.get_search_fields()))


class FoldedText(index.SearchField):
    """The search field of FoldedSearchMixin.folded_text."""

    def __init__(self):
        super().__init__("folded_text")

    def get_definition_model(self, cls):
        # Wagtail's Elasticsearch/OpenSearch mapping names a field after the model that defines
        # it; the mixin is no model, so the model that lists the field counts.
        return cls
