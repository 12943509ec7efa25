"""Fill an empty portal with demo content.

Deterministic and idempotent: it only creates what is missing and never overwrites what staff
changed, so running it twice changes nothing. Each app adds its part in its own demo/ package
(home/demo/registry.py).
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import autodiscover_modules

from home.demo.registry import steps

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Vult het portaal met voorbeeldinhoud (deterministisch, twee keer draaien verandert niets)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            nargs="+",
            metavar="APP",
            help="Alleen de voorbeeldinhoud van deze apps (bijvoorbeeld: home).",
        )

    def handle(self, *args, only=None, **options):
        autodiscover_modules("demo")
        available = [name for name, _step in steps()]
        unknown = set(only or []) - set(available)
        if unknown:
            raise CommandError(
                f"Onbekende app(s): {', '.join(sorted(unknown))}. Kies uit: {', '.join(available)}."
            )
        with transaction.atomic():
            for name, step in steps():
                if not only or name in only:
                    step(self.stdout)
            # Fresh planner statistics for what was just added: a database that still believes
            # its tables are empty can pick plans that take seconds instead of milliseconds.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        password = os.environ.get("PORTAL_ADMIN_PASSWORD", "")
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.nl", password)
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        shown = password or "(ongewijzigd; zet PORTAL_ADMIN_PASSWORD om het te kiezen)"
        self.stdout.write(f"Beheer: /admin/ — gebruiker {ADMIN_USERNAME}, wachtwoord {shown}")
