"""Put tasks back in the queue whose worker was killed while running them (a `kill -9`, a
machine that went down): their rows would say "running" for ever. Safe to run at any time and
twice: a task still being worked on is younger than TASK_STALLED_MINUTES and is left alone.
Run it from cron (docs/deploy.md)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from portal import tasks


class Command(BaseCommand):
    help = "Zet achtergrondtaken van een gestopte worker terug in de wachtrij."

    def handle(self, *args, **options):
        count = tasks.requeue_stalled(timedelta(minutes=settings.TASK_STALLED_MINUTES))
        if options["verbosity"]:
            self.stdout.write(f"Weer in de wachtrij: {count}")
