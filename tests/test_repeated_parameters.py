"""Bounded input (issue 15): a list parameter repeated a thousand times costs what it costs once.

The public lists and APIs take each value of a parameter that may repeat once, and at most
20 of them (portal.parameters). So `?wijk=lombok` a thousand times gives the same answer as
once, with the same SQL statements and the same number of SQL parameters, and a thousand
different values cost what twenty do. How long a request takes is never measured here: the SQL
is what grew with the input (990 values of `wijk` made SQLite give up after seconds).
"""

import json
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict

from portal.parameters import MAX_VALUES, distinct
from programmes.filters import ProgrammeFilter
from search import params

REPEATS = 1000  # DATA_UPLOAD_MAX_NUMBER_FIELDS: the most fields a query string may hold

# (path, parameter, a value that finds something in the demo)
CASES = [
    ("/programmas/", "wijk", "lombok"),
    ("/programmas/", "categorie", "creativiteit"),
    ("/wijken/lombok/", "sector", "eten-drinken"),
    ("/wijken/lombok/", "taal", "tr"),
    ("/ondernemers/", "taal", "tr"),
    ("/api/directory/", "wijk", "lombok"),
    ("/api/open-data/ondernemers/", "wijk", "lombok"),
    ("/api/open-data/ondernemers.csv", "wijk", "lombok"),
    ("/api/open-data/wijkcijfers/", "wijk", "lombok"),
    ("/api/open-data/wijkcijfers.csv", "wijk", "lombok"),
]


@pytest.fixture
def site(full_demo, settings):
    settings.SEARCH_URL = ""  # the directory on its database engine
    return full_demo


@contextmanager
def statements():
    """Every SQL statement sent: its text with placeholders and its number of parameters."""
    sent = []

    def record(execute, sql, sql_params, many, context):
        sent.append((sql, len(sql_params or ())))
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(record):
        yield sent


def get(client, path, values):
    """The response to `values` ({parameter: [value, ...]}) and its body."""
    response = client.get(f"{path}?{urlencode(values, doseq=True)}")
    return response, b"".join(
        response.streaming_content
    ) if response.streaming else response.content


def fetch(client, path, values):
    """What `path` answers to `values`, and the SQL it sent."""
    with statements() as sent:
        response, body = get(client, path, values)
    assert response.status_code == 200, path
    return answer(response, body), sent


def answer(response, body):
    """The results, facets and counts, without the links that repeat the query string."""
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(body)
        for link in ("next", "previous"):
            data.pop(link, None)
        return data
    if response.context is None:  # a CSV file
        return body
    keys = ["programmes", "filter_groups", "businesses", "facets", "total", "answer"]
    return {key: response.context.get(key) for key in keys}


def assert_same_cost(once, repeated):
    assert len(repeated) == len(once)  # queries
    assert sum(n for _sql, n in repeated) == sum(n for _sql, n in once)  # SQL parameters
    assert sum(len(sql) for sql, _n in repeated) == sum(len(sql) for sql, _n in once)
    assert repeated == once


@pytest.mark.parametrize(("path", "name", "value"), CASES)
def test_a_value_repeated_a_thousand_times_costs_what_it_costs_once(
    client, site, path, name, value
):
    fetch(client, path, {name: [value]})  # fills what is cached
    found, once = fetch(client, path, {name: [value]})
    assert found != answer(*get(client, path, {name: ["onbekend"]}))  # it finds something
    repeated_found, repeated = fetch(client, path, {name: [value] * REPEATS})
    assert repeated_found == found
    assert_same_cost(once, repeated)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/programmas/", "sector"),
        ("/wijken/lombok/", "taal"),
        ("/ondernemers/", "wijk"),
        ("/api/directory/", "sector"),
    ],
)
def test_a_thousand_different_values_cost_what_the_first_twenty_do(client, site, path, name):
    values = [f"onbekend-{n}" for n in range(REPEATS)]
    fetch(client, path, {name: values[:MAX_VALUES]})
    found, first = fetch(client, path, {name: values[:MAX_VALUES]})
    all_found, everything = fetch(client, path, {name: values})
    assert all_found == found
    assert_same_cost(first, everything)


def test_values_count_once_in_the_order_they_came_up_to_the_cap():
    assert distinct(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
    assert distinct(str(n % 30) for n in range(10_000)) == [str(n) for n in range(MAX_VALUES)]
    query = QueryDict("taal=xx&taal=xx&taal=tr&taal=xx&taal=nl")
    assert params.parse(query).taal == ["xx", "tr", "nl"]
    # Twenty repeats of one value leave room for the next one (not twenty raw values).
    assert params.parse(QueryDict("taal=xx&" * 30 + "taal=tr")).taal == ["xx", "tr"]


def test_a_filter_takes_each_value_once(site):
    query = QueryDict("&".join(["wijk=lombok"] * (REPEATS - 2) + ["wijk=zuilen", "fase=idee"]))
    filterset = ProgrammeFilter(query, queryset=None)
    assert filterset.form.is_valid(), filterset.form.errors
    assert filterset.form.cleaned_data["wijk"] == ["lombok", "zuilen"]


def test_the_directory_keeps_a_value_after_repeats_of_another(client, site):
    once, _sent = fetch(client, "/api/directory/", {"taal": ["xx", "tr"]})
    repeated, _sent = fetch(client, "/api/directory/", {"taal": ["xx"] * 30 + ["tr"]})
    assert repeated == once


def test_more_fields_than_django_reads_are_a_bad_request_not_an_error(client, site):
    for path in ("/programmas/", "/api/directory/", "/api/open-data/ondernemers/"):
        response = client.get(f"{path}?" + "&".join(["wijk=lombok"] * (REPEATS + 1)))
        assert response.status_code == 400, path
