"""The two endpoints of every dataset, written once: a JSON list in pages and a CSV download.

An app says what its rows are and how a request chooses them (a Dataset with a `select` that
gives a Selection); publish() registers the datasets for the page /open-data/ and mounts their
endpoints on a router for /api/open-data/. What every dataset shares — reading the query
parameters, paging, the error answers (JSON for the list, plain text for the download), the
licence, the answer's schema and the OpenAPI description — lives here, so that a new dataset
cannot get any of it slightly different.
"""

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ninja import Query, Router, Schema
from pydantic import create_model

from home import open_data
from home.open_data import ERROR_RESPONSES, Licence, OpenDataError, PageParams
from home.open_data.downloads import csv_openapi, csv_response


@dataclass
class Selection:
    """The rows a request chose, read in the two ways the endpoints need: how many, one page
    of them (the JSON list) and all of them, as they stream (the CSV download)."""

    count: Callable[[], int]
    page: Callable[[slice], Iterable]
    stream: Callable[[], Iterator]

    @classmethod
    def of_list(cls, rows):
        """Rows made in full already (a few thousand at most)."""
        return cls(lambda: len(rows), rows.__getitem__, lambda: iter(rows))

    @classmethod
    def of_queryset(cls, queryset, rows_of):
        """The items of `queryset` (ordered by pk: model instances or values() dicts), made
        into rows by `rows_of(list of items)` a page or a chunk at a time."""
        return cls(
            queryset.count,
            lambda part: rows_of(list(queryset[part])),
            lambda: in_chunks(queryset, rows_of),
        )


def in_chunks(queryset, rows_of):
    """Every item of `queryset`, read CSV_CHUNK at a time by pk (keyset, not OFFSET), so a
    download of 100,000 never holds more than one chunk, and each chunk costs the same."""
    last = 0
    while chunk := list(queryset.filter(pk__gt=last)[: open_data.CSV_CHUNK]):
        yield from rows_of(chunk)
        last = chunk[-1]["pk"] if isinstance(chunk[-1], dict) else chunk[-1].pk


class PageAnswer(Schema):
    """What every JSON page says besides its rows (home.open_data.page_answer makes it)."""

    licence: Licence
    count: int
    page: int
    per_page: int
    pages: int
    next: str | None
    previous: str | None


def answer_schema(dataset):
    """The schema of the dataset's JSON answer: a PageAnswer with `results`, a list of rows."""
    return create_model(dataset.answer, __base__=PageAnswer, results=(list[dataset.schema], ...))


def with_signature(view, **query):
    """`view` as django-ninja should read it: (request, <name>: Query[<Schema>], ...), in
    this order. The query parameters are read from those Schemas and documented from them."""
    parameters = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    parameters += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=Query[schema])
        for name, schema in query.items()
        if schema is not None
    ]
    view.__signature__ = inspect.Signature(parameters)
    return view


def chosen(dataset, request, filters):
    """The dataset's Selection for these query parameters (OpenDataError when they are bad)."""
    return dataset.select(request, **(filters.model_dump() if filters is not None else {}))


def mount(router, dataset):
    """The dataset's JSON list at /<key>/ and its CSV download at /<key>.csv."""
    description = f"{dataset.api_description} Licentie: {open_data.LICENCE_TEXT}"
    params = (*(dataset.query.model_fields if dataset.query else ()), *PageParams.model_fields)

    def json_view(request, filters=None, paging=None):
        try:
            selection = chosen(dataset, request, filters)
            current = open_data.page_of(selection.count(), paging.page, paging.per_page)
        except OpenDataError as error:
            return open_data.error_answer(error)
        return open_data.page_answer(request, current, selection.page(current.slice), params)

    def csv_view(request, filters=None):
        try:
            selection = chosen(dataset, request, filters)
        except OpenDataError as error:
            return open_data.error_response(error)
        return csv_response(dataset.key, list(dataset.schema.model_fields), selection.stream())

    router.get(
        f"/{dataset.key}/",
        response={200: answer_schema(dataset), **ERROR_RESPONSES},
        url_name=dataset.json_url_name,
        operation_id=f"{dataset.operation_id}_json",
        summary=f"Open data: {dataset.summary} (JSON, per pagina)",
        description=description + dataset.json_note,
    )(with_signature(json_view, filters=dataset.query, paging=PageParams))
    router.get(
        f"/{dataset.key}.csv",
        url_name=dataset.csv_url_name,
        operation_id=f"{dataset.operation_id}_csv",
        summary=f"Open data: {dataset.summary} (CSV)",
        description=description + dataset.csv_note,
        openapi_extra=csv_openapi("CSV, UTF-8, met een kopregel"),
    )(with_signature(csv_view, filters=dataset.query))


def publish(*datasets):
    """Register `datasets` for the page /open-data/ and serve them: the app's router, which
    its AppConfig.ready() adds to the API under /api/open-data/."""
    router = Router(tags=["Open data"])
    for dataset in datasets:
        open_data.register(dataset)
        mount(router, dataset)
    return router
