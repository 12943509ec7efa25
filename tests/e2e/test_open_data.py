"""A visitor reads a neighbourhood's figures ("De wijk in cijfers") and downloads open data:
the charts have their names and tables, the downloads parse back, and axe finds nothing."""

import csv
import io

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def shown_counts(counts):
    """A group of counts as a table shows them under the small-cell rule (home.insight): below 5
    as "< 5", and a lone hidden count takes the next smallest with it; sorted as text."""
    from home.insight import suppress_small

    return sorted(str(value) for value in suppress_small(sorted(counts, reverse=True)))


def lombok_sectors_and_languages():
    """Counted here, business by business: [{main sector: live businesses in Lombok},
    {language: live businesses in Lombok that speak it}], the two tables' groups."""
    from businesses.models import Business

    sectors, languages = {}, {}
    live = Business.objects.filter(live=True, neighbourhood__slug="lombok")
    for business in live.prefetch_related("sectors", "languages"):
        for main in {sector.parent_id or sector.pk for sector in business.sectors.all()}:
            sectors[main] = sectors.get(main, 0) + 1
        for language in business.languages.all():
            languages[language.pk] = languages.get(language.pk, 0) + 1
    return [sectors, languages]


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
    group_counts = lombok_sectors_and_languages()
    assert tables.count() == 2
    for index in range(tables.count()):
        assert tables.nth(index).locator("caption").inner_text().startswith("Tabel: ")
        cells = tables.nth(index).locator("tbody td").all_inner_texts()
        assert cells
        assert sorted(cells) == shown_counts(list(group_counts[index].values()))
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


MONTH_COLUMNS = ("new_businesses", "closed_businesses", "last_updated")


def monthly_columns(rows):
    """{(neighbourhood, month): (new, closed, last updated)} of the downloaded figures."""
    return {
        (row["neighbourhood"], row["month"]): tuple(row[column] for column in MONTH_COLUMNS)
        for row in rows
    }


def expected_monthly_columns(rows):
    """The same, counted here business by business (months in Amsterdam time) for the
    neighbourhoods and months of `rows`, under the small-cell rule over each group: new and
    closed per neighbourhood and calendar year, last updated per neighbourhood."""
    from businesses.hours import AMSTERDAM
    from businesses.models import Business, NeighbourhoodPage
    from home.insight import suppress_small

    dutch = {
        page.translation_key: page.slug
        for page in NeighbourhoodPage.objects.filter(locale__language_code="nl")
    }
    counted = {}

    def count(column, business, moment):
        if moment is not None:
            local = moment.astimezone(AMSTERDAM) if hasattr(moment, "hour") else moment
            slug = dutch.get(business.neighbourhood.translation_key)
            key = (column, slug, f"{local:%Y-%m}")
            counted[key] = counted.get(key, 0) + 1

    for business in Business.objects.select_related("neighbourhood"):
        count("new_businesses", business, business.first_published_at)
        count("closed_businesses", business, business.closed_at)
        if business.live:
            count("last_updated", business, business.last_published_at)
    months = {}
    for row in rows:
        months.setdefault(row["neighbourhood"], []).append(row["month"])
    values = {}
    for slug, in_order in months.items():
        for column in MONTH_COLUMNS:
            groups = (
                [in_order]
                if column == "last_updated"
                else [
                    [m for m in in_order if m[:4] == year]
                    for year in sorted({m[:4] for m in in_order})
                ]
            )
            for group in groups:
                shown = suppress_small([counted.get((column, slug, month), 0) for month in group])
                for month, value in zip(group, shown, strict=True):
                    values.setdefault((slug, month), {})[column] = str(value)
    return {key: tuple(found[column] for column in MONTH_COLUMNS) for key, found in values.items()}


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
    rows = downloaded(info.value)
    assert rows
    assert monthly_columns(rows) == expected_monthly_columns(rows)

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
