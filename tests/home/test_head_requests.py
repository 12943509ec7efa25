"""A HEAD request gets a GET's headers and no body, from the WSGI application itself: gunicorn
sends what the application gives (Django's test client and runserver drop the body on their own,
so this test calls the application as a WSGI server does)."""

import io
from wsgiref.util import setup_testing_defaults

from django.core import signals
from django.db import close_old_connections

from portal.wsgi import application


def call(method, path):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "HTTP_HOST": "testserver"}
    environ["wsgi.input"] = io.BytesIO(b"")
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    # As Django's test client does: the test's transaction keeps its connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        body = b"".join(result)
        result.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_head_gets_the_headers_of_get_and_no_body(demo):
    status, headers, body = call("GET", "/")
    head_status, head_headers, head_body = call("HEAD", "/")
    assert status == head_status == "200 OK"
    assert body and head_body == b""
    assert head_headers["Content-Length"] == headers["Content-Length"] == str(len(body))
    assert head_headers["Content-Type"] == headers["Content-Type"]


def test_head_of_a_streamed_response_has_no_body(rf):
    from django.http import StreamingHttpResponse

    from portal.head import HeadWithoutBodyMiddleware

    def get_response(request):
        response = StreamingHttpResponse(iter([b"a,b\r\n", b"1,2\r\n"]))
        response["Content-Length"] = "10"
        return response

    response = HeadWithoutBodyMiddleware(get_response)(rf.head("/api/open-data/ondernemers.csv"))
    assert b"".join(response.streaming_content) == b"" and response["Content-Length"] == "10"
    response = HeadWithoutBodyMiddleware(get_response)(rf.get("/api/open-data/ondernemers.csv"))
    assert b"".join(response.streaming_content) == b"a,b\r\n1,2\r\n"
