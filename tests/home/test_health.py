"""/healthz: what a load balancer and monitoring see."""

import json

import pytest
from django.db import DatabaseError

from search.opensearch import connection

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    return response.status_code, json.loads(response.content)


def test_all_well_without_a_search_engine(client):
    assert health(client) == (
        200,
        {"status": "ok", "database": "ok", "search": "not configured", "tasks": "immediate"},
    )


def test_with_the_search_engine(client, opensearch):
    assert health(client) == (
        200,
        {"status": "ok", "database": "ok", "search": "ok", "tasks": "immediate"},
    )


def test_a_missing_search_engine_is_degraded_not_down(client, settings):
    settings.SEARCH_URL = "http://127.0.0.1:9"  # nothing listens here
    connection.client.cache_clear()
    assert health(client) == (
        200,
        {"status": "degraded", "database": "ok", "search": "unavailable", "tasks": "immediate"},
    )
    connection.client.cache_clear()


def test_a_missing_database_fails_and_tells_no_secrets(client, monkeypatch, settings):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection to server at 10.0.0.5 failed: password incorrect")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "fail",
        "database": "unavailable",
        "search": "not configured",
    }
    assert b"10.0.0.5" not in response.content and b"password" not in response.content
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_livez_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert (response.status_code, response.content) == (200, b"ok")
