"""Accessible charts drawn on the server as inline SVG, from a Figure (home.insight).

`render_chart(figure)` returns an `<svg role="img">` named by its `<title>` (the figure's
title) and described by its `<desc>` (the figure's description), with its axes and values
as text. No JavaScript, no inline script or style element, so it keeps to the site's
Content-Security-Policy; classes are styled by home/static/home/css/charts.css, which uses the
Utrecht design tokens where the page loads them and plain colours where it does not (the admin).

Colour is never the only difference between series: each series has its own fill pattern
(solid, stripes, dots, cross-hatch, ...) for bars and its own dash and marker shape for lines,
every series is named in a legend, and values are written beside the bars. So a chart reads
in black and white and in print. The table beside it (home/includes/figure.html) carries the
exact numbers and stays the accessible alternative.

Kinds (Chart.kind): "bar" draws a horizontal bar per row (one bar per series when there are
several, side by side), "stacked" one bar per row split into its series, "line" one line per
series over the rows (e.g. months). Horizontal bars keep long names readable. With `rtl=True`
the chart is mirrored: names on the right, bars growing to the left, time running from the
right, as a right-to-left page reads.

The SVG pieces every kind shares (patterns, markers, legend, the <svg> element) are in
home/insight/svg.py.
"""

import math
from datetime import date, datetime
from decimal import Decimal

from django.utils.dateformat import format as format_date
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from home.insight import HIDDEN, is_hidden
from home.insight.svg import (
    DASHES,
    FONT,
    PATTERNS,
    WIDTH,
    Drawer,
    svg_attrs,
    svg_text,
)

BAR = 18  # bar thickness
GAP = 10  # between rows
LABEL_WIDTH = 170  # room for the row names of bar charts
VALUE_ROOM = 64  # room after the longest bar for its value


def render_chart(figure, rtl=False, id_prefix=None):
    """The figure's chart as safe HTML, or "" when the figure has no chart or no rows."""
    chart = figure.chart
    if chart is None or not figure.rows or not chart.series:
        return ""
    drawer = {"bar": _Bars, "stacked": _Stacked, "line": _Lines}.get(chart.kind)
    if drawer is None:
        raise ValueError(f"Unknown chart kind {chart.kind!r} in figure {figure.key!r}")
    # Every text and attribute value in the SVG went through escape() (svg_attrs, _text, svg).
    return mark_safe(drawer(figure, rtl, id_prefix or f"chart-{figure.key}").svg())  # noqa: S308


def number(value):
    """A value as a number for drawing: hidden ("< 5"), empty or odd values count as 0."""
    if isinstance(value, bool) or value is None or is_hidden(value):
        return 0
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    return 0


def value_text(value, unit=""):
    """A value as people read it: "1.234", "12,5", "< 5"; unit appended ("%")."""
    if is_hidden(value):
        return str(HIDDEN)
    if value is None:
        return "–"
    if isinstance(value, (float, Decimal)):
        text = number_format(value, decimal_pos=0 if float(value).is_integer() else 1)
    elif isinstance(value, int):
        text = number_format(value, force_grouping=True)
    else:
        text = str(value)
    return f"{text}{unit}" if unit else text


def label_text(value):
    """A row's name: months as "jan 2025", everything else as text."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_date(value, "M Y")
    return "" if value is None else str(value)


def nice_ticks(top, count=5):
    """Round tick values from 0 up to at least `top`: 0, 5, 10, ... or 0, 200, 400, ..."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1:
        step = 1
    ticks = [0]
    while ticks[-1] < top:
        ticks.append(ticks[-1] + step)
    return [int(t) if float(t).is_integer() else t for t in ticks]


class _Bars(Drawer):
    """Horizontal bars: one per row, or one per row and series side by side."""

    stacked = False

    def values(self, row):
        return [row.get(key) for key, _heading in self.series]

    def top_value(self):
        if self.stacked:
            return max(sum(number(v) for v in self.values(row)) for row in self.rows)
        return max(number(v) for row in self.rows for v in self.values(row))

    def draw(self):
        top = self.legend(0)
        plot_start, plot_end = LABEL_WIDTH + 8, WIDTH - VALUE_ROOM
        ticks = nice_ticks(self.top_value())
        scale = (plot_end - plot_start) / ticks[-1]
        bars_per_row = 1 if self.stacked else len(self.series)
        row_height = bars_per_row * BAR + GAP
        plot_top = top + 4
        plot_bottom = plot_top + len(self.rows) * row_height
        # Grid lines and the value axis under the bars.
        for tick in ticks:
            x = plot_start + tick * scale
            self.parts.append(
                f"<line {svg_attrs(x1=self.x(x), y1=plot_top, x2=self.x(x), y2=plot_bottom, class_='portal-chart__grid')}/>"
            )
            self.parts.append(
                svg_text(
                    self.x(x),
                    plot_bottom + FONT + 4,
                    value_text(tick, self.unit),
                    "middle",
                    "portal-chart__text portal-chart__axis-label",
                )
            )
        for index, row in enumerate(self.rows):
            y = plot_top + index * row_height + GAP / 2
            name = Truncator(label_text(row.get(self.chart.label))).chars(26)
            middle = y + bars_per_row * BAR / 2 + FONT / 2 - 2
            self.parts.append(svg_text(self.x(LABEL_WIDTH), middle, name, "end"))
            self.draw_row(row, y, plot_start, scale)
        self.parts.append(
            f"<line {svg_attrs(x1=self.x(plot_start), y1=plot_top, x2=self.x(plot_start), y2=plot_bottom, class_='portal-chart__axis')}/>"
        )
        return plot_bottom + FONT + 10

    def bar(self, start, length, y, index):
        left = self.x(start + length) if self.rtl else start
        return f"<rect {svg_attrs(x=left, y=y, width=max(length, 0), height=BAR, fill=f'url(#{self.pattern_id(index)})', class_='portal-chart__bar')}/>"

    def draw_row(self, row, y, plot_start, scale):
        for index, value in enumerate(self.values(row)):
            length = number(value) * scale
            bar_y = y + index * BAR
            if length:
                self.parts.append(self.bar(plot_start, length, bar_y, index))
            self.parts.append(
                svg_text(
                    self.x(plot_start + length + 4),
                    bar_y + BAR / 2 + FONT / 2 - 2,
                    value_text(value, self.unit),
                    "start",
                    "portal-chart__text portal-chart__value",
                )
            )


class _Stacked(_Bars):
    """One bar per row, split into its series; each part's value inside it when it fits, the
    total after the bar."""

    stacked = True

    def draw_row(self, row, y, plot_start, scale):
        start = plot_start
        total = 0
        any_hidden = False
        for index, value in enumerate(self.values(row)):
            length = number(value) * scale
            total += number(value)
            any_hidden = any_hidden or is_hidden(value)
            if not length:
                continue
            self.parts.append(self.bar(start, length, y, index))
            text = value_text(value, self.unit)
            if length >= len(text) * FONT * 0.6 + 8:
                centre = self.x(start + length / 2)
                pill = len(text) * FONT * 0.6 + 6
                self.parts.append(
                    f"<rect {svg_attrs(x=centre - pill / 2, y=y + 2, width=pill, height=BAR - 4, rx=3, class_='portal-chart__pill')}/>"
                )
                self.parts.append(
                    svg_text(
                        centre,
                        y + BAR / 2 + FONT / 2 - 2,
                        text,
                        "middle",
                        "portal-chart__text portal-chart__value portal-chart__inside",
                    )
                )
            start += length
        total_text = value_text(int(total) if float(total).is_integer() else total, self.unit)
        if any_hidden:
            total_text = _("ten minste %(total)s") % {"total": total_text}
        self.parts.append(
            svg_text(
                self.x(start + 4),
                y + BAR / 2 + FONT / 2 - 2,
                total_text,
                "start",
                "portal-chart__text portal-chart__value portal-chart__total",
            )
        )


class _Lines(Drawer):
    """One line per series over the rows (in order), with a marker at every value and the
    values written beside the markers when there is one series."""

    def draw(self):
        top = self.legend(0, line=True)
        ticks = nice_ticks(
            max(number(row.get(key)) for row in self.rows for key, _h in self.series)
        )
        tick_width = max(len(value_text(t, self.unit)) for t in ticks) * FONT * 0.6
        plot_start, plot_end = tick_width + 14, WIDTH - 20
        plot_top, plot_bottom = top + 12, top + 12 + 200
        scale = (plot_bottom - plot_top) / ticks[-1]
        count = len(self.rows)
        step = (plot_end - plot_start) / max(count - 1, 1)

        def at(index):
            return plot_start + (index * step if count > 1 else (plot_end - plot_start) / 2)

        for tick in ticks:
            y = plot_bottom - tick * scale
            self.parts.append(
                f"<line {svg_attrs(x1=self.x(plot_start), y1=y, x2=self.x(plot_end), y2=y, class_='portal-chart__grid')}/>"
            )
            self.parts.append(
                svg_text(
                    self.x(plot_start - 6),
                    y + FONT / 2 - 2,
                    value_text(tick, self.unit),
                    "end",
                    "portal-chart__text portal-chart__axis-label",
                )
            )
        # Names under the axis: every one when they fit, else every n-th counted back from
        # the last (the latest month is always named).
        every = max(1, math.ceil(count * 64 / (plot_end - plot_start)))
        for index, row in enumerate(self.rows):
            if (count - 1 - index) % every:
                continue
            self.parts.append(
                svg_text(
                    self.x(at(index)),
                    plot_bottom + FONT + 6,
                    label_text(row.get(self.chart.label)),
                    "middle",
                    "portal-chart__text portal-chart__axis-label",
                )
            )
        self.parts.append(
            f"<line {svg_attrs(x1=self.x(plot_start), y1=plot_bottom, x2=self.x(plot_end), y2=plot_bottom, class_='portal-chart__axis')}/>"
        )
        for index, (key, _heading) in enumerate(self.series):
            # A hidden or empty value breaks the line rather than drawing it at 0.
            runs, run = [], []
            for position, row in enumerate(self.rows):
                value = row.get(key)
                if value is None or is_hidden(value):
                    if run:
                        runs.append(run)
                    run = []
                    continue
                run.append((self.x(at(position)), plot_bottom - number(value) * scale))
            if run:
                runs.append(run)
            for points in runs:
                if len(points) > 1:
                    self.parts.append(
                        f"<polyline {svg_attrs(points=' '.join(f'{x:.1f},{y:.1f}' for x, y in points), class_=self.line_class(index), stroke_dasharray=DASHES[index % PATTERNS] or None)}/>"
                    )
            for position, row in enumerate(self.rows):
                value = row.get(key)
                y = plot_bottom - number(value) * scale
                if not (value is None or is_hidden(value)):
                    self.parts.append(self.marker(index, at(position), y))
                if len(self.series) == 1 and count <= 24:
                    self.parts.append(
                        svg_text(
                            self.x(at(position)),
                            y - 8,
                            value_text(value, self.unit),
                            "middle",
                            "portal-chart__text portal-chart__value",
                        )
                    )
        return plot_bottom + FONT + 14
