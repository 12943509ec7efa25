"""Whole public pages kept in the cache for anonymous visitors, dropped at every change.

Only what a view declares public is stored (`public`, `declare_public`): a page that is the
same for every visitor without a session, in every language, and that depends on its path
and the query parameters it names. Everything else is never stored, whatever its address:
pages with personal data (an account, a business in progress, a mentor's link) also say so
to browsers and proxies (`Cache-Control: private, no-store`, Django's `never_cache`).

A visitor without a session (nobody logged in, no message waiting) gets a stored copy of a
page when there is one. Only complete, ordinary answers are stored: status 200, no cookie
set (a page with a form sets the CSRF cookie, so it is never stored), nothing marked private.
The key holds the parameters the page reads, once each: `?junk=1` or a repeated value finds
the stored page rather than making a new entry (and is never stored itself).

Every save or delete of content that public pages show bumps one version number, after the
transaction commits, so the next request builds the page afresh: a published change shows at
once. The version lives in the cache itself: with several app servers the cache must be a
shared one (Redis or the database, CACHE_URL), as docs/deploy.md says. PAGE_CACHE_SECONDS
(0 turns it off) bounds what changes with time alone, such as "open now" and deadlines.

The same version keys the parts every page shares (brand, main menu, footer: see
templates/base.html) and the lookups every request makes (`cached`: the site, its settings, a
page's translations), so pages that cannot be stored whole still skip their queries.
"""

import contextvars
import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from portal import cache as gather
from portal import parameters
from portal.health import PROBE_PATHS

VERSION_KEY = "page-cache-version"
# The apps whose rows public pages show: Wagtail's and taggit's here; the portal's own apps
# add themselves with declare_content() in their ready(), so this module names none of them.
CONTENT_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
}
# Rows that never change a public page: drafts in progress, history, workflow bookkeeping.
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
}


def declare_content(app_label, unseen=()):
    """Every save or delete in `app_label` changes public pages (bumps the version), except
    those of the models named in `unseen`: what no public page shows, such as requests in
    progress, private records and counts of visits (see count_every_view)."""
    CONTENT_APPS.add(app_label)
    IGNORED_MODELS.update(f"{app_label}.{name}" for name in unseen)


# The version is read once per request (a page asks for it a dozen times, one cache round trip
# each): the middleware opens a slot for the request, version() fills it, bump() renews it.
_this_request = contextvars.ContextVar("page_cache_request", default=None)


def version():
    slot = _this_request.get()
    if slot is not None and "version" in slot:
        return slot["version"]
    value = cache.get_or_set(VERSION_KEY, lambda: str(time.time_ns()), timeout=None)
    if slot is not None:
        slot["version"] = value
    return value


def bump():
    value = str(time.time_ns())
    cache.set(VERSION_KEY, value, timeout=None)
    if (slot := _this_request.get()) is not None:
        slot["version"] = value


def cached(name, compute):
    """compute(), kept under the content version: never stale, since every change renews it.

    Off, like the page cache, when PAGE_CACHE_SECONDS is 0: then compute() runs every time.
    """
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    return cache.get_or_set(f"{name}:{version()}", compute, timeout=settings.PAGE_CACHE_SECONDS)


def fragments(request):
    """Template context for `{% cache fragment_seconds name ... content_version %}`."""
    return {
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
        "content_version": SimpleLazyObject(version),
    }


def content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in IGNORED_MODELS:
        transaction.on_commit(bump)


def count_every_view(request, response, counter, *args):
    """counter(request, *args) now, and again each time the page cache answers with this page.

    A stored page is served without its view running, so a view that counts its visitors
    (programme pages, searches) would miss those that the cache answers. The counter goes with
    the stored response and runs on every hit: it must be a module-level function (pickle
    keeps it by name) and its arguments plain values. It is given the request, never kept.
    """
    counter(request, *args)
    response.page_cache_counters = [
        *getattr(response, "page_cache_counters", ()),
        (counter, args),
    ]
    return response


def declare_public(request, params=()):
    """Say that the answer to `request` is the same for every visitor without a session and
    depends only on its path and the query parameters `params`: the page cache may keep it."""
    request.page_cache_params = tuple(params)


def public(*params):
    """A view decorator: `declare_public(request, params)` for every answer of the view."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            declare_public(request, params)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def run_counters(request, response):
    for counter, args in getattr(response, "page_cache_counters", ()):
        counter(request, *args)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page-cache-{id(signal)}")


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(PROBE_PATHS)
        and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
    )


def gatherable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and not request.path.startswith(PROBE_PATHS)
        and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
    )


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def query_pairs(request, params=None):
    """The query as (name, value) pairs, each once and at most MAX_VALUES of a name (as the
    views read them: portal.parameters), in order; only `params` when given."""
    pairs = []
    for name, values in request.GET.lists():
        if params is None or name in params:
            pairs += [(name, value) for value in parameters.distinct(values)]
    return pairs


def declared_query(request, leave_out=("page",)):
    """The query string of the parameters the view declared (`declare_public`), each value
    once, for its links (the next page, a filter): what it does not read is not repeated."""
    params = getattr(request, "page_cache_params", ())
    return urlencode([pair for pair in query_pairs(request, params) if pair[0] not in leave_out])


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = {}
        slot = _this_request.set(values)
        gathered = None
        try:
            if gatherable_request(request):
                # With Redis, the version and what the last request of this path read come in
                # one round trip (portal/cache.py); other caches are asked key by key.
                route = (request.path, cacheable_request(request))
                gathered, current = gather.start(route, VERSION_KEY)
                if current is not None:
                    values["version"] = current
            return self.respond(request)
        finally:
            gather.finish(gathered, values.get("version"))
            _this_request.reset(slot)

    def respond(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        # The scheme keeps a page stored over HTTPS from answering a plain-HTTP request, which
        # must get the redirect to HTTPS instead.
        path_key = f"{version()}:{request.scheme}://{request.get_host()}{request.path}"
        params = known = cache.get(f"page-params:{path_key}")
        if params is not None:
            key = f"page:{path_key}?{urlencode(query_pairs(request, params))}"
            stored = cache.get(key)
            if stored is not None:
                stored["X-Page-Cache"] = "hit"
                run_counters(request, stored)
                return stored
        response = self.get_response(request)
        params = getattr(request, "page_cache_params", None)
        if params is None or not cacheable_response(response):
            return response
        if params != known:  # kept already (for as long as the version): not written again
            cache.set(f"page-params:{path_key}", params, timeout=settings.PAGE_CACHE_SECONDS)
        kept = query_pairs(request, params)
        if kept == [(name, value) for name, values in request.GET.lists() for value in values]:
            # Only a query of read parameters, each once, is stored: others find this entry.
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(
                f"page:{path_key}?{urlencode(kept)}", response, timeout=settings.PAGE_CACHE_SECONDS
            )
            response["X-Page-Cache"] = "miss"
        return response
