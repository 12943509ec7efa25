"""Look up, in PDOK Locatieserver, every business without coordinates: its row, and its
revision waiting for a moderator. Idempotent: what has a pin (and every pin a person placed)
is left alone, so it can run as often as you like; docs/deploy.md schedules it nightly."""

import time

from django.core.management.base import BaseCommand, CommandError

from businesses import geocoding


class Command(BaseCommand):
    help = "Zoek de plek op de kaart op van elk bedrijf zonder coördinaten (PDOK Locatieserver)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=0, help="Hoogstens zoveel bedrijven.")
        parser.add_argument(
            "--pause",
            type=float,
            default=0.2,
            help="Seconden tussen twee bedrijven, om de gratis dienst niet te overvragen.",
        )

    def handle(self, *args, limit=0, pause=0.2, **options):
        if not geocoding.enabled():
            raise CommandError("PDOK_LOCATIESERVER_URL is leeg: de adreszoeker staat uit.")
        ids = list(geocoding.businesses_without_location().values_list("pk", flat=True))
        if limit:
            ids = ids[:limit]
        counts = {"found": 0, "not_found": 0, "failed": 0, "nothing": 0}
        for number, business_id in enumerate(ids):
            if number and pause:
                time.sleep(pause)
            counts[geocoding.locate_business(business_id)] += 1
        self.stdout.write(
            f"Bekeken: {len(ids)}; gevonden: {counts['found']}, niet gevonden: "
            f"{counts['not_found']}, later opnieuw: {counts['failed']}, niets te doen: {counts['nothing']}"
        )
        if counts["failed"]:
            # A scheduler sees the failure; the next run tries these again.
            raise SystemExit(1)
