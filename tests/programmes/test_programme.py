"""A programme's page, its calendar feeds, the staff report, scheduling and the home page."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from programmes.models import Category, ProgrammePage

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return sorted(
        (str(event["summary"]), event.decoded("dtstart"), event.decoded("dtend"))
        for event in calendar.walk("VEVENT")
    )


def test_a_programme_page_says_what_who_and_how(client, make_programme, neighbourhoods):
    make_programme(
        "Etalage ontwerpen",
        stages=["starter"],
        languages=["tr"],
        neighbourhoods=[neighbourhoods["lombok"]],
        deadline=10,
        is_free=False,
        cost_amount=Decimal("25.00"),
        cost_note="per avond",
        requires_kvk=True,
        max_years_since_founding=3,
    )
    html = client.get("/programmas/etalage-ontwerpen/").content.decode()
    for text in (
        "Stichting Test",
        "€ 25",
        "per avond",
        "Net begonnen",
        "Lombok",
        "Türkçe",
        "Ingeschreven bij de KvK",
        "Hoogstens 3 jaar",
        "aanmelden@example.nl",
        "nog 10 dagen",
    ):
        assert text in html, text


def test_the_calendar_of_a_programme(client, make_programme, today):
    make_programme(
        "Netwerkavond",
        deadline=7,
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=12),
    )
    assert events(client.get("/programmas/netwerkavond/agenda/")) == [
        ("Aanmelden sluit: Netwerkavond", today + timedelta(days=7), today + timedelta(days=8)),
        ("Netwerkavond", today + timedelta(days=10), today + timedelta(days=13)),
    ]


def test_the_calendar_of_a_filtered_list(client, make_programme, today):
    make_programme("Creatief", "creativiteit", deadline=3)
    make_programme("Innovatief", "innovatie", deadline=4)
    make_programme("Doorlopend", "innovatie")
    found = events(client.get("/programmas/agenda/?categorie=innovatie"))
    assert found == [
        ("Aanmelden sluit: Innovatief", today + timedelta(days=4), today + timedelta(days=5))
    ]
    assert len(events(client.get("/programmas/agenda/"))) == 2
    assert events(client.get("/programmas/agenda/?categorie=onzin")) == []


def test_the_index_links_to_the_calendar_of_its_filters(client, make_programme):
    make_programme("Creatief", deadline=3)
    html = client.get("/programmas/?categorie=creativiteit").content.decode()
    assert "/programmas/agenda/?categorie=creativiteit" in html


def test_staff_see_programmes_to_check(staff_client, make_programme, today):
    make_programme("Verlopen", deadline=-1)
    make_programme("Lang niet gecontroleerd", last_checked=today - timedelta(days=200))
    make_programme("Net gecontroleerd", last_checked=today)
    html = staff_client.get("/admin/reports/programmas-nakijken/").content.decode()
    assert "Verlopen" in html and "Lang niet gecontroleerd" in html
    assert "Net gecontroleerd" not in html
    assert "langer dan een half jaar niet gecontroleerd" in html
    csv = staff_client.get("/admin/reports/programmas-nakijken/?export=csv")
    assert b"Lang niet gecontroleerd" in b"".join(csv.streaming_content)


def test_the_report_is_for_staff_only(client, entrepreneur, make_programme):
    client.force_login(entrepreneur)
    response = client.get("/admin/reports/programmas-nakijken/")
    assert response.status_code == 302


def test_scheduled_publishing(client, make_programme, monkeypatch):
    programme = make_programme("Later online", live=False)
    programme.go_live_at = timezone.now() + timedelta(hours=1)
    programme.save_revision().publish()
    assert client.get("/programmas/later-online/").status_code == 404
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", stdout=io.StringIO())
    assert client.get("/programmas/later-online/").status_code == 200


def test_the_home_page_features_focus_programmes_nearest_deadline_first(client, make_programme):
    make_programme("Creatief later", "creativiteit", deadline=30)
    make_programme("Innovatie binnenkort", "innovatie", deadline=2)
    make_programme("Administratie", "administratie", deadline=1)
    make_programme("Verlopen creatief", "creativiteit", deadline=-1)
    html = client.get("/").content.decode()
    assert "Innovatie binnenkort" in html and "Creatief later" in html
    assert html.index("Innovatie binnenkort") < html.index("Creatief later")
    assert "Administratie" not in html.split('id="programmas-kop"')[1].split("</section>")[0]
    assert "Verlopen creatief" not in html


def test_staff_get_clear_errors_for_inconsistent_programmes(make_programme, today):
    programme = make_programme("Fout")
    programme.is_free = False
    programme.start_date = today
    programme.end_date = today - timedelta(days=1)
    programme.apply_email = ""
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert set(error.value.message_dict) >= {"cost_amount", "end_date", "apply_url"}


def test_focus_categories_come_first():
    assert [c.slug for c in Category.objects.all()] == [
        "creativiteit", "innovatie", "digitalisering", "financiering", "netwerk", "mentoring",
        "vaardigheden", "huisvesting", "administratie",
    ]  # fmt: skip


def test_demo_programmes(full_demo):
    programmes = ProgrammePage.objects.live().filter(locale__language_code="nl")
    assert programmes.count() >= 25
    assert programmes.filter(category__is_focus=True).count() * 3 >= programmes.count() * 2
    today = timezone.localdate()
    assert sum(p.is_expired_on(today) for p in programmes) >= 2
    # Every demo programme is given in Dutch, and 15 of them in Turkish or Arabic too.
    assert not programmes.exclude(languages__code="nl").exists()
    assert programmes.filter(languages__code__in=["tr", "ar"]).distinct().count() == 15
    assert get_user_model().objects.filter(username="admin").exists()
    # The English site shows them too, as aliases of the Dutch pages until they are translated.
    assert (
        ProgrammePage.objects.live().filter(locale__language_code="en").count()
        == programmes.filter(locale__language_code="nl").count()
    )


def test_staff_add_a_programme_in_the_admin(staff_client, programme_index):
    from programmes.models import Provider

    url = f"/admin/pages/add/programmes/programmepage/{programme_index.pk}/"
    html = staff_client.get(url).content.decode()
    assert "Voor wie" in html and "Aanmelden" in html
    provider = Provider.objects.create(name="KvK Utrecht", kind="kvk")
    data = {
        "title": "Nieuwe cursus",
        "slug": "nieuwe-cursus",
        "summary": "Leer ondernemen.",
        "provider": provider.pk,
        "category": Category.objects.get(slug="innovatie").pk,
        "format": "workshops",
        "is_free": "on",
        "apply_email": "info@example.nl",
        "last_checked": "2026-11-01",
        "body-count": "0",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ProgrammePage.objects.get(slug="nieuwe-cursus", locale__language_code="nl").live
    data["slug"] = "fout"
    data["last_checked"] = "31-31-2026"
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert not ProgrammePage.objects.filter(slug="fout").exists()
