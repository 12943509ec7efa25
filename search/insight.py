"""Staff figures ("Inzicht" → Zoeken): what people search for, what finds nothing, and what they
answered to "Vond je wat je zocht?", so staff can add synonyms (Instellingen → Zoeken).

Counted from `QueryDayCount` (search.recording) and `SearchFeedback`. The neighbourhood filter
applies to searches of the directory filtered on that one neighbourhood (`wijk`); the site
search and the answers have no neighbourhood, so they are left out when one is chosen (the
answers are then shown for the whole city, and their figures say so).

Imported by search/wagtail_hooks.py only (docs/architecture.md: nothing outside search imports
it but views and signal handlers).
"""

from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.insight import Chart, Figure, Headline, columns, monthly_rows, percentage, sum_by_month
from search.models import QueryDayCount, SearchFeedback
from search.recording import KEEP_DAYS, normalise

TOP = 25

HEADINGS = {
    "query": _("Zoekopdracht"),
    "directory": _("Ondernemers zoeken"),
    "site": _("Zoeken op de site"),
    "searches": _("Keer gezocht"),
    "empty": _("Niets gevonden"),
    "last": _("Laatst gezocht"),
    "month": _("Maand"),
    "answer": _("Antwoord"),
    "answers": _("Reacties"),
    "not_found": _("Nee, niet gevonden"),
    "found": _("Ja, gevonden"),
}


def counts_in(period):
    counts = QueryDayCount.objects.filter(period.within_dates("day"))
    if period.neighbourhood is not None:
        counts = counts.filter(
            kind=QueryDayCount.DIRECTORY, neighbourhood=period.neighbourhood.slug
        )
    return counts


def where_note(period):
    if period.neighbourhood is None:
        return ""
    return str(
        _(
            "Alleen zoekopdrachten bij 'Ondernemers zoeken' met het filter op de wijk "
            "%(name)s; het zoeken op de site heeft geen wijk."
        )
        % {"name": period.neighbourhood.title}
    )


def settings_link():
    """The place where staff edit the synonyms, as a link for a figure's note."""
    return format_html(
        '{} <a href="{}">{}</a>.',
        _("Voeg synoniemen toe bij"),
        reverse("wagtailsettings:edit", args=["search", "searchsettings"]),
        _("Instellingen → Zoeken"),
    )


def joined(*parts):
    parts = [part for part in parts if part]
    if not parts:
        return ""
    return format_html(" ".join(["{}"] * len(parts)), *parts)


def top_queries(period):
    totals = (
        counts_in(period)
        .values("query")
        .annotate(
            total=Sum("searches"),
            total_empty=Sum("empty"),
            directory=Sum("searches", filter=Q(kind=QueryDayCount.DIRECTORY)),
            site=Sum("searches", filter=Q(kind=QueryDayCount.SITE)),
        )
        .order_by("-total", "query")[:TOP]
    )
    rows = [
        {
            "query": row["query"],
            "directory": row["directory"] or 0,
            "site": row["site"] or 0,
            "searches": row["total"],
            "empty": row["total_empty"],
        }
        for row in totals
    ]
    return Figure(
        key="zoeken-meest-gezocht",
        title=_("Meest gezocht"),
        description=_(
            "De %(top)s zoekopdrachten die in deze periode het vaakst werden gedaan, bij "
            "'Ondernemers zoeken' en op de site, en hoe vaak ze niets vonden."
        )
        % {"top": TOP},
        columns=columns(HEADINGS, "query", "directory", "site", ("searches", _("Samen")), "empty"),
        rows=rows,
        chart=Chart(kind="stacked", label="query", series=["directory", "site"]),
        note=joined(
            where_note(period),
            str(
                _(
                    "Zoekopdrachten staan er in kleine letters en met enkele spaties; wat op een "
                    "e-mailadres of telefoonnummer lijkt, wordt niet bewaard. Alleen medewerkers "
                    "zien deze cijfers; ze worden na %(days)s dagen gewist."
                )
                % {"days": KEEP_DAYS}
            ),
        ),
    )


def without_results(period):
    totals = (
        counts_in(period)
        .values("query")
        .annotate(total_empty=Sum("empty"), total=Sum("searches"), last=Max("day"))
        .filter(total_empty__gt=0)
        .order_by("-total_empty", "query")[:TOP]
    )
    rows = [
        {
            "query": row["query"],
            "empty": row["total_empty"],
            "searches": row["total"],
            "last": row["last"].strftime("%d-%m-%Y") if row["last"] else "",
        }
        for row in totals
    ]
    return Figure(
        key="zoeken-zonder-resultaat",
        title=_("Zoekopdrachten zonder resultaat"),
        description=_(
            "De %(top)s zoekopdrachten die in deze periode het vaakst niets vonden: "
            "kandidaten voor een synoniem, of voor een ondernemer die nog ontbreekt."
        )
        % {"top": TOP},
        columns=columns(HEADINGS, "query", "empty", "searches", "last"),
        rows=rows,
        chart=Chart(kind="bar", label="query", series=["empty"]),
        note=joined(where_note(period), settings_link()),
    )


def per_month(period):
    series = sum_by_month(counts_in(period), "day", searches="searches", empty="empty")
    return Figure(
        key="zoeken-per-maand",
        title=_("Zoekopdrachten per maand"),
        description=_("Per maand hoe vaak er met tekst werd gezocht en hoe vaak dat niets vond."),
        columns=columns(HEADINGS, "month", "searches", "empty"),
        rows=monthly_rows(period, series),
        chart=Chart(kind="line", label="month", series=["searches", "empty"]),
        note=where_note(period),
    )


def feedback_in(period):
    return SearchFeedback.objects.filter(period.within("created_at"))


def city_wide_note(period):
    if period.neighbourhood is None:
        return ""
    return str(_("Reacties hebben geen wijk: dit zijn de reacties uit de hele stad."))


def feedback_answers(period):
    answers = feedback_in(period).aggregate(
        yes=Count("pk", filter=Q(found=True)),
        not_found=Count("pk", filter=Q(found=False)),
        commented=Count("pk", filter=~Q(comment="")),
    )
    rows = []
    if answers["yes"] or answers["not_found"]:
        rows = [
            {"answer": str(HEADINGS["found"]), "answers": answers["yes"]},
            {"answer": str(HEADINGS["not_found"]), "answers": answers["not_found"]},
        ]
    return Figure(
        key="zoeken-reacties",
        title=_("Vond je wat je zocht?"),
        description=_(
            "Wat bezoekers in deze periode antwoordden onder de resultaten van "
            "'Ondernemers zoeken'; %(commented)s van hen schreven er iets bij."
        )
        % {"commented": answers["commented"]},
        columns=columns(HEADINGS, "answer", "answers"),
        rows=rows,
        chart=Chart(kind="bar", label="answer", series=["answers"]),
        note=joined(
            city_wide_note(period),
            format_html(
                '{} <a href="{}">{}</a>.',
                _("De toelichtingen staan bij"),
                reverse("wagtailsnippets_search_searchfeedback:list"),
                _("Reacties op zoeken"),
            ),
        ),
    )


def feedback_not_found(period):
    """Per query (normalised as the counts are): how often it was answered "no" and "yes"."""
    found = {}
    for query, was_found in feedback_in(period).values_list("query", "found"):
        key = normalise(query)
        no, yes = found.get(key, (0, 0))
        found[key] = (no + (not was_found), yes + was_found)
    ranked = sorted(
        ((key, no, yes) for key, (no, yes) in found.items() if no),
        key=lambda item: (-item[1], item[0]),
    )[:TOP]
    rows = [
        {"query": key or str(_("(zonder tekst)")), "not_found": no, "found": yes}
        for key, no, yes in ranked
    ]
    return Figure(
        key="zoeken-niet-gevonden",
        title=_("Niet gevonden, volgens bezoekers"),
        description=_(
            "De %(top)s zoekopdrachten waarbij bezoekers in deze periode het vaakst "
            "antwoordden dat ze niet vonden wat ze zochten."
        )
        % {"top": TOP},
        columns=columns(HEADINGS, "query", "not_found", "found"),
        rows=rows,
        chart=Chart(kind="stacked", label="query", series=["not_found", "found"]),
        note=joined(city_wide_note(period), settings_link()),
    )


def search_figures(period):
    return [
        top_queries(period),
        without_results(period),
        per_month(period),
        feedback_answers(period),
        feedback_not_found(period),
    ]


def search_headlines(period):
    totals = counts_in(period).aggregate(total=Sum("searches"), total_empty=Sum("empty"))
    searches = totals["total"] or 0
    return [
        Headline(str(_("Zoekopdrachten")), searches),
        Headline(
            str(HEADINGS["empty"]),
            f"{percentage(totals['total_empty'] or 0, searches)}%" if searches else "–",
        ),
        Headline(
            str(_("Niet gevonden, volgens bezoekers")),
            feedback_in(period).filter(found=False).count(),
        ),
    ]
