"""A restart or failover of PostgreSQL costs no request once it is back (`make soak` restarts it
halfway). Each gunicorn worker keeps its connection for CONN_MAX_AGE; without health checks the
first request after the restart finds that connection dead and fails, in every worker, however
long after the restart it comes."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test.client import FakePayload

from portal.settings.environment import database_config


def status(app, path):
    """One request as gunicorn makes it: the WSGI handler sends request_started and
    request_finished, where Django closes or checks connections (the test client does not)."""
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.input": FakePayload(b""),
        "wsgi.errors": io.StringIO(), "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False, "QUERY_STRING": "",
    }  # fmt: skip
    answer = []
    response = app(environ, lambda code, headers, exc_info=None: answer.append(code))
    response.close()
    return int(answer[0].split()[0])


# SQLite connections are not kept between requests.
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_first_request_after_a_database_restart_succeeds(monkeypatch):
    production = database_config("postgres://portal@db.internal:5432/portal")
    for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS"):
        monkeypatch.setitem(connection.settings_dict, key, production.get(key, False))
    app = WSGIHandler()
    try:
        assert status(app, "/healthz") == 200  # the worker's connection, kept for the next one
        # What a restart does to it: the server ends the session.
        other = connections.create_connection("default")
        with other.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid]
            )
        other.close()
        assert status(app, "/healthz") == 200  # /healthz says 503 when its query fails
    finally:
        connection.close()
