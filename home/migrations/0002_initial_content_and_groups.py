"""Locales, the home page in place of Wagtail's welcome page, and the staff groups."""

from django.db import migrations

from home.permissions import (
    EDITORS,
    MODERATORS,
    STAFF_GROUPS,
    ensure_permissions,
    grant_model_permissions,
    staff_group,
)

CONTENT_LANGUAGES = ("nl", "en")


def create_locales(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code="nl")


def create_homepage(apps, locale):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    # The welcome page made by wagtailcore's 0002 migration; its Site goes with it.
    Page.objects.filter(content_type__app_label="wagtailcore", content_type__model="page", depth=2).delete()
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Ondernemers in de wijk",
        draft_title="Ondernemers in de wijk",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        hero_heading="Ondernemers in de wijk",
        calls_to_action="[]",
        body="[]",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": homepage, "site_name": ""},
    )


def set_up_groups(apps):
    Permission = apps.get_model("auth", "Permission")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    ensure_permissions(apps, "wagtailadmin")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    # The permission to translate comes from wagtail-localize, in 0006_translation_with_localize.
    for name in STAFF_GROUPS:
        staff_group(apps, name).permissions.add(*access_admin)

    snippets = ["mainmenu", "footer"]
    grant_model_permissions(apps, EDITORS, "home", snippets, ("add", "change", "view"))
    grant_model_permissions(apps, MODERATORS, "home", snippets, ("add", "change", "delete", "view"))
    grant_model_permissions(apps, MODERATORS, "home", ["portalsettings"], ("change",))

    # Wagtail's default workflow and its task carry the English group name.
    Task.objects.filter(name="Moderators approval").update(name="Goedkeuring door moderatoren")
    Workflow.objects.filter(name="Moderators approval").update(name="Goedkeuring door moderatoren")


def forwards(apps, schema_editor):
    locale = create_locales(apps)
    create_homepage(apps, locale)
    set_up_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0001_squashed_0021"),
        ("wagtaildocs", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
