"""The business report in "Inzicht" (registered in businesses/wagtail_hooks.py): what happens
to the entrepreneurs' profiles, per neighbourhood and per month, their sectors and languages.

Everything is counted from the database, as counts of businesses; no figure holds a name or
anything else about a person. What each measure means:

- registered ("aangemeld"): the profile was created in the period (`created_at`), by the
  entrepreneur or by staff, published or not;
- published ("gepubliceerd"): it was published for the first time in the period
  (`first_published_at`);
- updated ("bijgewerkt"): a business that is online now and was last changed (`updated_at`)
  in the half year up to the end of the period (per month: last changed in that month). Only
  the last change is kept, so for a period long past this undercounts;
- closed ("gestopt"): staff marked it as stopped trading with a day in the period
  (`closed_at`, "Markeren als gestopt" in the admin);
- sectors and languages: the businesses that were online at the end of the period: first
  published before it and not stopped by then (reconstructed from those two dates, as the
  portal keeps no daily snapshots). A business with sectors under two main sectors counts in
  both.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from businesses.models import Business, Language, NeighbourhoodPage, Sector
from home.insight import (
    Chart,
    Figure,
    Headline,
    Neighbourhood,
    Period,
    columns,
    count_by,
    count_by_month,
    last_day_of_month,
    monthly_rows,
    months_before,
    nonzero_rows,
    percentage,
)

UPDATED_WITHIN_MONTHS = 6
# What happened to the businesses, counted per neighbourhood and per month.
MEASURES = ["registered", "published", "updated", "closed"]
HEADINGS = {
    "neighbourhood": gettext_lazy("Wijk"),
    "month": gettext_lazy("Maand"),
    "registered": gettext_lazy("Aangemeld"),
    "published": gettext_lazy("Gepubliceerd"),
    "updated": gettext_lazy("Bijgewerkt"),
    "closed": gettext_lazy("Gestopt"),
    "sector": gettext_lazy("Sector"),
    "language": gettext_lazy("Taal"),
    "count": gettext_lazy("Bedrijven"),
}
SECTOR_NOTE = gettext_lazy("Een bedrijf met sectoren onder twee hoofdsectoren telt bij allebei.")


def neighbourhoods():
    """The Dutch neighbourhood pages (businesses point at those), for the report's filter."""
    pages = NeighbourhoodPage.objects.filter(locale__language_code="nl").order_by("title")
    return [
        Neighbourhood(pk, slug, title)
        for pk, slug, title in pages.values_list("pk", "slug", "title")
    ]


def businesses(period):
    queryset = Business.objects.all()
    if period.neighbourhood:
        queryset = queryset.filter(neighbourhood_id=period.neighbourhood.id)
    return queryset


def half_year_before(day):
    """The first day of the half year that ends on `day`: the day after the same day six
    months earlier (the last day of that month when it is shorter)."""
    month = months_before(day, UPDATED_WITHIN_MONTHS)
    return month.replace(day=min(day.day, last_day_of_month(month).day)) + timedelta(days=1)


def updated_q(period):
    """Online now and last changed in the half year up to the end of the period."""
    half_year = Period(start=half_year_before(period.end), end=period.end)
    return Q(live=True, closed_at__isnull=True) & half_year.within("updated_at")


def online_at_end_q(period):
    """Online at the end of the period: first published before it ended, and not stopped by
    then (still online now, or stopped after the end)."""
    return Q(first_published_at__lt=period.end_before) & (
        Q(live=True, closed_at__isnull=True) | Q(closed_at__gt=period.end)
    )


def _range_words(period):
    return {
        "start": date_format(period.start, "j F Y"),
        "end": date_format(period.end, "j F Y"),
    }


def per_neighbourhood(period):
    queryset = businesses(period)
    counts = {
        "registered": count_by(queryset.filter(period.within("created_at")), "neighbourhood_id"),
        "published": count_by(
            queryset.filter(period.within("first_published_at")), "neighbourhood_id"
        ),
        "updated": count_by(queryset.filter(updated_q(period)), "neighbourhood_id"),
        "closed": count_by(queryset.filter(period.within_dates("closed_at")), "neighbourhood_id"),
    }
    places = [period.neighbourhood] if period.neighbourhood else neighbourhoods()
    rows = [
        {
            "neighbourhood": place.title,
            **{key: found.get(place.id, 0) for key, found in counts.items()},
        }
        for place in places
    ]
    totals = {key: sum(found.values()) for key, found in counts.items()}
    words = _range_words(period)
    return Figure(
        key="per-wijk",
        title=_("Bedrijven per wijk"),
        description=_(
            "Per wijk: hoeveel bedrijven zich aanmeldden, voor het eerst gepubliceerd werden en "
            "stopten van %(start)s tot en met %(end)s, en hoeveel profielen die nu online staan "
            "in het half jaar tot %(end)s zijn bijgewerkt. In totaal: %(registered)s aangemeld, "
            "%(published)s gepubliceerd, %(updated)s bijgewerkt, %(closed)s gestopt."
        )
        % {**words, **totals},
        columns=columns(
            HEADINGS,
            "neighbourhood",
            "registered",
            "published",
            ("updated", _("Bijgewerkt (half jaar)")),
            "closed",
        ),
        rows=nonzero_rows(rows, MEASURES),
        chart=Chart("bar", "neighbourhood", MEASURES),
        note=_(
            "Bijgewerkt: profielen die nu online staan en in de zes maanden tot de einddatum "
            "voor het laatst zijn gewijzigd. Gestopt: door de gemeente gemarkeerd als gestopt."
        ),
    )


def per_month(period):
    queryset = businesses(period)
    series = {
        "registered": count_by_month(queryset, "created_at", period),
        "published": count_by_month(queryset, "first_published_at", period),
        "updated": count_by_month(
            queryset.filter(live=True, closed_at__isnull=True), "updated_at", period
        ),
        "closed": count_by_month(queryset, "closed_at", period),
    }
    totals = {key: sum(found.values()) for key, found in series.items()}
    return Figure(
        key="per-maand",
        title=_("Bedrijven per maand"),
        description=_(
            "Per maand van %(start)s tot en met %(end)s: aangemelde, voor het eerst "
            "gepubliceerde, bijgewerkte en gestopte bedrijven. In totaal: %(registered)s "
            "aangemeld, %(published)s gepubliceerd, %(updated)s bijgewerkt, %(closed)s gestopt."
        )
        % {**_range_words(period), **totals},
        columns=columns(HEADINGS, "month", *MEASURES),
        rows=monthly_rows(period, series),
        chart=Chart("line", "month", MEASURES),
        note=_(
            "Bijgewerkt: profielen die nu online staan en in die maand voor het laatst zijn "
            "gewijzigd. De eerste en laatste maand tellen alleen de dagen in de gekozen periode."
        ),
    )


def main_sectors():
    return list(Sector.objects.filter(parent__isnull=True).order_by("sort_order", "name_nl"))


def sector_mix(period):
    """Online businesses at the end of the period per neighbourhood and main sector."""
    online = businesses(period).filter(online_at_end_q(period))
    mains = main_sectors()
    # Distinct businesses per neighbourhood and main sector (a sector's parent, or itself),
    # grouped in the database.
    grouped = (
        online.filter(sectors__isnull=False)
        .annotate(_main=Coalesce("sectors__parent_id", "sectors__id"))
        .values("neighbourhood_id", "_main")
        .annotate(_n=Count("pk", distinct=True))
        .order_by()
    )
    counts = {(row["neighbourhood_id"], row["_main"]): row["_n"] for row in grouped}
    words = _range_words(period)
    if period.neighbourhood:
        place = period.neighbourhood
        rows = [
            {"sector": sector.name, "count": counts.get((place.id, sector.pk), 0)}
            for sector in mains
        ]
        return Figure(
            key="sectoren",
            title=_("Sectoren in %(name)s") % {"name": place.title},
            description=_(
                "Hoeveel bedrijven in %(name)s op %(end)s online stonden, per hoofdsector."
            )
            % {"name": place.title, **words},
            columns=columns(HEADINGS, "sector", "count"),
            rows=nonzero_rows(rows, ["count"]),
            chart=Chart("bar", "sector", ["count"]),
            note=str(SECTOR_NOTE),
        )
    keys = [f"s{sector.pk}" for sector in mains]
    rows = []
    for place in neighbourhoods():
        row = {"neighbourhood": place.title}
        for key, sector in zip(keys, mains, strict=True):
            row[key] = counts.get((place.id, sector.pk), 0)
        rows.append(row)
    rows = nonzero_rows(rows, keys)
    largest = max(
        mains, key=lambda s: sum(n for (_p, m), n in counts.items() if m == s.pk), default=None
    )
    summary = (
        _(" De grootste sector in de stad is %(sector)s.") % {"sector": largest.name}
        if rows and largest
        else ""
    )
    return Figure(
        key="sectoren",
        title=_("Sectoren per wijk"),
        description=_("Per wijk: hoeveel bedrijven op %(end)s online stonden in elke hoofdsector.")
        % words
        + summary,
        columns=columns(HEADINGS, "neighbourhood")
        + [(key, sector.name) for key, sector in zip(keys, mains, strict=True)],
        rows=rows,
        chart=Chart("stacked", "neighbourhood", keys),
        note=str(SECTOR_NOTE),
    )


def languages(period):
    """Online businesses at the end of the period per language spoken in them."""
    online = businesses(period).filter(online_at_end_q(period))
    counts = count_by(online.filter(languages__isnull=False), "languages")
    names = {language.pk: language.name for language in Language.objects.all()}
    rows = sorted(
        ({"language": names[pk], "count": n} for pk, n in counts.items() if pk in names),
        key=lambda row: (-row["count"], row["language"]),
    )
    where = period.neighbourhood.title if period.neighbourhood else _("de hele stad")
    top = ", ".join(f"{row['language']} ({row['count']})" for row in rows[:3])
    return Figure(
        key="talen",
        title=_("Gesproken talen"),
        description=_(
            "In hoeveel bedrijven in %(where)s die op %(end)s online stonden elke taal wordt "
            "gesproken."
        )
        % {"where": where, **_range_words(period)}
        + (_(" Het vaakst: %(top)s.") % {"top": top} if top else ""),
        columns=columns(HEADINGS, "language", "count"),
        rows=rows,
        chart=Chart("bar", "language", ["count"]),
        note=_("Een bedrijf waar meer talen gesproken worden, telt bij elke taal."),
    )


def figures(period):
    return [per_neighbourhood(period), per_month(period), sector_mix(period), languages(period)]


def headlines(period):
    everywhere = Business.objects.all()
    online = everywhere.filter(live=True, closed_at__isnull=True).count()
    updated = everywhere.filter(updated_q(period)).count()
    share = percentage(updated, online)
    return [
        Headline(_("Bedrijven online"), online),
        Headline(
            _("Aangemeld, laatste 12 maanden"),
            everywhere.filter(period.within("created_at")).count(),
        ),
        Headline(_("Bijgewerkt in het laatste half jaar"), f"{share}%", _("van wat online staat")),
        Headline(
            _("Gestopt, laatste 12 maanden"),
            everywhere.filter(period.within_dates("closed_at")).count(),
        ),
    ]


TITLE = gettext_lazy("Bedrijven")
DESCRIPTION = gettext_lazy(
    "Aanmeldingen, publicaties, bijgewerkte en gestopte bedrijven per wijk en per maand; "
    "sectoren per wijk en gesproken talen."
)
