"""Score the directory's search on the query set (search/quality/queries.tsv): recall@10 and
mean reciprocal rank, per engine, on the data in the database (load_demo_data first)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import quality


class Command(BaseCommand):
    help = "Recall@10 and MRR of the directory search on the query set, per engine."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            action="append",
            choices=["database", "opensearch"],
            help="Engine to score (repeatable); default: the database, and OpenSearch when "
            "SEARCH_URL is set.",
        )
        parser.add_argument("--misses", action="store_true", help="List the queries that miss.")

    def handle(self, *args, **options):
        engines = options["engine"] or ["database"] + (
            ["opensearch"] if settings.SEARCH_URL else []
        )
        if "opensearch" in engines and not settings.SEARCH_URL:
            raise CommandError("OpenSearch needs SEARCH_URL.")
        for engine in engines:
            score = quality.evaluate(engine)
            self.stdout.write(quality.report(engine, score))
            if options["misses"]:
                for query, kind, recall, missed in score.misses:
                    self.stdout.write(
                        f"    {recall:4.0%} {kind:<11} {query!r}: {', '.join(missed)}"
                    )
