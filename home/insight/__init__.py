"""Figures for "Inzicht" (staff reports in the admin) and for the public figures and open data.

Each app counts its own figures from data the portal already holds and returns them as
`Figure`s: a title, a description in words (the text alternative of the chart), the table
behind it and how to draw it. The admin reports, "De wijk in cijfers" and the CSV and XLSX
downloads all show the same Figure, so a chart never says more or less than its table.

Public figures pass through `suppress_small`: a count below SMALL shows as "< 5", and where one
cell of a group would be the only one hidden (so that the total minus the others gives it
away), the next smallest is hidden too. No figure may be narrowed to one person.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DateField, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

SMALL = 5
HIDDEN = _("< 5")


@dataclass
class Chart:
    """How to draw a figure: `kind` is "bar" (one bar per row), "stacked" (a bar per row, one
    part per series) or "line" (one line per series over the rows, e.g. months). `label` is the
    column that names a row; `series` the columns with the numbers; `unit` is written after
    every value (e.g. "%")."""

    kind: str
    label: str
    series: list[str]
    unit: str = ""


@dataclass
class Figure:
    key: str  # a slug: in URLs and file names
    title: str
    description: str  # what the figure shows, in words: the chart's text alternative
    columns: list[tuple[str, str]]  # (key in each row, heading)
    rows: list[dict] = field(default_factory=list)
    chart: Chart | None = None
    note: str = ""  # e.g. how the figure is counted, or that small counts are hidden

    def headings(self):
        return [heading for _key, heading in self.columns]

    def table(self):
        """The rows as lists in the order of the columns, for templates and exports."""
        return [[row.get(key) for key, _heading in self.columns] for row in self.rows]


def is_hidden(value):
    return value == HIDDEN


def suppress_small(counts):
    """A group of counts that add up to a total shown elsewhere, with the small ones hidden.

    `counts` is a list of ints; the answer has HIDDEN in place of every count below SMALL,
    and, when exactly one count would be hidden, also in place of the next smallest, so that
    no hidden count can be worked out from the total and the others.
    """
    hidden = {i for i, count in enumerate(counts) if count < SMALL}
    if len(hidden) == 1 and len(counts) > 1:
        shown = sorted((count, i) for i, count in enumerate(counts) if i not in hidden)
        hidden.add(shown[0][1])
    return [HIDDEN if i in hidden else count for i, count in enumerate(counts)]


def public_count(count):
    """One count on its own (not part of a group): hidden below SMALL."""
    return HIDDEN if count < SMALL else count


# ---------------------------------------------------------------------------------------------
# Staff reports ("Inzicht" in the admin): how an app registers one.
#
#     # in <app>/wagtail_hooks.py
#     from home.insight import Report, register_report
#
#     def figures(period):            # period: a Period (start, end, neighbourhood or None)
#         return [Figure(...), ...]   # counted from the database, filtered on the period
#
#     register_report(Report(slug="bedrijven", title=_("Bedrijven"), figures=figures,
#                            headlines=lambda period: [Headline(_("Gepubliceerd"), 84)]))
#
# The report then has a page at /admin/inzicht/<slug>/ with the date range and neighbourhood
# filter, each figure as chart and table with CSV and XLSX downloads, an item in the "Inzicht"
# menu and, when it has headlines, a panel on the admin's dashboard. Who may see it:
# `permission` (default "home.view_insight": the Moderatoren group and superusers). home never
# imports the apps: they register from their own wagtail_hooks.py, which Wagtail loads.
# ---------------------------------------------------------------------------------------------

REPORT_HOOK = "register_insight_report"
NEIGHBOURHOODS_HOOK = "insight_neighbourhoods"
INSIGHT_PERMISSION = "home.view_insight"


@dataclass(frozen=True)
class Neighbourhood:
    """A neighbourhood as the filter knows it: the Dutch NeighbourhoodPage's id, slug, title."""

    id: int
    slug: str
    title: str


@dataclass(frozen=True)
class Period:
    """What a report is asked for: the days from `start` to `end` (both included, in the
    portal's time zone) and one neighbourhood, or None for the whole city."""

    start: date
    end: date
    neighbourhood: Neighbourhood | None = None

    @property
    def start_at(self):
        """The first moment of `start`, as an aware datetime."""
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_before(self):
        """The first moment after `end`."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def within(self, name):
        """Q: a DateTimeField or DateField `name` falls in the period."""
        return Q(**{f"{name}__gte": self.start_at, f"{name}__lt": self.end_before})

    def within_dates(self, name):
        """Q: a DateField `name` falls in the period (compared as dates)."""
        return Q(**{f"{name}__gte": self.start, f"{name}__lte": self.end})

    def months(self):
        """The first day of every month the period touches, in order."""
        month = self.start.replace(day=1)
        months = []
        while month <= self.end:
            months.append(month)
            month = next_month(month)
        return months

    def query(self):
        """The period as query parameters (van, tot, wijk) for links."""
        params = {"van": self.start.isoformat(), "tot": self.end.isoformat()}
        if self.neighbourhood:
            params["wijk"] = self.neighbourhood.slug
        return params


def next_month(month):
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def months_before(day, count):
    """The first day of the month `count` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def default_period(today=None):
    """The last twelve months, this one included, up to today."""
    today = today or timezone.localdate()
    return Period(start=months_before(today, 11), end=today)


def last_day_of_month(month):
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass
class Headline:
    """One number on a report's dashboard panel, e.g. ("Gepubliceerde bedrijven", 84)."""

    label: str
    value: object
    note: str = ""


@dataclass
class Report:
    """A staff report: a page of figures under "Inzicht" in the admin.

    `figures(period)` returns the report's Figures for a Period; `headlines(period)` (optional)
    a few Headlines for the dashboard, asked with the default period (the last twelve months).
    `neighbourhood_filter=False` leaves the neighbourhood filter out, for reports that are
    counted city-wide only.
    """

    slug: str
    title: str
    figures: Callable[[Period], list[Figure]]
    description: str = ""
    headlines: Callable[[Period], list[Headline]] | None = None
    order: int = 100
    icon: str = "table"
    permission: str = INSIGHT_PERMISSION
    neighbourhood_filter: bool = True

    def can_view(self, user):
        return user.is_active and user.has_perm(self.permission)


def register_report(report):
    """Add a Report to "Inzicht". Call it at import time of an app's wagtail_hooks.py."""
    hooks.register(REPORT_HOOK, lambda: report)
    return report


def reports():
    """Every registered report, in menu order."""
    found = [fn() for fn in hooks.get_hooks(REPORT_HOOK)]
    return sorted(found, key=lambda report: (report.order, str(report.title)))


def get_report(slug):
    return next((report for report in reports() if report.slug == slug), None)


def register_neighbourhoods(fn):
    """The app that owns neighbourhoods (businesses) tells the filter which there are:
    `fn()` returns a list of Neighbourhood, in display order."""
    hooks.register(NEIGHBOURHOODS_HOOK, fn)
    return fn


def neighbourhoods():
    found = []
    for fn in hooks.get_hooks(NEIGHBOURHOODS_HOOK):
        found.extend(fn())
    return found


# ---------------------------------------------------------------------------------------------
# Counting helpers for figures.
# ---------------------------------------------------------------------------------------------


def count_by_month(queryset, field, period):
    """{first day of the month: count} of the rows whose `field` (a DateTimeField or DateField)
    falls in the period, grouped by month in the portal's time zone."""
    rows = (
        queryset.filter(period.within(field))
        .annotate(_month=TruncMonth(field, output_field=DateField()))
        .values("_month")
        .annotate(_n=Count("pk", distinct=True))
        .order_by()
    )
    counts = {}
    for row in rows:
        month = month_start(row["_month"])
        counts[month] = counts.get(month, 0) + row["_n"]
    return counts


def month_start(value):
    """A month from TruncMonth (a date, or a datetime: aware ones in the portal's time zone)
    as its first day, a date."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def sum_by_month(queryset, field, **sums):
    """{key: {first day of the month: total}}: for each `key=column` the sum of `column` per
    month of the DateField or DateTimeField `field` (0 where it sums to nothing), ready for
    monthly_rows. The queryset is filtered on the period already."""
    rows = (
        queryset.annotate(_month=TruncMonth(field))
        .values("_month")
        .annotate(**{f"_{key}": Sum(column) for key, column in sums.items()})
        .order_by()
    )
    series = {key: {} for key in sums}
    for row in rows:
        month = month_start(row["_month"])
        for key, found in series.items():
            found[month] = found.get(month, 0) + (row[f"_{key}"] or 0)
    return series


def count_by(queryset, field):
    """{value of `field`: number of distinct rows}."""
    rows = queryset.values(field).annotate(_n=Count("pk", distinct=True)).order_by()
    return {row[field]: row["_n"] for row in rows}


def monthly_rows(period, series, label="month"):
    """Rows for a figure per month: one row per month of the period with every series'
    count (0 where a month has none), or no rows at all when every count is 0, so that an
    empty period gives an empty table and an export with headings only.

    `series` is {column key: {month: count}}, e.g. from count_by_month."""
    rows = [
        {label: month, **{key: counts.get(month, 0) for key, counts in series.items()}}
        for month in period.months()
    ]
    return nonzero_rows(rows, series)


def nonzero_rows(rows, keys):
    """The rows, or none at all when every count under `keys` is 0 (or empty), so that a
    period without data gives an empty table and an export with headings only."""
    return rows if any(row[key] for row in rows for key in keys) else []


def percentage(part, whole):
    """A whole percentage, 0 of nothing."""
    return round(100 * part / whole) if whole else 0


def columns(headings, *keys):
    """A Figure's columns from a report's {key: heading} (headings translated when asked): each
    key with its heading, or a (key, heading) pair where one figure words a column its own way."""
    return [
        (key[0], str(key[1])) if isinstance(key, tuple) else (key, str(headings[key]))
        for key in keys
    ]
