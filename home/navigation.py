"""Menus and language alternates for the templates, in a fixed number of queries."""

from collections import defaultdict

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal import page_cache


def active_locale():
    """The Locale of the active language, or the default one (kept under the content version)."""
    return page_cache.cached(f"locale:{get_language()}", Locale.get_active)


def for_locale(model, locale):
    """The translatable singleton (menu, footer) for this locale, else the default one."""
    objects = model.objects.select_related("locale")
    return (
        objects.filter(locale=locale).first()
        or objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def resolve_links(items, request, locale):
    """Turn menu items into {text, href} for the active language.

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
            links.append({"text": item.label or page.title, "href": page.get_url(request)})
        else:
            links.append({"text": item.label, "href": localized_path(item.link_url)})
    return links


def localized_path(url):
    """A path on this site in the active language: "/ondernemers/" is "/ar/ondernemers/" in
    Arabic. Web addresses, paths that name a language and paths outside the language prefixes
    (such as /api/docs) stay as they are."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    language = get_language()
    first = url.split("/", 2)[1]
    if language == settings.LANGUAGE_CODE or first in dict(settings.LANGUAGES):
        return url
    try:
        resolve(url.split("?", 1)[0].split("#", 1)[0])
    except Resolver404:
        return f"/{language}{url}"
    return url  # served without a language prefix


def localized_pages(pages):
    """These pages in the active language (their live translation, else themselves), live ones
    only, specific and in order: a query for the translations when some are in another
    language, then one per page type, where `page.localized.specific` costs two or three
    queries for every page."""
    pages = [page for page in pages if page is not None]
    locale = active_locale()
    keys = [page.translation_key for page in pages if page.locale_id != locale.id]
    translations = {}
    if keys:
        for page in Page.objects.live().filter(locale=locale, translation_key__in=keys):
            translations[page.translation_key] = page
    chosen = [translations.get(page.translation_key, page) for page in pages]
    return specific_pages([page for page in chosen if page.live])


def specific_pages(pages):
    """The same pages, each loaded in its own class: one query per page type."""
    ids = defaultdict(list)
    for page in pages:
        ids[page.specific_class or Page].append(page.pk)
    loaded = {}
    for model, pks in ids.items():
        loaded.update(model.objects.in_bulk(pks))
    return [loaded[page.pk] for page in pages if page.pk in loaded]


def language_alternates(request, page=None):
    """The current page in every language of the site: code, name, url, whether it is current.

    A Wagtail page links to its live translation, or to the home page of the other language when
    it has none; a route below a page (a business profile below its neighbourhood) to the same
    route below the translation; any other view to the same path with the other language prefix.
    """
    current = get_language()
    urls = {}
    if isinstance(page, Page):
        # The same for every version of the page (draft, preview), in every language; a
        # published translation renews the content version.
        translations, homes = page_cache.cached(
            f"page-alternates:{page.translation_key}:{request.get_host()}",
            lambda: translation_urls(request, page),
        )
        below = route_below(request, page)
        urls = {code: url + below for code, url in translations.items() if url}
        for code, url in homes.items():
            urls.setdefault(code, url)
    return [
        {
            "code": code,
            "name": name,
            "url": urls.get(code) or translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


def route_below(request, page):
    """The part of the URL below a routable page that is being served ("bakkerij-yildiz/"), the
    same in every language (the routes are the page class's), or ""."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not hasattr(page, "reverse_subpage"):
        return ""
    try:
        return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return ""


def translation_urls(request, page):
    """The urls of the page's live translations, and of the home page in the languages the
    page has none in: two {language code: url}."""
    translations = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        translations[translation.locale.language_code] = translation.get_url(request)
    homes = {}
    if any(code not in translations for code, _name in settings.LANGUAGES):
        site = page.get_site()
        if site is not None:
            for home in (
                site.root_page.get_translations(inclusive=True).live().select_related("locale")
            ):
                if home.locale.language_code not in translations:
                    homes[home.locale.language_code] = home.get_url(request)
    return translations, homes
