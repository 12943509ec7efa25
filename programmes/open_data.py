"""Open data of the programmes app: the published support programmes, in both languages.

Served under /api/open-data/ (the router home.open_data.endpoints.publish makes, mounted in
apps.py) as paginated JSON and as a CSV download; listed on /open-data/ (home.open_data). A few
hundred rows, read a chunk at a time with one query per relation.

In: what a programme's page shows to everyone about the offer and whom it is for. Out: the
application e-mail address and contact (often a named person with a telephone number) and the
provider's contact person, e-mail and telephone; the page's body (long editorial text: the
summary says what it is, the page says the rest).
"""

from functools import partial

from django.utils import timezone
from django.utils.translation import gettext_lazy, gettext_noop, override
from ninja import Field, Schema

from home import open_data
from home.open_data.endpoints import Selection, publish
from programmes.models import ProgrammePage
from programmes.models.programmes import open_q
from programmes.taxonomy import audience_of, taxonomy


class ProgrammeRow(Schema):
    id: int = Field(description=gettext_noop("Vast nummer van de pagina op het portaal"))
    translation_key: str = Field(
        description=gettext_noop(
            "Zelfde waarde voor de Nederlandse en de Engelse versie van een programma"
        )
    )
    language: str = Field(description=gettext_noop("Taal van deze versie (nl of en)"))
    title: str = Field(description=gettext_noop("Naam van het programma"))
    url: str = Field(description=gettext_noop("Pagina op het portaal"))
    summary: str = Field(description=gettext_noop("Samenvatting"))
    category: str = Field(description=gettext_noop("Categorie (slug)"))
    category_name: str = Field(description=gettext_noop("Categorie, in de taal van deze versie"))
    focus: bool = Field(
        description=gettext_noop("Focuscategorie van het portaal (creativiteit, innovatie, …)")
    )
    format: str = Field(
        description=gettext_noop(
            "Vorm: workshops, coaching, subsidie, lening, evenement of netwerk"
        )
    )
    provider: str = Field(description=gettext_noop("Aanbieder"))
    provider_kind: str = Field(
        description=gettext_noop("Soort aanbieder (gemeente, kvk, stichting, …)")
    )
    provider_website: str = Field(description=gettext_noop("Website van de aanbieder"))
    stages: list[str] = Field(
        description=gettext_noop("Voor welke fases (idee, starter, groei); leeg: elke fase")
    )
    sectors: list[str] = Field(
        description=gettext_noop("Voor welke sectoren, in het Nederlands; leeg: alle sectoren")
    )
    neighbourhoods: list[str] = Field(
        description=gettext_noop("Voor welke wijken (slug); leeg: de hele stad")
    )
    languages: list[str] = Field(
        description=gettext_noop("Talen waarin het wordt aangeboden (ISO 639)")
    )
    is_free: bool = Field(description=gettext_noop("Gratis (true/false)"))
    cost_amount: float | None = Field(description=gettext_noop("Kosten in euro; leeg als gratis"))
    cost_note: str = Field(description=gettext_noop("Toelichting op de kosten"))
    start_date: str | None = Field(description=gettext_noop("Begindatum (JJJJ-MM-DD)"))
    end_date: str | None = Field(description=gettext_noop("Einddatum (JJJJ-MM-DD)"))
    deadline: str | None = Field(
        description=gettext_noop("Aanmelden tot en met (JJJJ-MM-DD); leeg: doorlopend")
    )
    open: bool = Field(description=gettext_noop("Vandaag nog open voor aanmelding (true/false)"))
    places: int | None = Field(description=gettext_noop("Aantal plaatsen"))
    apply_url: str = Field(description=gettext_noop("Aanmelden via deze website"))
    requires_kvk: bool = Field(
        description=gettext_noop("Inschrijving bij de KvK nodig (true/false)")
    )
    max_years_since_founding: int | None = Field(
        description=gettext_noop("Hoogstens zoveel jaar geleden opgericht; leeg: geen grens")
    )
    last_checked: str = Field(
        description=gettext_noop("Laatst gecontroleerd door de gemeente (JJJJ-MM-DD)")
    )


def published():
    return (
        ProgrammePage.objects.live()
        .public()
        .select_related("provider", "category", "locale")
        .order_by("pk")
    )


def iso(day):
    return day.isoformat() if day else None


def programme_rows(request, programmes):
    """The public rows of `programmes` (a list), with their audience in one query."""
    today = timezone.localdate()
    lists = taxonomy()
    with override("nl"):
        sector_names = {s.pk: str(s) for s in lists.sectors}
    stage_slugs = {s.pk: s.slug for s in lists.stages}
    neighbourhood_slugs = {n.pk: n.slug for n in lists.neighbourhoods}
    language_codes = {lang.pk: lang.code for lang in lists.languages}
    audiences = audience_of(ProgrammePage.objects.filter(pk__in=[p.pk for p in programmes]))
    open_ids = set(
        ProgrammePage.objects.filter(open_q(today), pk__in=[p.pk for p in programmes]).values_list(
            "pk", flat=True
        )
    )
    rows = []
    for programme in programmes:
        audience = audiences.get(programme.pk, {})

        def names(relation, labels, audience=audience):
            chosen = audience.get(relation, ())
            return [label for pk, label in labels.items() if pk in chosen]  # display order

        language = programme.locale.language_code
        with override(language):
            category_name = programme.category.name
        rows.append(
            {
                "id": programme.pk,
                "translation_key": str(programme.translation_key),
                "language": language,
                "title": programme.title,
                "url": request.build_absolute_uri(programme.get_url(request)),
                "summary": programme.summary,
                "category": programme.category.slug,
                "category_name": category_name,
                "focus": programme.category.is_focus,
                "format": programme.format,
                "provider": programme.provider.name,
                "provider_kind": programme.provider.kind,
                "provider_website": programme.provider.website,
                "stages": names("stages", stage_slugs),
                "sectors": names("sectors", sector_names),
                "neighbourhoods": names("neighbourhoods", neighbourhood_slugs),
                "languages": names("languages", language_codes),
                "is_free": programme.is_free,
                "cost_amount": (
                    None if programme.cost_amount is None else float(programme.cost_amount)
                ),
                "cost_note": programme.cost_note,
                "start_date": iso(programme.start_date),
                "end_date": iso(programme.end_date),
                "deadline": iso(programme.deadline),
                "open": programme.pk in open_ids,
                "places": programme.places,
                "apply_url": programme.apply_url,
                "requires_kvk": programme.requires_kvk,
                "max_years_since_founding": programme.max_years_since_founding,
                "last_checked": iso(programme.last_checked),
            }
        )
    return rows


def select(request):
    """Every published programme (no filters)."""
    return Selection.of_queryset(published(), partial(programme_rows, request))


router = publish(
    open_data.Dataset(
        key="programmas",
        title=gettext_lazy("Steunprogramma's"),
        description=gettext_lazy(
            "Alle gepubliceerde programma's, in elke taal van het portaal: aanbod, voor wie, "
            "kosten, data en hoe aan te melden. Zonder e-mailadressen en contactpersonen."
        ),
        schema=ProgrammeRow,
        json_url_name="open_data_programmes",
        csv_url_name="open_data_programmes_csv",
        order=20,
        select=select,
        summary="programma's",
        api_description=(
            "Alle gepubliceerde steunprogramma's, in elke taal van het portaal (een rij per "
            "versie, translation_key verbindt ze): aanbod, voor wie, kosten, data en hoe aan te "
            "melden. Geen e-mailadressen of contactpersonen. Gesorteerd op id."
        ),
        answer="ProgrammesAnswer",
        operation_id="programmes_open_data_programmes",
    )
)
