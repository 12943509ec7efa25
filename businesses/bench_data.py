"""Many synthetic, published businesses, made fast, for benchmarks and load tests
(`manage.py seed_bench`, in programmes, which adds programmes and mentors).

Bulk inserts in batches (no revisions, no search indexing per object); each batch is then added
to Wagtail's database search index in one go, as the directory's database engine searches text
there.
"""

from decimal import Decimal
from itertools import islice

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

BATCH = 2000
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
    """Add `count` published businesses spread over `pages`, each batch in one transaction."""
    sector_ids = list(Sector.objects.filter(parent__isnull=False).values_list("id", flat=True))
    language_ids = list(Language.objects.values_list("id", flat=True))
    weeks = [hours.parse_weekly_text(text) for text in WEEKS]
    start = Business.objects.filter(slug__startswith="bench-").count()
    now = timezone.now()
    for chunk in batches(range(start, start + count), BATCH):
        with transaction.atomic():
            created = Business.objects.bulk_create(
                [business(rng, number, pages, now) for number in chunk]
            )
            relations(rng, created, sector_ids, language_ids, weeks)
            text_index.add_bulk(
                Business,
                Business.objects.filter(pk__in=[b.pk for b in created]).prefetch_related(
                    "sectors", "products", "stories"
                ),
            )
        progress.update(len(chunk))


def neighbourhood_pages(count):
    """The first `count` neighbourhoods in the default language, adding bench ones if needed."""
    home = Site.objects.get(is_default_site=True).root_page
    index = NeighbourhoodIndexPage.objects.child_of(home).first()
    if index is None:
        index = NeighbourhoodIndexPage(title="Wijken", slug="wijken", locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
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
    # Plain executemany: building hundreds of thousands of small model instances would cost
    # more than the inserts themselves.
    sectors, languages, opening_hours = [], [], []
    for made in created:
        sectors += [(made.pk, sector_id) for sector_id in rng.sample(sector_ids, rng.randint(1, 2))]
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


def insert(model, columns, rows):
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)  # noqa: S608
