"""Production settings: PostgreSQL, WhiteNoise, secure cookies and headers.

Configure with environment variables (README.md, docs/deploy.md). Start-up stops with one line
when something essential is missing.
"""

from .base import *  # noqa: F403
from .base import CACHES, LOGGING, MIDDLEWARE, env
from .environment import check_secret_key, check_shared_cache, stop

DEBUG = False

SECRET_KEY = env.str("SECRET_KEY", default="")
check_secret_key(SECRET_KEY)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    stop(
        "ALLOWED_HOSTS ontbreekt. Zet de hostnamen van het portaal, bijvoorbeeld "
        "ALLOWED_HOSTS=ondernemers.example.nl"
    )

# Rate limits, the forms' one-time tokens and the page cache live in the cache: one that all
# workers share (Redis, memcached).
check_shared_cache(env.str("CACHE_URL", default=""), CACHES["default"])
# django-ratelimit's checks count here (base.py silences them for the single process of
# development). E003 stops caches whose counters are not shared (locmem), not kept (dummy) or
# not atomic (the database and file caches: their incr() is a read and a write, so posts at the
# same moment count once). W001 says "not officially supported" of every backend but memcached
# and django-redis: a false alarm for Django's own RedisCache, whose add() is SET NX and incr()
# is INCR, both atomic in Redis.
SILENCED_SYSTEM_CHECKS = (
    ["django_ratelimit.W001"]
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    else []
)
# The same Redis cache, with the reads of a request gathered into one round trip
# (portal/cache.py): the keys that the previous request of the same path read.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "portal.cache.RedisCache"

# WhiteNoise serves the hashed, compressed static files straight from gunicorn.
_after = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after:],
]
# Pages compressed for clients that accept gzip, where the proxy in front does not compress
# (docs/deploy.md: compression and BREACH). Outside everything that reads or writes the body.
if env.bool("COMPRESS_RESPONSES", default=False):
    MIDDLEWARE.insert(1, "django.middleware.gzip.GZipMiddleware")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere; a proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# One proxy in front by default: rate limits count the address it forwards (portal/client_ip.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# A load balancer asks /healthz and /livez over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]

# Background work waits in the database for `manage.py db_worker` (docs/deploy.md), so a slow
# or absent mail server or search engine never holds up a request, and nothing is lost.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Map pins for new profiles from PDOK Locatieserver (businesses/geocoding.py); empty turns it off.
PDOK_LOCATIESERVER_URL = env.str(
    "PDOK_LOCATIESERVER_URL", default="https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)

# Logs: one JSON object per line on stdout, for the platform's log collector.
LOGGING["formatters"] = {
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }
}
LOGGING["handlers"]["console"]["formatter"] = "json"
