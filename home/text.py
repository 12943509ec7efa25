"""Short text from longer text: cut at a word, never inside one, with an ellipsis."""

import re

from django.utils.html import strip_tags

ELLIPSIS = "…"


def shorten(text, limit):
    """The text, with markup and runs of white space taken out, at most `limit` characters long:
    when it is longer, it ends at the last whole word that fits, followed by "…"."""
    return words_from_start(re.sub(r"\s+", " ", strip_tags(text or "")).strip(), limit)


def words_from_start(text, limit):
    """The start of the text, at most `limit` characters: when it is longer, up to the last
    whole word that fits, then "…"."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut = text[:room]
    if not text[room].isspace() and " " in cut:
        cut = cut[: cut.rfind(" ")]  # the word that did not fit goes
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def words_to_end(text, limit):
    """The end of the text, at most `limit` characters: when it is longer, "…" and then the
    words from the first whole one that fits."""
    if len(text) <= limit:
        return text
    start = len(text) - (limit - len(ELLIPSIS))
    cut = text[start:]
    if not text[start - 1].isspace() and " " in cut:
        cut = cut[cut.find(" ") + 1 :]  # the word that did not fit goes
    return ELLIPSIS + cut.lstrip()
