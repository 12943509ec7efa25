"""Turkish and Arabic for the businesses demo (businesses/demo/data.py), after its step: owners
who speak Turkish or Arabic tell their story in it too, and the neighbourhood pages are
translated. What exists is left alone, so staff and owner edits survive and a second run
changes nothing."""

from wagtail.models import Locale, Site

from businesses.demo.data import NEIGHBOURHOODS
from businesses.models import Business, BusinessStory, NeighbourhoodIndexPage, NeighbourhoodPage
from home.demo.helpers import ensure_translation
from home.demo.registry import demo_step

LANGUAGES = ("tr", "ar")

# The owner's story (the Dutch one is in BUSINESSES in demo_data.py), by business name, in the
# languages of the business that the site offers.
STORIES = {
    "Bakkerij Yıldız": {
        "tr": "Bu fırını babam açtı. Şimdi ben de onun gibi her gece ekmeği pişiriyorum. "
        "Cumartesi günleri bütün sokak pide almaya buraya gelir.",
    },
    "Kapsalon Amir": {
        "ar": "أعمل في قص الشعر منذ عشرين عامًا. عندي يمكنك أن تدخل ببساطة من دون موعد. هناك "
        "دائمًا شاي، وشخص تتحدث معه.",
    },
    "Naaiatelier Fatima": {
        "ar": "تعلّمت الخياطة من أمي. والآن أخيط الفساتين حسب المقاس وأركّب السحّابات. الأعمال "
        "الصغيرة تكون جاهزة غالبًا خلال يوم واحد.",
    },
    "Supermarkt Al Amal": {
        "ar": "متجرنا مفتوح حتى منتصف الليل. كثير من الجيران يأتون إلينا في المساء لشراء "
        "حاجاتهم بسرعة.",
    },
    "Ontwerpstudio Kanaal": {
        "tr": "Küçük işletmelerin iyi görünmesine yardım ediyoruz. Yeni bir logo ya da basit bir "
        "web sitesi: sizinle birlikte düşünürüz.",
    },
    "Groentehandel De Verse Hoek": {
        "tr": "Her sabah saat beşte haldeyim. Bu yüzden mahallenin en taze domatesleri bizde.",
    },
    "Slagerij Bereket": {
        "tr": "Sucuğumuzu ve marinemizi kendimiz yapıyoruz. Düğünler ve kutlamalar için büyük "
        "siparişler de hazırlıyoruz.",
    },
    "Telefoonwinkel Connect": {
        "ar": "شاشتك مكسورة؟ نصلحها عادةً خلال ساعة. ونساعدك أيضًا في نقل صورك إلى هاتفك الجديد.",
    },
    "Bloemen van Ayşe": {
        "tr": "Her buketi elle hazırlıyorum. Düğünler için de vedalar için de: bana hikâyenizi "
        "anlatın, ben de güzel bir şey yapayım.",
    },
    "Reisbureau Atlas": {
        "ar": "نحجز لك تذكرتك ونساعدك في ملء الاستمارات. كثير من زبائننا يسافرون كل عام لزيارة "
        "عائلاتهم.",
    },
    "Juwelier Altın": {
        "tr": "Mücevher satıyor ve tamir ediyoruz. Alyansların içine yazıyı dükkânda kendimiz "
        "kazıyoruz.",
    },
    "Kinderopvang Kleine Sterren": {
        "tr": "Bizde bakıcılar birçok dil konuşur. Çocuklar Hollandaca öğrenir ve kendi dillerini "
        "de korur.",
        "ar": "المربّيات عندنا يتحدثن عدة لغات. يتعلّم الأطفال الهولندية ويحافظون على لغتهم أيضًا.",
    },
    "Administratiekantoor Boekhoudhulp": {
        "tr": "Birçok girişimci evrak işlerini zor buluyor. Biz her şeyi size kendi dilinizde "
        "anlatırız ve beyannamenizi veririz.",
        "ar": "كثير من رواد الأعمال يجدون الأوراق والمعاملات صعبة. نحن نشرحها لك بلغتك، ونقدّم "
        "عنك الإقرار الضريبي.",
    },
    "Vertaalbureau Babel": {
        "tr": "Diplomaları ve resmî belgeleri çeviriyoruz. Belediyedeki ya da doktordaki "
        "randevularınızda tercümanlık da yapıyoruz.",
        "ar": "نترجم الشهادات والوثائق الرسمية. ونترجم لك أيضًا شفهيًا في مواعيدك مع البلدية أو "
        "الطبيب.",
    },
    "Schoenmakerij Snel": {
        "tr": "Ayakkabıyı tamir etmek, atmaktan iyidir. Anahtar da yapıyorum, çanta da tamir "
        "ediyorum.",
    },
    "Restaurant Damascus": {
        "ar": "جئنا إلى هولندا في عام 2015. والآن نشارك طبخ بلدنا مع جيراننا الجدد.",
    },
    "Huishoudwinkel Alles Onder Één Dak": {
        "tr": "Çaydanlıktan çamaşır sepetine kadar: hepsi bizde var. Aradığınız yoksa sizin için "
        "sipariş ederiz.",
        "ar": "من إبريق الشاي إلى سلة الغسيل: كل شيء عندنا. وإذا لم تجد ما تريده، نطلبه لك.",
    },
    "Rijschool Groen Licht": {
        "tr": "Hollandaca, Arapça ve Türkçe ders veriyorum. Böylece teoriyi gerçekten anlarsınız.",
        "ar": "أعطي الدروس باللغة الهولندية والعربية والتركية. هكذا تفهم الجزء النظري فهمًا حقيقيًا.",
    },
    "Catering Mama's Keuken": {
        "ar": "أطبخ للأعراس وحفلات الحي والاجتماعات. ويمكنني أيضًا تحضير أطباق نباتية.",
    },
    "Schoonheidssalon Yasmin": {
        "ar": "صالوني مكان هادئ. أعمل بالمواعيد فقط، حتى يكون لديّ كل الوقت لك.",
    },
    "Fysiotherapie In Beweging": {
        "tr": "Yeniden hareket etmenize yardım ediyoruz. Muayenehanemize tekerlekli sandalyeyle "
        "kolayca ulaşabilirsiniz.",
    },
    "Thuiszorg Samen": {
        "tr": "Çalışanlarımız danışanlarının dilini konuşur. Böylece insanlar kendi evlerinde "
        "anlaşıldıklarını hisseder.",
        "ar": "موظفونا يتحدثون لغة عملائهم. وهكذا يشعر الناس في بيوتهم بأن هناك من يفهمهم.",
    },
    "Döner Anadolu": {
        "tr": "On beş yıldır ızgaranın başındayım. Eti kendi baharatlarımla kendim marine ediyorum. "
        "İşten sonra da gece eğlencesinden sonra da: bizim ışığımız hâlâ yanıyor.",
    },
    "Bakkerij Tafilalt": {
        "ar": "كانت أمي تخبز الخبز في البيت كل يوم. والآن أفعل ذلك هنا، للحي كله. في رمضان نحضّر "
        "الشباكية بالعسل، فيمتد الطابور حتى خارج المحل.",
    },
    "Pidebakkerij Karadeniz": {
        "tr": "Karadeniz kıyısındaki Trabzon'danım. Orada pideyi peynir ve tereyağıyla yeriz. "
        "Bizde hamuru elle nasıl açtığımızı kendi gözünüzle görürsünüz.",
    },
    "Bakkerij Beyrouth": {
        "ar": "في بيروت يأكل الجميع المناقيش في الصباح، وأردت أن يكون ذلك هنا أيضًا. الطلاب "
        "والجيران يأخذون منقوشة معهم في طريقهم إلى المدرسة أو العمل.",
    },
    "Patisserie Leïla": {
        "ar": "تعلّمت المهنة في باريس. لعيد ميلاد أو عرس أو عيد الفطر أصنع لك الكعكة تمامًا كما "
        "تريدها. لكن اطلبها قبل بضعة أيام.",
    },
    "Poelier Al Baraka": {
        "ar": "نبيع الدواجن فقط: الدجاج والديك الرومي والبط. كل شيء حلال وطازج كل يوم. وأقطّع "
        "لك الدجاج كما تحتاجه.",
    },
    "Hammam Zahra": {
        "ar": "في المغرب كنت أذهب كل أسبوع مع أمي إلى الحمّام، وهذا الإحساس أريد أن أقدّمه هنا. "
        "تدخلين متعبة ومتوترة، وتعودين إلى البيت كأنك وُلدتِ من جديد.",
    },
    "Drukkerij Özdemir": {
        "tr": "Babamın İstanbul'da bir matbaası vardı. Ben burada önce mutfak masasında kartvizit "
        "bastım. Şimdi menüden büyük pankarta kadar her şeyi basıyoruz.",
    },
    "Stoffeerderij Benali": {
        "ar": "لا ترمِ أريكتك! أكسوها بقماش جديد وحشوة جديدة. تعال وانظر إلى عيّنات الأقمشة، "
        "ونختار اللون معًا.",
    },
    "Slotenservice Demir": {
        "tr": "Kapıda mı kaldınız? Beni arayın, hemen gelirim. Dükkânda anahtar kopyalıyorum ve "
        "hırsızlığa karşı iyi kilitler konusunda tavsiye veriyorum.",
    },
    "Theehuis Zagros": {
        "tr": "Bizde çay her zaman hazırdır. Yaşlı amcalar tavla oynar, gençler maç izlemeye gelir. "
        "Tek başınıza oturmak isteseniz de herkesi bekleriz.",
    },
    "Zoetigheden Al-Halabi": {
        "ar": "حلب مدينتي. كنافتنا تخرج من الفرن ساخنة، بالجبنة والقطر. وفي عيد الفطر نحضّر علبًا "
        "كبيرة من البقلاوة.",
    },
    "Theesalon Riad": {
        "ar": "الرياض في المغرب بيت تقليدي في وسطه حديقة، وأردت أن أصنع مكانًا هادئًا مثله. هنا "
        "تشرب الشاي بالنعناع الطازج وتأكل معه مسمّنًا ساخنًا.",
    },
    "Stoffenhuis İpek": {
        "tr": "Adımız İpek, ama yalnızca ipek satmıyoruz: pamuklu ve perdelik kumaşlar da var. "
        "Kendiniz bir şey mi dikmek istiyorsunuz? Doğru kumaşı seçmenize yardım ederiz.",
    },
    "Kleermakerij Hüseyin": {
        "tr": "Kayseri'deki dedem gibi ben de terziyim. Ismarlama bir takım elbiseyi üç haftada "
        "dikerim. Pantolon paçası kısaltmak çoğu zaman aynı gün biter.",
    },
    "Elektrotechniek Kaya": {
        "tr": "Elektrik sürekli mi kesiliyor, yoksa yeni bir sigorta kutusu mu istiyorsunuz? Gelip "
        "bakarım ve neye ihtiyaç olduğunu anlatırım. Fiyatı önceden açıkça söylerim.",
    },
    "Loodgieter El Idrissi": {
        "ar": "الماء في المطبخ لا ينتظر، لذلك آتيك في اليوم نفسه عند الحالات المستعجلة. أعمل "
        "بنظافة وأشرح لك ما أفعله.",
    },
    "Muziekschool Bağlama": {
        "tr": "Müzik insanları birleştirir. Bizde çocuklar ve yetişkinler bağlama, ud ya da "
        "darbuka öğrenir. Yıl sonunda mahallede hep birlikte bir konser veririz.",
        "ar": "الموسيقى تجمع الناس. عندنا يتعلّم الأطفال والكبار العزف على الساز أو العود أو "
        "الدربكة. وفي آخر السنة نقدّم معًا حفلًا موسيقيًا في الحي.",
    },
    "Slagerij El Amrani": {
        "ar": "نصنع المرقاز والكفتة بأنفسنا، بتوابل مغربية. وفي عيد الأضحى يمكنك أن تحجز خروفك "
        "عندنا في وقت مبكر.",
    },
    "Bandenservice Yılmaz": {
        "tr": "Yirmi yıldır tamirciyim. İster yeni lastik olsun ister arabanızın muayeneye "
        "hazırlanması: ne tutacağını önceden söyleriz. Beklerken kahvemizi için.",
    },
    "Manav Ege": {
        "tr": "Ege kıyısındaki İzmir'denim. Bende demet demet taze maydanoz, dereotu ve nane "
        "bulursunuz, hem de ucuza.",
    },
    "Bruidshuis Elif": {
        "tr": "Düğün unutulmaz bir gündür. Bizde gelinlik satın alabilir ya da kiralayabilirsiniz. "
        "Üzerinize tam oturması için tadilatını da yaparız.",
        "ar": "العرس يوم لا يُنسى. عندنا يمكنك أن تشتري فستانًا أو تستأجره، ونعدّله لك حتى "
        "يناسبك تمامًا.",
    },
    "Specerijen Baharat": {
        "tr": "Baharatlarımızı kendimiz öğütüyoruz, kavanozları bir koklayın. Ete, balığa ya da "
        "pilava hangi baharatın yakıştığını sormaktan çekinmeyin.",
        "ar": "نطحن البهارات بأنفسنا، فتفضّل واشتمّ رائحة المرطبانات. ولا تتردد في أن تسألنا أي "
        "بهارات تناسب اللحم أو السمك أو الأرز.",
    },
    "Kinderdagverblijf Yuva": {
        "tr": "Adımız gibi burası gerçekten bir yuva: küçük ve güvenli. Her gün büyük bahçemizde "
        "dışarıda oynuyoruz.",
    },
    "Zellige Atelier Fès": {
        "ar": "في فاس تعلّمت تقطيع الزليج باليد. أصنع أسطح الطاولات والنافورات والجدران من قطع "
        "صغيرة من الزليج. وكل يوم سبت أقدّم ورشة.",
    },
    "Kalligrafie Atelier Hattat": {
        "tr": "Ben bir hattatım: isimleri ve şiirleri Arap harfleriyle ve Osmanlıca yazıyorum. "
        "Atölyelerimde suyun üzerine resim yapma sanatı olan ebruyu da öğrenebilirsiniz.",
        "ar": "أنا خطّاط: أكتب الأسماء والأشعار بالخط العربي والعثماني. وفي ورشاتي تتعلّم أيضًا فن "
        "الإبرو، أي الرسم على سطح الماء.",
    },
    "Kapsalon Hodan": {
        "ar": "عندنا تعمل النساء فقط، ولا أحد يرى الداخل من الشارع. هكذا يمكنك أن تخلعي حجابك "
        "براحة. وللأعراس نهتمّ بالشعر والمكياج.",
    },
}

INDEX = {
    "tr": {
        "title": "Mahalleler",
        "slug": "mahalleler",
        "introduction": "<p>Her mahallede sokağa hayat veren girişimciler çalışıyor. Bir mahalle "
        "seçin ve orada kimlerin olduğunu, neler sattıklarını ve hangi dilleri konuştuklarını "
        "keşfedin.</p>",
    },
    "ar": {
        "title": "الأحياء",
        "slug": "al-ahya",
        "introduction": "<p>في كل حي يعمل رواد أعمال يملؤون الشارع بالحياة. اختر حيًا واكتشف من "
        "يعمل فيه، وماذا يبيعون، وما اللغات التي يتحدثونها.</p>",
    },
}


def ensure_stories():
    businesses = Business.objects.filter(live=True).select_related("neighbourhood")
    for business in businesses.prefetch_related("stories"):
        stories = STORIES.get(business.name)
        if stories is None or business.has_unpublished_changes or business.stories.all():
            continue
        # The demo spread its businesses' history over the past years: keep those dates, so the
        # figures do not count every business with a story as changed today.
        published, updated = business.last_published_at, business.updated_at
        business.stories = [
            BusinessStory(language=code, text=f"<p>{text}</p>") for code, text in stories.items()
        ]
        business.save()
        business.save_revision().publish()
        Business.objects.filter(pk=business.pk).update(
            last_published_at=published, updated_at=updated
        )


def ensure_neighbourhoods(home, code, locale):
    index = NeighbourhoodIndexPage.objects.child_of(home).first()
    if index is None:
        return
    ensure_translation(index, INDEX[code], locale)
    for place in NEIGHBOURHOODS:
        page = NeighbourhoodPage.objects.child_of(index).filter(slug=place["slug"]).first()
        if page is None:
            continue
        translated = place["texts"][code]
        texts = {
            "title": page.title,
            "slug": page.slug,
            "district": translated["district"],
            "introduction": translated["introduction"],
            "facts": [
                {"type": "fact", "value": {"label": label, "value": value}}
                for label, value in translated["facts"]
            ],
        }
        ensure_translation(page, texts, locale)


@demo_step(order=15)
def load(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        if home.get_translation_or_none(locale) is not None:
            ensure_neighbourhoods(home, code, locale)
    ensure_stories()
    stories = BusinessStory.objects.filter(language__in=LANGUAGES)
    stdout.write(f"Verhalen in het Turks en Arabisch: {stories.count()}")
