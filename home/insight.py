"""Figures for "Inzicht" (staff reports in the admin) and for the public figures and open data.

Each app counts its own figures from data the portal already holds and returns them as
`Figure`s: a title, a description in words (the text alternative of the chart), the table
behind it and how to draw it. The admin reports, "De wijk in cijfers" and the CSV and XLSX
downloads all show the same Figure, so a chart never says more or less than its table.

Public figures pass through `suppress_small`: a count below SMALL shows as "< 5", and where one
cell of a group would be the only one hidden (so that the total minus the others gives it
away), the next smallest is hidden too. No figure may be narrowed to one person.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

SMALL = 5
HIDDEN = _("< 5")


@dataclass
class Chart:
    """How to draw a figure: `kind` is "bar" (one bar per row), "stacked" (a bar per row, one
    part per series) or "line" (one line per series over the rows, e.g. months). `label` is the
    column that names a row; `series` the columns with the numbers."""

    kind: str
    label: str
    series: list[str]


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
