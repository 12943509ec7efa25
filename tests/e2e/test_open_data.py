"""A visitor reads a neighbourhood's figures ("De wijk in cijfers") and downloads open data:
the charts have their names and tables, the downloads parse back, and axe finds nothing."""

import csv
import io

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_visitor_reads_the_figures_of_a_neighbourhood(demo_site, page):
    from businesses.models import Business

    page.goto(demo_site.url + "/wijken/lombok/")
    figures = page.locator("section[aria-labelledby=cijfers]")
    figures.scroll_into_view_if_needed()
    assert figures.get_by_role("heading", name="De wijk in cijfers").is_visible()
    live = Business.objects.filter(live=True, neighbourhood__slug="lombok").count()
    assert figures.locator("dd").first.inner_text() == (str(live) if live >= 5 else "< 5")
    # Each figure is a table with a caption; each chart an image with a name and description.
    tables = figures.locator("table")
    assert tables.count() == 2
    for index in range(tables.count()):
        assert tables.nth(index).locator("caption").inner_text().startswith("Tabel: ")
        cells = tables.nth(index).locator("tbody td").all_inner_texts()
        assert cells and all(text == "< 5" or int(text) >= 5 for text in cells)
    for chart in figures.locator("svg[role=img]").all():
        assert chart.is_visible()
        assert chart.locator("title").text_content().strip()
        assert chart.locator("desc").text_content().strip()
    assert axe_violations(page) == []

    # The figures lead to the open data.
    figures.get_by_role("link", name="Deze cijfers als open data").click()
    page.wait_for_url("**/open-data/")
    assert page.locator("h1").inner_text() == "Open data"
    assert axe_violations(page) == []


def downloaded(download):
    with open(download.path(), encoding="utf-8", newline="") as file:
        return list(csv.DictReader(io.StringIO(file.read())))


def test_a_visitor_downloads_open_data(demo_site, page):
    from businesses.models import Business

    page.goto(demo_site.url + "/open-data/")
    assert (
        page.locator("a[rel=license]")
        .get_attribute("href")
        .startswith("https://creativecommons.org/publicdomain/zero/1.0/")
    )
    with page.expect_download() as info:
        page.get_by_role("link", name="Ondernemers: alles als CSV").click()
    rows = downloaded(info.value)
    assert info.value.suggested_filename.startswith("ondernemers-")
    assert len(rows) == Business.objects.filter(live=True).count()
    assert "email" not in rows[0] and "kvk_number" not in rows[0]

    # One neighbourhood, chosen by keyboard in the form under the dataset.
    section = page.locator("section[aria-labelledby=dataset-ondernemers]")
    section.locator("select[name=wijk]").select_option("lombok")
    section.get_by_role("button", name="Download CSV").focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    rows = downloaded(info.value)
    assert {row["neighbourhood"] for row in rows} == {"lombok"}
    assert len(rows) == Business.objects.filter(live=True, neighbourhood__slug="lombok").count()

    # The figures per month keep to the small-cell rule.
    with page.expect_download() as info:
        page.get_by_role("link", name="Cijfers per wijk en maand: alles als CSV").click()
    for row in downloaded(info.value):
        for column in ("new_businesses", "closed_businesses", "last_updated"):
            assert row[column] == "< 5" or int(row[column]) >= 5

    # The field lists open by keyboard.
    summary = section.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert section.locator("table").is_visible()
    assert axe_violations(page) == []


def test_the_english_open_data_page(demo_site, page):
    page.goto(demo_site.url + "/en/open-data/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("footer a[href='/en/open-data/']").count() == 1
    assert axe_violations(page) == []
