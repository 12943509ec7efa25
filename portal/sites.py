"""The Wagtail Site of a request, from the cache instead of one query on every request."""

from contextlib import suppress

from django.conf import settings
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from portal import page_cache
from portal.health import PROBE_PATHS


def find_site(request):
    """The request's Site, its home page loaded in its own class (HomePage) for routing to start
    from. Sites and pages are content: kept under the content version, a new hostname or home
    page counts at once."""
    hostname, _port = split_domain_port(request.get_host())

    def find():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    return page_cache.cached(f"site:{hostname}:{request.get_port()}", find)


class CachedSiteMiddleware:
    """Wagtail looks the Site up once per request and keeps it on the request, in the attribute
    that Site.find_for_request documents (`request._wagtail_site`); filling that attribute from
    the cache spares every page the query, and the one for its home page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PAGE_CACHE_SECONDS > 0
            and request.path not in PROBE_PATHS
            and not hasattr(request, "_wagtail_site")
        ):
            # Without a database Wagtail asks again where it needs the site; /healthz reports it.
            with suppress(DatabaseError):
                request._wagtail_site = find_site(request)
        return self.get_response(request)
