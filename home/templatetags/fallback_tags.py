"""Pages not translated yet. In English, Turkish and Arabic every Dutch page stands in as an
alias until staff translate it (wagtail-localize's "sync from", docs/architecture.md), so
readers get Dutch text: templates mark it with its language (WCAG 3.1.2) and say so in the
reader's language. Usage:

    {% load fallback_tags %}
    {% untranslated page as original %}      "nl" on a Dutch page shown in another
                                              language (an alias, or the Dutch page itself
                                              when the language has none), else ""
    {% include "home/includes/untranslated_note.html" %}
    <article{% if original %} lang="{{ original }}"{% endif %}>
"""

from django import template
from wagtail.models import Locale, Page

from home.navigation import active_locale

register = template.Library()


@register.simple_tag
def untranslated(page):
    """The language code of the page this one mirrors, when that is another language."""
    if not isinstance(page, Page):
        return ""
    if not page.alias_of_id:
        # Served in place of a translation that does not exist (home.routing): one query, and
        # only then.
        if page.locale_id == active_locale().id:
            return ""
        return Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True)[0]
    # One query, and only on aliases: page.alias_of.locale would cost two.
    original = Page.objects.filter(pk=page.alias_of_id).values("locale_id", "locale__language_code")
    original = original.first()
    if original is None or original["locale_id"] == page.locale_id:
        return ""  # an alias in its own language shows the same page in a second place
    return original["locale__language_code"]
