"""portal.bulk_index writes the rows Wagtail's own indexer writes (seed_bench uses it)."""

import pytest
from django.db import connection

from businesses.models import Business, BusinessStory
from portal.bulk_index import add_to_text_index, database_backend

pytestmark = pytest.mark.django_db

COLUMNS = (
    "object_id, title::text, autocomplete::text, body::text, title_norm, title_text, body_text"
)


def table():
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    return IndexEntry._meta.db_table


def index_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS} FROM {table()} WHERE object_id IN "  # noqa: S608
            "(SELECT id::text FROM businesses_business) ORDER BY object_id::integer"
        )
        return cursor.fetchall()


# On SQLite add_to_text_index is the backend's own add_bulk: nothing of ours to compare.
@pytest.mark.postgresql
def test_the_same_rows_as_wagtails_indexer(add_business):
    bakery = add_business(
        "Bakkerij İstanbul",
        sectors=["bakkerij"],
        tagline="Vers brood, elke dag",
        story="<p>Sinds 1998 <b>simit</b>.</p>",
    )
    bakery.products.add("simit", "poğaça")
    bakery.save()
    BusinessStory.objects.create(business=bakery, language="tr", text="<p>Taze ekmek</p>")
    add_business("Kapsalon Amal", sectors=["kapper"], house_number=2, tagline="")
    add_business("مخبز الأمل", house_number=3, tagline="خبز طازج")
    businesses = Business.objects.prefetch_related("sectors", "products", "stories")
    backend = database_backend()
    backend.add_bulk(Business, businesses)
    theirs = index_rows()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table()}")  # noqa: S608
    add_to_text_index(backend, Business, businesses)
    assert len(theirs) == 3
    bakery_row = next(row for row in theirs if row[0] == str(bakery.pk))
    assert "simit" in bakery_row[3] and "ekmek" in bakery_row[3]  # products and stories count
    assert index_rows() == theirs
