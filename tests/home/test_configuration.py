"""Bad configuration stops start-up with one readable line, not a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# Variables of this test run that must not leak into the process under test.
NOT_INHERITED = (
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "CACHE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)
# A key as the deploy guide makes one (secrets.token_urlsafe(50)).
GOOD_KEY = "a-long-random-production-secret-" + "k" * 40


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_stops_with_one_line():
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        ALLOWED_HOSTS="portaal.example.nl",
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Configuratiefout: SECRET_KEY ontbreekt")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_production_without_allowed_hosts_stops_with_one_line():
    result = manage(
        "check", DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY=GOOD_KEY
    )
    assert result.returncode == 1
    assert "ALLOWED_HOSTS ontbreekt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("url", ["mysql-ish://nope", "postgres://u:p@host:notaport/db", "nonsense"])
def test_unusable_database_url_stops_with_one_line(url):
    result = manage("check", DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=url)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Configuratiefout: DATABASE_URL")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_database_gives_one_line_not_a_traceback():
    result = manage(
        "migrate",
        "--check",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL="postgres://portal:wrong@127.0.0.1:1/portal",
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Databasefout:")
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


# What a production start needs at the least (the database is not reached by these commands).
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "portaal.example.nl",
    "DATABASE_URL": "postgres://portal:secret@127.0.0.1:5432/portal",
    "CACHE_URL": "rediscache://127.0.0.1:6379/1",
}


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("kort-" + "x" * 40, "SECRET_KEY is te kort (45 tekens, minstens 50)"),
        ("x" * 60, "SECRET_KEY heeft te weinig verschillende tekens"),
        ("abab" * 20, "SECRET_KEY heeft te weinig verschillende tekens"),
        ("django-insecure-" + GOOD_KEY, "SECRET_KEY begint met 'django-insecure-'"),
    ],
)
def test_production_refuses_a_weak_secret_key(key, line):
    """Django's own rule for a weak key (deploy check security.W009) stops start-up."""
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"Configuratiefout: {line}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert key not in result.stderr


@pytest.mark.parametrize(
    ("url", "line"),
    [
        (None, "CACHE_URL ontbreekt"),
        ("locmemcache://", "CACHE_URL locmemcache:// is geen gedeelde cache"),
        ("dummycache://", "CACHE_URL dummycache:// is geen gedeelde cache"),
    ],
)
def test_production_refuses_a_cache_per_process(url, line):
    """Rate limits, the forms' tokens and the page cache must be the same for every worker."""
    environment = {**PRODUCTION, "CACHE_URL": url}
    if url is None:
        del environment["CACHE_URL"]
    result = manage("check", **environment)
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"Configuratiefout: {line}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_keeps_django_ratelimit_checks_for_caches_that_miscount():
    """The database cache is shared, but its increments are not atomic: django-ratelimit says
    so, and production no longer silences it."""
    result = manage("check", **{**PRODUCTION, "CACHE_URL": "dbcache://portal_cache"})
    assert result.returncode == 1
    assert "django_ratelimit.E003" in result.stderr
    assert "does not support atomic increment" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_logs_are_json_lines():
    result = manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('portal').warning('zoekmachine weg')",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == (
        "WARNING",
        "portal",
        "zoekmachine weg",
    )
    assert "time" in line


def test_production_queues_background_work_for_the_workers():
    """Production sends mail and updates the index through the database queue: the request
    only stores the task; `manage.py db_worker` (docs/deploy.md) runs it."""
    result = manage(
        "shell",
        "-c",
        "from django_tasks import task_backends; from portal import tasks; "
        "print(type(task_backends['default']).__name__, tasks.queued())",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["DatabaseBackend", "True"]
    worker = manage("db_worker", "--help", **PRODUCTION)
    assert worker.returncode == 0, worker.stderr
    assert "--batch" in worker.stdout


def production_middleware(**env):
    result = manage(
        "shell",
        "-c",
        "import json; from django.conf import settings; print(json.dumps(settings.MIDDLEWARE))",
        **PRODUCTION,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_production_compresses_pages_only_when_the_proxy_does_not(client, settings):
    """COMPRESS_RESPONSES (docs/deploy.md) compresses for clients that accept gzip; by default
    the proxy does it and the portal sends pages as they are."""
    import gzip

    assert "django.middleware.gzip.GZipMiddleware" not in production_middleware()
    settings.MIDDLEWARE = production_middleware(COMPRESS_RESPONSES="true")
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    page = gzip.decompress(compressed.content).decode()
    assert '<html lang="nl"' in page
    plain = client.get("/")
    assert not plain.has_header("Content-Encoding")
    assert plain.content.decode().startswith("<!DOCTYPE html>")
