"""How a URL finds its page, and whether the visitor may see it, in few queries."""

from django.conf import settings
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from home.navigation import active_locale
from portal import page_cache


class SiteRootMixin:
    """For the home page, where Wagtail starts routing every request: in the visitor's language
    (`site.root_page.localized`), then down the path."""

    @property
    def localized_draft(self):
        # Wagtail asks the database for the active Locale and then for the translation on every
        # request; both are kept under the content version. Keyed on the translation key, the
        # answer is the same whichever translation asks.
        locale = active_locale()
        if locale.id == self.locale_id:
            return self
        translation = page_cache.cached(
            f"home-page:{self.translation_key}:{locale.pk}",
            lambda: self.get_translation_or_none(locale),
        )
        return translation or self

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        try:
            return route_below(self, request, path_components)
        except Http404:
            # Not (yet) in this language: the Dutch page, which says so (an untranslated page
            # falls back to Dutch rather than to "not found").
            dutch = self.dutch_home()
            if dutch is None or dutch.pk == self.pk:
                raise
            return route_below(dutch, request, path_components)

    def dutch_home(self):
        return page_cache.cached(
            f"home-page:{self.translation_key}:{settings.LANGUAGE_CODE}",
            lambda: Page.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first(),
        )


def route_below(home, request, path_components):
    """Wagtail finds a page one URL segment at a time, with two queries per segment (the child,
    then the child in its own class). Here the candidates along the path come in one query (the
    pages below the home page with one of its slugs, no deeper than the path goes), and are
    told apart by their url_path; the walk stops at the first page with a routing of its own (a
    RoutablePageMixin page) and hands it the rest of the path, as Wagtail would. Then one query
    for the page. The page found for a path is kept under the content version, which every
    published, moved or deleted page renews: a path asked again costs no query."""
    found = page_cache.cached(
        f"route:{home.pk}:{'/'.join(path_components)}",
        lambda: find_below(home, path_components),
    )
    if found is None:
        raise Http404
    page, consumed = found
    return page.route(request, path_components[consumed:])


def find_below(home, path_components):
    """(the specific page, how many segments of the path lead to it), or None."""
    candidates = Page.objects.descendant_of(home).filter(
        slug__in=sorted(set(path_components)), depth__lte=home.depth + len(path_components)
    )
    found = {page.url_path: page for page in candidates}
    page, consumed = home, 0
    for slug in path_components:
        child = found.get(f"{page.url_path}{slug}/")
        if child is None:
            return None
        child._cached_parent_obj = page  # as Wagtail's routing does, for get_parent()
        page, consumed = child, consumed + 1
        if (page.specific_class or Page).route is not Page.route:
            break
    return page.specific, consumed


class PublicPageMixin:
    """A page that every visitor without a session sees the same, in every language: the page
    cache may keep it (portal.page_cache), with the query parameters in `cache_params`. (A
    routable page does not take it: it declares each route instead, as a list reads its
    filters and a form is not kept.)"""

    cache_params = ()

    def serve(self, request, *args, **kwargs):
        page_cache.declare_public(request, self.cache_params)
        return super().serve(request, *args, **kwargs)


class CachedViewRestrictionsMixin:
    """Before serving a page Wagtail looks for view restrictions on it and on every ancestor (two
    queries), and there are rarely any. Which ones apply is kept under the content version, which
    a new or removed restriction renews as well as a moved page, so a page without any asks
    nothing, and a restriction counts at once."""

    def get_view_restrictions(self):
        restrictions = super().get_view_restrictions  # queries as soon as it is called
        ids = page_cache.cached(
            f"view-restrictions:{self.pk}",
            lambda: list(restrictions().values_list("pk", flat=True)),
        )
        return PageViewRestriction.objects.filter(pk__in=ids)  # no query for an empty list
