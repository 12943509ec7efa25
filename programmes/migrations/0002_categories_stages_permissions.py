"""The categories (focus first) and stages the portal's URLs rely on, and staff permissions."""

from django.db import migrations

from home.permissions import EDITORS, MODERATORS, grant_model_permissions

# slug, Dutch, English, focus
CATEGORIES = [
    ("creativiteit", "Creativiteit", "Creativity", True),
    ("innovatie", "Innovatie", "Innovation", True),
    ("digitalisering", "Digitalisering", "Going digital", True),
    ("financiering", "Financiering", "Funding", True),
    ("netwerk", "Netwerk", "Network", True),
    ("mentoring", "Mentoring en coaching", "Mentoring and coaching", True),
    ("vaardigheden", "Vaardigheden en training", "Skills and training", False),
    ("huisvesting", "Huisvesting", "Premises", False),
    ("administratie", "Administratie en vergunningen", "Administration and permits", False),
]
STAGES = [
    ("idee", "Ik heb een idee", "I have an idea"),
    ("starter", "Net begonnen", "Just started"),
    ("groei", "Ik wil groeien", "I want to grow"),
]


def forwards(apps, schema_editor):
    Category = apps.get_model("programmes", "Category")
    Stage = apps.get_model("programmes", "Stage")
    for order, (slug, name_nl, name_en, focus) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "is_focus": focus, "sort_order": order}
        )
    for order, (slug, name_nl, name_en) in enumerate(STAGES):
        Stage.objects.update_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "sort_order": order}
        )
    models = ["provider", "category"]
    grant_model_permissions(apps, EDITORS, "programmes", models, ("add", "change", "view"))
    grant_model_permissions(apps, MODERATORS, "programmes", models, ("add", "change", "delete", "view"))


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
        ("home", "0002_initial_content_and_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
