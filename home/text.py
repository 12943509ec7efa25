"""Short text from longer text: cut at a word, never inside one, with an ellipsis."""

import re

from django.utils.html import strip_tags

ELLIPSIS = "…"


def shorten(text, limit):
    """The text, with markup and runs of white space taken out, at most `limit` characters long:
    when it is longer, it ends at the last whole word that fits, followed by "…"."""
    text = re.sub(r"\s+", " ", strip_tags(text or "")).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def shorten_start(text, limit):
    """The end of the text, at most `limit` characters: when longer, it starts at a whole word,
    after "…"."""
    if len(text) <= limit:
        return text
    cut = text[len(text) - limit + len(ELLIPSIS) - 1 :]
    if " " in cut:
        cut = cut.split(" ", 1)[1]
    return ELLIPSIS + cut.lstrip()
