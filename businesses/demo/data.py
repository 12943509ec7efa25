"""Demo neighbourhoods of Utrecht and plausible, fictional businesses in them.

Real neighbourhood and street names, invented businesses and owners. Seeded randomness, so the
same run gives the same data; existing records are left alone, so a second run changes nothing.
"""

import json
import random
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

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

# The demo's neighbourhoods: slug, name, centre (latitude, longitude), postcode prefix, streets,
# and by language the district, the introduction and the facts ([label, value]).
NEIGHBOURHOODS = json.loads((Path(__file__).parent / "neighbourhoods.json").read_text())

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
    "grill": "ma 11:00-01:00; di 11:00-01:00; wo 11:00-01:00; do 11:00-01:00; vr 11:00-03:00; za 12:00-03:00; zo 12:00-01:00",
    "vrijdaggebed": "ma 08:30-18:30; di 08:30-18:30; wo 08:30-18:30; do 08:30-18:30; vr 08:30-12:30, 14:30-18:30; za 08:30-18:00; zo 10:00-16:00",
    "markt": "ma gesloten; di 08:00-18:00; wo 08:00-18:00; do 08:00-18:00; vr 08:00-18:00; za 07:30-17:00; zo gesloten",
    "vakman": "ma 07:30-17:00; di 07:30-17:00; wo 07:30-17:00; do 07:30-17:00; vr 07:30-17:00; za 08:00-12:00",
    "theehuis": "ma 10:00-23:00; di 10:00-23:00; wo 10:00-23:00; do 10:00-23:00; vr 10:00-00:00; za 10:00-00:00; zo 12:00-22:00",
    "les": "ma 15:00-21:00; di 15:00-21:00; wo 13:00-21:00; do 15:00-21:00; vr 15:00-19:00; za 09:30-16:00",
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
    # From here on, a second row of shops (round-robin over the neighbourhoods, from Lombok).
    ("Döner Anadolu", "eethuis-afhaal", "tr ku nl", "grill", "Döner en dürüm van de houtskoolgrill, tot diep in de nacht.", "döner, dürüm, adana kebab, iskender, ayran",
     "Ik sta al vijftien jaar achter de grill. Het vlees marineer ik zelf, met mijn eigen kruiden. Na het werk of na het stappen: bij ons is het licht nog aan."),
    ("Bakkerij Tafilalt", "bakkerij", "ar ber nl fr", "bakkerij", "Marokkaans brood en koekjes, warm uit de oven.", "Marokkaans brood, msemen, harcha, chebakia, koekjes",
     "Mijn moeder bakte thuis elke dag brood. Nu doe ik dat hier, voor de hele buurt. In de ramadan bakken we chebakia met honing, dan staat er een rij tot buiten."),
    ("Pidebakkerij Karadeniz", "bakkerij", "tr nl", "bakkerij", "Pide en lahmacun uit de steenoven.", "pide, lahmacun, kaşarlı pide, börek, ayran",
     "Ik kom uit Trabzon, aan de Zwarte Zee. Daar eten we pide met kaas en boter. Je ziet bij ons hoe we het deeg met de hand uitrollen."),
    ("Bakkerij Beyrouth", "bakkerij", "ar fr nl en", "bakkerij", "Libanese manakish met za'atar of kaas, vers gebakken.", "manakish, za'atar, fatayer, Libanees brood, kaasbrood",
     "In Beiroet eet iedereen 's ochtends manakish. Hier wilde ik dat ook. Studenten en buren nemen er een mee op weg naar school of werk."),
    ("Fietsenmaker Tesfay", "reparatie", "ti nl en", "winkel", "Fietsen repareren, ook als je haast hebt.", "fietsreparatie, lekke band, fietsverlichting, tweedehands fietsen, e-bike",
     "Toen ik in Nederland kwam, leerde ik fietsen. Nu repareer ik fietsen voor de hele wijk. Een lekke band plak ik meestal binnen een half uur."),
    ("Patisserie Leïla", "bakkerij", "ar fr nl", "bakkerij", "Taarten op maat en fijne Franse en Marokkaanse gebakjes.", "taart op maat, bruidstaart, gebak, macarons, verjaardagstaart",
     "Ik leerde het vak in Parijs. Voor een verjaardag, een bruiloft of het Suikerfeest maak ik een taart precies zoals jij hem wilt. Bestel wel een paar dagen van tevoren."),
    ("Poelier Al Baraka", "slagerij", "ar ber nl", "vrijdaggebed", "Halal kip en kalkoen, elke dag vers.", "kip, halal kip, kippendijen, kalkoen, eieren",
     "Wij verkopen alleen gevogelte: kip, kalkoen en eend. Alles is halal en elke dag vers. Ik snijd de kip zoals jij hem nodig hebt."),
    ("Toko Mi Kondre", "supermarkt-toko", "srn nl hi", "winkel", "Surinaamse groente, zoutvlees en peper.", "tayer, kousenband, madame jeanette, zoutvlees, bakkeljauw",
     "Mi kondre betekent mijn land. In onze toko vind je alles voor een Surinaamse pom of een pot bruine bonen. Op zaterdag koken we een pan soep voor de klanten."),
    ("Nagelstudio Hoa Sen", "schoonheid", "vi nl en", "kapper", "Manicure, pedicure en gellak, ook zonder afspraak.", "nagels, gellak, manicure, pedicure, acrylnagels",
     "Ik kwam uit Vietnam en werkte eerst in de salon van mijn tante. Nu heb ik mijn eigen studio. Bij ons zit je rustig en gaan je nagels weken mee."),
    ("Hammam Zahra", "schoonheid", "ar ber nl fr", "kapper", "Marokkaans badhuis voor vrouwen, met scrub en massage.", "hammam, scrub, zwarte zeep, ghassoul, massage",
     "In Marokko ging ik elke week met mijn moeder naar de hammam. Dat gevoel wil ik hier geven. Je komt binnen met stress en gaat naar huis als nieuw."),
    ("Drukkerij Özdemir", "ontwerpstudio", "tr nl", "kantoor", "Drukwerk snel klaar: flyers, kaartjes en trouwkaarten.", "drukwerk, flyers, visitekaartjes, trouwkaarten, stickers, spandoek",
     "Mijn vader had een drukkerij in Istanbul. Ik drukte hier eerst visitekaartjes aan de keukentafel. Nu drukken we alles, van een menukaart tot een groot spandoek."),
    ("Stoffeerderij Benali", "meubels-hout", "ar ber nl", "atelier", "Je oude bank weer als nieuw.", "stoffeerwerk, bank bekleden, stoelen, kussens, leer",
     "Gooi je bank niet weg! Ik geef hem nieuwe stof en nieuwe vulling. Kom gerust kijken naar de stalen, we kiezen samen de kleur."),
    ("Slotenservice Demir", "reparatie", "nl tr", "vakman", "Sleutels bijmaken en sloten vervangen.", "sloten, sleutels bijmaken, buitengesloten, cilinderslot, inbraakpreventie",
     "Sta je buiten? Bel me, dan kom ik snel. In de winkel maak ik sleutels bij en geef ik advies over goede sloten tegen inbraak."),
    ("Vlechtsalon Akosua", "kapper", "en nl fr", "kapper", "Box braids, cornrows en knotless braids.", "vlechten, box braids, cornrows, knotless braids, haarverzorging",
     "Ik vlecht al sinds ik een meisje was in Accra. Vlechten kost tijd, dus neem een boek mee. Ik leg je ook uit hoe je je haar goed verzorgt."),
    ("Restaurant Bamyan", "restaurant", "prs ps fa nl", "restaurant", "Afghaanse rijst, mantu en verse bolani.", "kabuli palau, mantu, bolani, ashak, groene thee",
     "Onze kabuli palau is rijst met lamsvlees, wortel en rozijnen. Zo kookte mijn vader het in Kabul. Voor grote groepen dekken we een lange tafel."),
    ("Theehuis Zagros", "cafe-koffie", "ku tr nl", "theehuis", "Koerdische thee, tavla en een goed gesprek.", "thee, çay, Koerdische koffie, baklava, tavla",
     "Bij ons staat de thee altijd klaar. Oude mannen spelen tavla, jongeren komen voor het voetbal. Iedereen is welkom, ook als je alleen wilt zitten."),
    ("Supermarkt Fu Xing", "supermarkt-toko", "zh nl en", "avondwinkel", "Aziatische supermarkt met verse groente en tofu.", "rijstnoedels, sojasaus, tofu, dumplings, paksoi, jasmijnrijst",
     "Mijn ouders kwamen uit Zhejiang. Wij verkopen alles voor de Chinese keuken: verse paksoi, tofu en tien soorten noedels. Vraag gerust wat je met een groente kunt maken."),
    ("Warung Bu Tini", "eethuis-afhaal", "id nl", "restaurant", "Indonesisch eten zoals bij oma thuis.", "nasi rames, saté, gado-gado, rendang, spekkoek",
     "Bu Tini is mijn moeder. Haar rendang staat zes uur op het vuur. Je kunt hier eten aan een klein tafeltje of alles meenemen."),
    ("Klussenbedrijf Wiśniewski", "meubels-hout", "pl nl en", "vakman", "Verbouwen, keukens en vloeren, netjes en op tijd.", "verbouwing, keuken, badkamer, laminaat, tegelwerk, schilderwerk",
     "Ik werk met mijn broer en twee neven. We bouwen keukens en badkamers en leggen vloeren. We ruimen altijd op voordat we weggaan."),
    ("Zoetigheden Al-Halabi", "bakkerij", "ar nl", "bakkerij", "Syrische baklava en warme knafeh.", "baklava, knafeh, maamoul, halva, Syrische zoetigheden",
     "Halab is Aleppo, mijn stad. Onze knafeh komt warm uit de oven, met kaas en suikersiroop. Voor het Suikerfeest maken we grote dozen baklava."),
    ("Theesalon Riad", "cafe-koffie", "ar ber nl fr", "theehuis", "Verse muntthee en Marokkaanse pannenkoeken.", "muntthee, Marokkaanse koffie, msemen, sfenj, harira",
     "Een riad is een huis met een binnentuin. Zo'n rustige plek wilde ik maken. Je drinkt hier muntthee met verse munt en eet er een warme msemen bij."),
    ("Stoffenhuis İpek", "kleding-stoffen", "tr nl", "winkel", "Stof per meter, garen, ritsen en gordijnstof.", "stoffen, stof per meter, fournituren, ritsen, gordijnstof",
     "İpek betekent zijde. We verkopen zijde, katoen en stof voor gordijnen. Wil je zelf iets naaien? We helpen je de juiste stof te kiezen."),
    ("Hennastudio Sana", "schoonheid", "ur hi nl en", "kapper", "Henna voor bruiden en feesten, en wenkbrauwen met draad.", "henna, mehndi, bruidshenna, wenkbrauwen, epileren met draad",
     "Ik teken henna sinds mijn twaalfde. Voor een bruid werk ik soms vier uur aan handen en voeten. Ik gebruik alleen natuurlijke henna."),
    ("Kleermakerij Hüseyin", "kleermaker", "tr nl", "winkel", "Pakken op maat, broeken korter en jassen vermaken.", "pak op maat, broek inkorten, vermaken, trouwpak, colbert",
     "Ik ben kleermaker zoals mijn opa in Kayseri. Een pak op maat maak ik in drie weken. Een broek korter maken kan vaak dezelfde dag."),
    ("Elektrotechniek Kaya", "reparatie", "tr nl en", "vakman", "Elektricien voor huis en winkel.", "elektricien, groepenkast, stopcontacten, verlichting, storing",
     "Valt de stroom steeds uit of wil je een nieuwe groepenkast? Ik kom kijken en leg uit wat er nodig is. Je krijgt vooraf een duidelijke prijs."),
    ("Loodgieter El Idrissi", "reparatie", "ar ber nl", "vakman", "Lekkage, verstopping of een nieuwe kraan.", "loodgieter, lekkage, verstopping, cv-ketel, kraan",
     "Water in de keuken wacht niet. Daarom kom ik bij spoed dezelfde dag. Ik werk netjes en ik leg uit wat ik doe."),
    ("PC Dokter Ahmadi", "reparatie", "fa prs nl en", "winkel", "Laptop- en computerreparatie in de buurt.", "laptop reparatie, computerreparatie, virus verwijderen, data terughalen, printer",
     "Is je laptop traag of start hij niet meer? Breng hem langs. Vaak kan ik je foto's en bestanden nog redden."),
    ("Fotostudio Ionescu", "fotografie", "ro nl en", "atelier", "Productfoto's voor je webshop en social media.", "productfoto's, webshopfoto's, packshots, video, social media",
     "Goede foto's verkopen beter. Ik fotografeer je producten op een witte achtergrond of in een mooie sfeer. Ik help ook met korte filmpjes voor Instagram."),
    ("Muziekschool Bağlama", "muziek-media", "tr ku ar nl", "les", "Les in saz, oud en darbuka, voor jong en oud.", "saz, bağlama, oud, darbuka, muziekles",
     "Muziek verbindt mensen. Bij ons leren kinderen en volwassenen saz, oud of darbuka. Aan het eind van het jaar geven we samen een concert in de wijk."),
    ("Slagerij El Amrani", "slagerij", "ar ber nl", "vrijdaggebed", "Marokkaanse halal slager met eigen merguez.", "merguez, kefta, lamsvlees, halal rundvlees, kip",
     "Onze merguez en kefta maken we zelf, met Marokkaanse kruiden. Voor het Offerfeest kun je bij ons op tijd je schaap bestellen."),
    ("Bánh Mì Cô Lan", "eethuis-afhaal", "vi nl en", "cafe", "Vietnamese broodjes en phở om mee te nemen.", "bánh mì, phở, loempia, Vietnamese koffie, verse rolletjes",
     "Cô Lan betekent tante Lan, zo noemen de klanten mij. Mijn bánh mì maak ik met knapperig stokbrood, vlees en verse kruiden. Probeer ook onze sterke koffie met gecondenseerde melk."),
    ("Bandenservice Yılmaz", "reparatie", "tr nl", "vakman", "Banden, APK en onderhoud van je auto.", "banden, winterbanden, apk, onderhoud, uitlijnen",
     "Ik ben al twintig jaar monteur. Nieuwe banden of je auto klaar voor de APK: we zeggen vooraf wat het kost. Tijdens het wachten is er koffie."),
    ("Ethiopische Winkel Addis", "supermarkt-toko", "am ti nl en", "winkel", "Teff, injera en kruiden uit Ethiopië.", "teff, injera, berbere, shiro, koffiebonen",
     "Elke dinsdag en vrijdag komt er verse injera. We verkopen ook berbere en shiro, en alles voor een koffieceremonie thuis."),
    ("Snack Kòrsou", "eethuis-afhaal", "pap nl es", "nachtsnack", "Antilliaanse pastechi en stoofpot.", "pastechi, keshi yena, kabritu stoba, johnnycake, bolo pretu",
     "Kòrsou is Curaçao in het Papiamentu. Onze pastechi zijn warm en knapperig, met kaas, kip of tonijn. In het weekend komen mensen van ver voor onze keshi yena."),
    ("Manav Ege", "groente-fruit", "tr nl", "markt", "Groente, fruit en verse kruiden van de Turkse markt.", "groente, fruit, verse kruiden, granaatappels, olijven",
     "Manav betekent groenteboer. Ik kom uit Izmir, aan de Egeïsche Zee. Bij mij vind je bossen verse peterselie, dille en munt voor weinig geld."),
    ("Vishandel Mar Azul", "supermarkt-toko", "pt nl es", "markt", "Verse vis, kibbeling en sardines.", "verse vis, kibbeling, zalm, sardines, inktvis",
     "Ik kom uit een vissersfamilie in Kaapverdië. Elke ochtend haal ik verse vis in IJmuiden. Op vrijdag bak ik kibbeling en sardines."),
    ("Bruidshuis Elif", "kleding-stoffen", "tr ar nl", "winkel", "Trouwjurken en jurken voor de kına-avond.", "trouwjurken, bruidsjurken, avondjurken, kına-jurk, verhuur",
     "Een bruiloft vergeet je nooit. Bij ons kun je een jurk kopen of huren. We passen hem aan, zodat hij precies goed zit."),
    ("Naaiwerkplaats Kalyna", "kleermaker", "uk ru nl", "atelier", "Naailes en samen naaien aan lange tafels.", "naailes, naaiworkshop, patronen, kinderkleding, borduren",
     "Ik kwam in 2022 uit Kyiv. Hier heb ik een werkplaats met acht naaimachines. Vrouwen uit de buurt leren bij mij naaien en praten ondertussen Nederlands."),
    ("Specerijen Baharat", "supermarkt-toko", "tr ar nl", "winkel", "Kruiden, noten en thee uit Turkije en het Midden-Oosten.", "kruiden, specerijen, baharat, sumak, pul biber, noten",
     "Baharat betekent kruiden. Wij malen ze zelf, dus ruik maar eens aan de potten. Vraag gerust welke kruiden je bij vlees, vis of rijst gebruikt."),
    ("Saree Paleis Lakshmi", "kleding-stoffen", "ta hi nl en", "winkel", "Sari's, lehenga's en feestkleding uit India.", "sari, salwar kameez, lehenga, sieraden, stoffen",
     "Voor Divali of een bruiloft koop je hier een sari in elke kleur. Ik laat je zien hoe je hem draagt. We hebben ook kleding voor kinderen."),
    ("Arepería La Chama", "eethuis-afhaal", "es nl en", "cafe", "Venezolaanse arepas en verse sappen.", "arepas, empanadas, tequeños, cachapas, batidos",
     "Mijn arepas zijn van maïsmeel en je kiest zelf de vulling. In Venezuela eten we ze bij elk ontbijt. Hier eten studenten ze als lunch."),
    ("Catering Switi Nyanyan", "catering", "srn nl", "kantoor", "Surinaams eten voor feesten en verjaardagen.", "catering, roti, pom, bara, buffet",
     "Switi nyanyan betekent lekker eten. Ik kook voor verjaardagen en bruiloften, van vijftien tot tweehonderd mensen. Ik breng alles warm tot aan je deur."),
    ("Sari-Sari Store Mabuhay", "supermarkt-toko", "tl en nl", "winkel", "Filipijnse boodschappen en snacks.", "pancit, ube, calamansi, gedroogde mango, adobosaus",
     "Een sari-sari store is op de Filipijnen de winkel op de hoek. Bij ons vind je ube, noedels voor pancit en snoep uit Manila."),
    ("Kinderdagverblijf Yuva", "kinderopvang", "tr nl en", "kantoor", "Kleine groepen, een grote tuin en veel buiten spelen.", "dagopvang, peuteropvang, buitenspelen",
     "Yuva betekent nest. Zo voelt het bij ons: klein en veilig. We spelen elke dag buiten in onze grote tuin."),
    ("Zellige Atelier Fès", "keramiek", "ar ber fr nl", "atelier", "Marokkaans tegelwerk en mozaïek.", "zellige, mozaïek, tegels, tafelblad, workshops",
     "In Fès leerde ik tegels hakken met de hand. Ik maak tafelbladen, fonteinen en muren van kleine stukjes zellige. Op zaterdag geef ik een workshop."),
    ("Kalligrafie Atelier Hattat", "kunst-galerie", "tr ar nl", "atelier", "Kalligrafie en ebru, om te kopen of zelf te leren.", "kalligrafie, ebru, lijsten, workshops, naam in kalligrafie",
     "Een hattat is een meester in schoonschrift. Ik schrijf namen en gedichten in Arabisch en Osmaans schrift. In mijn workshops leer je ook ebru, marmeren op water."),
    ("Kapsalon Hodan", "kapper", "so nl ar", "kapper", "Kapsalon voor vrouwen, met een aparte ruimte.", "knippen, föhnen, vlechten, bruidskapsel",
     "Bij ons werken alleen vrouwen en er kijkt niemand naar binnen. Zo kun je rustig je hoofddoek afdoen. Voor een bruiloft doen we haar en make-up."),
    ("Perzische Winkel Shiraz", "supermarkt-toko", "fa prs nl", "winkel", "Saffraan, pistaches en Perzische rijst.", "saffraan, pistachenoten, basmatirijst, gedroogde limoen, Perzische thee",
     "Shiraz is de stad van dichters en rozen. Wij verkopen saffraan, rozenwater en de beste pistaches. Voor Nowruz hebben we alles voor de haft-sin tafel."),
]  # fmt: skip

SPECIAL_DAYS = [
    (date(2026, 12, 25), None, None, "Eerste Kerstdag"),
    (date(2026, 12, 31), time(9, 0), time(16, 0), "Oudejaarsdag"),
    (date(2027, 4, 27), None, None, "Koningsdag"),
]
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
        ensure_neighbourhood(index, place, order) for order, place in enumerate(NEIGHBOURHOODS)
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
    total = len(BUSINESSES)
    for number, archetype in enumerate(BUSINESSES):
        # Round-robin: each neighbourhood gets every sixth business, a mix of trades.
        where = number % len(NEIGHBOURHOODS)
        if number >= total - DRAFTS:
            status = "draft"
        elif number >= total - DRAFTS - AWAITING_MODERATION:
            status = "moderation"
        else:
            status = "live"
        ensure_business(
            rng,
            number,
            archetype,
            neighbourhoods[where],
            NEIGHBOURHOODS[where],
            sectors,
            languages,
            status,
        )
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


def ensure_neighbourhood(index, place, order):
    slug, name, centre, dutch = place["slug"], place["name"], place["centre"], place["texts"]["nl"]
    page = NeighbourhoodPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        hero = ensure_image(
            f"Straat in {name} (illustratie)", street_scene(seed=100 + order), f"wijk-{slug}.jpg"
        )
        page = NeighbourhoodPage(
            title=name,
            slug=slug,
            district=dutch["district"],
            introduction=dutch["introduction"],
            hero_image=hero,
            latitude=Decimal(str(centre[0])),
            longitude=Decimal(str(centre[1])),
            locale=index.locale,
            facts=json.dumps(
                [
                    {"type": "fact", "value": {"label": label, "value": value}}
                    for label, value in dutch["facts"]
                ]
            ),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    ensure_aliases(page)
    # The English page has no facts of its own yet: the Dutch ones would be Dutch text.
    english_texts = {"title": name, "slug": slug, **place["texts"]["en"]}
    ensure_translation(page, english_texts, english())
    return page


def ensure_business(rng, number, archetype, neighbourhood, place, sectors, languages, status):
    name, sector, language_codes, hours_key, tagline, products, story = archetype
    slug = make_slug(name)
    # Draw every value first, so the random sequence never depends on what already exists.
    centre, postcode_prefix, streets = place["centre"], place["postcode_prefix"], place["streets"]
    letters = "ABCEGHJKLMNPRTVWXZ"  # those Dutch postcodes use
    drawn = {
        "street": rng.choice(streets),
        "house_number": rng.randint(1, 180),
        "postcode": f"{postcode_prefix} {rng.choice(letters)}{rng.choice(letters)}",
        "latitude": Decimal(f"{centre[0] + rng.uniform(-0.004, 0.004):.6f}"),
        "longitude": Decimal(f"{centre[1] + rng.uniform(-0.006, 0.006):.6f}"),
        "phone": f"+3130{rng.randint(2000000, 2999999)}",
        "kvk_number": f"{rng.randint(10000000, 99999999)}",
        "founded_year": rng.randint(1985, 2024),
        "step_free_entrance": rng.choice([True, False, None]),
    }
    if Business.objects.filter(neighbourhood=neighbourhood, slug=slug).exists():
        return
    business = Business(
        name=name,
        slug=slug,
        neighbourhood=neighbourhood,
        tagline=tagline,
        story=f"<p>{story}</p>",
        city="Utrecht",
        email=f"info@{slug}.example.nl",
        live=False,
        **drawn,
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
