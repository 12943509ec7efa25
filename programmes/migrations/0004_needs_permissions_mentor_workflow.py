"""The shared list of needs, staff permissions for mentoring, and moderation of mentor entries."""

from django.db import migrations

from home.permissions import EDITORS, MODERATORS, grant_model_permissions

NEEDS = [
    ("marketing", "Marketing en klanten", "Marketing and customers"),
    ("financien", "Financiën en boekhouding", "Finance and bookkeeping"),
    ("online", "Online verkopen en digitaal", "Online sales and digital"),
    ("vergunningen", "Vergunningen en regels", "Permits and rules"),
    ("personeel", "Personeel", "Staff and HR"),
    ("innovatie", "Product en innovatie", "Product and innovation"),
    ("subsidies", "Subsidies en financiering aanvragen", "Funding applications"),
    ("export", "Export", "Export"),
    ("groei", "Groei en strategie", "Growth and strategy"),
]


def forwards(apps, schema_editor):
    Need = apps.get_model("programmes", "Need")
    for order, (slug, name_nl, name_en) in enumerate(NEEDS):
        Need.objects.update_or_create(slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "sort_order": order})
    models = ["mentor", "municipalcontact", "matchrequest", "mentormatch"]
    grant_model_permissions(apps, EDITORS, "programmes", models, ("add", "change", "view"))
    grant_model_permissions(apps, MODERATORS, "programmes", models + ["need"], ("add", "change", "delete", "view"))
    grant_model_permissions(apps, MODERATORS, "programmes", ["mentor"], ("publish", "lock", "unlock"))

    # Mentor entries edited by mentors themselves go through the moderators' approval.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(active=True, name="Goedkeuring door moderatoren").first()
    if workflow is not None:
        mentor_type, _ = ContentType.objects.get_or_create(app_label="programmes", model="mentor")
        WorkflowContentType.objects.get_or_create(content_type=mentor_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0003_mentoring"),
        ("businesses", "0005_profile_review_workflow"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
