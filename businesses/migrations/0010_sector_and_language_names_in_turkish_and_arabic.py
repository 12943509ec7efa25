"""Turkish and Arabic names of the standard sectors and languages (0002), by slug and code, for
databases made before those names existed. Only empty names are filled: staff's stay."""

from django.db import migrations

# slug: (Turkish, Arabic)
SECTORS = {
    "eten-drinken": ("Yiyecek ve içecek", "الطعام والشراب"),
    "bakkerij": ("Fırın", "مخبز"),
    "restaurant": ("Restoran", "مطعم"),
    "eethuis-afhaal": ("Lokanta ve paket servis", "مطعم شعبي ووجبات سفرية"),
    "cafe-koffie": ("Kafe ve kahve", "مقهى وقهوة"),
    "slagerij": ("Kasap", "جزّار"),
    "catering": ("Catering", "تموين الحفلات"),
    "winkels": ("Dükkânlar", "المحلات"),
    "supermarkt-toko": ("Süpermarket ve bakkal", "سوبرماركت وبقالة"),
    "groente-fruit": ("Manav", "خضار وفواكه"),
    "kleding-stoffen": ("Giyim ve kumaş", "ملابس وأقمشة"),
    "telefoon-elektronica": ("Telefon ve elektronik", "هواتف وإلكترونيات"),
    "huishouden": ("Ev eşyası", "أدوات منزلية"),
    "juwelier": ("Kuyumcu", "مجوهرات"),
    "bloemen": ("Çiçek ve bitki", "زهور ونباتات"),
    "diensten": ("Hizmetler", "الخدمات"),
    "kapper": ("Kuaför ve berber", "تصفيف الشعر والحلاقة"),
    "schoonheid": ("Güzellik salonu", "صالون تجميل"),
    "reparatie": ("Tamir", "تصليح"),
    "kleermaker": ("Terzi ve dikiş atölyesi", "خياطة"),
    "reisbureau": ("Seyahat acentesi", "وكالة سفر"),
    "rijschool": ("Sürücü kursu", "مدرسة تعليم القيادة"),
    "creatief": ("Yaratıcı işler", "الأعمال الإبداعية"),
    "ontwerpstudio": ("Tasarım stüdyosu", "استوديو تصميم"),
    "fotografie": ("Fotoğrafçılık", "التصوير الفوتوغرافي"),
    "kunst-galerie": ("Sanat ve galeri", "الفن وصالات العرض"),
    "muziek-media": ("Müzik ve medya", "الموسيقى والإعلام"),
    "ambacht": ("Zanaat", "الحرف اليدوية"),
    "meubels-hout": ("Mobilya ve ahşap işleri", "أثاث وأعمال خشبية"),
    "keramiek": ("Seramik", "الخزف"),
    "schoenmaker": ("Ayakkabı tamircisi", "إصلاح الأحذية"),
    "zorg-welzijn": ("Bakım ve sağlık", "الرعاية والرفاه"),
    "kinderopvang": ("Çocuk bakımı", "رعاية الأطفال"),
    "fysiotherapie": ("Fizyoterapi", "العلاج الطبيعي"),
    "thuiszorg": ("Evde bakım", "الرعاية المنزلية"),
    "zakelijke-dienstverlening": ("İş hizmetleri", "خدمات الأعمال"),
    "administratie-boekhouding": ("Muhasebe", "المحاسبة ومسك الدفاتر"),
    "vertalen-tolken": ("Çeviri ve tercümanlık", "الترجمة التحريرية والفورية"),
    "ict-webdesign": ("Bilişim ve web tasarımı", "تقنية المعلومات وتصميم المواقع"),
}

# ISO 639 code: (Turkish, Arabic)
LANGUAGES = {
    "nl": ("Hollandaca", "الهولندية"),
    "en": ("İngilizce", "الإنجليزية"),
    "tr": ("Türkçe", "التركية"),
    "ar": ("Arapça", "العربية"),
    "ber": ("Tamazight (Berberice)", "الأمازيغية"),
    "zh": ("Çince", "الصينية"),
    "pap": ("Papiamento", "البابيامنتو"),
    "srn": ("Sranan Tongo", "السرانان تونغو"),
    "pl": ("Lehçe", "البولندية"),
    "bg": ("Bulgarca", "البلغارية"),
    "ro": ("Rumence", "الرومانية"),
    "so": ("Somalice", "الصومالية"),
    "ti": ("Tigrinya", "التغرينية"),
    "fa": ("Farsça", "الفارسية"),
    "prs": ("Darice", "الدرية"),
    "ps": ("Peştuca", "البشتو"),
    "ur": ("Urduca", "الأردية"),
    "hi": ("Hintçe", "الهندية"),
    "ta": ("Tamilce", "التاميلية"),
    "ku": ("Kürtçe", "الكردية"),
    "es": ("İspanyolca", "الإسبانية"),
    "pt": ("Portekizce", "البرتغالية"),
    "fr": ("Fransızca", "الفرنسية"),
    "de": ("Almanca", "الألمانية"),
    "uk": ("Ukraynaca", "الأوكرانية"),
    "ru": ("Rusça", "الروسية"),
    "am": ("Amharca", "الأمهرية"),
    "vi": ("Vietnamca", "الفيتنامية"),
    "id": ("Endonezce", "الإندونيسية"),
    "tl": ("Tagalogca", "التاغالوغية"),
}


def fill(queryset, key, names):
    for item in queryset.filter(**{f"{key}__in": names}):
        turkish, arabic = names[getattr(item, key)]
        item.name_tr = item.name_tr or turkish
        item.name_ar = item.name_ar or arabic
        item.save(update_fields=["name_tr", "name_ar"])


def forwards(apps, schema_editor):
    fill(apps.get_model("businesses", "Sector").objects, "slug", SECTORS)
    fill(apps.get_model("businesses", "Language").objects, "code", LANGUAGES)


class Migration(migrations.Migration):
    dependencies = [("businesses", "0009_business_stories")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
