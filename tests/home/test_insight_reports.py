""" "Inzicht" in the admin: the registry, the report page with its filters, bad input, the CSV
and XLSX downloads (also of an empty range) and who may see it."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Page

from home import insight
from home.insight import Chart, Figure, Headline, Neighbourhood, Report

pytestmark = pytest.mark.django_db

URL = "/admin/inzicht/proef/"
LOMBOK = Neighbourhood(id=999, slug="lombok", title="Lombok")
asked = []


def figures(period):
    """Pages first published per month: known data from the demo's home step."""
    asked.append(period)
    counts = insight.count_by_month(Page.objects.all(), "first_published_at", period)
    return [
        Figure(
            key="paginas",
            title="Pagina's per maand",
            description="Hoeveel pagina's voor het eerst gepubliceerd werden.",
            columns=[("month", "Maand"), ("pages", "Pagina's")],
            rows=insight.monthly_rows(period, {"pages": counts}),
            chart=Chart("line", "month", ["pages"]),
            note="Geteld uit de database.",
        ),
        Figure(
            key="vast",
            title="Een vast cijfer",
            description="Twee rijen.",
            columns=[("name", "Naam"), ("n", "Aantal")],
            rows=[{"name": "Een", "n": 3}, {"name": gettext_lazy("Twee"), "n": insight.HIDDEN}],
            chart=Chart("bar", "name", ["n"]),
        ),
    ]


REPORT = Report(
    slug="proef",
    title="Proefrapport",
    description="Alleen voor de tests.",
    figures=figures,
    headlines=lambda period: [Headline("Pagina's", Page.objects.count())],
)


@pytest.fixture(autouse=True)
def report():
    asked.clear()
    with hooks.register_temporarily(
        [(insight.REPORT_HOOK, lambda: REPORT), (insight.NEIGHBOURHOODS_HOOK, lambda: [LOMBOK])]
    ):
        yield REPORT


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


def read_xlsx(response):
    assert "spreadsheetml" in response["Content-Type"]
    body = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_registered_report_has_its_page_with_every_figure(demo, moderator_client):
    assert insight.get_report("proef") is REPORT
    response = moderator_client.get(URL, {"van": "2021-01-01", "tot": "2030-12-31"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("h2", string="Pagina's per maand")
    shown = html.find_all("figure", class_="portal-figure")
    assert shown
    for fig in shown:
        svg = fig.find("svg")
        assert svg["role"] == "img" and svg.find("title").text and svg.find("desc").text
        assert fig.find("table").find("caption").text.startswith("Tabel: ")
        links = [a["href"] for a in fig.find_all("a", download=True)]
        assert len(links) == 2 and all("export=" in link for link in links)
    assert asked[-1] == insight.Period(date(2021, 1, 1), date(2030, 12, 31))


def test_the_default_period_is_the_last_twelve_months(demo, moderator_client):
    html = BeautifulSoup(moderator_client.get(URL).content, "html.parser")
    default = insight.default_period()
    assert asked[-1] == default
    assert len(asked[-1].months()) == 12
    # The form shows the dates the figures are for.
    assert html.find("input", attrs={"name": "van"})["value"] == default.start.isoformat()
    assert html.find("input", attrs={"name": "tot"})["value"] == default.end.isoformat()
    moderator_client.get(URL, {"tot": "2024-06-30"})
    assert asked[-1] == insight.Period(date(2023, 7, 1), date(2024, 6, 30))


def test_the_neighbourhood_filter(demo, moderator_client):
    moderator_client.get(URL, {"wijk": "lombok"})
    assert asked[-1].neighbourhood == LOMBOK


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"van": "2025-13-40"}, "Vul een geldige datum in"),
        ({"tot": "gisteren"}, "Vul een geldige datum in"),
        ({"van": "2025-06-01", "tot": "2025-01-01"}, "De begindatum ligt na de einddatum"),
        ({"wijk": "atlantis"}, "Deze wijk kennen we niet"),
        ({"van": "1000-01-01"}, "Kies een datum tussen 2000 en 2100"),
        ({"tot": "9999-12-31"}, "Kies een datum tussen 2000 en 2100"),
        ({"van": "2000-01-01", "tot": "2020-01-01"}, "hoogstens tien jaar"),
        ({"van": "2025-01-01\x00", "wijk": "<script>"}, "Vul een geldige datum in"),
    ],
)
def test_bad_input_gives_a_message_and_no_figures(demo, moderator_client, params, message):
    for export in ("", "csv", "xlsx"):
        response = moderator_client.get(URL, {**params, "figuur": "paginas", "export": export})
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "<script>" not in html.split("</head>")[1].split("<main")[1].split("</main>")[0]
    assert asked == []


def test_an_unknown_figure_is_a_message_not_an_error(demo, moderator_client):
    response = moderator_client.get(URL, {"figuur": "bestaat-niet", "export": "csv"})
    assert response.status_code == 404
    assert "Dit cijfer bestaat niet in dit rapport" in response.content.decode()
    assert moderator_client.get("/admin/inzicht/bestaat-niet/").status_code == 404


def test_csv_and_xlsx_hold_the_figure(demo, moderator_client):
    today = date.today()
    params = {"van": f"{today.year}-01-01", "tot": f"{today.year}-12-31", "figuur": "paginas"}
    pages = Page.objects.filter(first_published_at__year=today.year).count()
    assert pages > 0

    rows = read_csv(moderator_client.get(URL, {**params, "export": "csv"}))
    assert rows[0] == ["Maand", "Pagina's"]
    assert len(rows) == 13
    assert rows[1][0] == f"{today.year}-01-01"
    assert sum(int(n) for _month, n in rows[1:]) == pages

    rows = read_xlsx(moderator_client.get(URL, {**params, "export": "xlsx"}))
    assert rows[0] == ["Maand", "Pagina's"]
    assert len(rows) == 13
    assert rows[1][0] == date(today.year, 1, 1)
    assert sum(n for _month, n in rows[1:]) == pages

    hidden = read_csv(moderator_client.get(URL, {**params, "figuur": "vast", "export": "csv"}))
    assert hidden == [["Naam", "Aantal"], ["Een", "3"], ["Twee", "< 5"]]
    hidden = read_xlsx(moderator_client.get(URL, {**params, "figuur": "vast", "export": "xlsx"}))
    assert hidden == [["Naam", "Aantal"], ["Een", 3], ["Twee", "< 5"]]


def test_an_empty_range_downloads_as_a_file_with_headings_only(demo, moderator_client):
    params = {"van": "2001-01-01", "tot": "2001-12-31", "figuur": "paginas"}
    assert read_csv(moderator_client.get(URL, {**params, "export": "csv"})) == [
        ["Maand", "Pagina's"]
    ]
    assert read_xlsx(moderator_client.get(URL, {**params, "export": "xlsx"})) == [
        ["Maand", "Pagina's"]
    ]
    html = moderator_client.get(URL, {**params}).content.decode()
    assert "Geen gegevens voor deze keuze." in html


def test_the_file_is_named_after_report_figure_and_period(demo, moderator_client):
    response = moderator_client.get(
        URL,
        {
            "van": "2025-01-01",
            "tot": "2025-03-31",
            "wijk": "lombok",
            "figuur": "paginas",
            "export": "csv",
        },
    )
    assert "proef-paginas-2025-01-01-2025-03-31-lombok.csv" in response["Content-Disposition"]


def test_moderators_and_superusers_see_inzicht_and_others_do_not(
    demo, client, moderator_client, make_user, admin_user
):
    assert moderator_client.get(URL).status_code == 200
    assert moderator_client.get("/admin/inzicht/").status_code == 200
    dashboard = moderator_client.get("/admin/").content.decode()
    assert "Proefrapport" in dashboard and "Naar het rapport Proefrapport" in dashboard

    client.force_login(admin_user)
    assert client.get(URL).status_code == 200

    asked.clear()
    editor = make_user("redacteur@gemeente.nl", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL, {"figuur": "paginas", "export": "csv"}).status_code in (302, 403)
    assert client.get("/admin/inzicht/").status_code in (302, 403)
    assert "Naar het rapport" not in client.get("/admin/").content.decode()

    entrepreneur = make_user("amira@example.nl")
    client.force_login(entrepreneur)
    assert client.get(URL).status_code == 302

    client.logout()
    response = client.get(URL, {"figuur": "paginas", "export": "csv"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert asked == []  # nothing was counted for those who may not see it


def test_the_permission_is_given_to_the_moderators_only():
    moderators = Group.objects.get(name="Moderatoren")
    editors = Group.objects.get(name="Redacteuren")
    assert moderators.permissions.filter(codename="view_insight").exists()
    assert not editors.permissions.filter(codename="view_insight").exists()


def test_the_inzicht_menu_lists_the_reports(demo, moderator_client):
    # The menu is built once per process; the business report registers itself for real.
    html = moderator_client.get("/admin/").content.decode()
    assert "Inzicht" in html
    assert "/admin/inzicht/bedrijven/" in html
