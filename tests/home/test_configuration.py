"""Bad configuration stops start-up with one readable line, not a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# Variables of this test run that must not leak into the process under test.
NOT_INHERITED = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")


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
        "check", DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x" * 60
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
    "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "ALLOWED_HOSTS": "portaal.example.nl",
    "DATABASE_URL": "postgres://portal:secret@127.0.0.1:5432/portal",
}


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
