"""Reading configuration from the environment (12-factor).

A misconfigured deployment should stop with one readable line, not a traceback: these helpers
exit with a message that names the variable and shows a valid example.
"""

import sys
import warnings

import environ
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

SUPPORTED_DATABASE_ENGINES = {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}


def stop(message):
    """Stop start-up with a one-line explanation on stderr (exit status 1)."""
    sys.exit(f"Configuratiefout: {message}")


# A command that makes a good key, for the messages below (not a key itself).
KEY_COMMAND = "python -c 'import secrets; print(secrets.token_urlsafe(50))'"


def check_secret_key(key):
    """Stop on a SECRET_KEY that Django's deploy check (security.W009) calls weak: it signs
    sessions, password-reset links and the forms' tokens, so a guessable one gives them away."""
    if not key:
        stop(
            "SECRET_KEY ontbreekt. Zet een lange, willekeurige waarde in de omgeving, bijvoorbeeld "
            f"met: {KEY_COMMAND}"
        )
    if key.startswith(SECRET_KEY_INSECURE_PREFIX):
        stop(
            f"SECRET_KEY begint met {SECRET_KEY_INSECURE_PREFIX!r}: dat is een sleutel voor "
            f"ontwikkeling. Maak een nieuwe, bijvoorbeeld met: {KEY_COMMAND}"
        )
    if len(key) < SECRET_KEY_MIN_LENGTH:
        stop(
            f"SECRET_KEY is te kort ({len(key)} tekens, minstens {SECRET_KEY_MIN_LENGTH}). Maak een "
            f"lange, willekeurige waarde, bijvoorbeeld met: {KEY_COMMAND}"
        )
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        stop(
            f"SECRET_KEY heeft te weinig verschillende tekens (minstens "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS}). Maak een willekeurige waarde, bijvoorbeeld met: "
            f"{KEY_COMMAND}"
        )


# Caches that every process keeps for itself, or that keep nothing.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": "locmemcache://",
    "django.core.cache.backends.dummy.DummyCache": "dummycache://",
}


def check_shared_cache(url, config):
    """Stop on a cache that gunicorn's workers do not share: each would count the rate limits
    and use up the forms' tokens on its own, and keep its own page-cache version."""
    if not url:
        stop(
            "CACHE_URL ontbreekt. Zet een gedeelde cache, zodat alle workers dezelfde limieten en "
            "paginacache gebruiken, bijvoorbeeld CACHE_URL=rediscache://redis.internal:6379/1"
        )
    if config["BACKEND"] in PER_PROCESS_CACHES:
        stop(
            f"CACHE_URL {PER_PROCESS_CACHES[config['BACKEND']]} is geen gedeelde cache: elke worker "
            "zou zijn eigen limieten en paginacache hebben. Gebruik Redis of memcached, "
            "bijvoorbeeld CACHE_URL=rediscache://redis.internal:6379/1"
        )


def database_config(url):
    """Turn a DATABASE_URL into Django's DATABASES["default"], or stop with a clear message."""
    try:
        with warnings.catch_warnings():
            # django-environ warns about unknown schemes; we explain them ourselves below.
            warnings.simplefilter("ignore")
            config = environ.Env.db_url_config(url)
    except ValueError as exc:
        stop(
            f"DATABASE_URL is ongeldig ({exc}). Voorbeeld: postgres://portal:geheim@127.0.0.1:5432/portal"
        )
    if config.get("ENGINE") not in SUPPORTED_DATABASE_ENGINES or not config.get("NAME"):
        stop(
            f"DATABASE_URL {url!r} wordt niet ondersteund. Gebruik sqlite:////pad/naar/db.sqlite3 "
            "of postgres://gebruiker:wachtwoord@host:5432/database"
        )
    config.setdefault("CONN_MAX_AGE", 60)
    # A kept connection outlives a restart or failover of the database: without a check, the
    # first request after it fails in every worker, however long after. The check costs one
    # round trip per request that reuses a connection, and reconnects when it is dead.
    config.setdefault("CONN_HEALTH_CHECKS", True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # The embedded default serves one developer; no persistent connections needed.
        config["CONN_MAX_AGE"] = 0
    return config


def email_config(url):
    """Turn an EMAIL_URL (smtp://, consolemail://, memorymail://, ...) into e-mail settings."""
    try:
        return environ.Env.email_url_config(url)
    except (ValueError, KeyError, ImproperlyConfigured) as exc:
        stop(
            f"EMAIL_URL is ongeldig ({exc}). Voorbeeld: smtp+tls://gebruiker:wachtwoord@smtp.example.nl:587"
        )


def search_backends(url, backend, index_prefix):
    """WAGTAILSEARCH_BACKENDS. Wagtail's database backend (SQLite FTS5, or PostgreSQL full-text
    search in Dutch) gives the directory its text search without a search engine, and stays
    beside the engine as its fallback. `backend` is Wagtail's module for the engine: opensearch3
    (the opensearch-py 3 client, for OpenSearch 2 and 3), opensearch2 (opensearch-py 2) or
    elasticsearch8."""
    database = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
    if not url:
        return {"default": database}
    engine = {
        "BACKEND": f"wagtail.search.backends.{backend}",
        "URLS": [url],
        "INDEX": index_prefix,
        "TIMEOUT": 5,
    }
    return {"default": engine, "database": database}
