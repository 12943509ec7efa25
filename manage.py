#!/usr/bin/env python
"""Django's command-line utility for the portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as exc:
        # A wrong DATABASE_URL or a database that is down: one line, not a traceback wall.
        sys.exit(f"Databasefout: {exc}".strip() + " (controleer DATABASE_URL)")


if __name__ == "__main__":
    main()
