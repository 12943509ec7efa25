"""Figures in templates: `{% figure fig %}` shows a Figure (home.insight) as its chart, its
table and its note (home/includes/figure.html); `{% chart fig %}` the chart alone.

    {% load insight_tags %}
    <link rel="stylesheet" href="{% static 'home/css/charts.css' %}">
    {% figure fig level=3 prefix="lombok" downloads=links %}

`level` is the heading level of the figure's title (2 or 3; 0 for none), `prefix` makes the
ids unique when one page shows the same figure twice, `downloads` is a list of (label, url).
"""

from django import template
from django.utils.translation import get_language_bidi

from home.insight import is_hidden
from home.insight.charts import label_text, render_chart, value_text

register = template.Library()


@register.simple_tag
def chart(figure, prefix=""):
    return render_chart(figure, rtl=get_language_bidi(), id_prefix=prefix or f"chart-{figure.key}")


@register.inclusion_tag("home/includes/figure.html")
def figure(figure, level=2, prefix="", downloads=None, table_class=""):
    prefix = f"{prefix or 'figuur'}-{figure.key}"
    columns = figure.columns
    series = set(figure.chart.series) if figure.chart else set()
    label = figure.chart.label if figure.chart else (columns[0][0] if columns else None)
    unit = figure.chart.unit if figure.chart else ""
    rows = []
    for row in figure.rows:
        cells = []
        for key, _heading in columns:
            value = row.get(key)
            numeric = key != label and (is_hidden(value) or isinstance(value, (int, float)))
            text = (
                value_text(value, unit if key in series else "") if numeric else label_text(value)
            )
            cells.append({"text": text, "numeric": numeric, "header": key == label})
        rows.append(cells)
    return {
        "figure": figure,
        "level": level,
        "prefix": prefix,
        "headings": [
            {"text": heading, "numeric": key != label and key in series} for key, heading in columns
        ],
        "rows": rows,
        "chart_prefix": f"{prefix}-chart",
        "downloads": downloads or [],
        "table_class": table_class,
        # A table of up to three columns fits beside its chart; wider ones go below it.
        "beside": len(columns) <= 3,
    }
