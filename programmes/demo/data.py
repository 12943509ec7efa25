"""Demo programmes: fictional providers and 27 plausible programmes, two thirds in the focus
categories, a few expired, some offered in other languages than Dutch. Dates are relative to the
day the demo is loaded, so there are always open deadlines."""

import json
from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from businesses.models import Language, NeighbourhoodPage, Sector
from home.demo.helpers import add_menu_item, ensure_aliases
from home.demo.registry import demo_step
from programmes.models import (
    Category,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeSession,
    Provider,
    Stage,
)
from programmes.models.sessions import nth_weekday

PROVIDERS = [
    ("Gemeente Utrecht – Economische Zaken", "gemeente", "https://www.utrecht.nl/ondernemen/"),
    ("Kamer van Koophandel Utrecht", "kvk", "https://www.kvk.nl/"),
    ("Stichting Wijkmakers", "stichting", ""),
    ("Stichting Startkapitaal Utrecht", "financier", ""),
    ("Broedplaats De Kanaalfabriek", "incubator", ""),
    ("Bibliotheek Utrecht – Werkplaats Digitaal", "bibliotheek", ""),
    ("Hogeschool Domstad – Lab Ondernemen", "onderwijs", ""),
    ("Ondernemersvereniging Kanaalstraat", "vereniging", ""),
]

# title, category, format, provider index, stages, sectors, languages, neighbourhoods (the slugs
# separated by spaces), cost (None = free), deadline in days (None = rolling), start in days,
# duration in days, places, KvK required, max years since founding; the summary on the next line.
PROGRAMMES = [
    ("Ontwerp je eigen etalage", "creativiteit", "workshops", 4, "starter groei", "winkels", "nl tr", "lombok ondiep", None, 21, 35, 28, 12, False, None,
     "Vier avonden met een ontwerper: je etalage en winkel zo inrichten dat voorbijgangers binnenkomen."),
    ("Makers in de wijk: atelierplek en begeleiding", "creativiteit", "coaching", 4, "idee starter", "creatief ambacht", "nl en", "", None, 45, 60, 180, 8, False, 3,
     "Een half jaar een werkplek in de broedplaats, met een coach die je helpt van hobby naar bedrijf."),
    ("Verhalen vertellen met foto en video", "creativiteit", "workshops", 5, "", "", "nl ar", "", None, 9, 16, 14, 16, False, None,
     "Leer met je telefoon foto's en korte filmpjes maken die laten zien wie je bent en wat je maakt."),
    ("Creatief ondernemersfonds", "creativiteit", "subsidie", 0, "starter groei", "creatief", "nl", "", None, 30, None, None, 20, True, 5,
     "Tot € 5.000 voor een nieuw creatief product, een collectie of een samenwerking met andere makers."),
    ("Pop-up winkel in een leeg pand", "creativiteit", "evenement", 2, "idee starter", "", "nl tr ar", "kanaleneiland overvecht", None, 5, 20, 30, 6, False, None,
     "Probeer je product een maand uit in een leeg winkelpand in de wijk. Huur betaal je niet."),
    ("Innovatievoucher voor kleine ondernemers", "innovatie", "subsidie", 0, "groei", "", "nl en", "", None, 60, None, None, 40, True, None,
     "€ 2.500 om een hogeschool of adviseur te laten meedenken over een nieuw product of een slimmere werkwijze."),
    ("Lab Ondernemen: studenten werken aan jouw vraag", "innovatie", "coaching", 6, "starter groei", "", "nl en", "", None, 40, 70, 120, 10, False, None,
     "Een team studenten zoekt een semester lang uit hoe je bedrijf iets nieuws kan doen."),
    ("Duurzaam ondernemen in de keuken", "innovatie", "workshops", 2, "", "eten-drinken", "nl tr", "", None, 12, 26, 21, 15, False, None,
     "Minder verspilling, minder energie, lagere kosten: praktische workshops voor horeca en bakkers."),
    ("Van idee naar prototype", "innovatie", "workshops", 4, "idee", "", "nl en ar", "", Decimal("25.00"), None, None, None, None, False, None,
     "Elke maand een zaterdag in de werkplaats: van een idee op papier naar iets wat je kunt laten zien."),
    ("Je winkel online: webwinkel in zes weken", "digitalisering", "workshops", 5, "starter groei", "winkels", "nl tr ar", "", None, 14, 28, 42, 20, False, None,
     "Zes lessen in de bibliotheek: een eenvoudige webwinkel, betalen, verzenden en je eerste klanten online."),
    ("Google Maps en sociale media voor je zaak", "digitalisering", "workshops", 5, "", "", "nl tr ar en", "", None, None, None, None, None, False, None,
     "Elke week een inloopochtend: zorg dat klanten je vinden, met de goede openingstijden en foto's."),
    ("Digitaal boekhouden zonder stress", "digitalisering", "coaching", 1, "starter", "", "nl", "", None, 18, 25, 60, 25, True, 2,
     "Een adviseur helpt je op weg met een boekhoudprogramma en de btw-aangifte."),
    ("Kassasysteem en pinnen voor kleine winkels", "digitalisering", "coaching", 7, "starter groei", "winkels eten-drinken", "nl tr", "lombok", None, -10, -5, 30, 10, False, None,
     "Leden van de ondernemersvereniging helpen elkaar met een modern kassasysteem."),
    ("Microkrediet voor starters", "financiering", "lening", 3, "idee starter", "", "nl en", "", None, None, None, None, None, True, 3,
     "Een lening tot € 25.000 als de bank nee zegt, met een coach die je het eerste jaar begeleidt."),
    ("Groeilening voor wijkondernemers", "financiering", "lening", 3, "groei", "", "nl", "", None, 90, None, None, 15, True, None,
     "Tot € 50.000 voor een tweede vestiging, een nieuwe machine of meer personeel."),
    ("Crowdfunding in de buurt", "financiering", "workshops", 2, "", "", "nl tr ar", "overvecht kanaleneiland", None, 25, 40, 14, 20, False, None,
     "Leer hoe je buren en vaste klanten laat meebetalen aan je plannen, en wat daarbij komt kijken."),
    ("Subsidiewijzer: welke regeling past?", "financiering", "coaching", 0, "", "", "nl tr ar en", "", None, None, None, None, None, False, None,
     "Een gesprek van een uur met een adviseur van de gemeente over subsidies en regelingen die bij jou passen."),
    ("Netwerkavond Ondernemen in Lombok", "netwerk", "netwerk", 7, "", "", "nl tr", "lombok", None, None, None, None, 60, False, None,
     "Elke eerste donderdag van de maand: ondernemers uit de wijk ontmoeten elkaar, met een korte lezing."),
    ("Vrouwen die ondernemen", "netwerk", "netwerk", 2, "", "", "nl ar tr so", "", None, None, None, None, None, False, None,
     "Een netwerk van en voor vrouwelijke ondernemers, met maandelijkse bijeenkomsten in Overvecht."),
    ("Zakenlunch met inkopers van grote bedrijven", "netwerk", "evenement", 1, "groei", "", "nl en", "", Decimal("15.00"), 16, 30, 0, 40, True, None,
     "Ontmoet inkopers die lokale leveranciers zoeken, voor catering, schoonmaak en meer."),
    ("Mentor voor een jaar", "mentoring", "coaching", 2, "starter groei", "", "nl tr ar en", "", None, None, None, None, None, False, None,
     "Een ervaren ondernemer uit de stad is een jaar lang je maatje: één keer per maand een gesprek."),
    ("Starterscoach van de KvK", "mentoring", "coaching", 1, "idee starter", "", "nl en", "", None, -20, -15, 90, 30, False, None,
     "Drie gesprekken met een starterscoach: je plan, je cijfers en je eerste klanten."),
    ("Basiscursus ondernemen in het Turks", "vaardigheden", "workshops", 2, "idee starter", "", "tr nl", "", None, 28, 42, 56, 18, False, None,
     "Acht lessen over regels, belasting, prijzen en klanten, in het Turks met Nederlandse vaktermen."),
    ("Nederlands voor de winkel", "vaardigheden", "workshops", 5, "", "", "nl ar tr ti", "", None, None, None, None, None, False, None,
     "Oefen de gesprekken die je elke dag in je zaak voert, met een docent en andere ondernemers."),
    ("Bedrijfsruimte in de wijk vinden", "huisvesting", "coaching", 0, "", "", "nl", "", None, None, None, None, None, False, None,
     "De gemeente helpt je zoeken naar een winkel of werkplaats, en vertelt wat er in het bestemmingsplan mag."),
    ("Vergunningen en regels: het Ondernemersloket", "administratie", "coaching", 0, "", "", "nl en", "", None, None, None, None, None, False, None,
     "Terrasvergunning, reclamebord, verbouwing: het loket legt uit wat je nodig hebt en helpt je aanvragen."),
    ("Administratie op orde in drie avonden", "administratie", "workshops", 1, "starter", "", "nl", "", Decimal("35.00"), -3, 4, 14, 20, True, None,
     "Facturen, bonnetjes, btw en inkomstenbelasting: wat je moet bewaren en wanneer je wat doet."),
]  # fmt: skip

# When and where programmes meet: title -> (weekday (0 = Monday), which one of the month for a
# monthly session (1 = first, None otherwise), start, end, place, online link, repeat, count).
# A programme with a start date moves its start to the first such weekday (a business lunch is
# not on a Sunday) and ends on the last session; one without starts on the next such day. The
# others stay open-ended ("doorlopend"), without dates: nothing to put in an agenda.
ONCE, WEEKLY, MONTHLY = ProgrammeSession.ONCE, ProgrammeSession.WEEKLY, ProgrammeSession.MONTHLY
SESSIONS = {
    "Ontwerp je eigen etalage": (
        1, None, time(19), time(21, 30),
        "Broedplaats De Kanaalfabriek, Kanaalstraat 160", "", WEEKLY, 4,
    ),
    "Administratie op orde in drie avonden": (
        2, None, time(19, 30), time(21, 30),
        "Bedrijvenhuis Oog in Al, Thomas à Kempisweg 20", "", WEEKLY, 3,
    ),
    "Basiscursus ondernemen in het Turks": (
        0, None, time(19), time(21),
        "Buurthuis Kanaleneiland, Marshallaan 4", "", WEEKLY, 8,
    ),
    "Je winkel online: webwinkel in zes weken": (
        3, None, time(13, 30), time(16),
        "Bibliotheek Kanaleneiland, Werkplaats Digitaal, Marshallaan 10", "", WEEKLY, 6,
    ),
    "Google Maps en sociale media voor je zaak": (
        1, None, time(10), time(12),
        "Bibliotheek Kanaleneiland, Werkplaats Digitaal, Marshallaan 10", "", WEEKLY, None,
    ),
    "Netwerkavond Ondernemen in Lombok": (
        3, 1, time(19), time(21, 30),
        "Buurthuis De Leeuw, Kanaalstraat 12", "", MONTHLY, None,
    ),
    "Vrouwen die ondernemen": (
        2, 2, time(10), time(12),
        "Wijkcentrum Overvecht, Wolgadreef 8", "", MONTHLY, None,
    ),
    "Van idee naar prototype": (
        5, 1, time(10), time(16),
        "Broedplaats De Kanaalfabriek, Kanaalstraat 160", "", MONTHLY, None,
    ),
    "Zakenlunch met inkopers van grote bedrijven": (
        4, None, time(12), time(14),
        "Stadskantoor, Stadsplateau 1", "", ONCE, None,
    ),
    "Digitaal boekhouden zonder stress": (
        0, None, time(19, 30), time(20, 30),
        "", "https://meet.example.nl/digitaal-boekhouden", ONCE, None,
    ),
}  # fmt: skip


def first_day(since, weekday, nth=None):
    """The first day from `since` on that is this weekday (and this one of its month)."""
    day = since
    while day.weekday() != weekday or (nth is not None and nth_weekday(day) != nth):
        day += timedelta(days=1)
    return day


def add_session(programme, row):
    """Give a new (unsaved) programme its session, and dates that agree with it."""
    weekday, nth, start, end, place, online_url, repeat, count = row
    first = first_day(programme.start_date or today() + timedelta(days=1), weekday, nth)
    session = ProgrammeSession(
        date=first,
        start_time=start,
        end_time=end,
        place=place,
        online_url=online_url,
        repeat=repeat,
        count=count,
    )
    session.rrule = session.build_rrule()
    if programme.start_date:
        programme.start_date = first
        last = session.last_occurrence()
        programme.end_date = last.date() if last else None
    programme.sessions = [session]


BODY = (
    "<p>{summary}</p><p>Voor wie? Ondernemers in Utrecht, ook als je net begint of nog twijfelt. "
    "Je hoeft geen ervaring te hebben. Heb je vragen, bel of mail dan gerust: we denken graag mee.</p>"
)


def today():
    return timezone.localdate()


def ensure_providers():
    providers = []
    for name, kind, website in PROVIDERS:
        provider, _created = Provider.objects.get_or_create(
            name=name, defaults={"kind": kind, "website": website, "email": "info@example.nl"}
        )
        providers.append(provider)
    return providers


def ensure_index(home):
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is None:
        index = ProgrammeIndexPage(
            title="Programma's en regelingen",
            slug="programmas",
            introduction=(
                "Workshops, coaching, netwerken, leningen en subsidies voor ondernemers in de wijk. "
                "Niet alleen voor een pand of de papieren: vooral om nieuwe ideeën te maken."
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def days(offset):
    return None if offset is None else today() + timedelta(days=offset)


@demo_step(order=20)
def load(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ensure_index(home)
    providers = ensure_providers()
    categories = {c.slug: c for c in Category.objects.all()}
    stages = {s.slug: s for s in Stage.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    neighbourhoods = {
        page.slug: page for page in NeighbourhoodPage.objects.filter(locale__language_code="nl")
    }
    existing = set(ProgrammePage.objects.child_of(index).values_list("title", flat=True))
    for number, row in enumerate(PROGRAMMES):
        (title, category, form, provider, stage_slugs, sector_slugs, codes, wijk_slugs, cost,
         deadline, start, duration, places, kvk, max_years, summary) = row  # fmt: skip
        if title in existing:
            continue
        start_date = days(start)
        programme = ProgrammePage(
            title=title,
            summary=summary,
            body=json.dumps([{"type": "paragraph", "value": BODY.format(summary=summary)}]),
            provider=providers[provider],
            category=categories[category],
            format=form,
            is_free=cost is None,
            cost_amount=cost,
            deadline=days(deadline),
            start_date=start_date,
            end_date=start_date + timedelta(days=duration)
            if start_date and duration
            else start_date,
            places=places,
            apply_url=providers[provider].website or "",
            apply_email="" if providers[provider].website else "aanmelden@example.nl",
            requires_kvk=kvk,
            max_years_since_founding=max_years,
            last_checked=today() - timedelta(days=200 if number % 9 == 4 else number * 3),
        )
        programme.stages = [stages[s] for s in stage_slugs.split()]
        programme.sectors = [sectors[s] for s in sector_slugs.split()]
        programme.languages = [languages[c] for c in codes.split() if c in languages]
        programme.neighbourhoods = [
            neighbourhoods[s] for s in wijk_slugs.split() if s in neighbourhoods
        ]
        if title in SESSIONS:
            add_session(programme, SESSIONS[title])
        index.add_child(instance=programme)
        programme.save_revision().publish()
    # Until staff translate them, the other languages show the Dutch programmes (aliases), as
    # wagtail-localize does for programmes made in the admin.
    for page in [index, *ProgrammePage.objects.child_of(index)]:
        ensure_aliases(page)
    add_menu_item(index, sort_order=-5)
    stdout.write(f"Programma's: {ProgrammePage.objects.child_of(index).count()}")
