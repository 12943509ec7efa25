"""The business report in "Inzicht": every figure against counts worked out straight from the
rows, on known data (closing a business, which the figures count: test_closing_a_business.py)."""

import calendar
import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.urls import reverse

from businesses import insight
from businesses.models import Business, Language, Sector
from home.insight import Period, monthly_rows

from .conftest import make_neighbourhood

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
PERIOD = Period(date(2025, 1, 1), date(2025, 6, 30))


def at(day, hour=12):
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


@pytest.fixture
def known(index, lombok, make_business):
    """Eight businesses in two neighbourhoods with known dates, sectors and languages."""
    zuilen = make_neighbourhood(index, "Zuilen")
    specs = [
        # name, neighbourhood, live, created, first published, updated, closed, sectors, languages
        (
            "A",
            lombok,
            True,
            date(2025, 1, 5),
            date(2025, 1, 6),
            date(2025, 6, 1),
            None,
            ["bakkerij"],
            ["nl", "tr"],
        ),
        (
            "B",
            lombok,
            True,
            date(2025, 2, 10),
            date(2025, 3, 1),
            date(2025, 3, 1),
            None,
            ["restaurant", "kapper"],
            ["ar"],
        ),
        ("C", lombok, False, date(2025, 3, 3), None, date(2025, 3, 3), None, ["kapper"], ["nl"]),
        (
            "D",
            lombok,
            False,
            date(2024, 5, 1),
            date(2024, 5, 2),
            date(2025, 4, 2),
            date(2025, 4, 2),
            ["bakkerij"],
            ["tr"],
        ),
        (
            "E",
            zuilen,
            True,
            date(2024, 12, 31),
            date(2025, 1, 1),
            date(2024, 12, 20),
            None,
            ["supermarkt-toko"],
            ["nl", "ar"],
        ),
        ("F", zuilen, True, date(2025, 6, 30), date(2025, 6, 30), date(2025, 6, 30), None, [], []),
        (
            "G",
            zuilen,
            False,
            date(2023, 1, 1),
            date(2023, 1, 2),
            date(2025, 7, 5),
            date(2025, 7, 5),
            ["bakkerij"],
            ["nl"],
        ),
        (
            "H",
            zuilen,
            True,
            date(2025, 7, 1),
            date(2025, 7, 1),
            date(2025, 7, 1),
            None,
            ["bakkerij"],
            ["nl"],
        ),
    ]
    made = {}
    for name, place, live, created, published, updated, closed, sectors, languages in specs:
        business = make_business(
            name,
            neighbourhood=place,
            sectors=sectors,
            languages=languages,
            live=live or bool(published),
        )
        Business.objects.filter(pk=business.pk).update(
            live=live,
            created_at=at(created, 0) if name == "E" else at(created),
            first_published_at=at(published) if published else None,
            updated_at=at(updated),
            closed_at=closed,
        )
        made[name] = Business.objects.get(pk=business.pk)
    # E was created on 31 December at 00:00 in Amsterdam; in UTC that is still 30 December.
    return {"lombok": lombok, "zuilen": zuilen, **made}


def in_period(moment, period):
    if moment is None:
        return False
    day = moment.astimezone(AMS).date() if isinstance(moment, datetime) else moment
    return period.start <= day <= period.end


def expected_counts(period, businesses):
    """The four measures, worked out row by row in Python."""
    half_year_start = insight.half_year_before(period.end)
    return {
        "registered": sum(in_period(b.created_at, period) for b in businesses),
        "published": sum(in_period(b.first_published_at, period) for b in businesses),
        "updated": sum(
            b.live
            and b.closed_at is None
            and half_year_start <= b.updated_at.astimezone(AMS).date() <= period.end
            for b in businesses
        ),
        "closed": sum(in_period(b.closed_at, period) for b in businesses),
    }


def test_the_half_year_up_to_a_day():
    # Changed after the same day six months earlier.
    assert insight.half_year_before(date(2025, 6, 30)) == date(2024, 12, 31)
    assert insight.half_year_before(date(2025, 8, 31)) == date(2025, 3, 1)  # no 31 February
    assert insight.half_year_before(date(2026, 12, 1)) == date(2026, 6, 2)


def test_per_neighbourhood_matches_the_rows(known):
    figure = insight.per_neighbourhood(PERIOD)
    everything = list(Business.objects.all())
    assert sorted(row["neighbourhood"] for row in figure.rows) == ["Lombok", "Zuilen"]
    for row in figure.rows:
        place = known[row["neighbourhood"].lower()]
        expected = expected_counts(
            PERIOD, [b for b in everything if b.neighbourhood_id == place.pk]
        )
        assert {key: row[key] for key in expected} == expected, row
    assert [row["neighbourhood"] for row in figure.rows] == ["Lombok", "Zuilen"]
    # Spelled out for this data: A, B, C registered in Lombok, F in Zuilen (E the day before).
    assert figure.rows[0] == {
        "neighbourhood": "Lombok",
        "registered": 3,
        "published": 2,
        "updated": 2,
        "closed": 1,
    }
    assert figure.rows[1] == {
        "neighbourhood": "Zuilen",
        "registered": 1,
        "published": 2,
        "updated": 1,
        "closed": 0,
    }
    assert "In totaal: 4 aangemeld, 4 gepubliceerd, 3 bijgewerkt, 1 gestopt" in figure.description


def test_the_neighbourhood_filter_narrows_every_figure(known):
    period = Period(PERIOD.start, PERIOD.end, insight.neighbourhoods()[0])
    assert period.neighbourhood.slug == "lombok"
    [row] = insight.per_neighbourhood(period).rows
    assert row["registered"] == 3
    months = insight.per_month(period).rows
    assert sum(row["registered"] for row in months) == 3
    sectors = insight.sector_mix(period)
    assert sectors.title == "Sectoren in Lombok"
    assert {row["sector"]: row["count"] for row in sectors.rows}["Eten & drinken"] == 2
    languages = {row["language"]: row["count"] for row in insight.languages(period).rows}
    assert languages == {"Nederlands": 1, "Turks": 1, "Arabisch": 1}


def test_per_month_matches_the_rows(known):
    figure = insight.per_month(PERIOD)
    everything = list(Business.objects.all())
    assert [row["month"] for row in figure.rows] == [date(2025, m, 1) for m in range(1, 7)]
    for row in figure.rows:
        first = row["month"]
        month = Period(first, first.replace(day=calendar.monthrange(first.year, first.month)[1]))
        assert row["registered"] == sum(in_period(b.created_at, month) for b in everything)
        assert row["published"] == sum(in_period(b.first_published_at, month) for b in everything)
        assert row["closed"] == sum(in_period(b.closed_at, month) for b in everything)
        assert row["updated"] == sum(
            b.live and b.closed_at is None and in_period(b.updated_at, month) for b in everything
        )
    assert figure.rows[0] == {
        "month": date(2025, 1, 1),
        "registered": 1,
        "published": 2,
        "updated": 0,
        "closed": 0,
    }


def test_an_empty_period_has_no_rows(known):
    empty = Period(date(2010, 1, 1), date(2010, 12, 31))
    figures = list(insight.figures(empty))
    assert figures
    for figure in figures:
        assert figure.rows == [], figure.key
    assert monthly_rows(empty, {"n": {}}) == []


def online_at_end(business, period):
    published = business.first_published_at
    return (
        published is not None
        and published.astimezone(AMS).date() <= period.end
        and (
            (business.live and business.closed_at is None)
            or (business.closed_at is not None and business.closed_at > period.end)
        )
    )


def test_sector_mix_counts_businesses_online_at_the_end_per_main_sector(known):
    figure = insight.sector_mix(PERIOD)
    mains = list(Sector.objects.filter(parent__isnull=True))
    online = [b for b in Business.objects.all() if online_at_end(b, PERIOD)]
    # A, B, E, F, and G (closed only after the period); not C (never published), D (closed
    # in it) or H (published after it).
    assert sorted(b.name for b in online) == ["A", "B", "E", "F", "G"]
    assert mains and sorted(row["neighbourhood"] for row in figure.rows) == ["Lombok", "Zuilen"]
    for row in figure.rows:
        place = known[row["neighbourhood"].lower()]
        for sector in mains:
            expected = sum(
                1
                for b in online
                if b.neighbourhood_id == place.pk
                and any(s == sector or s.parent == sector for s in b.sectors.all())
            )
            assert row[f"s{sector.pk}"] == expected, (row["neighbourhood"], sector.name)
    lombok = figure.rows[0]
    food, services = (Sector.objects.get(slug=s) for s in ("eten-drinken", "diensten"))
    assert lombok[f"s{food.pk}"] == 2  # A (bakery) and B (restaurant)
    assert lombok[f"s{services.pk}"] == 1  # B is a hairdresser too
    assert figure.chart.kind == "stacked"
    assert [heading for _key, heading in figure.columns][1:] == [s.name for s in mains]


def test_languages_count_the_businesses_that_speak_them(known):
    figure = insight.languages(PERIOD)
    online = [b for b in Business.objects.all() if online_at_end(b, PERIOD)]
    expected = {}
    for business in online:
        for language in business.languages.all():
            expected[language.name] = expected.get(language.name, 0) + 1
    assert {row["language"]: row["count"] for row in figure.rows} == expected
    assert expected == {"Nederlands": 3, "Turks": 1, "Arabisch": 2}
    assert [row["language"] for row in figure.rows] == ["Nederlands", "Arabisch", "Turks"]
    assert "Het vaakst: Nederlands (3), Arabisch (2), Turks (1)." in figure.description
    assert Language.objects.count() > 3  # languages nobody speaks are left out


def test_no_figure_holds_personal_data(known):
    Business.objects.filter(pk=known["A"].pk).update(
        email="amira@example.nl", phone="+31612345678", kvk_number="12345678"
    )
    businesses = list(Business.objects.all())
    personal = {
        value
        for business in businesses
        for value in (business.email, str(business.phone), business.kvk_number, business.street)
        if value
    }
    assert {"amira@example.nl", "+31612345678", "12345678"} <= personal
    figures = list(insight.figures(PERIOD))
    assert figures and businesses
    for figure in figures:
        text = repr(figure.rows) + figure.description + figure.note
        assert [value for value in personal if value in text] == [], figure
        assert [b.name for b in businesses if f"'{b.name}'" in text] == [], figure


def test_the_report_page_and_its_downloads(known, moderator_client):
    url = reverse("insight_report", args=["bedrijven"])
    params = {"van": "2025-01-01", "tot": "2025-06-30"}
    response = moderator_client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    for title in (
        "Bedrijven per wijk",
        "Bedrijven per maand",
        "Sectoren per wijk",
        "Gesproken talen",
    ):
        assert title in html
    assert html.count('role="img"') >= 4

    response = moderator_client.get(url, {**params, "figuur": "per-wijk", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        ["Wijk", "Aangemeld", "Gepubliceerd", "Bijgewerkt (half jaar)", "Gestopt"],
        ["Lombok", "3", "2", "2", "1"],
        ["Zuilen", "1", "2", "1", "0"],
    ]
    response = moderator_client.get(url, {**params, "figuur": "per-maand", "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Maand", "Aangemeld", "Gepubliceerd", "Bijgewerkt", "Gestopt")
    assert len(rows) == 7 and sum(row[1] for row in rows[1:]) == 4

    empty = {"van": "2010-01-01", "tot": "2010-12-31"}
    for key in ("per-wijk", "per-maand", "sectoren", "talen"):
        response = moderator_client.get(url, {**empty, "figuur": key, "export": "csv"})
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert len(lines) == 1, key
        response = moderator_client.get(url, {**empty, "figuur": key, "export": "xlsx"})
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert sheet.max_row == 1, key

    response = moderator_client.get(url, {"wijk": "atlantis"})
    assert response.status_code == 200 and "Deze wijk kennen we niet" in response.content.decode()


def test_the_dashboard_shows_the_headlines(known, moderator_client):
    html = moderator_client.get("/admin/").content.decode()
    assert "Bedrijven online" in html and "Naar het rapport Bedrijven" in html
    online = Business.objects.filter(live=True, closed_at__isnull=True).count()
    assert f"<strong>{online}</strong>" in html
