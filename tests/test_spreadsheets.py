"""Spreadsheet safety (issue 15): text that a spreadsheet program would run as a formula is
written with a quote in front in every CSV and XLSX the admin downloads (portal.spreadsheets);
numbers stay numbers and dates dates. The export of businesses and the open-data CSV have their
tests in tests/businesses/test_spreadsheets.py."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from home import insight
from home.insight import Chart, Figure, Report
from portal.spreadsheets import neutralise, restore
from programmes.admin_views import ProgrammesToCheckView
from search.models import QueryDayCount, SearchFeedback
from tests.helpers import url_patterns

pytestmark = pytest.mark.django_db

TEXTS = ['=HYPERLINK("http://evil","x")', "=1+2", "+31", "-2", "@SUM(A1)", "\tx", "\rx"]


def test_text_that_starts_like_a_formula_gets_a_quote_and_loses_it_again():
    for text in TEXTS:
        assert neutralise(text) == "'" + text
        assert restore(neutralise(text)) == text
    for value in (
        "Bakkerij",
        "",
        "'quoted",
        "a=b",
        None,
        -5,
        -2.5,
        Decimal("-1"),
        date(2026, 1, 1),
    ):
        assert neutralise(value) == value
        assert restore(value) == value
    assert restore("'Bakkerij") == "'Bakkerij"  # only a quote the export could have added


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body, newline="")))


def read_xlsx(response):
    body = b"".join(response.streaming_content)
    return list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows())


def figures(period):
    rows = [{"name": text, "n": -5, "share": Decimal("-2.5")} for text in TEXTS]
    rows.append({"name": date(2026, 1, 1), "n": 3, "share": Decimal("0.5")})
    return [
        Figure(
            key="formules",
            title="Formules",
            description="Tekst die op een formule lijkt.",
            columns=[("name", "Naam"), ("n", "Aantal"), ("share", "Aandeel")],
            rows=rows,
            chart=Chart("bar", "name", ["n"]),
        )
    ]


@pytest.fixture
def report():
    report = Report(slug="formules", title="Formules", description="Proef.", figures=figures)
    with hooks.register_temporarily([(insight.REPORT_HOOK, lambda: report)]):
        yield report


def test_insight_downloads_quote_text_and_keep_numbers_and_dates(demo, moderator_client, report):
    url = "/admin/inzicht/formules/"
    rows = read_csv(moderator_client.get(url, {"figuur": "formules", "export": "csv"}))
    assert rows[1:] == [["'" + text, "-5", "-2.5"] for text in TEXTS] + [["2026-01-01", "3", "0.5"]]

    rows = read_xlsx(moderator_client.get(url, {"figuur": "formules", "export": "xlsx"}))
    assert not [cell.value for row in rows for cell in row if cell.data_type == "f"]
    # XML (so XLSX) reads a carriage return back as a line feed.
    assert [row[0].value for row in rows[1:-1]] == ["'" + t.replace("\r", "\n") for t in TEXTS]
    assert {(row[1].data_type, row[1].value, row[2].value) for row in rows[1:-1]} == {
        ("n", -5, -2.5)
    }
    assert rows[-1][0].is_date and rows[-1][0].value == date(2026, 1, 1)


def test_the_search_report_quotes_what_visitors_typed(demo, moderator_client):
    for query in ("=1+2", "@evil"):
        QueryDayCount.objects.create(
            day=timezone.localdate(), kind=QueryDayCount.DIRECTORY, query=query, searches=7
        )
    url = "/admin/inzicht/zoeken/"
    params = {"figuur": "zoeken-meest-gezocht"}
    rows = read_csv(moderator_client.get(url, {**params, "export": "csv"}))
    assert {"'=1+2", "'@evil"} <= {row[0] for row in rows}
    rows = read_xlsx(moderator_client.get(url, {**params, "export": "xlsx"}))
    assert {"'=1+2", "'@evil"} <= {row[0].value for row in rows}


def test_search_feedback_downloads_quote_what_visitors_typed(demo, moderator_client):
    SearchFeedback.objects.create(query="=1+2", found=False, comment="@SUM(A1)", result_count=0)
    url = "/admin/snippets/search/searchfeedback/"
    rows = read_csv(moderator_client.get(url, {"export": "csv"}))
    assert rows[1][:4] == ["'=1+2", "False", "0", "'@SUM(A1)"]
    rows = read_xlsx(moderator_client.get(url, {"export": "xlsx"}))
    assert [cell.value for cell in rows[1][:4]] == ["'=1+2", False, 0, "'@SUM(A1)"]
    assert rows[1][0].data_type == "s"


def exporting_views():
    """Every admin view that downloads through Wagtail's SpreadsheetExportMixin: the portal's
    and Wagtail's own (site history, workflow reports, ...)."""
    for _route, _count, pattern in url_patterns():
        view = getattr(pattern.callback, "view_class", None)
        if view is not None and issubclass(view, SpreadsheetExportMixin):
            yield view


def test_every_admin_download_quotes_formulas():
    views = set(exporting_views())
    assert ProgrammesToCheckView in views and LogEntriesView in views  # the walk finds them
    for view in views:
        assert view().preprocess_field_value("title", "=1+2", "csv") == "'=1+2", view
    view = ProgrammesToCheckView()
    assert view.preprocess_field_value("deadline", date(2026, 1, 1), "xlsx") == date(2026, 1, 1)
    assert view.preprocess_field_value("count", -5, "xlsx") == -5


def test_wagtails_site_history_quotes_a_business_name(demo, moderator_client):
    """Wagtail's own report names the businesses entrepreneurs made."""
    from businesses.models import Business
    from tests.factories import NeighbourhoodFactory

    business = Business(
        name='=HYPERLINK("http://evil","x")',
        neighbourhood=NeighbourhoodFactory(title="Lombok"),
        street="Kanaalstraat",
        house_number=1,
        postcode="3531 CJ",
    )
    business.save()
    business.save_revision(log_action=True)
    response = moderator_client.get("/admin/reports/site-history/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    labels = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert labels and all(cell.startswith("'=") for cell in labels), labels
