"""Fill the portal fast with synthetic, published data for benchmarks and load tests: businesses
(with sectors, languages and opening hours) in neighbourhoods, programmes and mentors.
Each run adds to what is there. Each app adds its part as a step in its demo/bench.py
(home/demo/registry.py). Example, the figures of `make bench`:

    python manage.py seed_bench --businesses 100000 --neighbourhoods 60 --programmes 200 --mentors 2000
"""

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.module_loading import autodiscover_modules
from tqdm import tqdm

from home.demo.registry import bench_steps


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
        autodiscover_modules("demo.bench")
        rng = random.Random(seed)
        options = {"businesses": businesses, "neighbourhoods": neighbourhoods}
        options |= {"programmes": programmes, "mentors": mentors}
        made = [step(options, rng, self.progress) for _name, step in bench_steps()]
        # Fresh statistics, as a database in use would have: without them the planner may join
        # the full-text index or the facets the slow way round.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS("Gemaakt: " + ", ".join(part for part in made if part) + ".")
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
