"""Counters for the staff figures: how often something happened per day, nothing about who.

`increment` adds to a row of counts with one statement (INSERT ... ON CONFLICT DO UPDATE, on
SQLite and PostgreSQL alike), so a view or a search costs one short write and two visitors at
the same moment both count. A failing count is logged and never breaks the page.
"""

import logging
import re
from contextlib import nullcontext

from django.db import DatabaseError, connection, transaction

logger = logging.getLogger(__name__)

# Obvious crawlers, link checkers and scripts, by their User-Agent. Browsers always send one,
# so a request without it does not count either.
CRAWLERS = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|monitor|checker|scan|lighthouse|headless"
    r"|facebookexternalhit|curl|wget|python|java/|go-http|httpclient|okhttp|libwww|scrapy",
    re.IGNORECASE,
)


def is_crawler(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent.strip() or CRAWLERS.search(agent) is not None


def counts_as_visit(request):
    """A person looking: a GET from something that is not an obvious crawler."""
    return request.method == "GET" and not is_crawler(request)


def upsert_sql(model, keys, amounts):
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    key_columns = [quote(model._meta.get_field(name).column) for name in keys]
    amount_columns = [quote(model._meta.get_field(name).column) for name in amounts]
    columns = key_columns + amount_columns
    updates = ", ".join(f"{c} = {table}.{c} + EXCLUDED.{c}" for c in amount_columns)
    placeholders = ", ".join(["%s"] * len(columns))
    # Only quoted names of our own models' columns go into the text; the values are parameters.
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
    return f"{insert} ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET {updates}"


def increment(model, keys, **amounts):
    """Add `amounts` ({field: number}) to the row of `model` with these `keys` ({field:
    value}, the fields of a unique constraint), making the row when it is the first."""
    fields = {name: model._meta.get_field(name) for name in [*keys, *amounts]}
    values = [fields[name].get_db_prep_value(value, connection) for name, value in keys.items()]
    values += [int(value) for value in amounts.values()]
    sql = upsert_sql(model, keys, amounts)
    try:
        # Inside a transaction (a test, or a view in atomic()), a failure must not spoil it.
        atomic = transaction.atomic() if connection.in_atomic_block else nullcontext()
        with atomic, connection.cursor() as cursor:
            cursor.execute(sql, values)
    except DatabaseError as error:
        logger.warning("counting %s failed: %s", model._meta.label, error)


def delete_before(model, field, day):
    """Delete the rows whose date `field` is before `day`, in one statement (no signals: a
    queryset's delete would load every row to send them)."""
    quote = connection.ops.quote_name
    column = quote(model._meta.get_field(field).column)
    value = model._meta.get_field(field).get_db_prep_value(day, connection)
    sql = f"DELETE FROM {quote(model._meta.db_table)} WHERE {column} < %s"  # noqa: S608
    try:
        atomic = transaction.atomic() if connection.in_atomic_block else nullcontext()
        with atomic, connection.cursor() as cursor:
            cursor.execute(sql, [value])
            return cursor.rowcount
    except DatabaseError as error:
        logger.warning("deleting old %s failed: %s", model._meta.label, error)
        return 0
