"""The mentor matching report in "Inzicht" (programmes/wagtail_hooks.py): the requests made in
the period (in the chosen neighbourhood), followed until today: how many reached each step, the
share of all requests, the median days between steps (from the MatchEvents), requests per month,
the ratings of completed matches and the change in the founders' self-assessment.

Means of fewer than SMALL answers are left out, so a figure never shows one person's answer.
Otherwise these are staff figures (the admin only): counts are shown as they are, also below 5.
"""

import statistics

from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from home.insight import (
    SMALL,
    Chart,
    Figure,
    Headline,
    columns,
    month_start,
    monthly_rows,
    percentage,
)
from programmes.mentoring import progress, steps
from programmes.mentoring.models.requests import SELF_ASSESSMENT
from programmes.models import MatchEvent, MatchRequest, MentorMatch

STEPS = [
    (MatchRequest.Status.REQUESTED, _("Aangevraagd")),
    (MatchRequest.Status.PROPOSED, _("Voorstel bevestigd")),
    (MatchRequest.Status.INTRODUCED, _("Voorgesteld aan een mentor")),
    (MatchRequest.Status.ACTIVE, _("Mentorschap loopt")),
    (MatchRequest.Status.COMPLETED, _("Afgerond")),
]
ORDER = [status for status, _label in STEPS]

HEADINGS = {
    "step": _("Stap"),
    "reached": _("Aanvragen"),
    "share": _("% van de aanvragen"),
    "median_days": _("Dagen sinds de vorige stap (mediaan)"),
    "who": _("Wie"),
    "answers": _("Cijfers"),
    "mean": _("Gemiddeld (1–5)"),
    "statement": _("Uitspraak"),
    "start": _("Bij de start"),
    "end": _("Aan het eind"),
    "change": _("Verschil"),
    "month": _("Maand"),
    "requests": _("Aanvragen"),
}


def mean(values):
    """The mean of at least SMALL values, to one decimal; None for fewer (never one person's)."""
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 1) if len(values) >= SMALL else None


def requests_in(period):
    requests = MatchRequest.objects.filter(period.within("created_at"))
    if period.neighbourhood is not None:
        requests = requests.filter(neighbourhood_id=period.neighbourhood.id)
    return requests


def journeys(requests):
    """{request id: {step: first moment}} and {request id: furthest step index}.

    A request reached a step when it has that step's event, or when its status is that step or
    a later one (data made without events); only events give moments."""
    moments = {
        pk: {MatchRequest.Status.REQUESTED: created}
        for pk, created in requests.values_list("pk", "created_at")
    }
    for pk, status, first in (
        MatchEvent.objects.filter(request__in=requests.values("pk"), status__in=ORDER[1:])
        .values("request_id", "status")
        .annotate(first=Min("created_at"))
        .values_list("request_id", "status", "first")
    ):
        moments[pk][status] = first
    furthest = {}
    for pk, status in requests.values_list("pk", "status"):
        reached = [ORDER.index(s) for s in moments[pk]]
        if status in ORDER:
            reached.append(ORDER.index(status))
        furthest[pk] = max(reached)
    return moments, furthest


def median_days(moments, status, previous):
    """The median days from step `previous` to step `status`, of the requests with both."""
    waits = [
        (times[status] - times[previous]).total_seconds() / 86400
        for times in moments.values()
        if status in times and previous in times and times[status] >= times[previous]
    ]
    return round(statistics.median(waits), 1) if waits else None


def funnel(period):
    moments, furthest = journeys(requests_in(period))
    total = len(furthest)
    rows = []
    for index, (status, label) in enumerate(STEPS):
        reached = sum(1 for step in furthest.values() if step >= index)
        rows.append(
            {
                "step": str(label),
                "reached": reached,
                "share": percentage(reached, total),
                "median_days": median_days(moments, status, ORDER[index - 1]) if index else None,
            }
        )
    return Figure(
        key="koppelen-trechter",
        title=_("Van aanvraag tot afgeronde koppeling"),
        description=_(
            "Van de mentoraanvragen in deze periode: hoeveel elke stap bereikten, welk "
            "deel van alle aanvragen dat is, en hoeveel dagen er (de mediaan) tussen die "
            "stap en de vorige zaten."
        ),
        columns=columns(HEADINGS, "step", "reached", "share", "median_days"),
        rows=rows if total else [],
        chart=Chart(kind="bar", label="step", series=["reached"]),
        note=_(
            "Aanvragen gedaan in de periode, gevolgd tot vandaag. Een aanvraag die een "
            "stap verder kwam, telt ook bij de stappen ervoor. De dagen tellen alleen "
            "aanvragen waarvan beide stappen zijn vastgelegd."
        ),
    )


def ratings(period):
    completed = MentorMatch.objects.filter(
        request__in=requests_in(period).values("pk"), status=MentorMatch.Status.COMPLETED
    )
    pairs = completed.values_list("founder_rating", "mentor_rating")
    founders = [founder for founder, _mentor in pairs if founder]
    mentors = [mentor for _founder, mentor in pairs if mentor]
    rows = [
        {"who": str(who), "answers": len(given), "mean": mean(given)}
        for who, given in (
            (_("Ondernemers"), founders),
            (_("Mentoren"), mentors),
            (_("Samen"), founders + mentors),
        )
    ]
    return Figure(
        key="koppelen-waardering",
        title=_("Waardering van afgeronde koppelingen"),
        description=_(
            "Het gemiddelde cijfer (1 tot 5) dat ondernemers en mentoren aan het eind "
            "gaven, van de afgeronde koppelingen van aanvragen in deze periode."
        ),
        columns=columns(HEADINGS, "who", "answers", "mean"),
        rows=rows if founders or mentors else [],
        chart=Chart(kind="bar", label="who", series=["mean"]),
        note=_(
            "Een gemiddelde van minder dan %(small)s cijfers tonen we niet (–): dan is het "
            "bijna het cijfer van één persoon."
        )
        % {"small": SMALL},
    )


def self_assessment(period):
    pairs = [
        (start, end)
        for start, end in requests_in(period).values_list(
            "self_assessment_start", "self_assessment_end"
        )
        if start and end
    ]
    rows = []
    for key, label in SELF_ASSESSMENT:
        both = [
            (start[key], end[key])
            for start, end in pairs
            if isinstance(start.get(key), int) and isinstance(end.get(key), int)
        ]
        before, after = mean([b for b, _a in both]), mean([a for _b, a in both])
        rows.append(
            {
                "statement": str(label),
                "answers": len(both),
                "start": before,
                "end": after,
                "change": (
                    round(mean([a - b for b, a in both]), 1) if before is not None else None
                ),
            }
        )
    return Figure(
        key="koppelen-zelfbeoordeling",
        title=_("Zelfbeoordeling bij de start en aan het eind"),
        description=_(
            "Hoe ondernemers zichzelf beoordeelden (1: klopt helemaal niet, 5: klopt "
            "helemaal) toen ze een mentor vroegen en aan het eind, gemiddeld per "
            "uitspraak, van de aanvragen in deze periode die beide keren antwoordden."
        ),
        columns=columns(
            HEADINGS, "statement", ("answers", _("Ondernemers")), "start", "end", "change"
        ),
        rows=rows if pairs else [],
        chart=Chart(kind="bar", label="statement", series=["start", "end"]),
        note=_("Een gemiddelde van minder dan %(small)s ondernemers tonen we niet (–).")
        % {"small": SMALL},
    )


def requests_per_month(period):
    """The requests per month, from the figures of the mentoring queue (progress.figures)."""
    counted = {
        month_start(row["month"]): row["n"]
        for row in progress.figures(requests_in(period))["per_month"]
    }
    return Figure(
        key="koppelen-per-maand",
        title=_("Mentoraanvragen per maand"),
        description=_("Hoeveel ondernemers per maand een mentor vroegen."),
        columns=columns(HEADINGS, "month", "requests"),
        rows=monthly_rows(period, {"requests": counted}),
        chart=Chart(kind="line", label="month", series=["requests"]),
    )


def matching_figures(period):
    return [funnel(period), requests_per_month(period), ratings(period), self_assessment(period)]


def matching_headlines(period):
    found = progress.figures(requests_in(period))
    return [
        Headline(str(_("Mentoraanvragen")), found["total"]),
        Headline(
            str(_("Voorstel binnen %(days)s werkdagen") % {"days": steps.PROMISED_WORKING_DAYS}),
            f"{found['proposed_within_5_days']}%",
        ),
        Headline(str(_("Afgerond")), f"{found['completed']}%"),
    ]
