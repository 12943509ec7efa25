"""The business profile page, draft visibility, and the "report outdated information" form."""

import json
from datetime import date, time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from businesses.models import (
    BusinessLink,
    BusinessPhoto,
    Language,
    OpeningHours,
    OutdatedInfoReport,
    SpecialDay,
)
from tests.helpers import started

pytestmark = pytest.mark.django_db

WEEK = [(0, "09:00", "18:00"), (1, "09:00", "18:00"), (4, "18:00", "03:00")]


@pytest.fixture
def bakery(make_business):
    from tests.home.test_pages import make_image

    business = make_business(
        "Bakkerij Yıldız",
        tagline="Vers Turks brood",
        story="<p>Mijn vader begon deze <b>bakkerij</b>.</p>",
        sectors=["bakkerij"],
        languages=["tr", "nl"],
        hours=WEEK,
        phone="030 123 4567",
        email="info@yildiz.example.nl",
        website="https://yildiz.example.nl",
        kvk_number="12345678",
        founded_year=1998,
        step_free_entrance=True,
    )
    business.products.set(["pide", "simit"])
    business.photos = [
        BusinessPhoto(image=make_image(), alt_text="De etalage met pide", sort_order=0)
    ]
    business.links = [BusinessLink(service="instagram", url="https://instagram.com/yildiz")]
    business.special_days = [SpecialDay(date=date(2099, 12, 25), closed=True, note="Kerst")]
    business.save_revision().publish()
    return business


def page(client, url="/wijken/lombok/bakkerij-yildiz/"):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_profile_shows_what_a_visitor_needs(client, bakery):
    html = page(client)
    assert html.h1.get_text(strip=True) == "Bakkerij Yıldız"
    main = html.main
    assert "Mijn vader begon deze" in main.select_one("#verhaal").find_next("div").get_text()
    assert main.select_one(".portal-gallery img")["alt"] == "De etalage met pide"
    assert [li.get_text(strip=True) for li in main.select("#aanbod + ul li")] == ["pide", "simit"]
    contact = main.select_one('.portal-contact-list a[href="tel:+31301234567"]')
    assert contact.get_text(strip=True) == "030 123 4567"
    # On a phone: "Bellen" under the name, before the photos and the hours.
    call = main.select_one('.portal-quick-actions a[href="tel:+31301234567"]')
    assert call.get_text(" ", strip=True).startswith("Bellen")
    assert main.select_one('a[href="https://instagram.com/yildiz"]') is not None
    assert "Kanaalstraat 10" in main.select_one("address").get_text()
    turkish = Language.objects.get(code="tr")
    assert sorted(" ".join(li.get_text().split()) for li in main.select("#talen + ul li")) == [
        "Nederlands",
        f"{turkish.name_nl} ({turkish.native_name})",
    ]
    assert "Ingang zonder drempel" in main.get_text()
    assert main.select_one('a[href="/wijken/lombok/"]') is not None
    rows = main.select(".portal-hours tbody tr")
    assert len(rows) == 7
    assert rows[0].th.get_text(strip=True).startswith("Maandag")
    assert rows[0].td.get_text(strip=True) == "09:00–18:00"
    assert rows[2].td.get_text(strip=True) == "gesloten"
    assert len(main.select('.portal-hours tr[aria-current="date"]')) == 1


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_profile_names_languages_in_the_readers_language_with_their_own_name(
    client, bakery, language
):
    """As the cards do (businesses/includes/language_name.html): "Turks (Türkçe)" in Dutch,
    the Arabic name and then "Türkçe" in Arabic; a language whose name is its own, once."""
    turkish = Language.objects.get(code="tr")
    name = {"nl": turkish.name_nl, "ar": turkish.name_ar}[language]
    assert name and name != turkish.native_name
    prefix = "/ar" if language == "ar" else ""
    response = client.get(f"{prefix}/wijken/lombok/bakkerij-yildiz/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    section = html.split('id="talen"', 1)[1].split("</section>", 1)[0]
    assert f'<li><bdi>{name}</bdi> (<bdi lang="tr">{turkish.native_name}</bdi>)</li>' in section
    dutch = Language.objects.get(code="nl")
    if language == "nl":
        assert "<li><bdi>Nederlands</bdi></li>" in section
    else:
        spoken = f'<li><bdi>{dutch.name_ar}</bdi> (<bdi lang="nl">{dutch.native_name}</bdi>)</li>'
        assert spoken in section


def test_profile_has_json_ld_and_open_graph(client, bakery):
    html = page(client)
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "Bakkerij Yıldız"
    assert data["address"]["postalCode"] == "3531 CJ"
    assert data["telephone"] == "+31301234567"
    assert {"https://schema.org/Friday"} <= {
        s["dayOfWeek"] for s in data["openingHoursSpecification"]
    }
    assert data["url"] == "http://testserver/wijken/lombok/bakkerij-yildiz/"
    assert html.select_one('meta[property="og:title"]')["content"] == "Bakkerij Yıldız"
    assert html.select_one('meta[property="og:image"]')["content"].startswith("http://testserver/")


def test_json_ld_cannot_break_out_of_its_script(client, make_business):
    make_business("Evil </script><script>alert(1)</script>", tagline="</script>")
    response = client.get("/wijken/lombok/evil-scriptscriptalert1script/")
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content


def test_drafts_and_businesses_awaiting_moderation_are_not_public(client, make_business):
    from wagtail.models import Workflow

    make_business("Concept", live=False)
    waiting = make_business("Wacht Op Moderatie", live=False)
    Workflow.objects.get(name="Goedkeuring door moderatoren").start(waiting, user=None)
    assert client.get("/wijken/lombok/concept/").status_code == 404
    assert client.get("/wijken/lombok/wacht-op-moderatie/").status_code == 404
    assert client.get("/wijken/lombok/bestaat-niet/").status_code == 404
    listing = client.get("/wijken/lombok/").content.decode()
    assert "Concept" not in listing and "Wacht Op Moderatie" not in listing


def test_a_draft_of_a_published_business_shows_the_live_version(client, bakery):
    bakery.tagline = "Nog niet goedgekeurd"
    bakery.save_revision()
    html = page(client)
    assert "Vers Turks brood" in html.get_text()
    assert "Nog niet goedgekeurd" not in html.get_text()


def test_profile_query_count_does_not_grow_with_photos_hours_and_languages(client, bakery):
    from tests.home.test_pages import make_image

    def count():
        client.get("/wijken/lombok/bakkerij-yildiz/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/wijken/lombok/bakkerij-yildiz/")
        return len(queries)

    before = count()
    bakery.photos = [
        BusinessPhoto(image=make_image(), alt_text=f"Foto {i}", sort_order=i) for i in range(6)
    ]
    bakery.opening_hours.add(
        *[OpeningHours(weekday=d, opens=time(8), closes=time(9)) for d in range(7)]
    )

    bakery.languages = list(Language.objects.all()[:8])
    bakery.links = [
        BusinessLink(service=s, url=f"https://{h}/x")
        for s, h in (("facebook", "facebook.com"), ("x", "x.com"))
    ]
    bakery.special_days = [SpecialDay(date=date(2099, 1, d), closed=True) for d in range(1, 6)]
    bakery.save_revision().publish()
    assert count() == before


# Report outdated information ---------------------------------------------------------------------


def test_a_report_reaches_staff(client, bakery, moderator):
    response = client.post(
        "/wijken/lombok/bakkerij-yildiz/melden/",
        {
            "message": "Ze zijn verhuisd naar nummer 12.",
            "email": "buur@example.nl",
            "started": started(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/wijken/lombok/bakkerij-yildiz/?gemeld=1#melden"
    report = OutdatedInfoReport.objects.get()
    assert report.business == bakery and report.email == "buur@example.nl"
    assert [m.to for m in mail.outbox] == [["moderator@gemeente.nl"]]
    assert "Bakkerij Yıldız" in mail.outbox[0].subject
    assert "nummer 12" in mail.outbox[0].body
    thanks = page(client, response["Location"])
    assert "Dank je wel" in thanks.select_one("#melden").get_text()


def test_report_errors_keep_what_was_typed(client, bakery):
    response = client.post(
        "/wijken/lombok/bakkerij-yildiz/melden/",
        {"message": "", "email": "geen-adres", "started": started()},
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("#melding_email")["value"] == "geen-adres"
    assert html.select_one("#melding_email")["aria-invalid"] == "true"
    assert html.select_one("#melding_message_errors") is not None
    assert html.select_one("#melden details").has_attr("open")
    assert not OutdatedInfoReport.objects.exists()


def test_a_report_form_posts_once(client, bakery, admin_user):
    """The first report uses up the form's token: the same page sent again (a second click, a
    bot replaying it) is refused and keeps what was typed, with a new token to send it anyway."""
    url = "/wijken/lombok/bakkerij-yildiz/melden/"
    data = {"message": "Verhuisd naar nummer 12.", "email": "buur@example.nl", "started": started()}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 200
    html = BeautifulSoup(again.content, "html.parser")
    assert "al verstuurd" in html.select_one('#melden [role="alert"]').get_text()
    assert html.select_one("#melding_message").get_text().strip() == data["message"]
    assert html.select_one("#melding_email")["value"] == data["email"]
    token = html.select_one("#melden [name=started]")["value"]
    assert token != data["started"]
    # Staff see the one report.
    staff = Client()
    staff.force_login(admin_user)
    listing = BeautifulSoup(
        staff.get(reverse("wagtailsnippets_businesses_outdatedinforeport:list")).content,
        "html.parser",
    )
    rows = listing.select("table.listing tbody tr")
    assert len(rows) == 1 and "Verhuisd naar nummer 12." in rows[0].get_text()
    # The new token sends it once more, as the person chose to.
    assert client.post(url, {**data, "started": token}).status_code == 302
    assert client.post(url, {**data, "started": token}).status_code == 200
    assert OutdatedInfoReport.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"website_url": "http://spam.example", "started": "ok"},  # honeypot filled in
        {"started": "forged"},  # no valid timestamp
        {"started": "too-fast"},  # sent within a second
    ],
)
def test_spam_is_refused(client, bakery, data):
    data = {**data, "message": "Goedkope pillen"}
    if data["started"] == "ok":
        data["started"] = started()
    elif data["started"] == "too-fast":
        data["started"] = started(seconds_ago=0)
    response = client.post("/wijken/lombok/bakkerij-yildiz/melden/", data)
    assert response.status_code == 200
    assert not OutdatedInfoReport.objects.exists()
    assert (
        BeautifulSoup(response.content, "html.parser").select_one('#melden [role="alert"]')
        is not None
    )


def test_reports_are_rate_limited(client, bakery):
    for number in range(5):
        response = client.post(
            "/wijken/lombok/bakkerij-yildiz/melden/",
            {"message": f"Melding {number}", "started": started()},
        )
        assert response.status_code == 302
    response = client.post(
        "/wijken/lombok/bakkerij-yildiz/melden/", {"message": "Nog één", "started": started()}
    )
    assert response.status_code == 200
    assert "over een uur" in response.content.decode()
    assert OutdatedInfoReport.objects.count() == 5


def test_report_needs_csrf(bakery):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/wijken/lombok/bakkerij-yildiz/melden/", {"message": "x", "started": started()}
    )
    assert response.status_code == 403


def test_reports_on_drafts_are_refused(client, make_business):
    make_business("Concept", live=False)
    response = client.post("/wijken/lombok/concept/melden/", {"message": "x", "started": started()})
    assert response.status_code == 404


def test_a_photo_missing_from_the_media_storage_does_not_break_the_profile(client, bakery):
    image = bakery.photos.first().image
    image.renditions.all().delete()
    image.file.storage.delete(image.file.name)
    html = page(client)
    assert html.h1.get_text(strip=True) == "Bakkerij Yıldız"
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert "image" not in data
