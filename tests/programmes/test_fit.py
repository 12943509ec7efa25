""" "Wat past bij mij?": who can take part, the order, the reasons, and the questionnaire page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from businesses.models import Language, Sector
from programmes.fit import Answers, rank
from programmes.models import Category, ProgrammePage, Stage
from tests.factories import BusinessFactory

pytestmark = pytest.mark.django_db


def ranked(answers, today):
    programmes = ProgrammePage.objects.live().prefetch_related(
        "stages", "sectors", "languages", "neighbourhoods"
    )
    return [(fit.programme.title, fit.reasons) for fit in rank(programmes, answers, today)]


@pytest.fixture
def offer(make_programme, neighbourhoods):
    make_programme(
        "Etalage ontwerpen",
        "creativiteit",
        stages=["starter"],
        sectors=["winkels"],
        languages=["nl", "tr"],
        neighbourhoods=[neighbourhoods["lombok"]],
        deadline=5,
    )
    make_programme(
        "Groeilening",
        "financiering",
        stages=["groei"],
        requires_kvk=True,
        is_free=False,
        cost_amount=Decimal("100.00"),
    )
    make_programme("Webwinkel bouwen", "digitalisering", languages=["nl", "ar"], deadline=40)
    make_programme("Overvecht onderneemt", "netwerk", neighbourhoods=[neighbourhoods["overvecht"]])
    make_programme("Jonge bedrijven", "innovatie", max_years_since_founding=2)
    make_programme("Verlopen", "creativiteit", deadline=-2)


def test_ranking_with_reasons(offer, neighbourhoods, today):
    answers = Answers(
        stage=Stage.objects.get(slug="starter"),
        sector=Sector.objects.get(slug="supermarkt-toko"),
        neighbourhood=neighbourhoods["lombok"],
        language=Language.objects.get(code="tr"),
        needs=[Category.objects.get(slug="creativiteit")],
        has_kvk=False,
        founded_year=today.year - 1,
    )
    assert ranked(answers, today) == [
        (
            "Etalage ontwerpen",
            [
                "over creativiteit, waar je naar zoekt",
                "in het Turks",
                "past bij je fase (net begonnen)",
                "voor jouw sector",
                "in jouw wijk, Lombok",
                "gratis",
                "sluit over 5 dagen",
            ],
        ),
        ("Webwinkel bouwen", ["gratis"]),  # a deadline, so before the one without
        ("Jonge bedrijven", ["gratis"]),
    ]


def test_who_cannot_take_part_is_told_nothing_that_does_not_fit(offer, neighbourhoods, today):
    answers = Answers(
        stage=Stage.objects.get(slug="groei"),
        neighbourhood=neighbourhoods["overvecht"],
        has_kvk=True,
        founded_year=today.year - 10,
    )
    found = [title for title, _reasons in ranked(answers, today)]
    assert "Groeilening" in found  # growing, with KvK registration
    assert "Overvecht onderneemt" in found
    assert "Etalage ontwerpen" not in found  # for starters in Lombok
    assert "Jonge bedrijven" not in found  # founded ten years ago
    assert "Verlopen" not in found


def test_without_kvk_registration_programmes_that_need_one_drop_out(offer, today):
    found = [
        title
        for title, _ in ranked(Answers(stage=Stage.objects.get(slug="groei"), has_kvk=False), today)
    ]
    assert "Groeilening" not in found
    found = [title for title, _ in ranked(Answers(stage=Stage.objects.get(slug="groei")), today)]
    assert "Groeilening" in found  # "don't know" does not exclude


def test_ties_go_to_the_nearest_deadline_then_the_title(make_programme, today):
    make_programme("B zonder deadline")
    make_programme("A zonder deadline")
    make_programme("Z met deadline", deadline=20)
    assert [title for title, _ in ranked(Answers(), today)] == [
        "Z met deadline",
        "A zonder deadline",
        "B zonder deadline",
    ]


def test_the_deadline_reason_counts_down(make_programme, today):
    make_programme("Vandaag", deadline=0)
    make_programme("Morgen", deadline=1)
    reasons = dict(ranked(Answers(), today))
    assert "aanmelden kan tot en met vandaag" in reasons["Vandaag"]
    assert "sluit over 1 dag" in reasons["Morgen"]
    assert ranked(Answers(), today + timedelta(days=1)) != ranked(Answers(), today)


# The questionnaire page ---------------------------------------------------------------------


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        a.get_text(strip=True) for a in soup.select(".portal-results .portal-programme-card h3 a")
    ]


def test_the_questionnaire_shows_ranked_results(client, offer):
    response = client.get(
        "/programmas/wat-past-bij-mij/?fase=starter&behoefte=creativiteit&taal=tr&wijk=lombok&sector=supermarkt-toko"
    )
    assert response.status_code == 200
    assert results(response)[0] == "Etalage ontwerpen"
    assert "sluit over 5 dagen" in response.content.decode()


def test_the_questionnaire_keeps_answers_when_something_is_wrong(client, offer):
    response = client.get(
        "/programmas/wat-past-bij-mij/?fase=&behoefte=innovatie&taal=ar&opgericht=3000"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies waar je staat" in html and "Dat jaar ligt in de toekomst." in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("input[name=behoefte][value=innovatie]").has_attr("checked")
    assert soup.select_one("select[name=taal] option[selected]")["value"] == "ar"
    assert soup.select_one("input[name=opgericht]")["value"] == "3000"
    assert results(response) == []


@pytest.mark.parametrize(
    "query",
    [
        "?fase=pensioen",
        "?fase=starter&wijk=atlantis",
        "?fase=starter&opgericht=abc",
        "?fase=starter&behoefte=x",
    ],
)
def test_bad_answers_never_break_the_page(client, offer, query):
    response = client.get(f"/programmas/wat-past-bij-mij/{query}")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_logged_in_entrepreneur_gets_answers_from_their_business(
    client, offer, entrepreneur, neighbourhoods, today
):
    BusinessFactory(
        name="Toko Amira",
        neighbourhood=neighbourhoods["lombok"],
        house_number=1,
        latitude=None,
        longitude=None,
        owner=entrepreneur,
        founded_year=today.year - 5,
        kvk_number="12345678",
        sectors=["supermarkt-toko"],
        languages=["nl", "tr"],
    )
    client.force_login(entrepreneur)
    soup = BeautifulSoup(client.get("/programmas/wat-past-bij-mij/").content, "html.parser")
    assert soup.select_one("input[name=fase][value=groei]").has_attr("checked")
    assert soup.select_one("select[name=wijk] option[selected]")["value"] == "lombok"
    assert soup.select_one("select[name=taal] option[selected]")["value"] == "tr"
    assert soup.select_one("select[name=sector] option[selected]")["value"] == "supermarkt-toko"
    assert soup.select_one("select[name=kvk] option[selected]")["value"] == "ja"
    assert "Toko Amira" in soup.get_text()
