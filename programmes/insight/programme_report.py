"""The programme report in "Inzicht" (programmes/wagtail_hooks.py): per category (focus
categories first) how many programmes were on offer in the period and whether they were still
open at its end; their page views and "apply" clicks (`ProgrammeDayCount`, counted by
programmes.counting); per programme and per month.

A programme with neighbourhoods counts for those; one without counts for every neighbourhood
(it is for the whole city). A programme and its translation are one programme. These are staff
figures (the admin only): counts are shown as they are, also below 5.
"""

from django.conf import settings
from django.db.models import BooleanField, Case, Count, Q, Sum, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home.insight import (
    Chart,
    Figure,
    Headline,
    columns,
    monthly_rows,
    nonzero_rows,
    percentage,
    sum_by_month,
)
from programmes.models import Category, ProgrammeDayCount, ProgrammePage, expired_q

TOP = 20  # programmes in the "most viewed" figure

HEADINGS = {
    "category": _("Categorie"),
    "focus": _("Focus"),
    "open": _("Open"),
    "expired": _("Verlopen"),
    "programme": _("Programma"),
    "status": _("Nu"),
    "views": _("Keer bekeken"),
    "apply_clicks": _("Naar aanmelden"),
    "share": _("Naar aanmelden (% van bekeken)"),
    "month": _("Maand"),
}
# The page views and "apply" clicks summed over ProgrammeDayCount rows.
TOTALS = {"views": Sum("views"), "clicks": Sum("apply_clicks")}


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
        for row in counts_in(period).values("page__category_id").annotate(**TOTALS).order_by()
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
    return Figure(
        key="programmas-per-categorie",
        title=_("Programma's per categorie"),
        description=_(
            "Per categorie, de focuscategorieën eerst: hoeveel programma's in deze periode "
            "werden aangeboden, hoeveel daarvan op %(day)s nog open waren en hoeveel "
            "verlopen, en hoe vaak hun pagina's werden bekeken en hun aanmeldlink gevolgd."
        )
        % {"day": date_format(day, "j F Y")},
        columns=columns(HEADINGS, "category", "focus", "open", "expired", "views", "apply_clicks"),
        rows=nonzero_rows(rows, ("open", "expired", "views", "apply_clicks")),
        chart=Chart(kind="stacked", label="category", series=["open", "expired"]),
        note=_(
            "Aangeboden: gepubliceerd vóór het eind van de periode en niet verlopen vóór "
            "het begin. Een programma voor de hele stad telt bij elke wijk mee. Bekeken en "
            "aanmelden tellen op de server, zonder cookies en zonder IP-adressen; "
            "zoekmachines tellen niet mee."
        ),
    )


def named_pages(translation_keys):
    """{translation key: the page that names the programme}: the Dutch page; a programme only
    in another language keeps its own."""
    pages = {}
    for page in (
        ProgrammePage.objects.filter(translation_key__in=translation_keys)
        .select_related("category", "locale")
        .order_by("pk")
    ):
        known = pages.get(page.translation_key)
        if known is None or (
            page.locale.language_code == settings.LANGUAGE_CODE
            and known.locale.language_code != settings.LANGUAGE_CODE
        ):
            pages[page.translation_key] = page
    return pages


def per_programme(period):
    day = status_day(period)
    totals = list(
        counts_in(period)
        .values("page__translation_key")
        .annotate(**TOTALS)
        .order_by("-views", "-clicks")[:TOP]
    )
    pages = named_pages([row["page__translation_key"] for row in totals])
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
                "share": percentage(row["clicks"] or 0, row["views"] or 0),
            }
        )
    return Figure(
        key="programmas-bekeken",
        title=_("Meest bekeken programma's"),
        description=_(
            "De %(top)s programma's waarvan de pagina in deze periode het vaakst werd "
            "bekeken, met hoe vaak hun aanmeldlink werd gevolgd en welk deel van het "
            "bekijken dat is."
        )
        % {"top": TOP},
        columns=columns(
            HEADINGS, "programme", "category", "status", "views", "apply_clicks", "share"
        ),
        rows=rows,
        chart=Chart(kind="bar", label="programme", series=["views", "apply_clicks"]),
        note=_(
            "Een aanmelding via de website of het e-mailadres van de aanbieder telt als "
            "'naar aanmelden'; of iemand zich daar echt aanmeldde, weet het portaal niet."
        ),
    )


def per_month(period):
    series = sum_by_month(counts_in(period), "day", views="views", apply_clicks="apply_clicks")
    return Figure(
        key="programmas-per-maand",
        title=_("Programma's bekeken per maand"),
        description=_(
            "Per maand hoe vaak programmapagina's werden bekeken en hoe vaak hun "
            "aanmeldlink werd gevolgd."
        ),
        columns=columns(HEADINGS, "month", "views", "apply_clicks"),
        rows=monthly_rows(period, series),
        chart=Chart(kind="line", label="month", series=["views", "apply_clicks"]),
    )


def programme_figures(period):
    return [per_category(period), per_programme(period), per_month(period)]


def programme_headlines(period):
    today = timezone.localdate()
    live = ProgrammePage.objects.live()
    counted = counts_in(period).aggregate(**TOTALS)
    return [
        Headline(
            str(_("Programma's open")),
            live.exclude(expired_q(today)).values("translation_key").distinct().count(),
        ),
        Headline(str(HEADINGS["views"]), counted["views"] or 0),
        Headline(str(HEADINGS["apply_clicks"]), counted["clicks"] or 0),
    ]
