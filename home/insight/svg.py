"""The SVG every chart of home.insight.charts is drawn with: escaped attributes and text, one
fill pattern, line class and marker shape per series (so series differ without colour), the
legend, mirroring for right-to-left pages, and the `<svg role="img">` element with its title
and description.

Kept apart from charts.py, which holds what is particular to each kind of chart (bars, stacked
bars, lines) and how values read as text; every text and attribute value passes through
escape() here, which is what lets render_chart mark the result safe.
"""

from django.utils.html import escape
from django.utils.text import Truncator

WIDTH = 640
FONT = 13  # text size in viewBox units
LEGEND_ROW = 22
PATTERNS = 8  # patterns, dashes and markers repeat after this many series
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "bar", "circle", "square")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 2 1 2", "12 3 3 3")


def svg_attrs(**attrs):
    """`key="value"` pairs, escaped; `class_` and `text_anchor` become `class` and `text-anchor`,
    floats lose trailing zeros and None leaves the attribute out."""
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = f"{value:.1f}".rstrip("0").rstrip(".")
        parts.append(f'{key.rstrip("_").replace("_", "-")}="{escape(value)}"')
    return " ".join(parts)


def svg_text(x, y, text, anchor="start", cls="portal-chart__text", **attrs):
    """A <text> element with its content escaped."""
    return f"<text {svg_attrs(x=x, y=y, text_anchor=anchor, class_=cls, **attrs)}>{escape(text)}</text>"


class Drawer:
    """Draws one figure's chart: a subclass's draw() adds its parts and returns the height."""

    def __init__(self, figure, rtl, prefix):
        self.figure = figure
        self.chart = figure.chart
        self.rtl = rtl
        self.prefix = prefix
        headings = dict(figure.columns)
        self.series = [(key, headings.get(key, key)) for key in self.chart.series]
        self.unit = self.chart.unit
        self.rows = figure.rows
        self.parts = []

    # Mirroring: every x goes through x(). Text anchors are logical ("start" is where a text
    # begins in the chart's direction, set on the <svg>), so they need no mirroring.
    def x(self, value):
        return WIDTH - value if self.rtl else value

    def pattern_id(self, index):
        return f"{self.prefix}-p{index % PATTERNS}"

    def defs(self):
        """One pattern per series: the series colour with its own texture drawn over it."""
        textures = [
            "",  # solid
            '<path class="portal-chart__hatch portal-chart__hatch--1" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4"/>',
            '<circle class="portal-chart__dot portal-chart__hatch--2" cx="4" cy="4" r="1.6"/>',
            '<path class="portal-chart__hatch portal-chart__hatch--3" d="M0,0 l8,8 M8,0 l-8,8"/>',
            '<path class="portal-chart__hatch portal-chart__hatch--4" d="M0,4 h8"/>',
            '<path class="portal-chart__hatch portal-chart__hatch--5" d="M4,0 v8"/>',
            '<path class="portal-chart__dot portal-chart__hatch--6" d="M0,0 h4 v4 h-4 Z M4,4 h4 v4 h-4 Z"/>',
            '<path class="portal-chart__hatch portal-chart__hatch--7" d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4"/>',
        ]
        patterns = []
        for index in range(min(len(self.series), PATTERNS)):
            patterns.append(
                f'<pattern id="{self.pattern_id(index)}" patternUnits="userSpaceOnUse" '
                f'width="8" height="8"><rect class="portal-chart__fill portal-chart__fill--{index % PATTERNS}" '
                f'width="8" height="8"/>{textures[index % PATTERNS]}</pattern>'
            )
        return "<defs>" + "".join(patterns) + "</defs>"

    def legend(self, top, line=False):
        """The series' names with their swatch, in rows; returns the height used."""
        if len(self.series) < 2:
            return 0
        x, y = 0, top
        for index, (_key, heading) in enumerate(self.series):
            text = Truncator(str(heading)).chars(30)
            width = 28 + len(text) * FONT * 0.55 + 16
            if x + width > WIDTH and x > 0:
                x, y = 0, y + LEGEND_ROW
            if line:
                self.parts.append(
                    f"<line {svg_attrs(x1=self.x(x), y1=y + 7, x2=self.x(x + 22), y2=y + 7, class_=self.line_class(index))}/>"
                )
                self.parts.append(self.marker(index, x + 11, y + 7))
            else:
                left = self.x(x + 16) if self.rtl else x
                self.parts.append(
                    f"<rect {svg_attrs(x=left, y=y, width=16, height=14, fill=f'url(#{self.pattern_id(index)})', class_='portal-chart__bar')}/>"
                )
            self.parts.append(svg_text(self.x(x + 28), y + 11, text, "start"))
            x += width
        return y - top + LEGEND_ROW + 6

    def line_class(self, index):
        return f"portal-chart__line portal-chart__line--{index % PATTERNS}"

    def marker(self, index, cx, cy):
        """A marker shape per series, so lines differ without colour."""
        shape = MARKERS[index % PATTERNS]
        cx = self.x(cx)
        cls = f"portal-chart__marker portal-chart__marker--{index % PATTERNS}"
        if shape == "circle":
            return f"<circle {svg_attrs(cx=cx, cy=cy, r=4, class_=cls)}/>"
        if shape == "square":
            return f"<rect {svg_attrs(x=cx - 4, y=cy - 4, width=8, height=8, class_=cls)}/>"
        if shape == "triangle":
            d = f"M{cx:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy + 4:.1f} L{cx - 5:.1f},{cy + 4:.1f} Z"
        elif shape == "diamond":
            d = f"M{cx:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy:.1f} L{cx:.1f},{cy + 5:.1f} L{cx - 5:.1f},{cy:.1f} Z"
        elif shape == "cross":
            d = f"M{cx - 4:.1f},{cy - 4:.1f} L{cx + 4:.1f},{cy + 4:.1f} M{cx + 4:.1f},{cy - 4:.1f} L{cx - 4:.1f},{cy + 4:.1f}"
        else:
            d = f"M{cx - 5:.1f},{cy:.1f} H{cx + 5:.1f}"
        return f"<path {svg_attrs(d=d, class_=cls)}/>"

    def svg(self):
        height = self.draw()
        title_id, desc_id = f"{self.prefix}-title", f"{self.prefix}-desc"
        return (
            # `direction` is set either way, so an inline SVG never inherits it from the page;
            # with "rtl", text-anchor "start"/"end" are the right/left ends of a text.
            f'<svg xmlns="http://www.w3.org/2000/svg" class="portal-chart portal-chart--{self.chart.kind}{" portal-chart--rtl" if self.rtl else ""}" '
            f'role="img" aria-labelledby="{escape(title_id)}" aria-describedby="{escape(desc_id)}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" width="100%" preserveAspectRatio="xMidYMin meet" '
            f'font-size="{FONT}" direction="{"rtl" if self.rtl else "ltr"}" focusable="false">'
            f'<title id="{escape(title_id)}">{escape(self.figure.title)}</title>'
            f'<desc id="{escape(desc_id)}">{escape(self.figure.description)}</desc>'
            + self.defs()
            + "".join(self.parts)
            + "</svg>"
        )
