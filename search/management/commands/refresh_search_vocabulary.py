from django.core.management.base import BaseCommand

from search import vocabulary


class Command(BaseCommand):
    help = (
        "Tel de zoekwoorden van alle gepubliceerde ondernemers opnieuw (search.vocabulary): "
        "na een bulkimport, en elke nacht."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Zoekwoorden: {vocabulary.refresh()}")
