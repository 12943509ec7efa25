"""Texts of the demo site, in plain Dutch (B1) with English, Turkish and Arabic beside it.

Each entry is keyed by language code. StreamField bodies are written in Wagtail's raw JSON form
(a list of {"type", "value"}), so the demo data command can store them as they are.
"""


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def table(caption, rows):
    return {
        "type": "table",
        "value": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
            "table_caption": caption,
        },
    }


MUNICIPALITY = {
    "municipality_name": "Gemeente Utrecht",
    "contact_phone": "030 000 00 00",
    "contact_email": "ondernemers@example.nl",
    "contact_address": "Postbus 0000\n3500 AA Utrecht",
    "contact_hours": "Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
}

SOCIAL_LINKS = [
    ("linkedin", "https://www.linkedin.com/company/example"),
    ("instagram", "https://www.instagram.com/example"),
]

HOME = {
    "nl": {
        "title": "Ondernemers in de wijk",
        "hero_heading": "Ondernemen in jouw wijk",
        "hero_text": (
            "Vind winkels en bedrijven bij jou in de buurt. Laat zien wat jouw bedrijf te bieden "
            "heeft. En vind hulp om te groeien: met nieuwe ideeën, geld en een mentor."
        ),
        "introduction": (
            "<p>In onze wijken werken duizenden ondernemers. Zij maken de straat levendig: de "
            "bakker, de kapper, de toko, de naaister en de ontwerper om de hoek. Op dit portaal "
            "vind je ze allemaal. Ben je zelf ondernemer? Dan vind je hier hulp die verder gaat "
            "dan een pand of een vergunning: hulp bij nieuwe ideeën, online verkopen, geld "
            "aanvragen en een netwerk.</p>"
        ),
        "calls_to_action": [
            {
                "title": "Zet je bedrijf op de kaart",
                "text": "Maak gratis een profiel voor je bedrijf. Bezoekers zien dan waar je zit, "
                "wanneer je open bent en welke talen je spreekt.",
                "link_label": "Meld je bedrijf aan",
                "url": "/account/signup/",
            },
            {
                "title": "Hulp van een mentor",
                "text": (
                    "Een ervaren ondernemer denkt met je mee. Gratis, in jouw taal als dat kan."
                ),
                "link_label": "Vraag een mentor aan",
                "url": "/mentor-aanvragen/",
            },
        ],
        "featured_heading": "Meer weten?",
        "featured_introduction": "Lees wat dit portaal doet, en hoe wij met je gegevens omgaan.",
    },
    "en": {
        "title": "Entrepreneurs in the neighbourhood",
        "hero_heading": "Doing business in your neighbourhood",
        "hero_text": (
            "Find shops and businesses near you. Show what your business has to offer. And find "
            "help to grow: with new ideas, funding and a mentor."
        ),
        "introduction": (
            "<p>Thousands of entrepreneurs work in our neighbourhoods. They bring the street to "
            "life: the baker, the hairdresser, the grocer, the tailor and the designer around the "
            "corner. You can find them all on this portal. Are you an entrepreneur yourself? Here "
            "you find help that goes beyond premises and permits: help with new ideas, selling "
            "online, applying for funding and building a network.</p>"
        ),
        "calls_to_action": [
            {
                "title": "Put your business on the map",
                "text": "Create a free profile for your business. Visitors then see where you are, "
                "when you are open and which languages you speak.",
                "link_label": "Register your business",
                "url": "/en/account/signup/",
            },
            {
                "title": "Help from a mentor",
                "text": "An experienced entrepreneur thinks along with you. Free of charge, in "
                "your language where possible.",
                "link_label": "Ask for a mentor",
                "url": "/en/mentor-aanvragen/",
            },
        ],
        "featured_heading": "Want to know more?",
        "featured_introduction": "Read what this portal does, and how we handle your data.",
    },
    "tr": {
        "title": "Mahalledeki girişimciler",
        "hero_heading": "Mahallenizde girişimcilik",
        "hero_text": (
            "Yakınınızdaki dükkânları ve işletmeleri bulun. İşletmenizin neler sunduğunu "
            "gösterin. Büyümek için de destek bulun: yeni fikirler, maddi destek ve bir mentor."
        ),
        "introduction": (
            "<p>Mahallelerimizde binlerce girişimci çalışıyor. Sokağa hayat veren onlar: "
            "fırıncı, kuaför, bakkal, terzi ve köşedeki tasarımcı. Bu portalda hepsini "
            "bulabilirsiniz. Siz de girişimci misiniz? Burada bir iş yerinden ya da izinden "
            "fazlası için destek bulursunuz: yeni fikirler, internetten satış, maddi destek "
            "başvurusu ve bir iş çevresi edinme konusunda yardım.</p>"
        ),
        "calls_to_action": [
            {
                "title": "İşletmenizi haritaya ekleyin",
                "text": "İşletmeniz için ücretsiz bir profil oluşturun. Ziyaretçiler nerede "
                "olduğunuzu, ne zaman açık olduğunuzu ve hangi dilleri konuştuğunuzu görür.",
                "link_label": "İşletmenizi kaydedin",
                "url": "/tr/account/signup/",
            },
            {
                "title": "Bir mentordan destek",
                "text": "Deneyimli bir girişimci sizinle birlikte düşünür. Ücretsiz ve mümkünse "
                "sizin dilinizde.",
                "link_label": "Mentor isteyin",
                "url": "/tr/mentor-aanvragen/",
            },
        ],
        "featured_heading": "Daha fazlasını mı öğrenmek istiyorsunuz?",
        "featured_introduction": (
            "Bu portalın ne yaptığını ve bilgilerinizi nasıl kullandığımızı okuyun."
        ),
    },
    "ar": {
        "title": "رواد الأعمال في الحي",
        "hero_heading": "ريادة الأعمال في حيّك",
        "hero_text": (
            "اعثر على المحلات والشركات القريبة منك. اعرض ما تقدمه شركتك. واحصل على المساعدة "
            "لتنمو: بأفكار جديدة، وبالتمويل، وبمرشد."
        ),
        "introduction": (
            "<p>يعمل آلاف رواد الأعمال في أحيائنا. هم من يملؤون الشارع بالحياة: الخبّاز، "
            "والحلّاق، ومحل البقالة، والخيّاطة، والمصمم في الزاوية. تجدهم جميعًا على هذه "
            "البوابة. هل أنت رائد أعمال؟ هنا تجد مساعدة تتجاوز إيجاد محل أو الحصول على ترخيص: "
            "مساعدة في الأفكار الجديدة، والبيع عبر الإنترنت، وطلب التمويل، وبناء شبكة علاقات."
            "</p>"
        ),
        "calls_to_action": [
            {
                "title": "ضع شركتك على الخريطة",
                "text": "أنشئ ملفًا تعريفيًا مجانيًا لشركتك. عندها يرى الزوار أين تقع، ومتى "
                "تفتح، وما اللغات التي تتحدثها.",
                "link_label": "سجّل شركتك",
                "url": "/ar/account/signup/",
            },
            {
                "title": "مساعدة من مرشد",
                "text": "رائد أعمال صاحب خبرة يفكر معك. مجانًا، وبلغتك إن أمكن.",
                "link_label": "اطلب مرشدًا",
                "url": "/ar/mentor-aanvragen/",
            },
        ],
        "featured_heading": "هل تريد أن تعرف أكثر؟",
        "featured_introduction": "اقرأ ما تفعله هذه البوابة، وكيف نتعامل مع بياناتك.",
    },
}

ABOUT = {
    "nl": {
        "title": "Over dit portaal",
        "slug": "over-dit-portaal",
        "introduction": (
            "Dit portaal is van de gemeente. Het is er voor ondernemers in onze wijken, en voor "
            "iedereen die bij hen wil kopen."
        ),
        "body": [
            heading("Waarom dit portaal?"),
            paragraph(
                "<p>Kleine ondernemers maken een wijk levendig en veilig. Veel van hen hebben "
                "goede ideeën, maar weinig tijd of geld om die uit te proberen. De gemeente helpt "
                "vaak met een pand of met papierwerk. Wij willen meer doen: ondernemers helpen om "
                "nieuwe dingen te proberen en te groeien.</p>"
            ),
            heading("Wat kun je hier doen?"),
            paragraph(
                "<ul><li>Winkels en bedrijven zoeken per wijk, per soort bedrijf en per taal.</li>"
                "<li>Zien welke winkels nu open zijn.</li>"
                "<li>Hulp vinden: workshops, coaching, leningen, subsidies en netwerken.</li>"
                "<li>Een mentor vragen: een ervaren ondernemer die met je meedenkt.</li></ul>"
            ),
            heading("Je bedrijf aanmelden"),
            paragraph(
                "<p>Heb je een bedrijf in een van onze wijken? Maak dan een account en vul je "
                "profiel in. Je vertelt zelf je verhaal. Een medewerker van de gemeente kijkt je "
                "profiel na voordat het online komt. Dat duurt meestal een paar werkdagen.</p>"
            ),
            heading("Een mentor vinden"),
            paragraph(
                "<p>Onze mentoren zijn ervaren ondernemers. Ze helpen gratis. Je vertelt waar je "
                "hulp bij zoekt. Wij stellen een mentor voor die bij jou past, bijvoorbeeld "
                "omdat hij of zij jouw taal spreekt of jouw branche kent.</p>"
            ),
            quote(
                "Door het portaal vonden nieuwe klanten de weg naar mijn winkel. En mijn mentor "
                "hielp me met mijn eerste webshop.",
                "Ondernemer uit Lombok (fictief voorbeeld)",
            ),
            heading("Wie maakt dit portaal?"),
            paragraph(
                "<p>De afdeling Economische Zaken van de gemeente beheert dit portaal. Vragen of "
                "ideeën? Neem contact met ons op. Onze gegevens staan onderaan elke pagina.</p>"
            ),
        ],
    },
    "en": {
        "title": "About this portal",
        "slug": "about-this-portal",
        "introduction": (
            "This portal is run by the municipality. It is there for entrepreneurs in our "
            "neighbourhoods, and for everyone who wants to buy from them."
        ),
        "body": [
            heading("Why this portal?"),
            paragraph(
                "<p>Small businesses make a neighbourhood lively and safe. Many of them have good "
                "ideas, but little time or money to try them out. The municipality often helps "
                "with premises or paperwork. We want to do more: help entrepreneurs try new "
                "things and grow.</p>"
            ),
            heading("What can you do here?"),
            paragraph(
                "<ul><li>Search shops and businesses by neighbourhood, by kind of business and by "
                "language.</li><li>See which shops are open now.</li>"
                "<li>Find support: workshops, coaching, loans, grants and networks.</li>"
                "<li>Ask for a mentor: an experienced entrepreneur who thinks along with you.</li>"
                "</ul>"
            ),
            heading("Register your business"),
            paragraph(
                "<p>Do you run a business in one of our neighbourhoods? Create an account and fill "
                "in your profile. You tell your own story. A member of municipal staff checks "
                "your profile before it goes online. This usually takes a few working days.</p>"
            ),
            heading("Find a mentor"),
            paragraph(
                "<p>Our mentors are experienced entrepreneurs. They help free of charge. You tell "
                "us what you need help with. We propose a mentor who suits you, for example "
                "because they speak your language or know your trade.</p>"
            ),
            quote(
                "Thanks to the portal, new customers found their way to my shop. And my mentor "
                "helped me set up my first web shop.",
                "Entrepreneur from Lombok (fictional example)",
            ),
            heading("Who runs this portal?"),
            paragraph(
                "<p>The municipality's Economic Affairs department runs this portal. Questions or "
                "ideas? Get in touch. Our contact details are at the bottom of every page.</p>"
            ),
        ],
    },
    "tr": {
        "title": "Bu portal hakkında",
        "slug": "bu-portal-hakkinda",
        "introduction": (
            "Bu portal belediyenindir. Mahallelerimizdeki girişimciler ve onlardan alışveriş "
            "yapmak isteyen herkes içindir."
        ),
        "body": [
            heading("Neden bu portal?"),
            paragraph(
                "<p>Küçük işletmeler bir mahalleyi canlı ve güvenli yapar. Birçoğunun iyi "
                "fikirleri var, ama bunları denemek için zamanları ya da paraları az. Belediye "
                "çoğu zaman bir iş yeri bulmada ya da evrak işlerinde yardım eder. Biz daha "
                "fazlasını yapmak istiyoruz: girişimcilerin yeni şeyler denemesine ve büyümesine "
                "yardım etmek.</p>"
            ),
            heading("Burada neler yapabilirsiniz?"),
            paragraph(
                "<ul><li>Dükkânları ve işletmeleri mahalleye, işletme türüne ve dile göre "
                "arayın.</li><li>Hangi dükkânların şu anda açık olduğunu görün.</li>"
                "<li>Destek bulun: atölyeler, koçluk, krediler, hibeler ve iş ağları.</li>"
                "<li>Bir mentor isteyin: sizinle birlikte düşünen deneyimli bir girişimci.</li>"
                "</ul>"
            ),
            heading("İşletmenizi kaydedin"),
            paragraph(
                "<p>Mahallelerimizden birinde bir işletmeniz mi var? O zaman bir hesap açın ve "
                "profilinizi doldurun. Hikâyenizi kendiniz anlatırsınız. Profiliniz internette "
                "yayımlanmadan önce belediyeden bir çalışan onu kontrol eder. Bu genellikle "
                "birkaç iş günü sürer.</p>"
            ),
            heading("Bir mentor bulun"),
            paragraph(
                "<p>Mentorlarımız deneyimli girişimcilerdir. Ücretsiz yardım ederler. Siz hangi "
                "konuda yardım aradığınızı anlatırsınız. Biz de size uyan bir mentor öneririz; "
                "örneğin sizin dilinizi konuştuğu ya da sizin işkolunuzu tanıdığı için.</p>"
            ),
            quote(
                "Portal sayesinde yeni müşteriler dükkânımın yolunu buldu. Mentorum da ilk "
                "internet mağazamı kurarken bana yardım etti.",
                "Lombok'tan bir girişimci (hayali bir örnek)",
            ),
            heading("Bu portalı kim yapıyor?"),
            paragraph(
                "<p>Bu portalı belediyenin Ekonomik İşler bölümü yönetiyor. Sorularınız ya da "
                "fikirleriniz mi var? Bizimle iletişime geçin. İletişim bilgilerimiz her "
                "sayfanın en altındadır.</p>"
            ),
        ],
    },
    "ar": {
        "title": "عن هذه البوابة",
        "slug": "an-hadhihi-al-bawwaba",
        "introduction": (
            "هذه البوابة تابعة للبلدية. وهي موجهة إلى رواد الأعمال في أحيائنا، وإلى كل من يريد "
            "الشراء منهم."
        ),
        "body": [
            heading("لماذا هذه البوابة؟"),
            paragraph(
                "<p>المشاريع الصغيرة تجعل الحي مليئًا بالحياة وآمنًا. لدى كثير من أصحابها أفكار "
                "جيدة، لكن وقتهم أو مالهم لا يكفي لتجربتها. غالبًا ما تساعد البلدية في إيجاد محل "
                "أو في الأوراق والمعاملات. نحن نريد أن نفعل أكثر: أن نساعد رواد الأعمال على "
                "تجربة أشياء جديدة وعلى النمو.</p>"
            ),
            heading("ماذا يمكنك أن تفعل هنا؟"),
            paragraph(
                "<ul><li>البحث عن المحلات والشركات حسب الحي، وحسب نوع النشاط، وحسب اللغة.</li>"
                "<li>معرفة المحلات المفتوحة الآن.</li>"
                "<li>إيجاد الدعم: ورش عمل، وتدريب شخصي، وقروض، ومنح، وشبكات علاقات.</li>"
                "<li>طلب مرشد: رائد أعمال صاحب خبرة يفكر معك.</li></ul>"
            ),
            heading("سجّل شركتك"),
            paragraph(
                "<p>هل لديك شركة في أحد أحيائنا؟ أنشئ حسابًا واملأ ملفك التعريفي. أنت من يروي "
                "قصتك. يراجع أحد موظفي البلدية ملفك قبل أن يُنشر على الإنترنت. ويستغرق ذلك "
                "عادةً بضعة أيام عمل.</p>"
            ),
            heading("اعثر على مرشد"),
            paragraph(
                "<p>مرشدونا رواد أعمال أصحاب خبرة، ويساعدون مجانًا. تخبرنا بما تحتاج المساعدة "
                "فيه، ونقترح عليك مرشدًا يناسبك، مثلًا لأنه يتحدث لغتك أو يعرف مجال عملك.</p>"
            ),
            quote(
                "بفضل البوابة وجد زبائن جدد طريقهم إلى محلي. وساعدني مرشدي في إنشاء أول متجر "
                "إلكتروني لي.",
                "رائد أعمال من Lombok (مثال خيالي)",
            ),
            heading("من يدير هذه البوابة؟"),
            paragraph(
                "<p>تدير هذه البوابة إدارة الشؤون الاقتصادية في البلدية. هل لديك أسئلة أو "
                "أفكار؟ تواصل معنا. تجد بيانات الاتصال بنا في أسفل كل صفحة.</p>"
            ),
        ],
    },
}

PRIVACY = {
    "nl": {
        "title": "Privacyverklaring",
        "slug": "privacyverklaring",
        "introduction": (
            "Wij gaan zorgvuldig om met je gegevens. Hier lees je welke gegevens we bewaren, "
            "waarom, en wat je rechten zijn."
        ),
        "body": [
            heading("Wie is verantwoordelijk?"),
            paragraph(
                "<p>De gemeente is verantwoordelijk voor de gegevens op dit portaal. De gemeente "
                "heeft een functionaris gegevensbescherming. Die kun je mailen via "
                "privacy@example.nl.</p>"
            ),
            heading("Welke gegevens bewaren we?"),
            table(
                "Gegevens die we bewaren",
                [
                    ["Gegevens", "Waarom", "Hoe lang"],
                    [
                        "Naam en e-mailadres van je account",
                        "Om in te loggen en je berichten te sturen",
                        "Tot je je account verwijdert",
                    ],
                    [
                        "Gegevens van je bedrijf",
                        "Om je bedrijf te tonen aan bezoekers",
                        "Tot je het profiel verwijdert",
                    ],
                    [
                        "Je vraag om een mentor",
                        "Om een passende mentor te vinden",
                        "Tot 2 jaar na het einde van de begeleiding",
                    ],
                ],
            ),
            heading("Open data en cijfers"),
            paragraph(
                "<p>Gepubliceerde bedrijfsprofielen deelt de gemeente ook als open data (CC0): "
                "naam, wijk, sectoren, talen, adres, website en openingstijden. Telefoonnummer, "
                "e-mailadres, KvK-nummer, verhaal en foto's horen daar niet bij, en de eigenaar "
                "ook niet. Cijfers per wijk tellen we alleen uit gegevens die we al hebben, zonder "
                "cookies; aantallen onder de 5 tonen we als “&lt; 5”, zodat geen cijfer naar één "
                "persoon wijst. Zoekopdrachten bewaren we zonder wie ze deed, 13 maanden.</p>"
            ),
            heading("Wat bewaren we niet?"),
            paragraph(
                "<p>We vragen en bewaren nooit je etnische afkomst. We beschrijven een bedrijf "
                "alleen met wat het aanbiedt: producten, diensten en de talen die er gesproken "
                "worden. We gebruiken geen cookies om je te volgen.</p>"
            ),
            heading("Wat zijn je rechten?"),
            paragraph(
                "<p>Je mag je gegevens altijd inzien, aanpassen, downloaden en laten verwijderen. "
                "Dat kan zelf, op je accountpagina. Lukt dat niet? Mail dan naar "
                "privacy@example.nl. Ben je het niet eens met hoe wij met je gegevens omgaan? "
                "Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.</p>"
            ),
        ],
    },
    "en": {
        "title": "Privacy statement",
        "slug": "privacy-statement",
        "introduction": (
            "We handle your data with care. Here you can read which data we keep, why, and what "
            "your rights are."
        ),
        "body": [
            heading("Who is responsible?"),
            paragraph(
                "<p>The municipality is responsible for the data on this portal. The municipality "
                "has a data protection officer, whom you can e-mail at privacy@example.nl.</p>"
            ),
            heading("Which data do we keep?"),
            table(
                "Data we keep",
                [
                    ["Data", "Why", "How long"],
                    [
                        "Name and e-mail address of your account",
                        "To log in and to send you messages",
                        "Until you delete your account",
                    ],
                    [
                        "Details of your business",
                        "To show your business to visitors",
                        "Until you delete the profile",
                    ],
                    [
                        "Your request for a mentor",
                        "To find a suitable mentor",
                        "Up to 2 years after the mentoring ends",
                    ],
                ],
            ),
            heading("Open data and figures"),
            paragraph(
                "<p>The municipality also shares published business profiles as open data (CC0): "
                "name, neighbourhood, sectors, languages, address, website and opening hours. The "
                "phone number, e-mail address, KvK number, story and photos are not part of it, "
                "nor is the owner. Figures per neighbourhood are counted only from data we already "
                "hold, without cookies; counts below 5 are shown as “&lt; 5”, so that no figure "
                "points to one person. Searches are kept without who made them, for 13 months.</p>"
            ),
            heading("What do we not keep?"),
            paragraph(
                "<p>We never ask for or keep your ethnic origin. We describe a business only by "
                "what it offers: products, services and the languages spoken there. We do not use "
                "cookies to track you.</p>"
            ),
            heading("What are your rights?"),
            paragraph(
                "<p>You may always view, correct, download and delete your data. You can do this "
                "yourself, on your account page. If that does not work, e-mail "
                "privacy@example.nl. If you disagree with how we handle your data, you can file a "
                "complaint with the Dutch Data Protection Authority (Autoriteit "
                "Persoonsgegevens).</p>"
            ),
        ],
    },
    "tr": {
        "title": "Gizlilik bildirimi",
        "slug": "gizlilik-bildirimi",
        "introduction": (
            "Bilgilerinizi özenle kullanıyoruz. Burada hangi bilgileri sakladığımızı, neden "
            "sakladığımızı ve haklarınızın neler olduğunu okuyabilirsiniz."
        ),
        "body": [
            heading("Kim sorumlu?"),
            paragraph(
                "<p>Bu portaldaki bilgilerden belediye sorumludur. Belediyenin bir veri koruma "
                "görevlisi vardır. Ona privacy@example.nl adresine e-posta gönderebilirsiniz.</p>"
            ),
            heading("Hangi bilgileri saklıyoruz?"),
            table(
                "Sakladığımız bilgiler",
                [
                    ["Bilgi", "Neden", "Ne kadar süre"],
                    [
                        "Hesabınızın adı ve e-posta adresi",
                        "Giriş yapabilmeniz ve size mesaj gönderebilmemiz için",
                        "Hesabınızı silene kadar",
                    ],
                    [
                        "İşletmenizin bilgileri",
                        "İşletmenizi ziyaretçilere göstermek için",
                        "Profili silene kadar",
                    ],
                    [
                        "Mentor isteğiniz",
                        "Size uyan bir mentor bulmak için",
                        "Destek bittikten sonra en fazla 2 yıl",
                    ],
                ],
            ),
            heading("Açık veri ve rakamlar"),
            paragraph(
                "<p>Belediye, yayımlanmış işletme profillerini açık veri (CC0) olarak da paylaşır: "
                "ad, mahalle, sektörler, diller, adres, web sitesi ve açılış saatleri. Telefon "
                "numarası, e-posta adresi, KvK numarası, hikâye ve fotoğraflar buna dahil "
                "değildir; işletmenin sahibi de dahil değildir. Mahalle başına rakamları yalnızca "
                "zaten elimizde olan bilgilerden, çerez kullanmadan sayarız; 5'in altındaki "
                "sayıları “&lt; 5” olarak gösteririz, böylece hiçbir rakam tek bir kişiyi "
                "göstermez. Aramaları, kimin yaptığını saklamadan 13 ay tutarız.</p>"
            ),
            heading("Neleri saklamıyoruz?"),
            paragraph(
                "<p>Etnik kökeninizi asla sormayız ve saklamayız. Bir işletmeyi yalnızca "
                "sunduklarıyla anlatırız: ürünler, hizmetler ve orada konuşulan diller. Sizi "
                "takip etmek için çerez kullanmayız.</p>"
            ),
            heading("Haklarınız nelerdir?"),
            paragraph(
                "<p>Bilgilerinizi her zaman görebilir, düzeltebilir, indirebilir ve "
                "sildirebilirsiniz. Bunu hesap sayfanızda kendiniz yapabilirsiniz. Olmuyor mu? O "
                "zaman privacy@example.nl adresine e-posta gönderin. Bilgilerinizi nasıl "
                "kullandığımıza katılmıyor musunuz? O zaman Hollanda Kişisel Verileri Koruma "
                "Kurumuna (Autoriteit Persoonsgegevens) şikâyette bulunabilirsiniz.</p>"
            ),
        ],
    },
    "ar": {
        "title": "بيان الخصوصية",
        "slug": "bayan-al-khususiya",
        "introduction": (
            "نتعامل مع بياناتك بعناية. هنا تقرأ ما البيانات التي نحتفظ بها، ولماذا، وما هي حقوقك."
        ),
        "body": [
            heading("من المسؤول؟"),
            paragraph(
                "<p>البلدية هي المسؤولة عن البيانات الموجودة على هذه البوابة. لدى البلدية مسؤول "
                "عن حماية البيانات، ويمكنك مراسلته على البريد الإلكتروني privacy@example.nl.</p>"
            ),
            heading("ما البيانات التي نحتفظ بها؟"),
            table(
                "البيانات التي نحتفظ بها",
                [
                    ["البيانات", "لماذا", "إلى متى"],
                    [
                        "الاسم وعنوان البريد الإلكتروني لحسابك",
                        "لتسجيل الدخول ولإرسال الرسائل إليك",
                        "حتى تحذف حسابك",
                    ],
                    [
                        "بيانات شركتك",
                        "لعرض شركتك على الزوار",
                        "حتى تحذف الملف التعريفي",
                    ],
                    [
                        "طلبك للحصول على مرشد",
                        "لإيجاد مرشد مناسب لك",
                        "حتى سنتين بعد انتهاء الإرشاد",
                    ],
                ],
            ),
            heading("البيانات المفتوحة والأرقام"),
            paragraph(
                "<p>تشارك البلدية أيضًا الملفات التعريفية المنشورة للشركات كبيانات مفتوحة (CC0): "
                "الاسم، والحي، والقطاعات، واللغات، والعنوان، والموقع الإلكتروني، وأوقات العمل. "
                "أما رقم الهاتف، وعنوان البريد الإلكتروني، ورقم KvK، والقصة، والصور فليست جزءًا "
                "منها، ولا اسم المالك أيضًا. نحسب الأرقام الخاصة بكل حي من بيانات موجودة لدينا "
                "أصلًا فقط، ومن دون ملفات تعريف الارتباط (الكوكيز)؛ ونعرض الأعداد الأقل من 5 على "
                "شكل “&lt; 5”، حتى لا يدل أي رقم على شخص واحد. ونحتفظ بعمليات البحث من دون "
                "معرفة من قام بها، لمدة 13 شهرًا.</p>"
            ),
            heading("ما الذي لا نحتفظ به؟"),
            paragraph(
                "<p>لا نسأل أبدًا عن أصلك العرقي ولا نحتفظ به. نصف الشركة فقط بما تقدمه: "
                "المنتجات، والخدمات، واللغات التي يُتحدَّث بها فيها. لا نستخدم ملفات تعريف "
                "الارتباط لتتبعك.</p>"
            ),
            heading("ما هي حقوقك؟"),
            paragraph(
                "<p>يحق لك دائمًا أن تطلع على بياناتك، وأن تعدلها، وأن تنزّلها، وأن تطلب حذفها. "
                "يمكنك فعل ذلك بنفسك في صفحة حسابك. إذا لم تنجح في ذلك، أرسل بريدًا إلكترونيًا "
                "إلى privacy@example.nl. وإذا كنت غير موافق على طريقة تعاملنا مع بياناتك، يمكنك "
                "تقديم شكوى لدى هيئة حماية البيانات الهولندية (Autoriteit Persoonsgegevens).</p>"
            ),
        ],
    },
}

ACCESSIBILITY = {
    "nl": {
        "title": "Toegankelijkheidsverklaring",
        "slug": "toegankelijkheidsverklaring",
        "introduction": (
            "Iedereen moet dit portaal kunnen gebruiken. Ook als je slecht ziet, slecht hoort, "
            "of geen muis gebruikt."
        ),
        "body": [
            heading("Onze afspraak"),
            paragraph(
                "<p>De gemeente wil dat dit portaal voldoet aan de toegankelijkheidseisen van de "
                "overheid (WCAG 2.1, niveau AA). Dat is ook wettelijk verplicht.</p>"
            ),
            heading("Hoe controleren we dat?"),
            paragraph(
                "<ul><li>Bij elke wijziging testen we automatisch alle openbare pagina's.</li>"
                "<li>Alle pagina's werken met alleen een toetsenbord.</li>"
                "<li>De pagina's werken ook zonder JavaScript.</li></ul>"
            ),
            heading("Wat werkt nog niet goed?"),
            paragraph(
                "<p>Kaarten kunnen lastig zijn voor mensen die niet goed zien. Daarom staat naast "
                "elke kaart ook een lijst met adressen.</p>"
            ),
            heading("Iets niet bruikbaar voor jou?"),
            paragraph(
                "<p>Laat het ons weten via ondernemers@example.nl. Binnen 5 werkdagen krijg je "
                "antwoord. Krijg je geen antwoord, of ben je niet tevreden? Dan kun je contact "
                "opnemen met de Nationale ombudsman.</p>"
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "introduction": (
            "Everyone should be able to use this portal, also if you have low vision, are hard of "
            "hearing, or do not use a mouse."
        ),
        "body": [
            heading("Our commitment"),
            paragraph(
                "<p>The municipality wants this portal to meet the government's accessibility "
                "requirements (WCAG 2.1, level AA). This is also a legal duty.</p>"
            ),
            heading("How do we check this?"),
            paragraph(
                "<ul><li>With every change, we automatically test all public pages.</li>"
                "<li>All pages work with a keyboard only.</li>"
                "<li>The pages also work without JavaScript.</li></ul>"
            ),
            heading("What does not work well yet?"),
            paragraph(
                "<p>Maps can be hard to use for people with low vision. That is why every map has "
                "a list of addresses beside it.</p>"
            ),
            heading("Something you cannot use?"),
            paragraph(
                "<p>Let us know at ondernemers@example.nl. You will get an answer within 5 working "
                "days. No answer, or not satisfied? Then you can contact the National "
                "Ombudsman.</p>"
            ),
        ],
    },
    "tr": {
        "title": "Erişilebilirlik bildirimi",
        "slug": "erisilebilirlik-bildirimi",
        "introduction": (
            "Bu portalı herkes kullanabilmeli. İyi göremeseniz, iyi duyamasanız ya da fare "
            "kullanmasanız da."
        ),
        "body": [
            heading("Sözümüz"),
            paragraph(
                "<p>Belediye, bu portalın devletin erişilebilirlik kurallarına (WCAG 2.1, AA "
                "düzeyi) uymasını istiyor. Bu, yasal bir zorunluluktur da.</p>"
            ),
            heading("Bunu nasıl kontrol ediyoruz?"),
            paragraph(
                "<ul><li>Her değişiklikte herkese açık tüm sayfaları otomatik olarak test "
                "ederiz.</li><li>Tüm sayfalar yalnızca klavyeyle kullanılabilir.</li>"
                "<li>Sayfalar JavaScript olmadan da çalışır.</li></ul>"
            ),
            heading("Neler henüz iyi çalışmıyor?"),
            paragraph(
                "<p>Haritalar, iyi göremeyen kişiler için zor olabilir. Bu yüzden her haritanın "
                "yanında adreslerin listesi de vardır.</p>"
            ),
            heading("Kullanamadığınız bir şey mi var?"),
            paragraph(
                "<p>Bize ondernemers@example.nl adresinden bildirin. 5 iş günü içinde yanıt "
                "alırsınız. Yanıt alamazsanız ya da memnun kalmazsanız Ulusal Ombudsman "
                "(Nationale ombudsman) ile iletişime geçebilirsiniz.</p>"
            ),
        ],
    },
    "ar": {
        "title": "بيان إمكانية الوصول",
        "slug": "bayan-imkaniyat-al-wusul",
        "introduction": (
            "يجب أن يتمكن الجميع من استخدام هذه البوابة، حتى لو كان نظرك أو سمعك ضعيفًا، أو "
            "كنت لا تستخدم الفأرة."
        ),
        "body": [
            heading("التزامنا"),
            paragraph(
                "<p>تريد البلدية أن تستوفي هذه البوابة متطلبات إمكانية الوصول الحكومية (WCAG "
                "2.1، المستوى AA). وهذا أيضًا واجب يفرضه القانون.</p>"
            ),
            heading("كيف نتحقق من ذلك؟"),
            paragraph(
                "<ul><li>مع كل تغيير نختبر كل الصفحات العامة تلقائيًا.</li>"
                "<li>كل الصفحات تعمل بلوحة المفاتيح وحدها.</li>"
                "<li>الصفحات تعمل أيضًا من دون JavaScript.</li></ul>"
            ),
            heading("ما الذي لا يعمل جيدًا بعد؟"),
            paragraph(
                "<p>قد تكون الخرائط صعبة الاستخدام على ضعاف البصر. لذلك توجد بجانب كل خريطة "
                "قائمة بالعناوين أيضًا.</p>"
            ),
            heading("هل هناك شيء لا تستطيع استخدامه؟"),
            paragraph(
                "<p>أخبرنا على ondernemers@example.nl. ستحصل على رد خلال 5 أيام عمل. إذا لم "
                "تحصل على رد، أو لم تكن راضيًا، يمكنك التواصل مع أمين المظالم الوطني (Nationale "
                "ombudsman).</p>"
            ),
        ],
    },
}

FOOTER_TEXT = {
    "nl": "<p>Een portaal van de gemeente voor ondernemers in de wijk.</p>",
    "en": "<p>A portal of the municipality for entrepreneurs in the neighbourhood.</p>",
    "tr": "<p>Belediyenin, mahalledeki girişimciler için hazırladığı bir portal.</p>",
    "ar": "<p>بوابة من البلدية لرواد الأعمال في الحي.</p>",
}
