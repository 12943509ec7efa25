"""Many objects into Wagtail's database search index at once, for `seed_bench`.

On PostgreSQL, Wagtail's indexer (modelsearch) builds a Django expression per text per object
and compiles each into SQL: for 100,000 businesses that was most of seed_bench's eleven
minutes. add_to_text_index writes the same rows (the same tsvectors, which PostgreSQL builds
from the same texts with the same weights and configurations, and the same plain texts for the
fuzzy search) from one reading of each object's search fields and a fixed piece of SQL per text.
tests/search/test_bulk_index.py checks that the rows equal the backend's own. Elsewhere
(SQLite) it is the backend's own add_bulk.
"""

from django.conf import settings
from django.db import connection
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backend

ROWS_PER_STATEMENT = 1000


def database_backend():
    """Wagtail's database backend: "default" without a search engine, else kept beside it."""
    name = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(name)


def vector(texts, config):
    """SQL and parameters of the tsvector modelsearch's ObjectIndexer.as_vector makes."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "to_tsvector(COALESCE(%s, ''))", [""]
    # The weight is one of the letters A to D (modelsearch's get_weight), never typed text.
    template = "setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), '{}')"
    if config is None:
        template = "setweight(to_tsvector(COALESCE(%s, '')), '{}')"
    sql, params = [], []
    for text, weight in texts:
        assert weight in "ABCD", weight
        sql.append(template.format(weight))
        params += [config, text] if config is not None else [text]
    return "(" + " || ".join(sql) + ")", params


def plain(texts):
    """The plain text of title_text and body_text."""
    return " ".join(text.strip() for text, _weight in texts if text.strip())


def add_to_text_index(backend, model, objects):
    """Add `objects` (a queryset with its search fields' relations prefetched) to `backend`,
    Wagtail's database search backend."""
    index = backend.get_index_for_model(model)
    if connection.vendor != "postgresql" or not hasattr(index, "_refresh_title_norms"):
        backend.add_bulk(model, objects)
        return

    content_type = get_content_type_pk(model)
    search_fields = model.get_search_fields()
    rows = []
    for obj in objects:
        indexer = ObjectIndexer(obj, backend)
        title, body, autocomplete = [], [], []
        for search_field in search_fields:
            for field, weight, value in indexer.prepare_field(obj, search_field):
                if isinstance(field, AutocompleteField):
                    autocomplete.append((value, weight))
                elif isinstance(field, SearchField):
                    (title if field.field_name == "title" else body).append((value, weight))
        row = [content_type, indexer.id]
        sql = []
        for texts, config in (
            (title, indexer.config),
            (autocomplete, indexer.autocomplete_config),
            (body, indexer.config),
        ):
            part, values = vector(texts, config)
            sql.append(part)
            row += values
        rows.append(
            (
                f"(%s, %s, {sql[0]}, {sql[1]}, {sql[2]}, 1.0, %s, %s)",
                [*row, plain(title), plain(body)],
            )
        )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            part = rows[start : start + ROWS_PER_STATEMENT]
            sql = ", ".join(row for row, _params in part)
            params = [value for _row, values in part for value in values]
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608
                "autocomplete, body, title_norm, title_text, body_text) "
                f"VALUES {sql} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
    index._refresh_title_norms()
