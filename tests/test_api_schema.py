"""The JSON API keeps to its own OpenAPI schema: schemathesis reads /api/openapi.json from the
app and sends every operation values the schema allows and values it does not (a bounded,
derandomized number per operation), through the WSGI app on the whole demo. Whatever it sends,
the answer is no server error, has a status code the schema documents, and has the content type
and body the schema describes for that status."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from portal.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Read from the app when the tests are collected (Django is set up by then; making the schema
# needs no database), so every operation it lists is a test of its own.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
OPERATIONS = [
    (method.upper(), path)
    for path, operations in schema.raw_schema["paths"].items()
    for method in operations
]


def keeps_to_the_schema(operation):
    """Hypothesis runs the operation with values the schema allows and values it does not."""
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=25,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


# One test for all operations, written out rather than with `@schema.parametrize()`: the whole
# demo is restored once, not once per operation; and under pytest 9 that decorator's items all
# get the same node id (pytest-xdist then mixes them up), and its `from_fixture` fails on the
# node's `_nodeid`, which pytest 9 no longer has.
@pytest.fixture
def connection_kept():
    """What Django's test client does: a request through the WSGI app must not close the test's
    database connection at its start or end (close_old_connections). The test runs inside a
    transaction, whose autocommit differs from the setting, so Django would close it; on
    PostgreSQL the next request then meets a closed connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema(full_demo, connection_kept):
    assert len(OPERATIONS) >= 8, OPERATIONS
    failures = {}
    for method, path in OPERATIONS:
        try:
            keeps_to_the_schema(schema[path][method])
        except Exception as failure:
            failures[f"{method} {path}"] = failure
    report = "\n\n".join(f"{operation}:\n{failure}" for operation, failure in failures.items())
    assert not failures, f"{len(failures)} operations do not keep to the schema:\n{report}"


def test_the_schema_says_what_the_open_data_parameters_take(client):
    """The parameters the views check themselves are declared as what they accept, not as
    free text: page numbers, page sizes, neighbourhood slugs and months."""
    schema = client.get("/api/openapi.json").json()
    parameters = {
        (path, parameter["name"]): parameter["schema"]
        for path, operations in schema["paths"].items()
        for parameter in operations["get"].get("parameters", [])
    }
    page = parameters[("/api/open-data/ondernemers/", "page")]
    assert (page["type"], page["minimum"]) == ("integer", 1)
    per_page = parameters[("/api/open-data/programmas/", "per_page")]
    assert (per_page["type"], per_page["minimum"], per_page["maximum"]) == ("integer", 1, 1000)
    assert parameters[("/api/open-data/wijkcijfers.csv", "wijk")]["pattern"] == "^[a-z0-9-]+$"
    month = parameters[("/api/open-data/wijkcijfers/", "van")]["pattern"]
    assert month == parameters[("/api/open-data/wijkcijfers/", "tot")]["pattern"]
    directory_page = parameters[("/api/directory/", "page")]
    assert (directory_page["type"], directory_page["maximum"]) == ("integer", 500)
    assert parameters[("/api/directory/", "wijk")]["items"]["pattern"] == "^[a-z0-9-]+$"


@pytest.mark.parametrize("value", ["²", "٣", "１", "1.0", "0", "-1", "1000000000"])
def test_a_page_number_is_ascii_digits_from_1(client, demo, value):
    """str.isdigit() took "²" (a server error: int() refuses it) and Arabic-Indic digits,
    which the schema's integer does not describe: both are a 400 in the portal's words now."""
    response = client.get("/api/open-data/programmas/", {"page": value})
    assert response.status_code == 400
    assert "page moet een heel getal vanaf 1 zijn" in response.json()["detail"]


@pytest.mark.parametrize("value", ["٢٠٢٦-٠٣", "2026-3", "1899-12", "2026-13", "2026-00"])
def test_a_month_is_written_as_the_schema_says(client, demo, value):
    response = client.get("/api/open-data/wijkcijfers/", {"van": value})
    assert response.status_code == 400
    assert "van moet een maand zijn als 2026-03" in response.json()["detail"]
