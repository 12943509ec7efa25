"""Starting lists of sectors and languages (staff keep them afterwards), staff permissions on
the businesses app, and Wagtail's moderation workflow for business profiles."""

from django.db import migrations

from home.permissions import EDITORS, MODERATORS, grant_model_permissions

# (slug, Dutch, English, [(slug, Dutch, English), ...])
SECTORS = [
    ("eten-drinken", "Eten & drinken", "Food & drink", [
        ("bakkerij", "Bakkerij", "Bakery"),
        ("restaurant", "Restaurant", "Restaurant"),
        ("eethuis-afhaal", "Eethuis & afhaal", "Takeaway"),
        ("cafe-koffie", "Café & koffie", "Café & coffee"),
        ("slagerij", "Slagerij", "Butcher"),
        ("catering", "Catering", "Catering"),
    ]),
    ("winkels", "Winkels", "Shops", [
        ("supermarkt-toko", "Supermarkt & toko", "Supermarket & grocery"),
        ("groente-fruit", "Groente & fruit", "Greengrocer"),
        ("kleding-stoffen", "Kleding & stoffen", "Clothing & fabrics"),
        ("telefoon-elektronica", "Telefoon & elektronica", "Phones & electronics"),
        ("huishouden", "Huishoudwinkel", "Household goods"),
        ("juwelier", "Juwelier", "Jeweller"),
        ("bloemen", "Bloemen & planten", "Florist"),
    ]),
    ("diensten", "Diensten", "Services", [
        ("kapper", "Kapper & barbier", "Hairdresser & barber"),
        ("schoonheid", "Schoonheidssalon", "Beauty salon"),
        ("reparatie", "Reparatie", "Repairs"),
        ("kleermaker", "Kleermaker & naaiatelier", "Tailor"),
        ("reisbureau", "Reisbureau", "Travel agency"),
        ("rijschool", "Rijschool", "Driving school"),
    ]),
    ("creatief", "Creatief", "Creative", [
        ("ontwerpstudio", "Ontwerpstudio", "Design studio"),
        ("fotografie", "Fotografie", "Photography"),
        ("kunst-galerie", "Kunst & galerie", "Art & gallery"),
        ("muziek-media", "Muziek & media", "Music & media"),
    ]),
    ("ambacht", "Ambacht", "Crafts", [
        ("meubels-hout", "Meubels & houtwerk", "Furniture & woodwork"),
        ("keramiek", "Keramiek", "Ceramics"),
        ("schoenmaker", "Schoenmaker", "Cobbler"),
    ]),
    ("zorg-welzijn", "Zorg & welzijn", "Care & wellbeing", [
        ("kinderopvang", "Kinderopvang", "Childcare"),
        ("fysiotherapie", "Fysiotherapie", "Physiotherapy"),
        ("thuiszorg", "Thuiszorg", "Home care"),
    ]),
    ("zakelijke-dienstverlening", "Zakelijke dienstverlening", "Business services", [
        ("administratie-boekhouding", "Administratie & boekhouding", "Accounting"),
        ("vertalen-tolken", "Vertalen & tolken", "Translation & interpreting"),
        ("ict-webdesign", "ICT & webdesign", "IT & web design"),
    ]),
]  # fmt: skip

# (ISO 639 code, Dutch, English, in the language itself)
LANGUAGES = [
    ("nl", "Nederlands", "Dutch", "Nederlands"),
    ("en", "Engels", "English", "English"),
    ("tr", "Turks", "Turkish", "Türkçe"),
    ("ar", "Arabisch", "Arabic", "العربية"),
    ("ber", "Tamazight (Berbers)", "Tamazight (Berber)", "Tamaziɣt"),
    ("zh", "Chinees", "Chinese", "中文"),
    ("pap", "Papiaments", "Papiamento", "Papiamentu"),
    ("srn", "Sranantongo", "Sranan Tongo", "Sranantongo"),
    ("pl", "Pools", "Polish", "Polski"),
    ("bg", "Bulgaars", "Bulgarian", "Български"),
    ("ro", "Roemeens", "Romanian", "Română"),
    ("so", "Somalisch", "Somali", "Soomaali"),
    ("ti", "Tigrinya", "Tigrinya", "ትግርኛ"),
    ("fa", "Perzisch", "Persian", "فارسی"),
    ("prs", "Dari", "Dari", "دری"),
    ("ps", "Pasjtoe", "Pashto", "پښتو"),
    ("ur", "Urdu", "Urdu", "اردو"),
    ("hi", "Hindi", "Hindi", "हिन्दी"),
    ("ta", "Tamil", "Tamil", "தமிழ்"),
    ("ku", "Koerdisch", "Kurdish", "Kurdî"),
    ("es", "Spaans", "Spanish", "Español"),
    ("pt", "Portugees", "Portuguese", "Português"),
    ("fr", "Frans", "French", "Français"),
    ("de", "Duits", "German", "Deutsch"),
    ("uk", "Oekraïens", "Ukrainian", "Українська"),
    ("ru", "Russisch", "Russian", "Русский"),
    ("am", "Amhaars", "Amharic", "አማርኛ"),
    ("vi", "Vietnamees", "Vietnamese", "Tiếng Việt"),
    ("id", "Indonesisch", "Indonesian", "Bahasa Indonesia"),
    ("tl", "Tagalog", "Tagalog", "Tagalog"),
]


def create_taxonomies(apps):
    Sector = apps.get_model("businesses", "Sector")
    Language = apps.get_model("businesses", "Language")
    for order, (slug, name_nl, name_en, children) in enumerate(SECTORS):
        parent, _ = Sector.objects.get_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "sort_order": order}
        )
        for child_order, (child_slug, child_nl, child_en) in enumerate(children):
            Sector.objects.get_or_create(
                slug=child_slug,
                defaults={"name_nl": child_nl, "name_en": child_en, "parent": parent, "sort_order": child_order},
            )
    for order, (code, name_nl, name_en, native) in enumerate(LANGUAGES):
        Language.objects.get_or_create(
            code=code,
            defaults={"name_nl": name_nl, "name_en": name_en, "native_name": native, "sort_order": order},
        )


def grant_permissions(apps):
    taxonomies = ["sector", "language"]
    grant_model_permissions(apps, EDITORS, "businesses", ["business"], ("add", "change", "view"))
    grant_model_permissions(apps, EDITORS, "businesses", taxonomies, ("add", "change", "view"))
    grant_model_permissions(apps, EDITORS, "businesses", ["outdatedinforeport"], ("change", "view"))
    grant_model_permissions(
        apps, MODERATORS, "businesses", ["business"], ("add", "change", "delete", "view", "publish", "lock", "unlock")
    )
    grant_model_permissions(apps, MODERATORS, "businesses", taxonomies, ("add", "change", "delete", "view"))
    grant_model_permissions(apps, MODERATORS, "businesses", ["outdatedinforeport"], ("change", "delete", "view"))


def assign_workflow(apps):
    """Business profiles go through the same moderators' approval as pages."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(active=True, name="Goedkeuring door moderatoren").first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="businesses", model="business")
    WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def forwards(apps, schema_editor):
    create_taxonomies(apps)
    grant_permissions(apps)
    assign_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("businesses", "0001_initial"),
        ("home", "0002_initial_content_and_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
