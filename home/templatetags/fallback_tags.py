"""Pages not translated yet. In English, Turkish and Arabic every Dutch page stands in as an
alias until staff translate it (wagtail-localize's "sync from", docs/architecture.md), so
readers get Dutch text: templates mark it with its language (WCAG 3.1.2) and say so in the
reader's language. Usage:

    {% load fallback_tags %}
    {% untranslated page as original %}      "nl" on an alias of a Dutch page, else ""
    {% include "home/includes/untranslated_note.html" %}
    <article{% if original %} lang="{{ original }}"{% endif %}>
"""

from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag
def untranslated(page):
    """The language code of the page this one mirrors, when that is another language."""
    if not getattr(page, "alias_of_id", None):
        return ""
    # One query, and only on aliases: page.alias_of.locale would cost two.
    original = Page.objects.filter(pk=page.alias_of_id).values("locale_id", "locale__language_code")
    original = original.first()
    if original is None or original["locale_id"] == page.locale_id:
        return ""  # an alias in its own language shows the same page in a second place
    return original["locale__language_code"]
