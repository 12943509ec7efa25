"""Settings shared by every environment. dev.py, production.py and test.py build on these.

Everything that differs between machines comes from the environment; see README.md
"Configuratie" for the full list.
"""

from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from .environment import database_config, email_config, env, search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Local state of a development machine (SQLite file, secret key, uploads); git-ignored.
VAR_DIR = BASE_DIR / "var"

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "businesses",
    "programmes",
    "search",
    "wagtail.contrib.redirects",
    "csp",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    # Staff translate pages and snippets in wagtail-localize's editor; its locales app
    # replaces wagtail.locales and adds "sync from" to each language.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "phonenumber_field",
    "import_export",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "portal.head.HeadWithoutBodyMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.sites.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.preview.PreviewFrameMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.page_cache.fragments",
            ],
        },
    },
    {
        # Plain-text e-mails (home/email.py): "Bakker & Zonen" stays "&", not "&amp;".
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: DATABASE_URL, by default an SQLite file in var/ (the embedded default).
DATABASES = {
    "default": database_config(
        env.str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts for entrepreneurs and mentors (django-allauth): e-mail address and password, the
# address verified before the first login. Staff log in to the Wagtail admin the same way.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "home.accounts.adapter.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website_url"
ACCOUNT_FORMS = {"signup": "home.accounts.adapter.AtomicSignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Failed logins, sign-ups, password resets and e-mail changes are counted in the cache.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "5/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_email": "3/h/user",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
# URL names, reversed in the language of the page the person logged in on (/ar/mijn-bedrijf/).
LOGIN_REDIRECT_URL = "my_businesses"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the default and is served without a URL prefix; English, Turkish and
# Arabic (right to left) at /en/, /tr/ and /ar/. Each is named in its own script in the
# language switch. UI strings are written in Dutch in the source and translated in
# locale/<lang>/.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Static files: the NL Design System CSS is built from npm into portal/static/vendor/.
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Files only staff may read (documents sent with a claim): outside MEDIA_ROOT, never served by
# address; views that check who asks hand them out. Back it up with the database.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: EMAIL_URL (smtp://, smtp+tls://, consolemail://, memorymail://).
globals().update(email_config(env.str("EMAIL_URL", default="consolemail://")))
# A mail server that accepts the connection and then hangs gives up a worker after this long;
# the queue tries again (portal/tasks.py).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Ondernemersportaal <noreply@example.nl>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: empty SEARCH_URL means the embedded database engine.
# publiccode.yml (home/publiccode.py): this installation's repository and whom to contact.
PUBLICCODE_URL = env.str("PUBLICCODE_URL", default="")
PUBLICCODE_CONTACT_NAME = env.str("PUBLICCODE_CONTACT_NAME", default="")
PUBLICCODE_CONTACT_EMAIL = env.str("PUBLICCODE_CONTACT_EMAIL", default="")

SEARCH_URL = env.str("SEARCH_URL", default="")
SEARCH_INDEX = env.str("SEARCH_INDEX", default="portal-directory")
# Seconds; an engine slower than this and the database answers instead.
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=1.0)
# Wagtail's own search (/zoeken/, the admin) uses the same engine when SEARCH_URL is set.
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_URL,
    env.str("SEARCH_BACKEND", default="opensearch3"),
    env.str("SEARCH_INDEX_PREFIX", default="portal-wagtail"),
)

# Whole pages for anonymous visitors (portal/page_cache.py), renewed at every change and at
# least this often. 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

# Cache: CACHE_URL (locmemcache://, rediscache://host:6379/1, dbcache://table).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# django-ratelimit counts public form posts in the cache. It only trusts memcached and its own
# Redis client: Django's RedisCache increments atomically too, and the in-memory cache of
# `make run` is shared by its single process. With several gunicorn workers, use Redis
# (docs/deploy.md): each worker would otherwise count on its own.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# How many reverse proxies in front add to X-Forwarded-For (production: 1); rate limits, in
# django-ratelimit and allauth alike, count the visitor's address (portal/client_ip.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
RATELIMIT_IP_META_KEY = "portal.client_ip.client_ip"
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# Background work (e-mails, index updates, geocoding) through Django's tasks framework
# (portal/tasks.py). The immediate backend runs a task at once, in the request; production
# queues them in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A task that fails for now (TemporaryFailure) runs again after each of these pauses, in
# seconds: 30 s, 2 min, 10 min, 30 min, 1 h, 3 h; then it waits for staff to run it again.
# /healthz says "degraded" when a due task has waited longer than this: the workers lag or stopped.
TASK_WAIT_DEGRADED_SECONDS = env.int("TASK_WAIT_DEGRADED_SECONDS", default=300)
# A task "running" this long lost its worker (requeue_stalled_tasks puts it back): far longer
# than any task takes (a mail, an index update, a lookup: seconds).
TASK_STALLED_MINUTES = env.int("TASK_STALLED_MINUTES", default=30)
TASK_RETRY_DELAYS = env.list(
    "TASK_RETRY_DELAYS", cast=int, default=[30, 120, 600, 1800, 3600, 10800]
)

PHONENUMBER_DEFAULT_REGION = "NL"
PHONENUMBER_DB_FORMAT = "E164"

# Wagtail
WAGTAIL_SITE_NAME = env.str("PORTAL_SITE_NAME", default="Ondernemersportaal")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Fields in one request, query string included (Django's default): a URL that repeats a
# parameter thousands of times gets a 400 before any view reads it. The largest admin form of
# the demo posts about 130 fields (a business with its opening hours; a page about 80, each
# StreamField block 4 or 5), so this leaves room for pages of some 200 blocks.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000
# django-import-export's own guard against formulas in exported files (its format classes drop
# a leading "="). The export of businesses quotes such text itself and keeps numbers as
# numbers (businesses.spreadsheet, portal.spreadsheets), as every CSV and XLSX of the portal.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# A mentor's link (/mentor/koppeling/<link>/) opens a founder's request without an account: it
# stops working when the match ends, and this many days after the introduction at the latest.
MENTOR_LINK_DAYS = env.int("MENTOR_LINK_DAYS", default=365)

# Map tiles for Leaflet; the lists beside the maps work without them.
PORTAL_MAP_TILE_URL = env.str(
    "PORTAL_MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)

# Geocoding (businesses/geocoding.py): the "free" endpoint of PDOK Locatieserver, whose answers
# become the map pins of businesses. Empty: off (development and tests; production.py sets
# PDOK's own address). Each question waits this long; a temporary failure is tried again this
# many times in all, with these pauses between the attempts.
PDOK_LOCATIESERVER_URL = env.str("PDOK_LOCATIESERVER_URL", default="")
PDOK_TIMEOUT_SECONDS = env.float("PDOK_TIMEOUT_SECONDS", default=3.0)
PDOK_ATTEMPTS = env.int("PDOK_ATTEMPTS", default=3)
PDOK_RETRY_SECONDS = (0.5, 2.0)

# Security headers on every response, in development and tests too, so that the browser tests
# run under them. Content-Security-Policy (django-csp): scripts, styles, fonts and requests only
# from this site, and no inline scripts; inline style attributes are allowed, as Leaflet places
# its map tiles with them. The Wagtail admin runs inline scripts of its own and is left out;
# Django's other protections stay on there. The API documentation (/api/docs) runs under the
# policy: Swagger UI from our own static files, started by one of them (search/api_docs.py).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", urlsplit(PORTAL_MAP_TILE_URL).netloc or SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Permissions-Policy (django-permissions-policy): the portal uses none of these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # One line per background task and per page action is noise outside debugging.
        "django_tasks": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
