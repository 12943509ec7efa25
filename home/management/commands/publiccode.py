"""Print publiccode.yml with this installation's repository and contact (home/publiccode.py),
for the root of the repository: `manage.py publiccode > publiccode.yml`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.publiccode import render_publiccode


class Command(BaseCommand):
    help = "Schrijft publiccode.yml met de repository en het contact van deze installatie."

    def handle(self, *args, **options):
        if not settings.PUBLICCODE_URL:
            raise CommandError("Zet PUBLICCODE_URL (en PUBLICCODE_CONTACT_NAME) eerst.")
        self.stdout.write(render_publiccode(), ending="")
