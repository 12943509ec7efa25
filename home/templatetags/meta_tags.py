"""What a page says about itself to search engines and link previews."""

from django import template

from home.text import shorten

register = template.Library()


@register.filter
def meta_description(page):
    """Usage: {{ page|meta_description }} — what search engines show under the page's title:
    the editors' search description, else the start of the page's own text, cut at a word.
    (Pages that are no Wagtail page, like the directory, give `meta_description` in their
    context; templates/base.html takes the first of the two.)"""
    if not page:
        return ""
    if getattr(page, "search_description", ""):
        return page.search_description
    for field in ("hero_text", "introduction"):
        text = shorten(getattr(page, field, "") or "", 160)
        if text:
            return text
    return ""
