"""Open data of the businesses app: figures per neighbourhood and month (/api/open-data/
wijkcijfers/ and wijkcijfers.csv), from businesses.figures, with its small-cell rule. Apart from
the profiles because it is an aggregate with filters of its own (van, tot), not a list of rows.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from ninja import Field, Schema

from businesses import hours
from businesses.figures import monthly_figures
from businesses.open_data import neighbourhoods
from home import open_data
from home.open_data import OpenDataError, documented
from home.open_data.endpoints import Selection
from portal.page_cache import cached


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


class MonthParams(neighbourhoods.WijkParams):
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
        lambda: monthly_figures(neighbourhoods.known()[0], today),
    )


def chosen_months(wijk, van, tot):
    chosen = {n["translation_key"] for n in neighbourhoods.chosen_neighbourhoods(wijk)}
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


def select(request, wijk, van, tot):
    return Selection.of_list(chosen_months(wijk, van, tot))


MONTHS = open_data.Dataset(
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
        ("wijk", gettext_lazy("Wijk"), neighbourhoods.choices),
        ("van", gettext_lazy("Van maand"), month_choices),
        ("tot", gettext_lazy("Tot en met maand"), month_choices),
    ],
    select=select,
    query=MonthParams,
    summary="cijfers per wijk en maand",
    api_description=(
        "Per wijk en maand: hoeveel bedrijven voor het eerst op het portaal verschenen, hoeveel "
        "er stopten, en hoeveel gepubliceerde bedrijven hun profiel in die maand het laatst "
        "bijwerkten. Aantallen onder de 5 staan er als '< 5'; waar één verborgen aantal uit het "
        "totaal zou volgen, is ook het volgende kleinste verborgen. Van januari van het eerste "
        "jaar met gegevens tot deze maand; filter met wijk, van en tot (JJJJ-MM)."
    ),
    json_note="",
    answer="MonthsAnswer",
    operation_id="businesses_open_data_months",
)
