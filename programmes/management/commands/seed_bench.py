"""Fill the portal fast with synthetic, published data for benchmarks and load tests: businesses
(with sectors, languages and opening hours) in neighbourhoods, programmes and mentors.
Each run adds to what is there. Example, the figures of `make bench`:

    python manage.py seed_bench --businesses 100000 --neighbourhoods 60 --programmes 200 --mentors 2000
"""

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from businesses.bench_data import neighbourhood_pages, seed_businesses
from businesses.models import Language, Sector
from programmes.bench_data import seed_mentors, seed_programmes
from search import vocabulary
from search.database import database_backend


class Command(BaseCommand):
    help = "Maakt snel veel synthetische, gepubliceerde gegevens voor benchmarks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--businesses", type=int, required=True, help="Hoeveel bedrijven erbij komen."
        )
        parser.add_argument(
            "--neighbourhoods", type=int, default=6, help="Over hoeveel wijken (standaard 6)."
        )
        parser.add_argument(
            "--programmes", type=int, default=0, help="Hoeveel programma's erbij komen."
        )
        parser.add_argument("--mentors", type=int, default=0, help="Hoeveel mentoren erbij komen.")
        parser.add_argument(
            "--seed", type=int, default=2026, help="Startgetal voor het toeval (standaard 2026)."
        )

    def handle(self, *args, businesses, neighbourhoods, programmes, mentors, seed, **options):
        if businesses < 1 or neighbourhoods < 1 or programmes < 0 or mentors < 0:
            raise CommandError(
                "--businesses en --neighbourhoods moeten groter dan 0 zijn, "
                "--programmes en --mentors niet negatief."
            )
        if (
            not Sector.objects.filter(parent__isnull=False).exists()
            or not Language.objects.exists()
        ):
            raise CommandError("Er zijn geen sectoren of talen; draai eerst de migraties.")
        rng = random.Random(seed)
        pages = neighbourhood_pages(neighbourhoods)
        with self.progress(businesses, "bedrijven") as progress:
            seed_businesses(rng, businesses, pages, database_backend(), progress)
        with self.progress(programmes, "programma's") as progress:
            seed_programmes(rng, programmes, progress)
        with self.progress(mentors, "mentoren") as progress:
            seed_mentors(rng, mentors, progress)
        vocabulary.refresh()
        # Fresh statistics, as a database in use would have: without them the planner may join
        # the full-text index or the facets the slow way round.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{businesses} bedrijven gemaakt in {len(pages)} wijken, "
                f"{programmes} programma's, {mentors} mentoren."
            )
        )

    def progress(self, total, unit):
        # A line every few seconds, not at every step, when the output goes to a log.
        return tqdm(
            total=total,
            unit=f" {unit}",
            desc="seed_bench",
            file=self.stdout,
            disable=not total,
            mininterval=0.1 if self.stdout.isatty() else 5,
        )
