"""The site's content languages Turkish and Arabic, beside Dutch and English."""

from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("tr", "ar"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_insight_permission"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
