"""Charts drawn on the server as SVG: named and described, values and axes as text, series told
apart without colour, mirrored for right-to-left, and always shown with their table."""

from datetime import date
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import translation

from home.insight import HIDDEN, Chart, Figure
from home.insight.charts import nice_ticks, render_chart

SVG = "{http://www.w3.org/2000/svg}"


def figure(kind="bar", series=("count",), rows=None, **fields):
    headings = {"count": "Aantal", "a": "Aangemeld", "b": "Gestopt", "c": "Derde"}
    return Figure(
        key=fields.pop("key", "proef"),
        title=fields.pop("title", "Bedrijven per wijk"),
        description=fields.pop("description", "Lombok heeft de meeste bedrijven."),
        columns=[("name", "Wijk")] + [(key, headings[key]) for key in series],
        rows=rows
        if rows is not None
        else [
            {"name": "Lombok", **{key: 12 + i for i, key in enumerate(series)}},
            {"name": "Zuilen", **dict.fromkeys(series, 7)},
        ],
        chart=Chart(kind, "name", list(series)),
        **fields,
    )


def parse(svg):
    return ElementTree.fromstring(str(svg))  # noqa: S314  (our own output)


def texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", ["bar", "stacked", "line"])
def test_every_chart_is_an_image_named_by_its_title_and_described(kind):
    root = parse(render_chart(figure(kind, series=("a", "b"))))
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "Bedrijven per wijk"
    assert desc.text == "Lombok heeft de meeste bedrijven."
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    # No script, no style element: the site's CSP allows neither inline.
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}style"))
    # The series are named in a legend, and the axis has its numbers as text.
    assert {"Aangemeld", "Gestopt"} <= set(texts(root))
    assert "0" in texts(root)


def test_bars_carry_their_values_and_names_as_text():
    root = parse(render_chart(figure("bar")))
    words = texts(root)
    assert "Lombok" in words and "Zuilen" in words
    assert "12" in words and "7" in words
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "portal-chart__bar"]
    assert len(bars) == 2
    # The longer bar is the larger value.
    assert float(bars[0].get("width")) > float(bars[1].get("width"))


def test_series_differ_by_pattern_not_by_colour_alone():
    root = parse(render_chart(figure("bar", series=("a", "b", "c"))))
    patterns = list(root.iter(f"{SVG}pattern"))
    assert len(patterns) == 3
    # The second and third patterns draw a texture over their colour; each bar uses its own.
    assert all(len(list(p)) == 2 for p in patterns[1:])
    fills = {
        r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("class") == "portal-chart__bar"
    }
    assert fills == {f"url(#{p.get('id')})" for p in patterns}


def test_lines_differ_by_dash_and_marker():
    root = parse(render_chart(figure("line", series=("a", "b"))))
    lines = list(root.iter(f"{SVG}polyline"))
    assert len(lines) == 2
    assert lines[0].get("stroke-dasharray") is None and lines[1].get("stroke-dasharray")
    assert root.find(f"{SVG}circle") is not None and root.find(f"{SVG}rect") is not None


def test_stacked_bars_write_the_total():
    root = parse(render_chart(figure("stacked", series=("a", "b"))))
    assert "25" in texts(root)  # Lombok: 12 + 13
    assert "14" in texts(root)  # Zuilen: 7 + 7


def test_hidden_small_counts_are_written_not_drawn():
    rows = [{"name": "Lombok", "count": 40}, {"name": "Zuilen", "count": HIDDEN}]
    root = parse(render_chart(figure("bar", rows=rows)))
    assert "< 5" in texts(root)
    assert len([r for r in root.iter(f"{SVG}rect") if r.get("class") == "portal-chart__bar"]) == 1
    line = parse(render_chart(figure("line", rows=rows + [{"name": "Zuid", "count": 8}])))
    # A hidden value breaks the line instead of drawing it at 0.
    assert not list(line.iter(f"{SVG}polyline"))


def test_months_are_named_and_markup_is_escaped():
    rows = [{"name": date(2025, m, 1), "count": m} for m in range(1, 4)]
    with translation.override("nl"):
        root = parse(render_chart(figure("line", rows=rows)))
    assert "mrt 2025" in [t.lower() for t in texts(root)]
    evil = figure("bar", title="<script>alert(1)</script>", rows=[{"name": "<b>x</b>", "count": 1}])
    svg = str(render_chart(evil))
    assert "<script>" not in svg and "<b>" not in svg and "&lt;b&gt;" in svg


def test_right_to_left_mirrors_the_chart():
    ltr = parse(render_chart(figure("bar")))
    rtl = parse(render_chart(figure("bar"), rtl=True))
    assert "portal-chart--rtl" in rtl.get("class")
    assert rtl.get("direction") == "rtl" and ltr.get("direction") == "ltr"

    def name_x(root):
        return float(next(t for t in root.iter(f"{SVG}text") if t.text == "Lombok").get("x"))

    assert name_x(ltr) < 320 < name_x(rtl)


def test_a_figure_without_rows_or_chart_draws_nothing():
    assert render_chart(figure(rows=[])) == ""
    assert render_chart(Figure("x", "X", "x", [("a", "A")], rows=[{"a": 1}])) == ""


def test_nice_ticks():
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(14) == [0, 5, 10, 15]
    assert nice_ticks(84) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(3) == [0, 1, 2, 3]


def render_figure(fig, **options):
    template = Template("{% load insight_tags %}{% figure fig level=3 downloads=downloads %}")
    return BeautifulSoup(
        template.render(Context({"fig": fig, "downloads": options.get("downloads")})),
        "html.parser",
    )


@pytest.mark.parametrize("kind", ["bar", "stacked", "line"])
def test_the_figure_include_shows_chart_table_and_note(kind):
    html = render_figure(
        figure(kind, series=("a", "b"), note="Geteld uit de database."),
        downloads=[("Download CSV", "?export=csv")],
    )
    assert html.find("h3").text == "Bedrijven per wijk"
    assert html.find("svg")["role"] == "img"
    table = html.find("table")
    assert table.caption.text == "Tabel: Bedrijven per wijk"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col", "col"]
    assert [th.text for th in table.tbody.find_all("th", scope="row")] == ["Lombok", "Zuilen"]
    assert [td.text for td in table.tbody.find_all("td")] == ["12", "13", "7", "7"]
    assert "Geteld uit de database." in html.text
    assert html.find("a", href="?export=csv").text == "Download CSV"


def test_an_empty_figure_says_so_and_keeps_its_headings():
    html = render_figure(figure(rows=[]))
    assert html.find("svg") is None
    assert "Geen gegevens voor deze keuze." in html.text
    assert [th.text for th in html.find("thead").find_all("th")] == ["Wijk", "Aantal"]
