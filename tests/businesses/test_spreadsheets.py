"""Spreadsheet safety (issue 15): text that a spreadsheet program would run as a formula leaves
the admin export of businesses (CSV and XLSX) and the open-data CSV with a quote in front;
numbers stay numbers; and an exported file imports again with the original values."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from businesses.models import Business

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_businesses_business:list"
IMPORT = "wagtailsnippets_businesses_business:import"

# Two businesses whose text starts with every character that can start a formula.
FORMULAS = [
    {
        "name": '=HYPERLINK("http://evil","x")',
        "tagline": "=1+2",
        "street": "+Kanaalstraat",
        "house_number_addition": "-A",
        "city": "@Utrecht",
    },
    {"name": "\tTab en co", "tagline": "\rNieuwe regel", "street": "@Damstraat"},
]
# The export's column of each field.
COLUMNS = {
    "name": "naam",
    "tagline": "in_een_zin",
    "street": "straat",
    "house_number_addition": "toevoeging",
    "city": "plaats",
}


@pytest.fixture
def staff(client, home, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def tricky(make_business):
    return [make_business(**fields) for fields in FORMULAS]


def xlsx_rows(content):
    """[{heading: cell}] of the first sheet."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headings, *rows = sheet.iter_rows()
    return [{h.value: cell for h, cell in zip(headings, row, strict=True)} for row in rows]


def by_name(rows, column="naam"):
    return {row[column]: row for row in rows}


def test_the_admin_xlsx_export_has_no_formulas(staff, tricky):
    response = staff.get(reverse(LIST), {"export": "xlsx"})
    assert response.status_code == 200
    rows = xlsx_rows(response.content)
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell.value for cell in cells if cell.data_type == "f"]
    found = {row["naam"].value: row for row in rows}
    for fields in FORMULAS:
        row = found["'" + fields["name"]]
        for field, value in fields.items():
            # XML (so XLSX) reads a carriage return back as a line feed.
            assert row[COLUMNS[field]].value == "'" + value.replace("\r", "\n")
            assert row[COLUMNS[field]].data_type == "s"
        assert row["huisnummer"].value == 10 and row["huisnummer"].data_type == "n"


def test_the_admin_csv_export_quotes_formulas(staff, tricky):
    response = staff.get(reverse(LIST), {"export": "csv"})
    assert response.status_code == 200
    rows = by_name(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    for fields in FORMULAS:
        row = rows["'" + fields["name"]]
        for field, value in fields.items():
            assert row[COLUMNS[field]] == "'" + value


def test_numbers_stay_numbers_also_below_zero(staff, client, make_business):
    business = make_business("Ver Weg")
    # Outside the Netherlands, so past the validators: only a number below zero matters here.
    Business.objects.filter(pk=business.pk).update(
        latitude=Decimal("-33.918861"), longitude=Decimal("-5.096000")
    )
    row = xlsx_rows(staff.get(reverse(LIST), {"export": "xlsx"}).content)[0]
    assert row["lengtegraad"].data_type == "n" and row["lengtegraad"].value == -5.096
    assert row["breedtegraad"].data_type == "n" and row["breedtegraad"].value == -33.918861
    response = staff.get(reverse(LIST), {"export": "csv"})
    row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert (row["breedtegraad"], row["lengtegraad"]) == ("-33.918861", "-5.096000")
    response = client.get("/api/open-data/ondernemers.csv")
    row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert (row["latitude"], row["longitude"]) == ("-33.918861", "-5.096")


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_an_exported_file_imports_with_the_original_values(staff, tricky, extension):
    exported = staff.get(reverse(LIST), {"export": extension}).content
    upload = SimpleUploadedFile(f"bedrijven.{extension}", exported)
    preview = BeautifulSoup(staff.post(reverse(IMPORT), {"file": upload}).content, "html.parser")
    assert not preview.select(".error-message"), preview.select(".error-message")
    form = preview.select_one('button[name="confirm"]').find_parent("form")
    data = {field["name"]: field.get("value", "") for field in form.select("input")}
    assert staff.post(reverse(IMPORT), {**data, "confirm": "1"}).status_code == 302
    for business, fields in zip(tricky, FORMULAS, strict=True):
        business.refresh_from_db()
        imported = business.latest_revision.as_object()  # an import is a new draft revision
        assert business.revisions.count() == 2
        for field, value in fields.items():
            if extension == "xlsx":
                value = value.replace("\r", "\n")  # XML reads a carriage return so
            assert getattr(imported, field) == value
    assert Business.objects.count() == len(FORMULAS)


def test_the_open_data_csv_quotes_formulas(client, tricky):
    response = client.get("/api/open-data/ondernemers.csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    rows = by_name(csv.DictReader(io.StringIO(body, newline="")), "name")
    for fields in FORMULAS:
        row = rows["'" + fields["name"]]
        for field in ("name", "street", "house_number_addition", "city"):
            if field in fields:
                assert row[field] == "'" + fields[field]
        assert row["house_number"] == "10"
