from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import URLResolver, include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.health import healthz, livez


def never_cached(urls):
    """The URLs of an app whose pages show personal data (django-allauth's account pages: the
    e-mail addresses, sessions): `never_cache` on each, so nobody stores them."""
    patterns = include(urls)[0]
    patterns = getattr(patterns, "urlpatterns", patterns)
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            never_cached(pattern.urlconf_name)
        else:
            pattern.callback = never_cache(pattern.callback)
    return patterns


# The apps' URLs are named by their modules, as INSTALLED_APPS names the apps: the portal
# package is the lowest layer and imports none of them (docs/architecture.md).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("", include("home.urls")),
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
]

handler404 = "home.views.page_not_found"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Dutch pages have no prefix, English ones live under /en/. Wagtail's page tree comes last:
# it catches every path that nothing above claims.
urlpatterns += i18n_patterns(
    path("account/", include(never_cached("allauth.account.urls"))),
    path("account/", include("home.accounts.urls")),
    path("mijn-bedrijf/", include("businesses.urls")),
    path("", include("programmes.mentoring.urls")),
    path("", include("search.urls")),
    path("open-data/", include("home.open_data.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
