from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.opensearch import connection, indexing


class Command(BaseCommand):
    help = "Bouw de zoekindex van de ondernemers opnieuw op en wissel de alias om (zonder onderbreking)."

    def handle(self, *args, **options):
        if not settings.SEARCH_URL:
            raise CommandError(
                "SEARCH_URL is leeg: de database zoekt zelf, er is geen index om op te bouwen."
            )
        total = indexing.indexable().count()
        try:
            with tqdm(total=total, unit="bedrijf", disable=options["verbosity"] == 0) as bar:
                name, count = indexing.rebuild(progress=bar.update)
        except connection.EngineUnavailable as error:
            raise CommandError(f"De zoekmachine is niet bereikbaar: {error}") from error
        self.stdout.write(
            f"Index {name}: {count} bedrijven; alias {connection.alias()} wijst er nu naar."
        )
