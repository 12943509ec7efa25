"""Staff manage businesses in the Wagtail admin: list, filter, edit, moderate, import, export."""

import io

import pytest
import tablib
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowContentType

from businesses.models import Business, OutdatedInfoReport

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_businesses_business:list"
IMPORT = "wagtailsnippets_businesses_business:import"
HEADER = "wijk,slug,naam,in_een_zin,straat,huisnummer,toevoeging,postcode,plaats,breedtegraad,lengtegraad,telefoon,email,website,kvk_nummer,opgericht,sectoren,talen,producten,openingstijden"


@pytest.fixture
def staff(client, home, admin_user):
    client.force_login(admin_user)
    return client


def test_business_list_filters_and_searches(staff, make_business, lombok):
    make_business("Bakkerij Yıldız", sectors=["bakkerij"])
    make_business("Kapsalon Amir", sectors=["kapper"], live=False)
    url = reverse(LIST)
    html = staff.get(url).content.decode()
    assert "Bakkerij Yıldız" in html and "Kapsalon Amir" in html
    html = staff.get(url, {"status": "draft"}).content.decode()
    assert "Kapsalon Amir" in html and "Bakkerij Yıldız" not in html
    from wagtail.models import Workflow

    waiting = make_business("Wacht Even", live=False)
    Workflow.objects.get(name="Goedkeuring door moderatoren").start(waiting, user=None)
    html = staff.get(url, {"status": "moderation"}).content.decode()
    assert "Wacht Even" in html and "Kapsalon Amir" not in html
    html = staff.get(url, {"q": "bakkerij"}).content.decode()
    assert "Bakkerij Yıldız" in html and "Kapsalon Amir" not in html
    assert staff.get(url, {"neighbourhood": lombok.pk, "sectors": 1}).status_code == 200


def test_edit_form_renders_with_all_tabs_and_the_map_picker(staff, make_business):
    business = make_business("Bakkerij Yıldız")
    response = staff.get(reverse("wagtailsnippets_businesses_business:edit", args=[business.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in (
        "Bedrijf en adres",
        "Verhaal en aanbod",
        "Openingstijden",
        "Foto&#x27;s",
        "Contact en meer",
    ):
        assert tab in html
    assert "data-coordinate-picker" in html and "coordinate-picker.js" in html


def test_businesses_go_through_the_moderation_workflow(make_business):
    assert (
        WorkflowContentType.objects.get(content_type__model="business").workflow.name
        == "Moderatie ondernemersprofielen"
    )
    business = make_business(live=False)
    assert business.get_workflow().name == "Moderatie ondernemersprofielen"


def test_bulk_publish_and_unpublish(staff, make_business):
    drafts = [make_business(f"Concept {n}", live=False) for n in range(3)]
    url = reverse("wagtail_bulk_action", args=["businesses", "business", "publish"])
    query = "&".join(f"id={b.pk}" for b in drafts)
    response = staff.post(f"{url}?{query}", {})
    assert response.status_code == 302
    assert Business.objects.filter(live=True).count() == 3
    url = reverse("wagtail_bulk_action", args=["businesses", "business", "unpublish"])
    staff.post(f"{url}?id={drafts[0].pk}", {})
    assert Business.objects.filter(live=True).count() == 2


def test_editors_cannot_publish_in_bulk(client, make_business, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("redacteur", password="x")
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)
    draft = make_business("Concept", live=False)
    url = reverse("wagtail_bulk_action", args=["businesses", "business", "publish"])
    client.post(f"{url}?id={draft.pk}", {})
    draft.refresh_from_db()
    assert not draft.live


def upload(staff, content, name="bedrijven.csv", **extra):
    return staff.post(reverse(IMPORT), {"file": SimpleUploadedFile(name, content), **extra})


def test_import_dry_run_shows_errors_per_row_and_saves_nothing(staff, lombok):
    csv = (
        "\n".join(
            [
                HEADER,
                "lombok,,Toko Nieuw,Kruiden,Kanaalstraat,12,,3531 CJ,Utrecht,52.091,5.096,030 123 4567,,,12345678,2001,supermarkt-toko,nl tr,rijst,ma 09:00-18:00",
                "lombok,,Fout Bedrijf,,Kanaalstraat,12,,ABC,Utrecht,48.85,2.35,,,,123,2001,onbekend,nl,,ma 9-17",
                "nergens,,Geen Wijk,,Damstraat,1,,3531 AB,Utrecht,,,,,,,,,,,",
            ]
        )
        .replace("nl tr", "nl,tr")
        .encode()
    )
    # The talen column of row 1 holds a comma, so quote it the way a spreadsheet would.
    csv = csv.replace(b"nl,tr,rijst", b'"nl,tr",rijst')
    response = upload(staff, csv)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = html.select("table.listing tbody tr")
    assert len(rows) == 3
    assert "nieuw" in rows[0].get_text()
    errors = rows[1].get_text(" ", strip=True)
    for column in ("postcode", "kvk_nummer", "breedtegraad", "sectoren", "openingstijden"):
        assert column in errors
    assert "Onbekende wijk" in rows[2].get_text()
    assert html.select_one('button[name="confirm"]') is None  # errors: nothing to confirm
    assert not Business.objects.exists()


def test_import_confirm_creates_drafts_with_revisions(staff, lombok):
    csv = (
        HEADER + "\n"
        'lombok,,Toko Nieuw,Kruiden,Kanaalstraat,12,,3531cj,,52.091,5.096,030 123 4567,,,12345678,2001,supermarkt-toko,"nl,tr","rijst,sambal","ma 09:00-18:00; za 10:00-16:00"\n'
    ).encode()
    preview = BeautifulSoup(upload(staff, csv).content, "html.parser")
    form = preview.select_one('button[name="confirm"]').find_parent("form")
    data = {field["name"]: field.get("value", "") for field in form.select("input")}
    assert not Business.objects.exists()  # the preview saved nothing
    response = staff.post(reverse(IMPORT), {**data, "confirm": "1"})
    assert response.status_code == 302
    business = Business.objects.get()
    assert (business.slug, business.postcode, business.live) == ("toko-nieuw", "3531 CJ", False)
    assert sorted(language.code for language in business.languages.all()) == ["nl", "tr"]
    assert sorted(tag.name for tag in business.products.all()) == ["rijst", "sambal"]
    assert [(h.weekday, str(h.opens)) for h in business.opening_hours.all()] == [
        (0, "09:00:00"),
        (5, "10:00:00"),
    ]
    assert business.revisions.count() == 1


def test_import_of_an_existing_business_becomes_a_draft_revision(staff, make_business):
    business = make_business("Bakkerij Yıldız", tagline="Oud")
    csv = (
        HEADER
        + "\nlombok,bakkerij-yildiz,Bakkerij Yıldız,Nieuw,Kanaalstraat,10,,3531 CJ,Utrecht,,,,,,,,,,,\n"
    ).encode()
    preview = BeautifulSoup(upload(staff, csv).content, "html.parser")
    assert "bijwerken" in preview.select_one("table.listing tbody tr").get_text()
    data = {
        f["name"]: f.get("value", "")
        for f in preview.select_one('button[name="confirm"]').find_parent("form").select("input")
    }
    staff.post(reverse(IMPORT), {**data, "confirm": "1"})
    business.refresh_from_db()
    assert business.tagline == "Oud"  # the live profile waits for a moderator
    assert business.has_unpublished_changes
    assert business.latest_revision.as_object().tagline == "Nieuw"


def test_import_refuses_unreadable_files(staff):
    assert "csv" in upload(staff, b"x", name="bedrijven.pdf").content.decode().lower()
    response = upload(staff, b"\xff\xfe\x00garbage", name="bedrijven.xlsx")
    assert response.status_code == 200
    assert "kunnen we niet lezen" in response.content.decode()


def test_export_can_be_imported_again_unchanged(staff, make_business):
    make_business(
        "Bakkerij Yıldız",
        sectors=["bakkerij"],
        languages=["tr", "nl"],
        hours=[(0, "09:00", "18:00"), (4, "18:00", "03:00")],
    )
    response = staff.get(reverse(LIST), {"export": "csv"})
    assert response.status_code == 200
    exported = response.content
    dataset = tablib.Dataset().load(exported.decode(), format="csv")
    assert dataset.dict[0]["openingstijden"].startswith("ma 09:00-18:00; di gesloten")
    assert dataset.dict[0]["sectoren"] == "bakkerij"
    preview = BeautifulSoup(upload(staff, exported).content, "html.parser")
    assert "bijwerken" in preview.select_one("table.listing tbody tr").get_text()
    assert not preview.select(".error-message")
    xlsx = staff.get(reverse(LIST), {"export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_report_list_for_staff(staff, make_business):
    business = make_business()
    OutdatedInfoReport.objects.create(business=business, message="Verhuisd")
    response = staff.get(reverse("wagtailsnippets_businesses_outdatedinforeport:list"))
    assert "Verhuisd" in response.content.decode()


def test_seed_bench_makes_published_businesses_with_relations(index):
    out = io.StringIO()
    call_command("seed_bench", businesses=250, neighbourhoods=3, stdout=out)
    assert Business.objects.filter(live=True).count() == 250
    business = Business.objects.first()
    assert (
        business.sectors.exists()
        and business.languages.exists()
        and business.opening_hours.exists()
    )
    assert "250 bedrijven" in out.getvalue()
    call_command("seed_bench", businesses=10, neighbourhoods=3, stdout=out)
    assert Business.objects.count() == 260


def test_reporters_address_is_erased_once_the_report_is_handled(make_business):
    report = OutdatedInfoReport.objects.create(
        business=make_business(), message="Verhuisd", email="buur@example.nl"
    )
    report.handled = True
    report.save()
    report.refresh_from_db()
    assert report.email == ""
