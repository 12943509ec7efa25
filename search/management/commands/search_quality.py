"""Score the directory's search on the query set (search/quality/queries.tsv): recall@10 and
mean reciprocal rank, per engine, on the data in the database (load_demo_data first)."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

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
        parser.add_argument("--json", metavar="FILE", help="Also write the figures to FILE.")

    def handle(self, *args, **options):
        engines = options["engine"] or ["database"] + (
            ["opensearch"] if settings.SEARCH_URL else []
        )
        if "opensearch" in engines and not settings.SEARCH_URL:
            raise CommandError("OpenSearch needs SEARCH_URL.")
        figures = {}
        for engine in engines:
            score = quality.evaluate(engine)
            self.stdout.write(quality.report(engine, score))
            figures[engine] = {
                "database": connection.vendor,
                "queries": score.queries,
                "recall_at_10": round(score.recall, 4),
                "mrr": round(score.mrr, 4),
                "by_kind": {
                    kind: {"recall_at_10": round(r, 4), "mrr": round(m, 4), "queries": n}
                    for kind, (r, m, n) in score.by_kind.items()
                },
            }
            if options["misses"]:
                for query, kind, recall, missed in score.misses:
                    self.stdout.write(
                        f"    {recall:4.0%} {kind:<11} {query!r}: {', '.join(missed)}"
                    )
        if options["json"]:
            with open(options["json"], "w", encoding="utf-8") as out:
                json.dump(figures, out, indent=2, ensure_ascii=False)
