from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.opensearch import connection, indexing


class Command(BaseCommand):
    help = "Vergelijk de zoekindex met de database en meld wat ontbreekt of er te veel in staat."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", help="Werk de afwijkende bedrijven bij."
        )

    def handle(self, *args, **options):
        if not settings.SEARCH_URL:
            raise CommandError("SEARCH_URL is leeg: er is geen index om te controleren.")
        try:
            indexed = indexing.indexed_ids()
        except connection.EngineUnavailable as error:
            raise CommandError(f"De zoekmachine is niet bereikbaar: {error}") from error
        live = set(indexing.indexable().values_list("pk", flat=True))
        missing, extra = sorted(live - indexed), sorted(indexed - live)
        self.stdout.write(
            f"In de database: {len(live)}, in de index: {len(indexed)}; ontbreken: {len(missing)}, te veel: {len(extra)}"
        )
        for label, ids in (("ontbreken", missing), ("te veel", extra)):
            if ids:
                self.stdout.write(
                    f"{label}: {', '.join(map(str, ids[:50]))}{' …' if len(ids) > 50 else ''}"
                )
        if options["repair"]:
            for business_id in missing + extra:
                indexing.update(business_id)
            self.stdout.write(f"Bijgewerkt: {len(missing) + len(extra)}")
        elif missing or extra:
            raise SystemExit(1)
