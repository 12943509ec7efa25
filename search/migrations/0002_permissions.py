"""Staff read the feedback on searching; moderators tune synonyms and weights."""

from django.db import migrations

from home.permissions import EDITORS, MODERATORS, grant_model_permissions


def forwards(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "search", ["searchfeedback"], ("view",))
    grant_model_permissions(apps, MODERATORS, "search", ["searchfeedback"], ("view", "change", "delete"))
    grant_model_permissions(apps, MODERATORS, "search", ["searchsettings"], ("change",))


class Migration(migrations.Migration):
    dependencies = [("search", "0001_settings_and_feedback"), ("home", "0002_initial_content_and_groups")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
