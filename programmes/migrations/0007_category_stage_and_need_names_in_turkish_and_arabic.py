"""Turkish and Arabic names of the standard categories, stages (0002) and needs (0004), by slug,
for databases made before those names existed. Only empty names are filled: staff's stay."""

from django.db import migrations

# slug: (Turkish, Arabic)
CATEGORIES = {
    "creativiteit": ("Yaratıcılık", "الإبداع"),
    "innovatie": ("Yenilik", "الابتكار"),
    "digitalisering": ("Dijitalleşme", "التحول الرقمي"),
    "financiering": ("Finansman", "التمويل"),
    "netwerk": ("İş ağı", "شبكة العلاقات"),
    "mentoring": ("Mentorluk ve koçluk", "الإرشاد والتوجيه"),
    "vaardigheden": ("Beceriler ve eğitim", "المهارات والتدريب"),
    "huisvesting": ("İş yeri", "مكان العمل"),
    "administratie": ("İdari işler ve izinler", "الإدارة والتراخيص"),
}
STAGES = {
    "idee": ("Bir fikrim var", "لديّ فكرة"),
    "starter": ("Yeni başladım", "بدأت للتو"),
    "groei": ("Büyümek istiyorum", "أريد أن أوسّع عملي"),
}
NEEDS = {
    "marketing": ("Pazarlama ve müşteriler", "التسويق والزبائن"),
    "financien": ("Finans ve muhasebe", "المالية والمحاسبة"),
    "online": ("İnternetten satış ve dijital", "البيع عبر الإنترنت والأدوات الرقمية"),
    "vergunningen": ("İzinler ve kurallar", "التراخيص والقواعد"),
    "personeel": ("Personel", "الموظفون"),
    "innovatie": ("Ürün ve yenilik", "المنتج والابتكار"),
    "subsidies": ("Hibe ve finansman başvurusu", "طلب المنح والتمويل"),
    "export": ("İhracat", "التصدير"),
    "groei": ("Büyüme ve strateji", "النمو والاستراتيجية"),
}


def fill(model, names):
    for item in model.objects.filter(slug__in=names):
        turkish, arabic = names[item.slug]
        item.name_tr = item.name_tr or turkish
        item.name_ar = item.name_ar or arabic
        item.save(update_fields=["name_tr", "name_ar"])


def forwards(apps, schema_editor):
    fill(apps.get_model("programmes", "Category"), CATEGORIES)
    fill(apps.get_model("programmes", "Stage"), STAGES)
    fill(apps.get_model("programmes", "Need"), NEEDS)


class Migration(migrations.Migration):
    dependencies = [("programmes", "0006_names_in_turkish_and_arabic")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
