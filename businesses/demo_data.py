"""Demo neighbourhoods of Utrecht and plausible, fictional businesses in them.

Real neighbourhood and street names, invented businesses and owners. Seeded randomness, so the
same run gives the same data; existing records are left alone, so a second run changes nothing.
"""

import json
import random
from datetime import date, time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site, Workflow

from businesses import hours
from businesses.models import (
    Business,
    BusinessPhoto,
    Language,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    OpeningHours,
    Sector,
    SpecialDay,
)
from businesses.models.business import make_slug
from home.demo.helpers import (
    add_featured_section,
    add_menu_item,
    add_menu_link,
    english,
    ensure_aliases,
    ensure_image,
    ensure_translation,
)
from home.demo.images import shopfront, street_scene
from home.demo.registry import demo_step

INDEX = {
    "nl": {"title": "Wijken", "slug": "wijken",
           "introduction": "<p>In elke wijk werken ondernemers die de straat levendig maken. Kies een wijk en ontdek wie er zit, wat ze verkopen en welke talen ze spreken.</p>"},
    "en": {"title": "Neighbourhoods", "slug": "neighbourhoods",
           "introduction": "<p>In every neighbourhood, entrepreneurs bring the street to life. Choose a neighbourhood and discover who is there, what they sell and which languages they speak.</p>"},
}  # fmt: skip

# The section on the home page: heading, introduction.
FEATURED = {
    "nl": ("Ondernemers in jouw wijk", "Kies een wijk en ontdek de winkels en bedrijven die er zitten."),
    "en": ("Entrepreneurs in your neighbourhood", "Choose a neighbourhood and discover the shops and businesses there."),
    "tr": ("Mahallenizdeki girişimciler", "Bir mahalle seçin, oradaki dükkânları ve işletmeleri keşfedin."),
    "ar": ("رواد الأعمال في حيّك", "اختر حيًّا واكتشف المحلات والأعمال التجارية فيه."),
}  # fmt: skip

# slug, name, district (nl, en), centre, postcode prefix, streets, introduction (nl, en), facts
NEIGHBOURHOODS = [
    ("lombok", "Lombok", ("West", "West"), (52.0913, 5.0958), "3531",
     ["Kanaalstraat", "Damstraat", "Vleutenseweg", "Jan Pieterszoon Coenstraat", "Bilderdijkstraat"],
     ("Lombok is een levendige wijk vlak bij het centrum. De Kanaalstraat is de bekendste winkelstraat: je vindt er bakkers, toko's, slagers en groenteboeren uit de hele wereld.",
      "Lombok is a lively neighbourhood close to the city centre. Kanaalstraat is its best-known shopping street, with bakers, grocers, butchers and greengrocers from all over the world."),
     [("Winkelstraat", "Kanaalstraat"), ("Bouwperiode", "rond 1900")]),
    ("kanaleneiland", "Kanaleneiland", ("Zuidwest", "Southwest"), (52.0735, 5.0955), "3526",
     ["Marco Pololaan", "Columbuslaan", "Vasco da Gamalaan", "Amerikalaan", "Churchilllaan"],
     ("Kanaleneiland ligt tussen het Merwedekanaal en het Amsterdam-Rijnkanaal. Veel ondernemers hebben hier hun winkel, kapsalon of eethuis aan de brede lanen.",
      "Kanaleneiland lies between the Merwede Canal and the Amsterdam-Rhine Canal. Many entrepreneurs run their shop, hair salon or eatery along its wide avenues."),
     [("Bouwperiode", "jaren 1950 en 1960"), ("Ligt tussen", "twee kanalen")]),
    ("overvecht", "Overvecht", ("Overvecht", "Overvecht"), (52.1165, 5.1120), "3562",
     ["Zamenhofdreef", "Tigrisdreef", "Wolgadreef", "Donaudreef", "Moezeldreef"],
     ("Overvecht is een groene wijk in het noorden van de stad. Rond het winkelcentrum aan de Zamenhofdreef werken veel kleine ondernemers.",
      "Overvecht is a green neighbourhood in the north of the city. Many small businesses work around the shopping centre on Zamenhofdreef."),
     [("Bouwperiode", "jaren 1960 en 1970"), ("Winkelcentrum", "Zamenhofdreef")]),
    ("zuilen", "Zuilen", ("Noordwest", "Northwest"), (52.1095, 5.0940), "3554",
     ["Amsterdamsestraatweg", "Prinses Margrietstraat", "Burgemeester Norbruislaan", "Marnixlaan"],
     ("Zuilen was vroeger een eigen gemeente. Langs de Amsterdamsestraatweg vind je een lange rij winkels, eethuizen en werkplaatsen.",
      "Zuilen used to be a town of its own. Along Amsterdamsestraatweg you find a long row of shops, eateries and workshops."),
     [("Bij Utrecht sinds", "1954"), ("Winkelstraat", "Amsterdamsestraatweg")]),
    ("ondiep", "Ondiep", ("Noordwest", "Northwest"), (52.1030, 5.1040), "3552",
     ["Ondiep-Zuidzijde", "Balderikstraat", "Anton Geesinkstraat", "Kardinaal de Jongweg"],
     ("Ondiep is een oude arbeiderswijk met een sterke buurtgeest. Kleine ondernemers kennen hun klanten hier bij naam.",
      "Ondiep is an old working-class neighbourhood with a strong community spirit. Small business owners know their customers by name."),
     [("Bouwperiode", "begin 20e eeuw")]),
    ("hoograven", "Hoograven", ("Zuid", "South"), (52.0760, 5.1290), "3525",
     ["Hooft Graaflandstraat", "Toulouselaan", "Verlengde Hoogravenseweg", "Waalstraat"],
     ("Hoograven ligt in het zuiden van de stad, aan de Vaartsche Rijn. Er zijn buurtwinkels, ambachtslieden en creatieve bedrijven.",
      "Hoograven lies in the south of the city, by the Vaartsche Rijn. It has local shops, craftspeople and creative businesses."),
     [("Bouwperiode", "jaren 1950"), ("Aan het water", "Vaartsche Rijn")]),
]  # fmt: skip

HOURS = {
    "winkel": "ma 09:00-18:00; di 09:00-18:00; wo 09:00-18:00; do 09:00-18:00; vr 09:00-18:00; za 09:00-17:00; zo gesloten",
    "bakkerij": "ma 07:00-18:00; di 07:00-18:00; wo 07:00-18:00; do 07:00-18:00; vr 07:00-18:00; za 07:00-17:00; zo 08:00-13:00",
    "restaurant": "ma gesloten; di 16:00-22:30; wo 16:00-22:30; do 16:00-22:30; vr 16:00-01:00; za 14:00-01:00; zo 14:00-22:00",
    "kapper": "ma gesloten; di 09:30-19:00; wo 09:30-19:00; do 09:30-21:00; vr 09:30-19:00; za 09:00-17:00; zo gesloten",
    "avondwinkel": "ma 08:00-00:00; di 08:00-00:00; wo 08:00-00:00; do 08:00-00:00; vr 08:00-00:00; za 08:00-00:00; zo 10:00-00:00",
    "kantoor": "ma 09:00-12:30, 13:30-17:00; di 09:00-12:30, 13:30-17:00; wo 09:00-12:30; do 09:00-12:30, 13:30-17:00; vr 09:00-12:30, 13:30-17:00",
    "nachtsnack": "wo 17:00-00:00; do 17:00-02:00; vr 17:00-03:00; za 17:00-03:00; zo 17:00-00:00",
    "cafe": "ma 08:00-18:00; di 08:00-18:00; wo 08:00-18:00; do 08:00-18:00; vr 08:00-18:00; za 09:00-18:00; zo 10:00-17:00",
    "atelier": "wo 10:00-17:00; do 10:00-17:00; vr 10:00-17:00; za 10:00-16:00",
}  # fmt: skip

# name, sector, languages, hours, tagline, products, story (B1 Dutch, in the owner's words)
BUSINESSES = [
    ("Bakkerij Yıldız", "bakkerij", "tr nl", "bakkerij", "Vers Turks brood, elke ochtend uit de oven.", "pide, simit, baklava, börek",
     "Mijn vader begon deze bakkerij. Nu bak ik elke nacht het brood, net als hij. Op zaterdag komt de hele straat hier pide halen."),
    ("Toko Sari Rasa", "supermarkt-toko", "nl id pap", "winkel", "Kruiden, rijst en sambal uit Azië en de Antillen.", "rijst, kruiden, sambal, kroepoek",
     "In onze toko vind je alles om thuis te koken zoals je oma deed. Vraag gerust om een recept, dat geven we graag."),
    ("Kapsalon Amir", "kapper", "ar nl ber", "kapper", "Knippen en scheren, zonder afspraak.", "knippen, baard trimmen, scheren",
     "Ik knip al twintig jaar. Bij mij kun je gewoon binnenlopen. Er is altijd thee en iemand om mee te praten."),
    ("Eethuis Habesha", "restaurant", "ti am nl en", "restaurant", "Injera en stoofpotten om samen te delen.", "injera, tsebhi, koffieceremonie",
     "Bij ons eet je van één groot bord, samen met familie en vrienden. Op zondag doen we een koffieceremonie."),
    ("Naaiatelier Fatima", "kleermaker", "ar nl fr", "atelier", "Kleding vermaken, op maat maken en repareren.", "vermaken, maatwerk, gordijnen",
     "Ik leerde naaien van mijn moeder. Nu maak ik jurken op maat en zet ik ritsen in. Klein werk is vaak binnen een dag klaar."),
    ("Supermarkt Al Amal", "supermarkt-toko", "ar nl ber", "avondwinkel", "Halal vlees, verse groente en dadels.", "halal vlees, groente, dadels, olijven",
     "Onze winkel is tot middernacht open. Veel buren doen hier 's avonds nog snel boodschappen."),
    ("Ontwerpstudio Kanaal", "ontwerpstudio", "nl en tr", "kantoor", "Logo's, websites en drukwerk voor de buurt.", "logo, website, drukwerk, huisstijl",
     "Wij helpen kleine ondernemers om er goed uit te zien. Een nieuw logo of een simpele website: we denken mee."),
    ("Groentehandel De Verse Hoek", "groente-fruit", "nl tr pl", "winkel", "Groente en fruit, elke dag vers van de veiling.", "groente, fruit, kruiden",
     "Elke ochtend om vijf uur sta ik op de veiling. Zo heb je bij ons de verste tomaten van de wijk."),
    ("Slagerij Bereket", "slagerij", "tr nl", "winkel", "Halal slager met eigen gehakt en kebab.", "gehakt, lamsvlees, kebab, sucuk",
     "We maken onze eigen worst en marinade. Voor feesten maken we ook grote bestellingen klaar."),
    ("Telefoonwinkel Connect", "telefoon-elektronica", "nl ar en ur", "winkel", "Schermen repareren terwijl je wacht.", "reparatie, hoesjes, simkaarten",
     "Kapot scherm? Meestal repareren we het binnen een uur. We helpen ook met het overzetten van je foto's."),
    ("Café Zomerzon", "cafe-koffie", "nl en es", "cafe", "Koffie, taart en een plek om te werken.", "koffie, taart, lunch",
     "Ons café is een huiskamer voor de buurt. Studenten werken hier aan hun laptop en buren komen voor een praatje."),
    ("Bloemen van Ayşe", "bloemen", "tr nl", "winkel", "Boeketten voor elk feest en verdriet.", "boeketten, planten, rouwwerk",
     "Ik maak elk boeket met de hand. Voor bruiloften en voor afscheid: vertel me je verhaal, dan maak ik iets moois."),
    ("Reisbureau Atlas", "reisbureau", "ar nl ber fr", "kantoor", "Vliegtickets en reizen naar Marokko en Turkije.", "vliegtickets, reizen, visumhulp",
     "We regelen je ticket en helpen met formulieren. Veel klanten reizen elk jaar naar familie."),
    ("Fotostudio Lumen", "fotografie", "nl en pt", "atelier", "Pasfoto's, portretten en bruiloften.", "pasfoto, portret, bruiloft",
     "In mijn studio maak ik pasfoto's terwijl je wacht. Ik fotografeer ook bruiloften en familiefeesten."),
    ("Snackbar Paramaribo", "eethuis-afhaal", "srn nl", "nachtsnack", "Roti en broodjes pom tot laat.", "roti, pom, bami, saoto",
     "Onze roti is volgens het recept van mijn tante. In het weekend zijn we open tot diep in de nacht."),
    ("Juwelier Altın", "juwelier", "tr nl ku", "winkel", "Goud, trouwringen en reparaties.", "goud, trouwringen, reparatie",
     "We verkopen en repareren sieraden. Trouwringen graveren we in de winkel."),
    ("Kinderopvang Kleine Sterren", "kinderopvang", "nl ar tr en", "kantoor", "Meertalige opvang voor kinderen tot vier jaar.", "dagopvang, peuteropvang",
     "Bij ons spreken de leidsters meerdere talen. Kinderen leren Nederlands en houden hun eigen taal."),
    ("Administratiekantoor Boekhoudhulp", "administratie-boekhouding", "nl tr ar", "kantoor", "Belastingaangifte en boekhouding voor ondernemers.", "btw-aangifte, boekhouding, toeslagen",
     "Veel ondernemers vinden papierwerk lastig. Wij leggen het uit in je eigen taal en doen de aangifte."),
    ("Vertaalbureau Babel", "vertalen-tolken", "nl en ar tr fa so", "kantoor", "Beëdigde vertalingen en tolken.", "vertalen, tolken, beëdigd",
     "We vertalen diploma's en akten. Ook tolken we bij afspraken met de gemeente of de dokter."),
    ("Meubelmakerij Houtwerk", "meubels-hout", "nl pl", "atelier", "Meubels op maat van gerecycled hout.", "tafels, kasten, restauratie",
     "Ik maak tafels en kasten van oud hout. Zo krijgt een oude balk een tweede leven."),
    ("Keramiek Atelier Klei", "keramiek", "nl en fa", "atelier", "Eigen servies en workshops draaien.", "servies, workshops, vazen",
     "In mijn atelier maak ik borden en kommen. Op zaterdag geef ik workshops aan buurtbewoners."),
    ("Schoenmakerij Snel", "schoenmaker", "nl tr", "winkel", "Hakken, zolen en sleutels, klaar terwijl je wacht.", "zolen, hakken, sleutels",
     "Schoenen repareren is beter dan weggooien. Ik maak ook sleutels en repareer tassen."),
    ("Restaurant Damascus", "restaurant", "ar nl en", "restaurant", "Syrische mezze en grillgerechten.", "mezze, shoarma, falafel",
     "We kwamen in 2015 naar Nederland. Nu delen we de keuken van thuis met onze nieuwe buren."),
    ("Eethuis Dragon Garden", "eethuis-afhaal", "zh nl", "restaurant", "Chinees-Indische afhaal sinds jaar en dag.", "nasi, bami, babi pangang",
     "Mijn ouders begonnen dit eethuis. Ik werk er nu met mijn broer. De recepten zijn nog steeds die van mijn moeder."),
    ("Modehuis Bella", "kleding-stoffen", "nl bg ro", "winkel", "Feestkleding en stoffen per meter.", "jurken, stoffen, accessoires",
     "Voor een bruiloft of een feest vind je hier iets moois. Je kunt ook stof kopen en het laten maken."),
    ("Huishoudwinkel Alles Onder Één Dak", "huishouden", "nl tr ar", "winkel", "Pannen, theeglazen en schoonmaakspullen.", "pannen, theeglazen, schoonmaak",
     "Van een theepot tot een wasmand: we hebben het. Staat het er niet, dan bestellen we het voor je."),
    ("Rijschool Groen Licht", "rijschool", "nl ar tr so", "kantoor", "Rijlessen in je eigen taal.", "rijles, theorie, examen",
     "Ik geef les in het Nederlands, Arabisch en Turks. Zo begrijp je de theorie echt."),
    ("Barbershop Fresh Cuts", "kapper", "nl en srn pap", "kapper", "Fades, baarden en een goede sfeer.", "fade, baard, kinderen knippen",
     "Bij ons draait er altijd muziek. Kinderen knippen we op woensdagmiddag voor een lagere prijs."),
    ("Catering Mama's Keuken", "catering", "nl so ar", "kantoor", "Eten voor feesten en bijeenkomsten.", "catering, buffet, lunch",
     "Ik kook voor bruiloften, buurtfeesten en vergaderingen. Vegetarisch kan ook."),
    ("ICT Buurthulp", "ict-webdesign", "nl en uk ru", "kantoor", "Computerhulp en websites voor kleine bedrijven.", "computerhulp, webshop, netwerk",
     "Lukt het niet met je computer of je webshop? Ik kom langs en los het op."),
    ("Schoonheidssalon Yasmin", "schoonheid", "nl fa prs ar", "kapper", "Harsen, nagels en wenkbrauwen.", "harsen, nagels, wenkbrauwen",
     "Mijn salon is een rustige plek. Ik werk alleen op afspraak, zodat ik alle tijd voor je heb."),
    ("Poolse Supermarkt Smak", "supermarkt-toko", "pl nl bg", "avondwinkel", "Pierogi, worst en brood uit Polen.", "pierogi, worst, brood",
     "Veel mensen uit Polen en Bulgarije doen hier boodschappen. Iedereen is welkom om iets nieuws te proberen."),
    ("Galerie Wijkkunst", "kunst-galerie", "nl en", "atelier", "Kunst van makers uit de wijk.", "schilderijen, exposities, workshops",
     "We tonen werk van kunstenaars die hier wonen. Elke maand is er een nieuwe expositie."),
    ("Studio Beat Lab", "muziek-media", "nl en srn", "atelier", "Opnamestudio en les voor jonge muzikanten.", "opnames, muziekles, podcast",
     "Jongeren uit de buurt nemen hier hun eerste nummer op. We geven ook les in produceren."),
    ("Fysiotherapie In Beweging", "fysiotherapie", "nl en tr", "kantoor", "Fysiotherapie dichtbij huis.", "fysiotherapie, sportblessures",
     "Wij helpen je weer in beweging. Onze praktijk is goed bereikbaar met een rolstoel."),
    ("Thuiszorg Samen", "thuiszorg", "nl ar tr ber", "kantoor", "Zorg thuis, in een taal die je begrijpt.", "thuiszorg, huishoudelijke hulp",
     "Onze medewerkers spreken de taal van hun cliënten. Zo voelen mensen zich thuis begrepen."),
    ("Reparatiecafé Doe Het Zelf", "reparatie", "nl en", "atelier", "Fietsen en apparaten samen repareren.", "fietsen, apparaten, naaimachines",
     "Bij ons repareer je samen met vrijwilligers. Weggooien is zonde."),
    ("Koffiebranderij Bunna", "cafe-koffie", "am ti nl en", "cafe", "Eigen gebrande koffie uit Ethiopië.", "koffiebonen, koffie, thee",
     "We branden de bonen zelf in de winkel. Ruik je het al vanaf de straat?"),
    ("Somalisch Restaurant Xamar", "restaurant", "so nl en", "restaurant", "Rijst, geitenvlees en zoete thee.", "bariis, hilib ari, shaah",
     "Ons restaurant is een ontmoetingsplek. Mannen en vrouwen, jong en oud komen hier eten en praten."),
    ("Hindoestaanse Toko Shanti", "supermarkt-toko", "nl hi srn", "winkel", "Masala's, linzen en feestartikelen.", "masala, linzen, divali",
     "Voor Divali hebben we alles in huis. En elke dag verse roti-vellen."),
    ("Bakkerij Piekarnia", "bakkerij", "pl nl", "bakkerij", "Pools brood en zoete broodjes.", "roggebrood, pączki, kaastaart",
     "Op vrijdag bakken we pączki. Die zijn altijd snel op, dus kom op tijd."),
    ("Boekhouding & Advies Oost-West", "administratie-boekhouding", "nl zh en", "kantoor", "Boekhouding voor ondernemers met een winkel of restaurant.", "boekhouding, loonadministratie",
     "We werken veel voor restaurants en winkels. We kennen de regels en denken mee over groei."),
]  # fmt: skip

SPECIAL_DAYS = [
    (date(2026, 12, 25), None, None, "Eerste Kerstdag"),
    (date(2026, 12, 31), time(9, 0), time(16, 0), "Oudejaarsdag"),
    (date(2027, 4, 27), None, None, "Koningsdag"),
]
COPIES = 2  # every business appears twice, in different neighbourhoods: 84 in all
DRAFTS = 3  # the last few are never published ...
AWAITING_MODERATION = 3  # ... and the few before them wait for a moderator


# The directory in the main menu, after the neighbourhoods (search/views.py serves it); the
# labels are the directory's title in each language.
DIRECTORY_MENU_LABELS = {
    "nl": "Ondernemers zoeken",
    "en": "Find entrepreneurs",
    "tr": "Girişimci ara",
    "ar": "البحث عن رواد الأعمال",
}


@demo_step(order=10)
def load(stdout):
    rng = random.Random(3531)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ensure_index(home)
    neighbourhoods = [
        ensure_neighbourhood(index, data, order) for order, data in enumerate(NEIGHBOURHOODS)
    ]
    add_menu_item(index, sort_order=-10)
    add_menu_link("/ondernemers/", DIRECTORY_MENU_LABELS, sort_order=-8)
    # On the home page in each language that has one of its own (an alias mirrors the Dutch);
    # the block shows every neighbourhood in the reader's language.
    for translation in home.get_translations(inclusive=True).filter(alias_of__isnull=True):
        texts = FEATURED.get(translation.locale.language_code)
        if texts is not None:
            add_featured_section(translation.specific, *texts, neighbourhoods)
    sectors = {s.slug: s for s in Sector.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    total = len(BUSINESSES) * COPIES
    number = 0
    for copy in range(COPIES):
        for archetype in BUSINESSES:
            neighbourhood_data = NEIGHBOURHOODS[(number + copy) % len(NEIGHBOURHOODS)]
            neighbourhood = neighbourhoods[(number + copy) % len(NEIGHBOURHOODS)]
            status = (
                "draft"
                if number >= total - DRAFTS
                else ("moderation" if number >= total - DRAFTS - AWAITING_MODERATION else "live")
            )
            ensure_business(
                rng,
                number,
                copy,
                archetype,
                neighbourhood,
                neighbourhood_data,
                sectors,
                languages,
                status,
            )
            number += 1
    ensure_entrepreneur(stdout)


def give_history(business, number):
    """Spread the demo's businesses over the last two and a half years, as a portal in use has
    them, so that "new this year", the monthly figures and Inzicht have something to show.
    Worked out from the number, not drawn: the random sequence stays the same."""
    joined = timezone.now() - timedelta(days=(number * 37) % 900 + 3)
    changed = min(joined + timedelta(days=(number * 53) % 400), timezone.now())
    Business.objects.filter(pk=business.pk).update(
        created_at=joined - timedelta(days=2),
        first_published_at=joined,
        last_published_at=changed,
        updated_at=changed,
    )


DEMO_ENTREPRENEUR = "ondernemer@example.nl"


def ensure_entrepreneur(stdout):
    """An entrepreneur account that owns one published profile, to try "Mijn bedrijf".

    Its password is the admin's (PORTAL_ADMIN_PASSWORD); without one the account cannot log in.
    """
    import os

    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user, created = get_user_model().objects.get_or_create(
        username="ondernemer", defaults={"email": DEMO_ENTREPRENEUR, "first_name": "Ayşe"}
    )
    password = os.environ.get("PORTAL_ADMIN_PASSWORD")
    if password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    elif created and not password:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=DEMO_ENTREPRENEUR, defaults={"verified": True, "primary": True}
    )
    business = Business.objects.filter(live=True).order_by("pk").first()
    if business is not None and business.owner_id is None:
        Business.objects.filter(pk=business.pk).update(owner=user)
    stdout.write(f"Ondernemer: /account/login/ — {DEMO_ENTREPRENEUR}, met het wachtwoord van admin")


def ensure_index(home):
    index = NeighbourhoodIndexPage.objects.child_of(home).first()
    if index is None:
        texts = INDEX["nl"]
        index = NeighbourhoodIndexPage(
            title=texts["title"],
            slug=texts["slug"],
            introduction=texts["introduction"],
            locale=home.locale,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    ensure_aliases(index)
    ensure_translation(index, INDEX["en"], english())
    return index


def ensure_neighbourhood(index, data, order):
    slug, name, districts, centre, _postcode, _streets, introductions, facts = data
    page = NeighbourhoodPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        hero = ensure_image(
            f"Straat in {name} (illustratie)", street_scene(seed=100 + order), f"wijk-{slug}.jpg"
        )
        page = NeighbourhoodPage(
            title=name,
            slug=slug,
            district=districts[0],
            introduction=introductions[0],
            hero_image=hero,
            latitude=Decimal(str(centre[0])),
            longitude=Decimal(str(centre[1])),
            locale=index.locale,
            facts=json.dumps(
                [
                    {"type": "fact", "value": {"label": label, "value": value}}
                    for label, value in facts
                ]
            ),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    ensure_aliases(page)
    # The English page has no facts of its own yet: the Dutch ones would be Dutch text.
    english_texts = {
        "title": name,
        "slug": slug,
        "district": districts[1],
        "introduction": introductions[1],
        "facts": [],
    }
    ensure_translation(page, english_texts, english())
    return page


def ensure_business(
    rng, number, copy, archetype, neighbourhood, neighbourhood_data, sectors, languages, status
):
    name, sector, language_codes, hours_key, tagline, products, story = archetype
    if copy:
        # A second shop of the same kind elsewhere gets its own name.
        name = f"{name} {neighbourhood.title}"
    slug = make_slug(name)
    # Draw every value first, so the random sequence never depends on what already exists.
    _slug, _name, _districts, centre, postcode_prefix, streets, _intro, _facts = neighbourhood_data
    street = rng.choice(streets)
    house_number = rng.randint(1, 180)
    postcode = (
        f"{postcode_prefix} {rng.choice('ABCEGHJKLMNPRTVWXZ')}{rng.choice('ABCEGHJKLMNPRTVWXZ')}"
    )
    latitude = Decimal(f"{centre[0] + rng.uniform(-0.004, 0.004):.6f}")
    longitude = Decimal(f"{centre[1] + rng.uniform(-0.006, 0.006):.6f}")
    phone = f"+3130{rng.randint(2000000, 2999999)}"
    kvk = f"{rng.randint(10000000, 99999999)}"
    founded = rng.randint(1985, 2024)
    step_free = rng.choice([True, False, None])
    if Business.objects.filter(neighbourhood=neighbourhood, slug=slug).exists():
        return
    business = Business(
        name=name,
        slug=slug,
        neighbourhood=neighbourhood,
        tagline=tagline,
        story=f"<p>{story}</p>",
        street=street,
        house_number=house_number,
        postcode=postcode,
        city="Utrecht",
        latitude=latitude,
        longitude=longitude,
        phone=phone,
        kvk_number=kvk,
        founded_year=founded,
        email=f"info@{slug}.example.nl",
        step_free_entrance=step_free,
        live=False,
    )
    business.sectors = [sectors[sector]]
    business.languages = [languages[code] for code in language_codes.split()]
    business.products.set([p.strip() for p in products.split(",")])
    business.opening_hours = [
        OpeningHours(weekday=day, opens=r.opens, closes=r.closes)
        for day, ranges in sorted(hours.parse_weekly_text(HOURS[hours_key]).items())
        for r in ranges
    ]
    if number % 3 == 0:
        business.special_days = [
            SpecialDay(date=day, closed=opens is None, opens=opens, closes=closes, note=note)
            for day, opens, closes, note in SPECIAL_DAYS
        ]
    photo = ensure_image(f"{name} (illustratie)", shopfront(number, name), f"{slug}.jpg")
    business.photos = [
        BusinessPhoto(
            image=photo,
            alt_text=f"De voorkant van {name}, met de naam boven de etalage.",
            sort_order=0,
        )
    ]
    business.save()
    revision = business.save_revision()
    if status == "live":
        revision.publish()
        give_history(business, number)
    elif status == "moderation":
        workflow = Workflow.objects.filter(
            active=True, workflow_content_types__content_type__model="business"
        ).first()
        if workflow is not None:
            workflow.start(business, user=None)
