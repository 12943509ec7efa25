"""Moderators see the background tasks (Instellingen → Achtergrondtaken) and may run a failed
one again."""

from django.db import migrations

from home.permissions import MODERATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(
        apps, MODERATORS, "django_tasks_database", ["dbtaskresult"], ("view", "change")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_menu_links_to_paths"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
