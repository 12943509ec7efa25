"""Remind whoever holds up a match request (staff, the mentor or both sides). Run it daily from
cron or a systemd timer; it only reminds again after the same number of days."""

from django.core.management.base import BaseCommand

from programmes.mentoring.progress import send_reminders


class Command(BaseCommand):
    help = "Stuur herinneringen voor mentoraanvragen die te lang op een stap wachten."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Herinneringen verstuurd: {sent}")
