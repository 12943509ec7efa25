"""Turkish and Arabic translations of the demo programmes (programmes/demo/data.py) and of the
programme overview, loaded after the programmes step. An alias of a Dutch programme in these
languages becomes a real translation; a programme without one gets it; a translation that
exists is left alone, so staff edits survive and a second run changes nothing."""

from wagtail.models import Locale, Site

from home.demo.helpers import ensure_translation
from home.demo.registry import demo_step
from programmes.models import ProgrammeIndexPage, ProgrammePage

INDEX = {
    "tr": {
        "title": "Programlar ve destekler",
        "slug": "programlar",
        "introduction": (
            "Mahalledeki girişimciler için atölyeler, koçluk, iş ağları, krediler ve hibeler. "
            "Yalnızca bir iş yeri ya da evraklar için değil: en çok da yeni fikirler üretmek için."
        ),
    },
    "ar": {
        "title": "البرامج وأنواع الدعم",
        "slug": "baramij",
        "introduction": (
            "ورش عمل، وتدريب شخصي، وشبكات علاقات، وقروض، ومنح لرواد الأعمال في الحي. ليس فقط "
            "من أجل محل أو أوراق رسمية: بل قبل كل شيء لصنع أفكار جديدة."
        ),
    },
}

# The body of every demo programme: its summary, then who it is for (as BODY in demo_data.py).
BODY = {
    "tr": (
        "<p>{summary}</p><p>Kimler için? Utrecht'teki girişimciler için; yeni başlıyor ya da "
        "henüz emin olamıyor olsanız da. Deneyimli olmanız gerekmez. Sorunuz mu var? Bizi "
        "rahatça arayın ya da e-posta gönderin: sizinle seve seve birlikte düşünürüz.</p>"
    ),
    "ar": (
        "<p>{summary}</p><p>لمن هذا البرنامج؟ لرواد الأعمال في أوتريخت، حتى لو كنت قد بدأت "
        "للتو أو ما زلت مترددًا. لا تحتاج إلى خبرة. هل لديك أسئلة؟ لا تتردد في الاتصال بنا أو "
        "مراسلتنا بالبريد الإلكتروني: يسعدنا أن نفكر معك.</p>"
    ),
}

# Dutch title: {language: (title, slug, summary)}. Slugs in Latin letters, so that addresses
# stay short and can be typed on any keyboard.
PROGRAMMES = {
    # Creativity
    "Ontwerp je eigen etalage": {
        "tr": (
            "Vitrininizi kendiniz tasarlayın",
            "vitrininizi-kendiniz-tasarlayin",
            "Bir tasarımcıyla dört akşam: vitrininizi ve dükkânınızı, önünden geçenler içeri "
            "girecek şekilde düzenleyin.",
        ),
        "ar": (
            "صمّم واجهة محلك بنفسك",
            "sammim-wajihat-mahallik",
            "أربع أمسيات مع مصمم: رتّب واجهة العرض ومحلك بحيث يدخل المارة.",
        ),
    },
    "Makers in de wijk: atelierplek en begeleiding": {
        "tr": (
            "Mahallede üreticiler: atölye yeri ve destek",
            "mahallede-ureticiler",
            "Yaratıcı üretim merkezinde altı ay bir çalışma yeri ve hobinizi bir işe "
            "dönüştürmenize yardım eden bir koç.",
        ),
        "ar": (
            "صنّاع في الحي: مكان في ورشة ومرافقة",
            "sunna-fi-al-hayy",
            "مكان عمل لمدة ستة أشهر في حاضنة إبداعية، مع مدرب يساعدك على تحويل هوايتك إلى "
            "مشروع تجاري.",
        ),
    },
    "Verhalen vertellen met foto en video": {
        "tr": (
            "Fotoğraf ve videoyla hikâye anlatmak",
            "fotograf-ve-videoyla-hikaye-anlatmak",
            "Telefonunuzla, kim olduğunuzu ve ne yaptığınızı gösteren fotoğraflar ve kısa "
            "videolar çekmeyi öğrenin.",
        ),
        "ar": (
            "رواية القصص بالصور والفيديو",
            "riwayat-al-qisas-bil-suwar",
            "تعلّم أن تصوّر بهاتفك صورًا ومقاطع فيديو قصيرة تُظهر من أنت وماذا تصنع.",
        ),
    },
    "Creatief ondernemersfonds": {
        "tr": (
            "Yaratıcı girişimciler fonu",
            "yaratici-girisimciler-fonu",
            "Yeni bir yaratıcı ürün, bir koleksiyon ya da başka üreticilerle bir iş birliği için "
            "en fazla 5.000 €.",
        ),
        "ar": (
            "صندوق رواد الأعمال المبدعين",
            "sunduq-al-mubdiin",
            "حتى 5000 يورو لمنتج إبداعي جديد، أو لمجموعة منتجات، أو لتعاون مع صنّاع آخرين.",
        ),
    },
    "Pop-up winkel in een leeg pand": {
        "tr": (
            "Boş bir binada geçici dükkân",
            "bos-bir-binada-gecici-dukkan",
            "Ürününüzü bir ay boyunca mahalledeki boş bir dükkânda deneyin. Kira ödemezsiniz.",
        ),
        "ar": (
            "متجر مؤقت في مبنى فارغ",
            "matjar-muaqqat",
            "جرّب منتجك لمدة شهر في محل فارغ في الحي. ولن تدفع إيجارًا.",
        ),
    },
    # Innovation
    "Innovatievoucher voor kleine ondernemers": {
        "tr": (
            "Küçük girişimciler için yenilik çeki",
            "kucuk-girisimciler-icin-yenilik-ceki",
            "Bir yüksekokulun ya da bir danışmanın, yeni bir ürün ya da daha akıllı bir çalışma "
            "yolu üzerine sizinle birlikte düşünmesi için 2.500 €.",
        ),
        "ar": (
            "قسيمة ابتكار لأصحاب المشاريع الصغيرة",
            "qasimat-ibtikar",
            "2500 يورو لتستعين بجامعة للعلوم التطبيقية أو بمستشار يفكر معك في منتج جديد أو في "
            "طريقة عمل أذكى.",
        ),
    },
    "Lab Ondernemen: studenten werken aan jouw vraag": {
        "tr": (
            "Lab Ondernemen: öğrenciler sizin sorunuz üzerinde çalışıyor",
            "lab-ondernemen-ogrenciler",
            "Bir öğrenci ekibi bir dönem boyunca işletmenizin nasıl yeni bir şey yapabileceğini "
            "araştırır.",
        ),
        "ar": (
            "Lab Ondernemen: طلاب يعملون على سؤالك",
            "lab-ondernemen-tullab",
            "يبحث فريق من الطلاب طوال فصل دراسي كامل كيف يمكن لشركتك أن تقدم شيئًا جديدًا.",
        ),
    },
    "Duurzaam ondernemen in de keuken": {
        "tr": (
            "Mutfakta sürdürülebilir işletmecilik",
            "mutfakta-surdurulebilir-isletmecilik",
            "Daha az israf, daha az enerji, daha düşük masraf: restoranlar, kafeler ve fırınlar "
            "için uygulamalı atölyeler.",
        ),
        "ar": (
            "عمل مستدام في المطبخ",
            "amal-mustadam-fi-al-matbakh",
            "هدر أقل، وطاقة أقل، وتكاليف أقل: ورش عمل عملية للمطاعم والمقاهي والمخابز.",
        ),
    },
    "Van idee naar prototype": {
        "tr": (
            "Fikirden prototipe",
            "fikirden-prototipe",
            "Her ay bir cumartesi atölyede: kâğıttaki bir fikirden gösterebileceğiniz bir şeye.",
        ),
        "ar": (
            "من الفكرة إلى النموذج الأولي",
            "min-al-fikra-ila-al-namudhaj",
            "يوم سبت في الورشة كل شهر: من فكرة على الورق إلى شيء يمكنك أن تعرضه.",
        ),
    },
    # Going digital
    "Je winkel online: webwinkel in zes weken": {
        "tr": (
            "Dükkânınız internette: altı haftada internet mağazası",
            "dukkaniniz-internette",
            "Kütüphanede altı ders: basit bir internet mağazası, ödeme, gönderim ve internetteki "
            "ilk müşterileriniz.",
        ),
        "ar": (
            "محلك على الإنترنت: متجر إلكتروني في ستة أسابيع",
            "mahallak-ala-al-internet",
            "ستة دروس في المكتبة: متجر إلكتروني بسيط، والدفع، والشحن، وأول زبائنك على الإنترنت.",
        ),
    },
    "Google Maps en sociale media voor je zaak": {
        "tr": (
            "İşletmeniz için Google Maps ve sosyal medya",
            "google-maps-ve-sosyal-medya",
            "Her hafta randevusuz bir sabah: doğru açılış saatleri ve fotoğraflarla müşterilerin "
            "sizi bulmasını sağlayın.",
        ),
        "ar": (
            "خرائط Google ووسائل التواصل الاجتماعي لمحلك",
            "google-maps-wa-wasail-al-tawasul",
            "صباح مفتوح كل أسبوع من دون موعد: احرص على أن يجدك الزبائن، مع أوقات العمل الصحيحة "
            "والصور.",
        ),
    },
    "Digitaal boekhouden zonder stress": {
        "tr": (
            "Stressiz dijital muhasebe",
            "stressiz-dijital-muhasebe",
            "Bir danışman, bir muhasebe programına ve KDV (btw) beyannamesine başlamanıza yardım "
            "eder.",
        ),
        "ar": (
            "محاسبة رقمية بلا توتر",
            "muhasaba-raqmiyya",
            "يساعدك مستشار على البدء ببرنامج للمحاسبة وعلى تقديم إقرار ضريبة القيمة المضافة (btw).",
        ),
    },
    "Kassasysteem en pinnen voor kleine winkels": {
        "tr": (
            "Küçük dükkânlar için kasa sistemi ve kartla ödeme",
            "kucuk-dukkanlar-icin-kasa-sistemi",
            "Esnaf derneğinin üyeleri, modern bir kasa sistemi konusunda birbirine yardım eder.",
        ),
        "ar": (
            "نظام نقاط البيع والدفع بالبطاقة للمحلات الصغيرة",
            "nizam-niqat-al-bay",
            "يساعد أعضاء جمعية رواد الأعمال بعضهم بعضًا على استخدام نظام حديث لنقاط البيع.",
        ),
    },
    # Funding
    "Microkrediet voor starters": {
        "tr": (
            "Yeni başlayanlar için mikrokredi",
            "yeni-baslayanlar-icin-mikrokredi",
            "Banka hayır derse en fazla 25.000 € kredi; ilk yıl size eşlik eden bir koçla "
            "birlikte.",
        ),
        "ar": (
            "قرض صغير للمبتدئين",
            "qard-saghir-lil-mubtadiin",
            "قرض يصل إلى 25000 يورو إذا رفض البنك، مع مدرب يرافقك في السنة الأولى.",
        ),
    },
    "Groeilening voor wijkondernemers": {
        "tr": (
            "Mahalle girişimcileri için büyüme kredisi",
            "buyume-kredisi",
            "İkinci bir şube, yeni bir makine ya da daha fazla personel için en fazla 50.000 €.",
        ),
        "ar": (
            "قرض نمو لرواد الأعمال في الأحياء",
            "qard-numuw",
            "حتى 50000 يورو لفرع ثانٍ، أو لآلة جديدة، أو لمزيد من الموظفين.",
        ),
    },
    "Crowdfunding in de buurt": {
        "tr": (
            "Mahallede kitle fonlaması",
            "mahallede-kitle-fonlamasi",
            "Komşularınızın ve sürekli müşterilerinizin planlarınıza nasıl para katabileceğini "
            "ve bunun için nelerin gerektiğini öğrenin.",
        ),
        "ar": (
            "التمويل الجماعي في الحي",
            "al-tamwil-al-jamai",
            "تعلّم كيف تجعل جيرانك وزبائنك الدائمين يساهمون في تمويل خططك، وما الذي يتطلبه ذلك.",
        ),
    },
    "Subsidiewijzer: welke regeling past?": {
        "tr": (
            "Hibe rehberi: hangi destek size uyar?",
            "hibe-rehberi",
            "Belediyeden bir danışmanla, size uyan hibeler ve destekler üzerine bir saatlik "
            "görüşme.",
        ),
        "ar": (
            "دليل المنح: أي برنامج دعم يناسبك؟",
            "dalil-al-minah",
            "لقاء لمدة ساعة مع مستشار من البلدية حول المنح وبرامج الدعم التي تناسبك.",
        ),
    },
    # Network
    "Netwerkavond Ondernemen in Lombok": {
        "tr": (
            "Lombok'ta girişimciler buluşma akşamı",
            "lombokta-girisimciler-bulusma-aksami",
            "Her ayın ilk perşembesi: mahalledeki girişimciler kısa bir konuşma eşliğinde bir "
            "araya gelir.",
        ),
        "ar": (
            "أمسية تعارف لرواد الأعمال في Lombok",
            "umsiyat-taaruf-lombok",
            "في أول خميس من كل شهر: يلتقي رواد الأعمال من الحي، مع محاضرة قصيرة.",
        ),
    },
    "Vrouwen die ondernemen": {
        "tr": (
            "Girişimci kadınlar",
            "girisimci-kadinlar",
            "Kadın girişimcilerden ve kadın girişimciler için bir ağ; her ay Overvecht'te "
            "buluşmalarla.",
        ),
        "ar": (
            "نساء رائدات أعمال",
            "nisa-raidat-amal",
            "شبكة من رائدات الأعمال ولأجلهن، مع لقاءات شهرية في Overvecht.",
        ),
    },
    "Zakenlunch met inkopers van grote bedrijven": {
        "tr": (
            "Büyük şirketlerin satın almacılarıyla iş yemeği",
            "satin-almacilarla-is-yemegi",
            "Yemek hizmeti, temizlik ve daha fazlası için yerel tedarikçi arayan satın alma "
            "sorumlularıyla tanışın.",
        ),
        "ar": (
            "غداء عمل مع مسؤولي المشتريات في الشركات الكبيرة",
            "ghada-amal",
            "تعرّف على مسؤولي مشتريات يبحثون عن موردين محليين للتموين والتنظيف وغير ذلك.",
        ),
    },
    # Mentoring and coaching
    "Mentor voor een jaar": {
        "tr": (
            "Bir yıllığına mentor",
            "bir-yilligina-mentor",
            "Şehirden deneyimli bir girişimci bir yıl boyunca yol arkadaşınız olur: ayda bir "
            "görüşme.",
        ),
        "ar": (
            "مرشد لمدة سنة",
            "murshid-li-muddat-sana",
            "رائد أعمال صاحب خبرة من المدينة يرافقك لمدة سنة: لقاء واحد كل شهر.",
        ),
    },
    "Starterscoach van de KvK": {
        "tr": (
            "KvK'dan yeni başlayanlar koçu",
            "kvk-yeni-baslayanlar-kocu",
            "Yeni başlayanlar koçuyla üç görüşme: planınız, rakamlarınız ve ilk müşterileriniz.",
        ),
        "ar": (
            "مدرب للمبتدئين من KvK",
            "mudarrib-lil-mubtadiin",
            "ثلاثة لقاءات مع مدرب للمبتدئين: خطتك، وأرقامك، وأول زبائنك.",
        ),
    },
    # Skills and training
    "Basiscursus ondernemen in het Turks": {
        "tr": (
            "Türkçe temel girişimcilik kursu",
            "turkce-temel-girisimcilik-kursu",
            "Kurallar, vergiler, fiyatlar ve müşteriler üzerine sekiz ders; Türkçe, Hollandaca "
            "meslek terimleriyle.",
        ),
        "ar": (
            "دورة أساسية في ريادة الأعمال باللغة التركية",
            "dawra-asasiyya-bil-turkiyya",
            "ثمانية دروس عن القواعد، والضرائب، والأسعار، والزبائن، باللغة التركية مع المصطلحات "
            "المهنية الهولندية.",
        ),
    },
    "Nederlands voor de winkel": {
        "tr": (
            "Dükkân için Hollandaca",
            "dukkan-icin-hollandaca",
            "İşyerinizde her gün yaptığınız konuşmaları bir öğretmenle ve başka girişimcilerle "
            "çalışın.",
        ),
        "ar": (
            "اللغة الهولندية للمحل",
            "al-hulandiyya-lil-mahall",
            "تدرّب على المحادثات التي تجريها كل يوم في محلك، مع مدرّس ومع رواد أعمال آخرين.",
        ),
    },
    # Premises
    "Bedrijfsruimte in de wijk vinden": {
        "tr": (
            "Mahallede iş yeri bulmak",
            "mahallede-is-yeri-bulmak",
            "Belediye, bir dükkân ya da atölye ararken size yardım eder ve imar planında nelere "
            "izin verildiğini anlatır.",
        ),
        "ar": (
            "إيجاد مكان عمل في الحي",
            "ijad-makan-amal",
            "تساعدك البلدية في البحث عن محل أو ورشة، وتشرح لك ما يسمح به مخطط استخدام الأراضي.",
        ),
    },
    # Administration and permits
    "Vergunningen en regels: het Ondernemersloket": {
        "tr": (
            "İzinler ve kurallar: Girişimci Masası (Ondernemersloket)",
            "izinler-ve-kurallar",
            "Teras izni, reklam tabelası, tadilat: masa neye ihtiyacınız olduğunu anlatır ve "
            "başvurunuzda size yardım eder.",
        ),
        "ar": (
            "التراخيص والقواعد: مكتب رواد الأعمال (Ondernemersloket)",
            "al-tarakhis-wal-qawaid",
            "ترخيص الجلوس في الخارج (التراس)، ولافتة إعلانية، وأعمال ترميم: يشرح لك المكتب ما "
            "تحتاجه ويساعدك في تقديم الطلب.",
        ),
    },
    "Administratie op orde in drie avonden": {
        "tr": (
            "Üç akşamda evraklarınız düzende",
            "uc-aksamda-evraklariniz-duzende",
            "Faturalar, fişler, KDV ve gelir vergisi: neleri saklamanız gerektiği ve neyi ne "
            "zaman yapacağınız.",
        ),
        "ar": (
            "رتّب أوراقك الإدارية في ثلاث أمسيات",
            "tartib-awraqik",
            "الفواتير، والإيصالات، وضريبة القيمة المضافة، وضريبة الدخل: ما الذي يجب أن تحتفظ به، "
            "ومتى تفعل كل شيء.",
        ),
    },
}

LANGUAGES = ("tr", "ar")


def programme_texts(title, code):
    title, slug, summary = PROGRAMMES[title][code]
    body = [{"type": "paragraph", "value": BODY[code].format(summary=summary)}]
    return {"title": title, "slug": slug, "summary": summary, "body": body}


@demo_step(order=25)
def load(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is None:
        return
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        if home.get_translation_or_none(locale) is None:
            continue  # the home app's step makes the home page in each language
        ensure_translation(index, INDEX[code], locale)
        for programme in ProgrammePage.objects.child_of(index).filter(title__in=PROGRAMMES):
            ensure_translation(programme, programme_texts(programme.title, code), locale)
    translated = ProgrammePage.objects.filter(
        locale__language_code__in=LANGUAGES, alias_of__isnull=True
    )
    stdout.write(f"Programma's vertaald in het Turks en Arabisch: {translated.count()}")
