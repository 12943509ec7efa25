"""Menus and language alternates for the templates, in a fixed number of queries."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page


def active_locale():
    """The Locale of the active language, or the default one (one query)."""
    return Locale.get_active()


def for_locale(model, locale):
    """The translatable singleton (menu, footer) for this locale, else the default one."""
    objects = model.objects.select_related("locale")
    return (
        objects.filter(locale=locale).first()
        or objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def resolve_links(items, request, locale):
    """Turn menu items into (text, href, page) for the active language.

    Items may point at pages of another language (a copied menu); these are swapped for their
    translation when it is live, with one query for all of them.
    """
    foreign = [i.link_page for i in items if i.link_page_id and i.link_page.locale_id != locale.id]
    translations = {}
    if foreign:
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in=[p.translation_key for p in foreign]
        ):
            translations[page.translation_key] = page
    links = []
    for item in items:
        page = item.link_page
        if page is not None:
            page = translations.get(page.translation_key, page)
            if not page.live:
                continue
            links.append(
                {"text": item.label or page.title, "href": page.get_url(request), "page": page}
            )
        else:
            links.append({"text": item.label, "href": item.link_url, "page": None})
    return links


def language_alternates(request, page=None):
    """The current page in every language of the site: code, name, url, whether it is current.

    A Wagtail page links to its live translation, or to the home page of the other language when
    it has none; any other view links to the same path with the other language prefix.
    """
    current = get_language()
    translations = {}
    homes = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
        missing = [code for code, _name in settings.LANGUAGES if code not in translations]
        if missing:
            site = page.get_site()
            if site is not None:
                for home in (
                    site.root_page.get_translations(inclusive=True).live().select_related("locale")
                ):
                    homes[home.locale.language_code] = home
    alternates = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is not None:
            url = target.get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        alternates.append({"code": code, "name": name, "url": url, "current": code == current})
    return alternates
