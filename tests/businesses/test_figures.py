"""'De wijk in cijfers' and the figures per month: the same as counting the rows, with the
small-cell rule (below 5 hidden, and no hidden count that follows from the total)."""

import re
from datetime import date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db.models import Q

from businesses import figures
from businesses.hours import AMSTERDAM, local_now
from businesses.models import Business, Language, Sector
from home.insight import HIDDEN, SMALL, is_hidden, suppress_small
from tests.businesses.conftest import make_neighbourhood

pytestmark = pytest.mark.django_db

THIS_YEAR = local_now().year


@pytest.fixture
def lombok_shops(make_business, lombok):
    """15 live businesses and a draft: bakeries 7, hairdressers 6, shops 2 (the shops hidden,
    and so the hairdressers too); three of them first published last year."""
    made = []
    for i in range(7):
        made.append(make_business(f"Bakkerij {i}", sectors=["bakkerij"], languages=["nl", "tr"]))
    for i in range(6):
        made.append(make_business(f"Kapper {i}", sectors=["kapper"], languages=["nl"]))
    for i in range(2):
        made.append(
            make_business(
                f"Toko {i}", sectors=["supermarkt-toko", "groente-fruit"], languages=["nl", "ar"]
            )
        )
    make_business("Concept Winkel", sectors=["kleding-stoffen"], languages=["fa"], live=False)
    last_year = datetime(THIS_YEAR - 1, 6, 15, 12, tzinfo=AMSTERDAM)
    Business.objects.filter(pk__in=[b.pk for b in made[:3]]).update(first_published_at=last_year)
    return made


def counted_from_rows(neighbourhood):
    """The same figures, counted the plain way: one query per sector and language."""
    live = Business.objects.filter(live=True, neighbourhood=neighbourhood)
    sectors = {
        main.name_nl: live.filter(Q(sectors=main) | Q(sectors__parent=main)).distinct().count()
        for main in Sector.objects.filter(parent=None)
    }
    languages = {
        language.name_nl: live.filter(languages=language).count()
        for language in Language.objects.all()
    }
    new = Business.objects.filter(
        neighbourhood=neighbourhood, first_published_at__year=THIS_YEAR
    ).count()
    return {
        "total": live.count(),
        "new": new,
        "sectors": {name: n for name, n in sectors.items() if n},
        "languages": {name: n for name, n in languages.items() if n},
    }


def as_dict(figure):
    return {row["label"]: row["count"] for row in figure.rows}


def test_the_figures_are_the_counts_of_the_rows_with_small_ones_hidden(lombok, lombok_shops):
    expected = counted_from_rows(lombok)
    assert expected["total"] == 15 and expected["new"] == 12
    result = figures.neighbourhood_figures(lombok)
    assert result.entrepreneurs == expected["total"]
    assert result.new_this_year == expected["new"]
    for figure, counts in (
        (result.sectors, expected["sectors"]),
        (result.languages, expected["languages"]),
    ):
        shown = as_dict(figure)
        assert set(shown) == set(counts)
        ranked = sorted(counts, key=lambda name: -counts[name])
        suppressed = dict(zip(ranked, suppress_small([counts[n] for n in ranked]), strict=True))
        assert shown == suppressed
    assert as_dict(result.sectors) == {
        "Eten & drinken": 7,
        "Diensten": HIDDEN,  # 6, but with the shops' 2 alone it would be 15 - 7 - 6
        "Winkels": HIDDEN,
    }
    # The draft's sector and language count nowhere.
    assert "Perzisch" not in as_dict(result.languages)


def test_no_hidden_count_follows_from_the_total(lombok, lombok_shops):
    result = figures.neighbourhood_figures(lombok)
    for figure in (result.sectors, result.languages):
        values = [row["count"] for row in figure.rows]
        assert sum(is_hidden(v) for v in values) != 1, figure.key
        # Hidden rows come after the shown ones, and in display order, not by their size.
        hidden = [row["label"] for row in figure.rows if is_hidden(row["count"])]
        assert values[len(values) - len(hidden) :] == [HIDDEN] * len(hidden)
    assert [r["label"] for r in result.sectors.rows if is_hidden(r["count"])] == [
        "Winkels",
        "Diensten",
    ]


def section(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one("section[aria-labelledby=cijfers]")


def test_the_neighbourhood_page_shows_its_figures_as_chart_and_table(client, lombok, lombok_shops):
    figures_section = section(client.get(lombok.url))
    assert figures_section.select_one("h2").get_text(strip=True) == "De wijk in cijfers"
    facts = [dd.get_text(strip=True) for dd in figures_section.select("dd")]
    assert facts == ["15", "12"]
    tables = {
        table.select_one("caption").get_text(strip=True): [
            [cell.get_text(strip=True) for cell in row.select("th, td")]
            for row in table.select("tbody tr")
        ]
        for table in figures_section.select("table")
    }
    assert tables["Tabel: Sectoren"] == [
        ["Eten & drinken", "7"],
        ["Winkels", "< 5"],
        ["Diensten", "< 5"],
    ]
    assert tables["Tabel: Gesproken talen"] == [
        ["Nederlands", "15"],
        ["Turks", "< 5"],
        ["Arabisch", "< 5"],
    ]
    # Each figure has its chart, named and described for screen readers, beside its table.
    charts = figures_section.select("svg[role=img]")
    assert len(charts) == 2
    for chart in charts:
        assert chart.select_one("title").get_text(strip=True)
        assert chart.select_one("desc").get_text(strip=True)
    # Neither the 2 shops nor the 6 hairdressers can be read anywhere in the section (the
    # scale under a chart aside).
    for tick in figures_section.select(".portal-chart__axis-label"):
        tick.decompose()
    text = figures_section.get_text(" ", strip=True)
    assert not re.search(r"(?<![\d.])(2|6)(?![\d.])", text), text


def test_a_small_neighbourhood_shows_no_count_below_five(client, index, make_business):
    zuilen = make_neighbourhood(index, "Zuilen")
    for i in range(3):
        make_business(f"Winkel {i}", neighbourhood=zuilen, sectors=["juwelier"], languages=["nl"])
    figures_section = section(client.get(zuilen.url))
    assert [dd.get_text(strip=True) for dd in figures_section.select("dd")] == ["< 5", "< 5"]
    text = figures_section.get_text(" ", strip=True)
    assert not re.search(r"(?<![\d.])3(?![\d.])", text), text
    # Nothing to draw when every count is hidden: the table says it all.
    assert not figures_section.select("svg")


def test_the_figures_are_kept_until_content_changes(
    client,
    lombok,
    lombok_shops,
    make_business,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 300
    from portal import page_cache

    monkeypatch.setattr(page_cache, "cacheable_request", lambda request: False)
    calls = []
    original = figures.neighbourhood_counts
    monkeypatch.setattr(
        figures, "neighbourhood_counts", lambda *args: calls.append(args) or original(*args)
    )
    client.get(lombok.url)
    client.get(lombok.url + "?page=2")
    assert len(calls) == 1
    with django_capture_on_commit_callbacks(execute=True):
        make_business("Nieuwe Bakker", sectors=["bakkerij"], languages=["nl"])
    facts = [dd.get_text(strip=True) for dd in section(client.get(lombok.url)).select("dd")]
    assert facts == ["16", "13"]


# Per neighbourhood and month ----------------------------------------------------------------


def bulk_businesses(neighbourhood, published, prefix, **fields):
    """Businesses made in one query, first published at the given moments."""
    Business.objects.bulk_create(
        Business(
            name=f"{prefix} {i}",
            slug=f"{prefix.lower()}-{i}",
            neighbourhood=neighbourhood,
            street="Kanaalstraat",
            house_number=i + 1,
            postcode="3531 CJ",
            live=True,
            first_published_at=moment,
            last_published_at=moment,
            **fields,
        )
        for i, moment in enumerate(published)
    )


def dutch(neighbourhoods):
    return [
        {
            "translation_key": str(n.translation_key),
            "slug": n.slug,
            "title": n.title,
            "page_ids": [n.pk],
        }
        for n in neighbourhoods
    ]


def test_monthly_figures_are_the_counts_of_the_rows(lombok, index, lombok_shops):
    zuilen = make_neighbourhood(index, "Zuilen")
    year = THIS_YEAR - 1
    # Last year in Lombok: 5 new businesses every month but March (2): March is hidden, and
    # the next smallest (January) with it, or March would follow from the year's total.
    moments = [
        datetime(year, month, 10, 9, tzinfo=AMSTERDAM)
        for month in range(1, 13)
        for _i in range(2 if month == 3 else 5)
    ]
    bulk_businesses(lombok, moments, "Oud")
    # Six in Zuilen that stopped last May; the first minutes of a month count in that month.
    bulk_businesses(
        zuilen,
        [datetime(year, 2, 1, 0, 5, tzinfo=AMSTERDAM)] * 6,
        "Gestopt",
        closed_at=date(year, 5, 3),
    )
    Business.objects.filter(name__startswith="Gestopt").update(live=False)
    today = local_now().date()
    rows = figures.monthly_figures(dutch([lombok, zuilen]), today)

    months = {(r["neighbourhood"], r["month"]): r for r in rows}
    # Every neighbourhood, every month from January of the first year with data to now.
    first = date(year, 1, 1)
    assert len(rows) == 2 * ((today.year - first.year) * 12 + today.month)
    assert rows[0]["month"] == f"{year}-01"
    assert rows[-1]["month"] == f"{today:%Y-%m}"

    # Hidden: every count under 5, and the one count of 5 or more that March's takes along.
    taken_along = {("lombok", f"{year}-01", "new_businesses")}
    assert {slug for slug, _month in months} == {"lombok", "zuilen"}
    for neighbourhood in (lombok, zuilen):
        for (slug, month), row in months.items():
            if slug != neighbourhood.slug:
                continue
            y, m = map(int, month.split("-"))
            start = datetime(y, m, 1, tzinfo=AMSTERDAM)
            end = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=AMSTERDAM)
            raw = {
                "new_businesses": Business.objects.filter(
                    neighbourhood=neighbourhood,
                    first_published_at__gte=start,
                    first_published_at__lt=end,
                ).count(),
                "closed_businesses": Business.objects.filter(
                    neighbourhood=neighbourhood, closed_at__year=y, closed_at__month=m
                ).count(),
                "last_updated": Business.objects.filter(
                    neighbourhood=neighbourhood,
                    live=True,
                    last_published_at__gte=start,
                    last_published_at__lt=end,
                ).count(),
            }
            for column, n in raw.items():
                hidden = n < SMALL or (slug, month, column) in taken_along
                assert row[column] == ("< 5" if hidden else n), (slug, month, column, n)

    lombok_last_year = [
        months[("lombok", f"{year}-{m:02d}")]["new_businesses"] for m in range(1, 13)
    ]
    # June has the three of lombok_shops too.
    assert lombok_last_year == ["< 5", 5, "< 5", 5, 5, 8] + [5] * 6
    assert months[("zuilen", f"{year}-02")]["new_businesses"] == 6
    assert months[("zuilen", f"{year}-05")]["closed_businesses"] == 6


def test_no_hidden_monthly_count_follows_from_a_total(lombok, index, lombok_shops):
    year = THIS_YEAR - 1
    moments = [
        datetime(year, month, 10, tzinfo=AMSTERDAM) + timedelta(hours=i)
        for month in range(1, 13)
        for i in range(month % 4 + (5 if month != 7 else 0))
    ]
    bulk_businesses(lombok, moments, "Oud")
    rows = figures.monthly_figures(dutch([lombok]))
    # Each group whose total is public (new per year, last updated over all months, closed per
    # year) never has exactly one hidden count.
    by_year = {}
    for row in rows:
        by_year.setdefault(row["month"][:4], []).append(row)
    assert sorted(by_year) == [str(year + n) for n in range(THIS_YEAR - year + 1)]
    for year_rows in by_year.values():
        for column in ("new_businesses", "closed_businesses"):
            assert sum(r[column] == "< 5" for r in year_rows) != 1, column
    assert sum(r["last_updated"] == "< 5" for r in rows) != 1


def test_no_neighbourhoods_or_no_data_give_no_rows(lombok):
    assert figures.monthly_figures([]) == []
    assert figures.monthly_figures(dutch([lombok])) == []
