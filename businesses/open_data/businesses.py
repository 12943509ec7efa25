"""Open data of the businesses app: the published business profiles (/api/open-data/ondernemers/
and ondernemers.csv). The figures per month are in months.py, the router in __init__.py.

Which fields of a profile, and why these only:

- In: the business's name, its neighbourhood, sectors, languages spoken, address, coordinates,
  website, opening hours, step-free entrance, when it was last updated, and its page on the
  portal. These are facts about a business that its profile shows to everyone and that help
  residents, researchers and apps find local shops.
- Out: the owner (a person); e-mail address and telephone number (for a small business these are
  most often the entrepreneur's own; they stay on the profile, where the entrepreneur chose to
  show them, but are not handed out in bulk); the KvK number (public in the Dutch trade register,
  but for a sole trader it leads straight to a person's registration, and the portal does not
  check it; whoever needs it finds it in the register by name and address); the founding year;
  the story, tagline, products, photos and social media links (the entrepreneur's own words and
  pictures: their copyright, which the municipality cannot give away under CC0, and social
  accounts are often personal ones).
"""

from functools import cache, partial

from django.utils.translation import gettext_lazy, gettext_noop, override
from ninja import Field, Schema

from businesses import hours, lookups
from businesses.models import Business, OpeningHours
from businesses.open_data import neighbourhoods
from home import open_data
from home.open_data.endpoints import Selection


class BusinessRow(Schema):
    id: int = Field(description=gettext_noop("Vast nummer van het bedrijf op het portaal"))
    name: str = Field(description=gettext_noop("Naam van het bedrijf"))
    url: str = Field(description=gettext_noop("Profiel op het portaal"))
    neighbourhood: str = Field(description=gettext_noop("Wijk (slug, zoals in de webadressen)"))
    neighbourhood_name: str = Field(description=gettext_noop("Naam van de wijk"))
    sectors: list[str] = Field(
        description=gettext_noop("Sectoren (hoofdsector › subsector), in het Nederlands")
    )
    languages: list[str] = Field(
        description=gettext_noop("Gesproken talen, als ISO 639-codes (nl, tr, ar, …)")
    )
    street: str = Field(description=gettext_noop("Straat"))
    house_number: int = Field(description=gettext_noop("Huisnummer"))
    house_number_addition: str = Field(description=gettext_noop("Toevoeging bij het huisnummer"))
    postcode: str = Field(description=gettext_noop("Postcode"))
    city: str = Field(description=gettext_noop("Plaats"))
    latitude: float | None = Field(
        description=gettext_noop("Breedtegraad (WGS 84); leeg als onbekend")
    )
    longitude: float | None = Field(
        description=gettext_noop("Lengtegraad (WGS 84); leeg als onbekend")
    )
    website: str = Field(description=gettext_noop("Website van het bedrijf"))
    opening_hours: str = Field(
        description=gettext_noop(
            "Openingstijden per week, als 'ma 09:00-17:30; di gesloten; …' (een tijd vóór de "
            "openingstijd loopt door na middernacht); leeg als onbekend"
        )
    )
    step_free_entrance: bool | None = Field(
        description=gettext_noop("Ingang zonder drempel of trap (true/false); leeg als onbekend")
    )
    last_updated: str | None = Field(
        description=gettext_noop("Datum waarop het profiel het laatst is bijgewerkt (JJJJ-MM-DD)")
    )


BUSINESS_VALUES = [
    "pk",
    "name",
    "slug",
    "neighbourhood__translation_key",
    "street",
    "house_number",
    "house_number_addition",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "website",
    "step_free_entrance",
    "last_published_at",
]


def published(chosen):
    return Business.objects.filter(
        live=True, neighbourhood__translation_key__in=[n["translation_key"] for n in chosen]
    ).order_by("pk")


def labels():
    """{sector id: Dutch name}, {language id: code}, in the staff's display order: read once
    per answer (they are cached lookups, but the cache is off in development)."""
    with override("nl"):
        sector_names = {s.pk: str(s) for s in lookups.sectors()}
    return sector_names, {lang.pk: lang.code for lang in lookups.languages()}


def relations_of(ids, names):
    """{id: [sector names]}, {id: [language codes]}, {id: opening hours text}, in three queries;
    sectors and languages in the staff's display order. `names` is what labels() gives."""
    sector_names, language_codes = names
    sectors = {pk: set() for pk in ids}
    languages = {pk: set() for pk in ids}
    weekly = {pk: {} for pk in ids}
    sector_rows = Business.sectors.through.objects.filter(business_id__in=ids).values_list(
        "business_id", "sector_id"
    )
    for pk, sector_id in sector_rows:
        sectors[pk].add(sector_id)
    language_rows = Business.languages.through.objects.filter(business_id__in=ids).values_list(
        "business_id", "language_id"
    )
    for pk, language_id in language_rows:
        languages[pk].add(language_id)
    hour_rows = OpeningHours.objects.filter(business_id__in=ids).values_list(
        "business_id", "weekday", "opens", "closes"
    )
    for pk, weekday, opens, closes in hour_rows:
        weekly[pk].setdefault(weekday, []).append(hours.Range(opens, closes))

    def in_order(found, labels):
        rank = {pk: i for i, pk in enumerate(labels)}
        return {
            pk: [labels[item] for item in sorted(chosen, key=rank.__getitem__)]
            for pk, chosen in found.items()
        }

    return (
        in_order(sectors, sector_names),
        in_order(languages, language_codes),
        {pk: hours.format_weekly_text(week) if week else "" for pk, week in weekly.items()},
    )


def business_rows(request, values, chosen, names):
    """The public rows of businesses read with `values(*BUSINESS_VALUES)`; `names()` gives
    what labels() gives."""
    ids = [v["pk"] for v in values]
    sectors, languages, opening_hours = relations_of(ids, names())
    by_key = {n["translation_key"]: n for n in chosen}
    base = request.build_absolute_uri("/").rstrip("/")
    rows = []
    for v in values:
        neighbourhood = by_key[str(v["neighbourhood__translation_key"])]
        rows.append(
            {
                "id": v["pk"],
                "name": v["name"],
                "url": f"{base}{neighbourhood['url']}{v['slug']}/",
                "neighbourhood": neighbourhood["slug"],
                "neighbourhood_name": neighbourhood["title"],
                "sectors": sectors[v["pk"]],
                "languages": languages[v["pk"]],
                "street": v["street"],
                "house_number": v["house_number"],
                "house_number_addition": v["house_number_addition"],
                "postcode": v["postcode"],
                "city": v["city"],
                "latitude": None if v["latitude"] is None else float(v["latitude"]),
                "longitude": None if v["longitude"] is None else float(v["longitude"]),
                "website": v["website"],
                "opening_hours": opening_hours[v["pk"]],
                "step_free_entrance": v["step_free_entrance"],
                "last_updated": (
                    hours.local_now(v["last_published_at"]).date().isoformat()
                    if v["last_published_at"]
                    else None
                ),
            }
        )
    return rows


def select(request, wijk):
    """The published businesses of the neighbourhoods `wijk` chooses; the sector and language
    names are read once per answer, however many chunks a download takes."""
    chosen = neighbourhoods.chosen_neighbourhoods(wijk)
    rows_of = partial(business_rows, request, chosen=chosen, names=cache(labels))
    return Selection.of_queryset(published(chosen).values(*BUSINESS_VALUES), rows_of)


BUSINESSES = open_data.Dataset(
    key="ondernemers",
    title=gettext_lazy("Ondernemers"),
    description=gettext_lazy(
        "Alle gepubliceerde ondernemersprofielen, met alleen de openbare gegevens van het "
        "bedrijf. Niet erin: de eigenaar, e-mailadres en telefoonnummer (vaak die van de "
        "ondernemer zelf), het KvK-nummer (dat bij een eenmanszaak naar een persoon leidt; "
        "het staat in het Handelsregister), en het verhaal, de producten en foto's (die zijn "
        "van de ondernemer)."
    ),
    schema=BusinessRow,
    json_url_name="open_data_businesses",
    csv_url_name="open_data_businesses_csv",
    order=10,
    filters=[("wijk", gettext_lazy("Wijk"), neighbourhoods.choices)],
    select=select,
    query=neighbourhoods.WijkParams,
    summary="ondernemers",
    api_description=(
        "Alle gepubliceerde ondernemersprofielen, met alleen openbare velden: naam, wijk, "
        "sectoren, talen, adres, coördinaten, website, openingstijden, toegankelijkheid, laatst "
        "bijgewerkt. Geen eigenaar, e-mailadres, telefoonnummer, KvK-nummer, verhaal of foto's. "
        "Gesorteerd op id."
    ),
    csv_note=" Het hele bestand in één keer, ook leeg.",
    answer="BusinessesAnswer",
    operation_id="businesses_open_data_businesses",
)
