"""The shared cache, with the reads of a request gathered into one round trip.

A page asks the cache a dozen or more times while it is built: the content version, the site,
the locale, the portal settings, the menu, view restrictions, the fragments of base.html and
of the page itself. Each is a round trip to Redis, and on a busy machine each waits for Redis to
be scheduled: together they were a quarter of a neighbourhood page's time (py-spy, issue 18).

The previous request for the same path tells which keys this one will read. At the start of a
request (`prefetch`, called by the page cache's middleware) those keys are read together with
one MGET; each read of the request then takes its value from there, and only keys not read last
time, or missing from the cache, go to Redis on their own. Writes and deletes go to Redis as
ever and update what the request holds, so a request reads its own writes.

Only keys whose value cannot change without the key changing are gathered: those under the
content version (portal.page_cache: `cached`, the template fragments, the cards, stored pages),
and Wagtail's renditions and site root paths (replaced or deleted when they change). Counters,
rate limits and the forms' one-time tokens are read from Redis when asked, as before. What is
gathered is read at the start of the request instead of a few milliseconds later: never older
than a request that started at the same moment would see.
"""

import contextvars
import threading

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

# Keys (as the application names them) worth gathering, besides those holding the version.
RENDITION_PREFIX = "wagtail-rendition-"
STABLE_PREFIXES = ("template.cache.", RENDITION_PREFIX, "wagtail_site_root_paths")
# How many paths, and keys per path, a process remembers.
MAX_PATHS = 2000
MAX_KEYS = 64

_reads = contextvars.ContextVar("cache_request_reads", default=None)
_remembered = {}
_lock = threading.Lock()


class RequestReads:
    """What one request has read: values gathered at its start, and the keys it asked for."""

    def __init__(self, values, absent=()):
        self.values = values  # key: value, as found at the start of the request
        self.absent = set(absent)  # gathered, and not in the cache at the start
        self.asked = []

    def knows(self, key):
        return key in self.values or key in self.absent


class GatheredReadsMixin:
    """A cache backend whose get/get_many first look at what the request gathered."""

    def get(self, key, default=None, version=None):
        reads = _reads.get()
        if reads is None or version is not None:
            return super().get(key, default, version)
        reads.asked.append(key)
        if key in reads.values:
            return reads.values[key]
        if key in reads.absent:
            return default
        value = super().get(key, _MISSING, version)
        if value is _MISSING:
            return default
        return value

    def get_many(self, keys, version=None):
        reads = _reads.get()
        if reads is None or version is not None:
            return super().get_many(keys, version)
        keys = list(keys)
        reads.asked.extend(keys)
        found = {key: reads.values[key] for key in keys if key in reads.values}
        rest = [key for key in keys if not reads.knows(key)]
        if rest:
            found.update(super().get_many(rest, version))
        return found

    def _forget(self, *keys):
        reads = _reads.get()
        if reads is not None:
            for key in keys:
                reads.values.pop(key, None)
                reads.absent.discard(key)

    def set(self, key, value, timeout=None, version=None):
        reads = _reads.get()
        if reads is not None and version is None and key.startswith(RENDITION_PREFIX):
            # Wagtail writes a rendition to the cache each time a page shows it, found or
            # not: the one the cache holds already (the same row) is not written again.
            reads.asked.append(key)
            kept = getattr(reads.values.get(key), "pk", None)
            if kept is not None and kept == getattr(value, "pk", None):
                return
            reads.values[key] = value
            reads.absent.discard(key)
            super().set(key, value, timeout, version)
            return
        self._forget(key)
        super().set(key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        self._forget(*data)
        return super().set_many(data, timeout, version)

    def add(self, key, value, timeout=None, version=None):
        self._forget(key)
        return super().add(key, value, timeout, version)

    def delete(self, key, version=None):
        self._forget(key)
        return super().delete(key, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        self._forget(*keys)
        return super().delete_many(keys, version)

    def incr(self, key, delta=1, version=None):
        self._forget(key)
        return super().incr(key, delta, version)

    def clear(self):
        reads = _reads.get()
        if reads is not None:
            reads.values.clear()
            reads.absent.clear()
        return super().clear()

    def get_many_past_reads(self, keys):
        return super().get_many(keys)


class _Missing:
    pass


_MISSING = _Missing()


class RedisCache(GatheredReadsMixin, DjangoRedisCache):
    """Django's Redis cache, with a request's reads gathered (production: CACHE_URL rediscache)."""


class LocMemGatheredCache(GatheredReadsMixin, LocMemCache):
    """The same over the in-process cache, for tests."""


def gatherable(key, version):
    return key.startswith(STABLE_PREFIXES) or (version is not None and version in key)


def start(route, version_key):
    """Open a request's reads for `route` (a path, and whether the page cache may answer it):
    the content version and the keys the last request of that route read, in one round trip.
    Returns a token for `finish` and the content version; (None, None) for other caches."""
    cache = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(cache, GatheredReadsMixin):
        return None, None
    keys = _remembered.get(route, ())
    values = cache.get_many_past_reads([version_key, *keys])
    version = values.pop(version_key, None)
    if version is None:
        reads = RequestReads({})
    else:
        reads = RequestReads(values, absent=[key for key in keys if key not in values])
    return (_reads.set(reads), route, version), version


def finish(token, version=None):
    """Close a request's reads, and remember for its route which keys it read under `version`
    (the content version the request ended with; by default the one it started with)."""
    if token is None:
        return
    context_token, route, started = token
    version = version or started
    reads = _reads.get()
    _reads.reset(context_token)
    if reads is None or version is None:
        return
    keys = list(dict.fromkeys(key for key in reads.asked if gatherable(key, version)))[:MAX_KEYS]
    with _lock:
        if route not in _remembered and len(_remembered) >= MAX_PATHS:
            _remembered.clear()
        _remembered[route] = keys
