"""Staff translate with wagtail-localize (it replaced Wagtail's simple translation), and Turkish,
English and Arabic show the Dutch pages as aliases until they are translated."""

from django.db import migrations

from home.permissions import STAFF_GROUPS, staff_group


def grant_translate(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    # wagtail-localize's 0006 gives it to groups named "Editors" and "Moderators" only, which
    # ours may no longer be called.
    translate = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for name in STAFF_GROUPS:
        staff_group(apps, name).permissions.add(*translate)
    # The permission of simple translation, which is no longer installed.
    Permission.objects.filter(content_type__app_label="simple_translation").delete()


def sync_from_dutch(apps, schema_editor):
    """Every language follows the Dutch page tree: a page made in Dutch gets an alias in the
    others. The existing tree gets its aliases from `manage.py sync_locale_trees` or the demo
    data; a migration cannot make pages."""
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    dutch = Locale.objects.filter(language_code="nl").first()
    if dutch is None:
        return
    for locale in Locale.objects.exclude(pk=dutch.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": dutch})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_turkish_and_arabic_locales"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(grant_translate, migrations.RunPython.noop),
        migrations.RunPython(sync_from_dutch, migrations.RunPython.noop),
    ]
