"""Open data of the businesses app: published business profiles, and figures per neighbourhood
and month. Served under /api/open-data/ (the router below, mounted in apps.py) as
paginated JSON and as a streaming CSV download; listed on /open-data/ (home.open_data).

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

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, override
from ninja import Field, Query, Router, Schema

from businesses import hours, lookups
from businesses.figures import monthly_figures
from businesses.models import Business, NeighbourhoodPage, OpeningHours
from home import open_data
from home.open_data import ERROR_RESPONSES, Licence, OpenDataError, PageParams, documented
from portal.page_cache import cached

router = Router(tags=["Open data"])


# Neighbourhoods -----------------------------------------------------------------------------


def neighbourhoods():
    """The live, public Dutch neighbourhood pages: [{"translation_key", "slug", "title", "url",
    "page_ids" (of every live language version)}], by title; and {slug of any language
    version: translation key}."""

    def load():
        pages = NeighbourhoodPage.objects.live().public().order_by("title", "pk")
        versions = list(pages.values_list("pk", "slug", "translation_key"))
        dutch = [
            {
                "translation_key": str(page.translation_key),
                "slug": page.slug,
                "title": page.title,
                "url": page.url,
                "page_ids": [pk for pk, _s, key in versions if key == page.translation_key],
            }
            for page in pages.filter(locale__language_code="nl")
        ]
        slugs = {slug: str(key) for _pk, slug, key in versions}
        return dutch, slugs

    return cached("open-data:neighbourhoods", load)


def chosen_neighbourhoods(wijk):
    """The neighbourhoods a `wijk` parameter chooses: all when empty, else the one it names."""
    dutch, slugs = neighbourhoods()
    wijk = (wijk or "").strip()
    if not wijk:
        return dutch
    key = slugs.get(wijk)
    if key is None:
        raise OpenDataError(
            _("De wijk %(wijk)s kennen we niet. Kies een van: %(known)s.")
            % {"wijk": open_data.echo(wijk), "known": ", ".join(n["slug"] for n in dutch)}
        )
    return [n for n in dutch if n["translation_key"] == key]


def neighbourhood_choices():
    return [(n["slug"], n["title"]) for n in neighbourhoods()[0]]


class WijkParams(Schema):
    """?wijk= (chosen_neighbourhoods checks it)."""

    wijk: str = documented(
        {
            "type": "string",
            "pattern": open_data.SLUG_PATTERN,
            "example": "lombok",
            "description": (
                "Alleen deze wijk (slug, zoals in de webadressen: lombok); zonder: alle wijken. "
                "Een wijk die het portaal niet kent geeft 400."
            ),
        }
    )


# Businesses ---------------------------------------------------------------------------------


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


class BusinessesAnswer(Schema):
    licence: Licence
    count: int
    page: int
    per_page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[BusinessRow]


BUSINESS_COLUMNS = list(BusinessRow.model_fields)
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


def business_rows(request, values, chosen, names=None):
    """The public rows of businesses read with `values(*BUSINESS_VALUES)`."""
    values = list(values)
    ids = [v["pk"] for v in values]
    sectors, languages, opening_hours = relations_of(ids, names or labels())
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


def streamed_business_rows(request, chosen):
    """Every chosen business, read CSV_CHUNK at a time by id (keyset), so a download of
    100,000 never holds more than one chunk: four queries per chunk."""
    queryset = published(chosen).values(*BUSINESS_VALUES)
    names = labels()
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[: open_data.CSV_CHUNK])
        if not chunk:
            return
        yield from business_rows(request, chunk, chosen, names)
        last = chunk[-1]["pk"]


BUSINESSES_DESCRIPTION = (
    "Alle gepubliceerde ondernemersprofielen, met alleen openbare velden: naam, wijk, sectoren, "
    "talen, adres, coördinaten, website, openingstijden, toegankelijkheid, laatst bijgewerkt. "
    "Geen eigenaar, e-mailadres, telefoonnummer, KvK-nummer, verhaal of foto's. Gesorteerd op id. "
    f"Licentie: {open_data.LICENCE_TEXT}"
)


@router.get(
    "/ondernemers/",
    response={200: BusinessesAnswer, **ERROR_RESPONSES},
    url_name="open_data_businesses",
    summary="Open data: ondernemers (JSON, per pagina)",
    description=BUSINESSES_DESCRIPTION
    + " Per pagina 100 (per_page tot 1000); een pagina voorbij de laatste geeft 404.",
)
def businesses_json(request, filters: Query[WijkParams], paging: Query[PageParams]):
    try:
        chosen = chosen_neighbourhoods(filters.wijk)
        queryset = published(chosen)
        current = open_data.page_of(queryset.count(), paging.page, paging.per_page)
    except OpenDataError as error:
        return open_data.error_answer(error)
    values = queryset.values(*BUSINESS_VALUES)[current.slice]
    return open_data.page_answer(
        request, current, business_rows(request, values, chosen), ("wijk", "page", "per_page")
    )


@router.get(
    "/ondernemers.csv",
    url_name="open_data_businesses_csv",
    summary="Open data: ondernemers (CSV)",
    description=BUSINESSES_DESCRIPTION + " Het hele bestand in één keer, ook leeg.",
    openapi_extra=open_data.csv_openapi("CSV, UTF-8, met een kopregel"),
)
def businesses_csv(request, filters: Query[WijkParams]):
    try:
        chosen = chosen_neighbourhoods(filters.wijk)
    except OpenDataError as error:
        return open_data.error_response(error)
    return open_data.csv_response(
        "ondernemers", BUSINESS_COLUMNS, streamed_business_rows(request, chosen)
    )


# Figures per neighbourhood and month --------------------------------------------------------


class MonthRow(Schema):
    neighbourhood: str = Field(description=gettext_noop("Wijk (slug, zoals in de webadressen)"))
    neighbourhood_name: str = Field(description=gettext_noop("Naam van de wijk"))
    month: str = Field(description=gettext_noop("Maand (JJJJ-MM)"))
    new_businesses: int | str = Field(
        description=gettext_noop(
            "Bedrijven die deze maand voor het eerst op het portaal verschenen (ook als ze "
            "sindsdien offline zijn); “< 5” bij minder dan 5"
        )
    )
    closed_businesses: int | str = Field(
        description=gettext_noop(
            "Bedrijven die deze maand gestopt zijn (door de gemeente gemarkeerd als gestopt); "
            "“< 5” bij minder dan 5"
        )
    )
    last_updated: int | str = Field(
        description=gettext_noop(
            "Gepubliceerde bedrijven waarvan het profiel deze maand het laatst is bijgewerkt; "
            "“< 5” bij minder dan 5"
        )
    )


class MonthsAnswer(Schema):
    licence: Licence
    count: int
    page: int
    per_page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[MonthRow]


MONTH_COLUMNS = list(MonthRow.model_fields)


class MonthParams(WijkParams):
    """?wijk=, ?van= and ?tot= (chosen_months checks them)."""

    van: str = documented(open_data.month_schema("Vanaf deze maand (JJJJ-MM); na 'tot' geeft 400."))
    tot: str = documented(open_data.month_schema("Tot en met deze maand (JJJJ-MM)."))


def month_range(van, tot):
    first = open_data.parse_month(van, "van")
    last = open_data.parse_month(tot, "tot")
    if first and last and first > last:
        raise OpenDataError(
            _("De maand bij 'van' (%(van)s) ligt na die bij 'tot' (%(tot)s).")
            % {"van": van, "tot": tot}
        )
    return first, last


def cached_monthly_figures():
    today = hours.local_now().date()
    return cached(
        f"open-data:monthly:{today:%Y-%m}",
        lambda: monthly_figures(neighbourhoods()[0], today),
    )


def chosen_months(wijk, van, tot):
    chosen = {n["translation_key"] for n in chosen_neighbourhoods(wijk)}
    first, last = month_range(van, tot)
    first = f"{first[0]:04d}-{first[1]:02d}" if first else ""
    last = f"{last[0]:04d}-{last[1]:02d}" if last else "9999-12"
    return [
        row
        for row in cached_monthly_figures()
        if row["translation_key"] in chosen and first <= row["month"] <= last
    ]


def month_choices():
    return sorted({(row["month"], row["month"]) for row in cached_monthly_figures()}, reverse=True)


MONTHS_DESCRIPTION = (
    "Per wijk en maand: hoeveel bedrijven voor het eerst op het portaal verschenen, hoeveel er "
    "stopten, en hoeveel gepubliceerde bedrijven hun profiel in die maand het laatst bijwerkten. Aantallen onder de "
    "5 staan er als '< 5'; waar één verborgen aantal uit het totaal zou volgen, is ook het "
    "volgende kleinste verborgen. Van januari van het eerste jaar met gegevens tot deze maand; "
    "filter met wijk, van en tot (JJJJ-MM). "
    f"Licentie: {open_data.LICENCE_TEXT}"
)


@router.get(
    "/wijkcijfers/",
    response={200: MonthsAnswer, **ERROR_RESPONSES},
    url_name="open_data_months",
    summary="Open data: cijfers per wijk en maand (JSON, per pagina)",
    description=MONTHS_DESCRIPTION,
)
def months_json(request, filters: Query[MonthParams], paging: Query[PageParams]):
    try:
        rows = chosen_months(filters.wijk, filters.van, filters.tot)
        current = open_data.page_of(len(rows), paging.page, paging.per_page)
    except OpenDataError as error:
        return open_data.error_answer(error)
    return open_data.page_answer(
        request, current, rows[current.slice], ("wijk", "van", "tot", "page", "per_page")
    )


@router.get(
    "/wijkcijfers.csv",
    url_name="open_data_months_csv",
    summary="Open data: cijfers per wijk en maand (CSV)",
    description=MONTHS_DESCRIPTION,
    openapi_extra=open_data.csv_openapi("CSV, UTF-8, met een kopregel"),
)
def months_csv(request, filters: Query[MonthParams]):
    try:
        rows = chosen_months(filters.wijk, filters.van, filters.tot)
    except OpenDataError as error:
        return open_data.error_response(error)
    return open_data.csv_response("wijkcijfers", MONTH_COLUMNS, iter(rows))


open_data.register(
    open_data.Dataset(
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
        filters=[("wijk", gettext_lazy("Wijk"), neighbourhood_choices)],
    )
)
open_data.register(
    open_data.Dataset(
        key="wijkcijfers",
        title=gettext_lazy("Cijfers per wijk en maand"),
        description=gettext_lazy(
            "Per wijk en maand: nieuwe bedrijven op het portaal, gestopte bedrijven en bijgewerkte "
            "profielen. Aantallen "
            "onder de 5 staan er als “< 5”, en geen cijfer is terug te voeren op één persoon."
        ),
        schema=MonthRow,
        json_url_name="open_data_months",
        csv_url_name="open_data_months_csv",
        order=30,
        filters=[
            ("wijk", gettext_lazy("Wijk"), neighbourhood_choices),
            ("van", gettext_lazy("Van maand"), month_choices),
            ("tot", gettext_lazy("Tot en met maand"), month_choices),
        ],
    )
)
