"""Text that people typed, set apart from the sentence around it, for right-to-left pages.

An Arabic business name inside a Dutch sentence, or a Dutch one inside an Arabic sentence,
would otherwise take the direction of its neighbours: "Bakkerij 2000" shows as "2000 Bakkerij"
in Arabic, and a full stop or bracket jumps to the wrong end. Usage:

    {% load bidi_tags %}
    {{ business.name|bdi }}    <bdi>: its own direction, from its first letter
    {% blocktranslate with name=page.title|bdi %}Ondernemers in {{ name }}{% endblocktranslate %}
    {{ range|ltr }}            phone numbers, time ranges: short, left to right, on one line

    {{ field.help_text|ltr_runs }}  "030 123 45 67", "https://" inside Arabic text

Running text (a tagline, a story) gets dir="auto" on its own element instead; text in a known
language other than the page's gets that language's direction:

    <h1 lang="{{ original }}" dir="{{ original|direction }}">
"""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language_bidi, get_language_info

register = template.Library()

# Latin letters and digits with the signs between them: a phone number, a postcode, a web or
# e-mail address, a Dutch name ("030 123 45 67", "3531 AB", "https://", "KvK").
LATIN_RUN = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z .,:/@+_-]*[0-9A-Za-z/])?")


@register.filter
def bdi(value):
    """The value isolated, in the direction of its own first letter ("" stays "")."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def ltr(value):
    """A short value isolated and left to right, on one line: digits and signs keep their order
    in Arabic ("030 123 45 67" would otherwise show its groups from right to left, and a time
    range broken over two lines its dash at the wrong end)."""
    if value is None or value == "":
        return ""
    return format_html('<bdi dir="ltr" class="portal-nowrap">{}</bdi>', value)


@register.filter
def direction(code):
    """ "rtl" or "ltr": the direction of the language with this code (ltr when unknown)."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.filter
def ltr_runs(value):
    """On a right-to-left page, the Latin runs in a translated text (a hint, an error) set apart
    left to right: in Arabic "030 123 45 67" would show its groups from right to left and
    "https://" as "//:https". Left-to-right pages, and text that is already HTML, stay as they are.
    """
    if not value or isinstance(value, SafeData) or not get_language_bidi():
        return value
    value = str(value)
    parts, end = [], 0
    for run in LATIN_RUN.finditer(value):
        parts.append(escape(value[end : run.start()]))
        parts.append(format_html('<bdi dir="ltr">{}</bdi>', run.group()))
        end = run.end()
    parts.append(escape(value[end:]))
    return mark_safe("".join(parts))  # noqa: S308 -- every piece escaped above
