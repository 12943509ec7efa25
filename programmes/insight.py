"""Staff figures ("Inzicht") for programmes and for mentor matching, as home.insight Figures.

Both reports take a period (`start`, `end`, both included, and a `neighbourhood` or None; see
home.insight.Period) and count straight from the database:

- programmes: per category (focus categories first) how many were on offer in the period and
  whether they were still open at its end; their page views and "apply" clicks
  (`ProgrammeDayCount`, counted by programmes.counting); per programme and per month. A
  programme with neighbourhoods counts for those; one without counts for every neighbourhood
  (it is for the whole city). A programme and its translation are one programme.
- matching: the requests made in the period (in the chosen neighbourhood), followed until
  today: how many reached each step, the share of all requests, the median days between
  steps (from the MatchEvents), the ratings of completed matches and the change in the
  founders' self-assessment. Means of fewer than SMALL answers are left out, so a figure never
  shows one person's answer.

These are staff figures (the admin only): counts are shown as they are, also below 5.
"""

import statistics

from django.conf import settings
from django.db.models import BooleanField, Case, Count, Min, Q, Sum, When
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home.insight import SMALL, Chart, Figure, Headline
from programmes.mentoring import progress, steps
from programmes.mentoring.models.requests import SELF_ASSESSMENT
from programmes.models import (
    Category,
    MatchEvent,
    MatchRequest,
    MentorMatch,
    ProgrammeDayCount,
    ProgrammePage,
    expired_q,
)

TOP = 20  # programmes and queries in a "top" figure


def share(part, whole):
    """A whole percentage, 0 of nothing."""
    return round(100 * part / whole) if whole else 0


def mean(values):
    """The mean of at least SMALL values, to one decimal; None for fewer (never one person's)."""
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 1) if len(values) >= SMALL else None


def month_of(value):
    """A month from TruncMonth, as the first day (a date) in the portal's time zone."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    if hasattr(value, "date"):
        value = value.date()
    return value.replace(day=1)


# Programmes -----------------------------------------------------------------------------------


def programmes_for(period):
    """Published programmes for the period's neighbourhood: theirs, and the city-wide ones."""
    programmes = ProgrammePage.objects.live()
    if period.neighbourhood is not None:
        programmes = programmes.filter(
            Q(neighbourhoods=period.neighbourhood.id) | Q(neighbourhoods__isnull=True)
        )
    return programmes


def on_offer(period):
    """Programmes published by the end of the period that had not expired before its start."""
    return (
        programmes_for(period)
        .filter(Q(first_published_at__lt=period.end_before) | Q(first_published_at__isnull=True))
        .exclude(expired_q(period.start))
    )


def status_day(period):
    """Open or expired is told on the period's last day, or today when that is later."""
    return min(period.end, timezone.localdate())


def counts_in(period):
    """The views and clicks in the period of the programmes for its neighbourhood."""
    return ProgrammeDayCount.objects.filter(
        period.within_dates("day"), page__in=programmes_for(period).values("pk")
    )


def per_category(period):
    day = status_day(period)
    offered = on_offer(period)
    status = {
        (row["category_id"], row["is_expired"]): row["n"]
        for row in offered.annotate(
            is_expired=Case(
                When(expired_q(day), then=True), default=False, output_field=BooleanField()
            )
        )
        .values("category_id", "is_expired")
        .annotate(n=Count("translation_key", distinct=True))
        .order_by()
    }
    # Every category first; empty categories stay, so the order is the same in every period.
    clicks = {
        row["page__category_id"]: row
        for row in counts_in(period)
        .values("page__category_id")
        .annotate(views=Sum("views"), clicks=Sum("apply_clicks"))
        .order_by()
    }
    rows = []
    for category in Category.objects.all():
        counted = clicks.get(category.pk, {})
        rows.append(
            {
                "category": category.name,
                "focus": _("ja") if category.is_focus else _("nee"),
                "open": status.get((category.pk, False), 0),
                "expired": status.get((category.pk, True), 0),
                "views": counted.get("views") or 0,
                "apply_clicks": counted.get("clicks") or 0,
            }
        )
    if not any(row[key] for row in rows for key in ("open", "expired", "views", "apply_clicks")):
        rows = []
    return Figure(
        key="programmas-per-categorie",
        title=str(_("Programma's per categorie")),
        description=str(
            _(
                "Per categorie, de focuscategorieën eerst: hoeveel programma's in deze periode "
                "werden aangeboden, hoeveel daarvan op %(day)s nog open waren en hoeveel "
                "verlopen, en hoe vaak hun pagina's werden bekeken en hun aanmeldlink gevolgd."
            )
            % {"day": date_format(day, "j F Y")}
        ),
        columns=[
            ("category", str(_("Categorie"))),
            ("focus", str(_("Focus"))),
            ("open", str(_("Open"))),
            ("expired", str(_("Verlopen"))),
            ("views", str(_("Keer bekeken"))),
            ("apply_clicks", str(_("Naar aanmelden"))),
        ],
        rows=rows,
        chart=Chart(kind="stacked", label="category", series=["open", "expired"]),
        note=str(
            _(
                "Aangeboden: gepubliceerd vóór het eind van de periode en niet verlopen vóór "
                "het begin. Een programma voor de hele stad telt bij elke wijk mee. Bekeken en "
                "aanmelden tellen op de server, zonder cookies en zonder IP-adressen; "
                "zoekmachines tellen niet mee."
            )
        ),
    )


def per_programme(period):
    day = status_day(period)
    totals = list(
        counts_in(period)
        .values("page__translation_key")
        .annotate(views=Sum("views"), clicks=Sum("apply_clicks"))
        .order_by("-views", "-clicks")[:TOP]
    )
    keys = [row["page__translation_key"] for row in totals]
    pages = {}
    # The Dutch page names a programme; a programme only in another language keeps its own.
    for page in (
        ProgrammePage.objects.filter(translation_key__in=keys)
        .select_related("category", "locale")
        .order_by("pk")
    ):
        known = pages.get(page.translation_key)
        if known is None or (
            page.locale.language_code == settings.LANGUAGE_CODE
            and known.locale.language_code != settings.LANGUAGE_CODE
        ):
            pages[page.translation_key] = page
    rows = []
    for row in totals:
        page = pages.get(row["page__translation_key"])
        if page is None:
            continue
        rows.append(
            {
                "programme": page.title,
                "category": page.category.name,
                "status": _("verlopen") if page.is_expired_on(day) else _("open"),
                "views": row["views"] or 0,
                "apply_clicks": row["clicks"] or 0,
                "share": share(row["clicks"] or 0, row["views"] or 0),
            }
        )
    return Figure(
        key="programmas-bekeken",
        title=str(_("Meest bekeken programma's")),
        description=str(
            _(
                "De %(top)s programma's waarvan de pagina in deze periode het vaakst werd "
                "bekeken, met hoe vaak hun aanmeldlink werd gevolgd en welk deel van het "
                "bekijken dat is."
            )
            % {"top": TOP}
        ),
        columns=[
            ("programme", str(_("Programma"))),
            ("category", str(_("Categorie"))),
            ("status", str(_("Nu"))),
            ("views", str(_("Keer bekeken"))),
            ("apply_clicks", str(_("Naar aanmelden"))),
            ("share", str(_("Naar aanmelden (% van bekeken)"))),
        ],
        rows=rows,
        chart=Chart(kind="bar", label="programme", series=["views", "apply_clicks"]),
        note=str(
            _(
                "Een aanmelding via de website of het e-mailadres van de aanbieder telt als "
                "'naar aanmelden'; of iemand zich daar echt aanmeldde, weet het portaal niet."
            )
        ),
    )


def per_month(period):
    counted = {
        month_of(row["month"]): row
        for row in counts_in(period)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(views=Sum("views"), clicks=Sum("apply_clicks"))
        .order_by()
    }
    rows = [
        {
            "month": month,
            "views": (counted.get(month) or {}).get("views") or 0,
            "apply_clicks": (counted.get(month) or {}).get("clicks") or 0,
        }
        for month in period.months()
    ]
    if not any(row["views"] or row["apply_clicks"] for row in rows):
        rows = []
    return Figure(
        key="programmas-per-maand",
        title=str(_("Programma's bekeken per maand")),
        description=str(
            _(
                "Per maand hoe vaak programmapagina's werden bekeken en hoe vaak hun "
                "aanmeldlink werd gevolgd."
            )
        ),
        columns=[
            ("month", str(_("Maand"))),
            ("views", str(_("Keer bekeken"))),
            ("apply_clicks", str(_("Naar aanmelden"))),
        ],
        rows=rows,
        chart=Chart(kind="line", label="month", series=["views", "apply_clicks"]),
    )


def programme_figures(period):
    return [per_category(period), per_programme(period), per_month(period)]


def programme_headlines(period):
    today = timezone.localdate()
    live = ProgrammePage.objects.live()
    counted = counts_in(period).aggregate(views=Sum("views"), clicks=Sum("apply_clicks"))
    return [
        Headline(
            str(_("Programma's open")),
            live.exclude(expired_q(today)).values("translation_key").distinct().count(),
        ),
        Headline(str(_("Keer bekeken")), counted["views"] or 0),
        Headline(str(_("Naar aanmelden")), counted["clicks"] or 0),
    ]


# Matching -------------------------------------------------------------------------------------

STEPS = [
    (MatchRequest.REQUESTED, _("Aangevraagd")),
    (MatchRequest.PROPOSED, _("Voorstel bevestigd")),
    (MatchRequest.INTRODUCED, _("Voorgesteld aan een mentor")),
    (MatchRequest.ACTIVE, _("Mentorschap loopt")),
    (MatchRequest.COMPLETED, _("Afgerond")),
]
ORDER = [status for status, _label in STEPS]


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
        pk: {MatchRequest.REQUESTED: created}
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


def funnel(period):
    requests = requests_in(period)
    moments, furthest = journeys(requests)
    total = len(furthest)
    rows = []
    for index, (status, label) in enumerate(STEPS):
        reached = sum(1 for step in furthest.values() if step >= index)
        days = None
        if index:
            previous = ORDER[index - 1]
            waits = [
                (steps[status] - steps[previous]).total_seconds() / 86400
                for steps in moments.values()
                if status in steps and previous in steps and steps[status] >= steps[previous]
            ]
            days = round(statistics.median(waits), 1) if waits else None
        rows.append(
            {
                "step": str(label),
                "reached": reached,
                "share": share(reached, total),
                "median_days": days,
            }
        )
    if not total:
        rows = []
    return Figure(
        key="koppelen-trechter",
        title=str(_("Van aanvraag tot afgeronde koppeling")),
        description=str(
            _(
                "Van de mentoraanvragen in deze periode: hoeveel elke stap bereikten, welk "
                "deel van alle aanvragen dat is, en hoeveel dagen er (de mediaan) tussen die "
                "stap en de vorige zaten."
            )
        ),
        columns=[
            ("step", str(_("Stap"))),
            ("reached", str(_("Aanvragen"))),
            ("share", str(_("% van de aanvragen"))),
            ("median_days", str(_("Dagen sinds de vorige stap (mediaan)"))),
        ],
        rows=rows,
        chart=Chart(kind="bar", label="step", series=["reached"]),
        note=str(
            _(
                "Aanvragen gedaan in de periode, gevolgd tot vandaag. Een aanvraag die een "
                "stap verder kwam, telt ook bij de stappen ervoor. De dagen tellen alleen "
                "aanvragen waarvan beide stappen zijn vastgelegd."
            )
        ),
    )


def ratings(period):
    completed = MentorMatch.objects.filter(
        request__in=requests_in(period).values("pk"), status=MentorMatch.COMPLETED
    )
    founders, mentors = [], []
    for founder, mentor in completed.values_list("founder_rating", "mentor_rating"):
        if founder:
            founders.append(founder)
        if mentor:
            mentors.append(mentor)
    rows = [
        {"who": str(_("Ondernemers")), "answers": len(founders), "mean": mean(founders)},
        {"who": str(_("Mentoren")), "answers": len(mentors), "mean": mean(mentors)},
        {
            "who": str(_("Samen")),
            "answers": len(founders) + len(mentors),
            "mean": mean(founders + mentors),
        },
    ]
    if not founders and not mentors:
        rows = []
    return Figure(
        key="koppelen-waardering",
        title=str(_("Waardering van afgeronde koppelingen")),
        description=str(
            _(
                "Het gemiddelde cijfer (1 tot 5) dat ondernemers en mentoren aan het eind "
                "gaven, van de afgeronde koppelingen van aanvragen in deze periode."
            )
        ),
        columns=[
            ("who", str(_("Wie"))),
            ("answers", str(_("Cijfers"))),
            ("mean", str(_("Gemiddeld (1–5)"))),
        ],
        rows=rows,
        chart=Chart(kind="bar", label="who", series=["mean"]),
        note=str(
            _(
                "Een gemiddelde van minder dan %(small)s cijfers tonen we niet (–): dan is het "
                "bijna het cijfer van één persoon."
            )
            % {"small": SMALL}
        ),
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
    if not pairs:
        rows = []
    return Figure(
        key="koppelen-zelfbeoordeling",
        title=str(_("Zelfbeoordeling bij de start en aan het eind")),
        description=str(
            _(
                "Hoe ondernemers zichzelf beoordeelden (1: klopt helemaal niet, 5: klopt "
                "helemaal) toen ze een mentor vroegen en aan het eind, gemiddeld per "
                "uitspraak, van de aanvragen in deze periode die beide keren antwoordden."
            )
        ),
        columns=[
            ("statement", str(_("Uitspraak"))),
            ("answers", str(_("Ondernemers"))),
            ("start", str(_("Bij de start"))),
            ("end", str(_("Aan het eind"))),
            ("change", str(_("Verschil"))),
        ],
        rows=rows,
        chart=Chart(kind="bar", label="statement", series=["start", "end"]),
        note=str(
            _("Een gemiddelde van minder dan %(small)s ondernemers tonen we niet (–).")
            % {"small": SMALL}
        ),
    )


def requests_per_month(period):
    """The requests per month, from the figures of the mentoring queue (progress.figures)."""
    counted = {
        month_of(row["month"]): row["n"]
        for row in progress.figures(requests_in(period))["per_month"]
    }
    rows = [{"month": month, "requests": counted.get(month, 0)} for month in period.months()]
    if not any(row["requests"] for row in rows):
        rows = []
    return Figure(
        key="koppelen-per-maand",
        title=str(_("Mentoraanvragen per maand")),
        description=str(_("Hoeveel ondernemers per maand een mentor vroegen.")),
        columns=[("month", str(_("Maand"))), ("requests", str(_("Aanvragen")))],
        rows=rows,
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
