"""Many synthetic, published businesses, made fast, for benchmarks and load tests
(the businesses step of `manage.py seed_bench`).

Bulk inserts (no revisions, no signals, no search indexing per object): on PostgreSQL with COPY
and ids taken from the table's sequence beforehand, elsewhere with bulk_create. Once all are in,
Wagtail's database search index (the directory's database engine searches text there) is filled
in large batches: on PostgreSQL with the very rows its own indexer writes, built as plain SQL
(portal.bulk_index). The search engine's index is rebuilt in bulk afterwards
(`rebuild_directory_index`; `bench_directory --rebuild` in `make bench`).
"""

from decimal import Decimal
from itertools import islice

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Site

from businesses import hours
from businesses.models import (
    Business,
    Language,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    OpeningHours,
    Sector,
)
from home.demo.registry import bench_step
from portal.bulk_index import add_to_text_index, database_backend

BATCH = 2000  # businesses drawn at a time: the random draws, and so the data, depend on it
INSERT_BATCH = 20000  # rows sent in one COPY or bulk insert
INDEX_BATCH = 5000  # businesses added to the text index at a time
WEEKS = [
    "ma 09:00-18:00; di 09:00-18:00; wo 09:00-18:00; do 09:00-18:00; vr 09:00-18:00; za 09:00-17:00",
    "di 16:00-22:30; wo 16:00-22:30; do 16:00-22:30; vr 16:00-01:00; za 14:00-01:00; zo 14:00-22:00",
    "ma 08:00-00:00; di 08:00-00:00; wo 08:00-00:00; do 08:00-00:00; vr 08:00-00:00; za 08:00-00:00; zo 10:00-00:00",
    "ma 09:00-12:30, 13:30-17:00; di 09:00-12:30, 13:30-17:00; do 09:00-12:30, 13:30-17:00; vr 09:00-12:30",
]
WORDS = [
    "Atelier",
    "Bakkerij",
    "Toko",
    "Kapsalon",
    "Eethuis",
    "Studio",
    "Winkel",
    "Werkplaats",
    "Salon",
    "Markt",
]
NAMES = [
    "Noor",
    "Anatolia",
    "Sahel",
    "Lotus",
    "Oranje",
    "Zuid",
    "Amal",
    "Kanaal",
    "Horizon",
    "Mozaïek",
    "Tulp",
    "Ceder",
]


def batches(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def seed_businesses(rng, count, pages, text_index, progress):
    """Add `count` published businesses spread over `pages`, then add them to `text_index`
    (Wagtail's database search backend) in bulk. All in one transaction."""
    sector_ids = list(Sector.objects.filter(parent__isnull=False).values_list("id", flat=True))
    sectors = Sector.objects.select_related("parent").in_bulk(sector_ids)
    language_ids = list(Language.objects.values_list("id", flat=True))
    weeks = [hours.parse_weekly_text(text) for text in WEEKS]
    start = Business.objects.filter(slug__startswith="bench-").count()
    now = timezone.now()
    created = []
    with transaction.atomic():
        for chunk in batches(range(start, start + count), BATCH):
            # The same draws in the same order as always: the names and places first, then
            # the relations of the chunk.
            made = [business(rng, number, pages, now) for number in chunk]
            insert_objects(Business, made)
            chosen = relations(rng, made, sector_ids, language_ids, weeks)
            for business_made in made:
                # Their search fields' relations, in memory (modelcluster), as just inserted:
                # the index reads no business back.
                business_made.sectors = [sectors[pk] for pk in chosen[business_made.pk]]
                business_made.tagged_items = []
                business_made.stories = []
            created += made
            progress.update(len(chunk))
        for part in batches(created, INDEX_BATCH):
            add_to_text_index(text_index, Business, part)


def index_page(page_class, title, slug):
    """The default site's first `page_class` page under its home page, published if it is new."""
    home = Site.objects.get(is_default_site=True).root_page
    index = page_class.objects.child_of(home).first()
    if index is None:
        index = page_class(title=title, slug=slug, locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def neighbourhood_pages(count):
    """The first `count` neighbourhoods in the default language, adding bench ones if needed."""
    index = index_page(NeighbourhoodIndexPage, "Wijken", "wijken")
    pages = list(NeighbourhoodPage.objects.child_of(index).order_by("pk")[:count])
    for number in range(len(pages), count):
        page = NeighbourhoodPage(
            title=f"Testwijk {number + 1:02d}",
            slug=f"testwijk-{number + 1:02d}",
            district="Test",
            latitude=Decimal("52.0907") + Decimal(number % 8) / 100 - Decimal("0.04"),
            longitude=Decimal("5.1214") + Decimal(number // 8) / 100 - Decimal("0.04"),
            locale=index.locale,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def business(rng, number, pages, now):
    page = pages[number % len(pages)]
    return Business(
        name=f"{rng.choice(WORDS)} {rng.choice(NAMES)} {number}",
        slug=f"bench-{number}",
        neighbourhood=page,
        tagline="Een bedrijf voor de benchmark.",
        story="<p>Synthetische gegevens voor metingen.</p>",
        street="Teststraat",
        house_number=number % 400 + 1,
        postcode="3511 AB",
        city="Utrecht",
        latitude=Decimal(f"{float(page.latitude) + rng.uniform(-0.004, 0.004):.6f}"),
        longitude=Decimal(f"{float(page.longitude) + rng.uniform(-0.006, 0.006):.6f}"),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        live_revision=None,
    )


def relations(rng, created, sector_ids, language_ids, weeks):
    # Plain rows (COPY on PostgreSQL): building hundreds of thousands of small model instances
    # would cost more than the inserts themselves.
    sectors, languages, opening_hours = [], [], []
    chosen = {}
    for made in created:
        chosen[made.pk] = rng.sample(sector_ids, rng.randint(1, 2))
        sectors += [(made.pk, sector_id) for sector_id in chosen[made.pk]]
        languages += [
            (made.pk, language_id) for language_id in rng.sample(language_ids, rng.randint(1, 3))
        ]
        opening_hours += [
            (made.pk, day, r.opens.isoformat(), r.closes.isoformat())
            for day, ranges in rng.choice(weeks).items()
            for r in ranges
        ]
    insert(Business.sectors.through, ["business_id", "sector_id"], sectors)
    insert(Business.languages.through, ["business_id", "language_id"], languages)
    insert(OpeningHours, ["business_id", "weekday", "opens", "closes"], opening_hours)
    return chosen  # {business id: its sector ids}


def insert(model, columns, rows):
    """Plain rows into a table: COPY on PostgreSQL, executemany elsewhere."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for part in batches(rows, INSERT_BATCH):
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in part:
                        copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)  # noqa: S608


def insert_objects(model, objects):
    """Insert unsaved model instances and give them their ids, sending no signals (as
    bulk_create). On PostgreSQL: the ids from the table's sequence, then one COPY of every
    column, a few times faster than bulk_create's INSERT."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=500)
        return
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objects)],
        )
        for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = pk
    fields = meta.concrete_fields
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
        for obj in objects
    ]
    insert(model, [field.column for field in fields], rows)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


@bench_step(order=10)
def seed(options, rng, progress):
    """seed_bench's businesses: `options["businesses"]` over `options["neighbourhoods"]`."""
    if not Sector.objects.filter(parent__isnull=False).exists() or not Language.objects.exists():
        raise CommandError("Er zijn geen sectoren of talen; draai eerst de migraties.")
    pages = neighbourhood_pages(options["neighbourhoods"])
    with progress(options["businesses"], "bedrijven") as bar:
        seed_businesses(rng, options["businesses"], pages, database_backend(), bar)
    return f"{options['businesses']} bedrijven in {len(pages)} wijken"
