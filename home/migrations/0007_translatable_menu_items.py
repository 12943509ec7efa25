"""Menu items and footer links become translatable (TranslatableMixin), so that staff
translate their texts with the menu or footer in wagtail-localize. The fields are added empty
and filled here; 0008 makes them required (PostgreSQL will not alter a table with updates
pending in the same transaction)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    for model_name, parent in (("MainMenuItem", "menu"), ("FooterLink", "footer")):
        model = apps.get_model("home", model_name)
        for item in model.objects.select_related(parent):
            item.locale_id = getattr(item, parent).locale_id
            item.translation_key = uuid.uuid4()
            item.save(update_fields=["locale", "translation_key"])


def link_translations(apps, schema_editor):
    """The demo used to make each language's menu and footer on its own; with one of each per
    language, they become translations of the Dutch one (one translation key), so that
    wagtail-localize does not offer to translate them again."""
    for model_name in ("MainMenu", "Footer"):
        model = apps.get_model("home", model_name)
        objects = list(model.objects.select_related("locale"))
        if len({o.locale_id for o in objects}) != len(objects):
            continue  # more than one in some language: leave them to staff
        dutch = next((o for o in objects if o.locale.language_code == "nl"), None)
        if dutch is not None:
            model.objects.exclude(pk=dutch.pk).update(translation_key=dutch.translation_key)


def locale_field():
    return models.ForeignKey(
        null=True,
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_translation_with_localize"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AddField(model_name="footerlink", name="locale", field=locale_field()),
        migrations.AddField(
            model_name="footerlink",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(model_name="mainmenuitem", name="locale", field=locale_field()),
        migrations.AddField(
            model_name="mainmenuitem",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(link_translations, migrations.RunPython.noop),
    ]
