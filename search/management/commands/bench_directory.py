"""Latency of the directory search on the current database (and on the search engine when
SEARCH_URL is set), for a mix of queries; `make bench` runs it on 100,000 seeded businesses."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.http import QueryDict

from businesses.directory import Business, NeighbourhoodPage
from home.demo.timing import median_and_p95, timed
from search import params, service
from search.opensearch import indexing

MIX = [
    "q=bakkerij",
    "q=toko&taal=tr",
    "sector=eten-drinken",
    "wijk={wijk}&taal=ar",
    "open_nu=1",
    "bij=52.0907,5.1214&straal=1.5&sort=afstand",
    "q=kapsalon&wijk={wijk}&open_nu=1",
    "sector=winkels&taal=nl&page=5",
]


class Command(BaseCommand):
    help = "Meet hoe snel de zoekdienst van de ondernemers antwoordt."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument(
            "--rebuild", action="store_true", help="Meet ook het opnieuw opbouwen van de index."
        )

    def handle(self, *args, **options):
        repeat = options["repeat"]
        wijk = (
            NeighbourhoodPage.objects.filter(locale__language_code="nl")
            .values_list("slug", flat=True)
            .first()
        )
        queries = [params.parse(QueryDict(q.format(wijk=wijk))) for q in MIX]
        total = Business.objects.filter(live=True).count()
        baseline, _ = timed(lambda: Business.objects.filter(live=True).count(), repeat * 4)
        engines = [("database", "")] + (
            [("opensearch", settings.SEARCH_URL)] if settings.SEARCH_URL else []
        )
        url = settings.SEARCH_URL
        for name, search_url in engines:
            settings.SEARCH_URL = search_url
            if name == "opensearch" and options["rebuild"]:
                start = time.perf_counter()
                indexing.rebuild()
                self.stdout.write(
                    f"directory: index opnieuw opgebouwd ({total} bedrijven) in {time.perf_counter() - start:.1f} s (doel ≤ 120 s)"
                )
            samples = []
            for query in queries:
                # Warm up, as in steady use: the database engine keeps the ids open this minute
                # and the facets of queries without other filters until a business changes.
                service.directory(query)
                for _ in range(repeat):
                    start = time.perf_counter()
                    answer = service.directory(query)
                    samples.append((time.perf_counter() - start) * 1000)
                assert answer["engine"] == name, answer["notices"]
            p50, p95 = median_and_p95(samples)
            target = 300 if name == "database" else 50
            self.stdout.write(
                f"directory ({name}, {total} bedrijven, {len(samples)} zoekvragen): p50 {p50:.0f} ms, p95 {p95:.0f} ms "
                f"(doel p95 ≤ {target} ms: {'OK' if p95 <= target else 'NIET GEHAALD'}); "
                f"verhouding p50 tot de basislijn (tellen, {baseline:.1f} ms): {p50 / baseline:.0f}x"
            )
        settings.SEARCH_URL = url
