from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db.models import Q
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import cache_page
from django.views.generic import RedirectView
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from portal import page_cache


class PortalSitemap(Sitemap):
    """Wagtail's sitemap over the site's page tree in every language, not only the default one."""

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for translated_root in root.get_translations(inclusive=True):
            in_any_tree |= Page.objects.descendant_of_q(translated_root, inclusive=True)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@page_cache.public()
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})


@page_cache.public()
@cache_page(60 * 60)
def robots_txt(request):
    context = {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico; the file itself lives with the static files."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.ico")


def page_not_found(request, exception):
    """A path under a language prefix the site does not offer (/fr/..., /de/...) goes to the
    same path in Dutch, the site's own language; anything else is a plain "not found"."""
    prefix, _slash, rest = request.path.lstrip("/").partition("/")
    if prefix in LANG_INFO and prefix not in dict(settings.LANGUAGES):
        return redirect(f"/{rest}")
    return defaults.page_not_found(request, exception)
