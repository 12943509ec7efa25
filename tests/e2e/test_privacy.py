"""An entrepreneur takes their data and leaves, in a real browser: the download holds their
profile and photos; the deletion page says what the municipality keeps (in Dutch and Arabic, on
a phone and a desktop); after deleting, the profile is offline and the staff's page for it
shows the business without the person."""

import json
import zipfile

import pytest

from businesses.models import Business
from tests.conftest import PASSWORD
from tests.helpers import image_bytes

from .conftest import admin_log_in, axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMAIL = "ondernemer@example.nl"
DEMO_PASSWORD = "demo-wachtwoord-123"


def log_in(page, base, email=EMAIL, password=DEMO_PASSWORD):
    page.goto(base + "/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-bedrijf/")


def test_an_entrepreneur_downloads_their_data_and_deletes_the_account(demo_site, browser, tmp_path):
    business = Business.objects.get(owner__email=EMAIL)
    business_email = business.email
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, demo_site.url)

    # The download: a ZIP with the data as JSON and the photos it names.
    page.goto(demo_site.url + "/account/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download mijn gegevens").click()
    path = tmp_path / "mijn-gegevens.zip"
    download.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("mijn-gegevens.json"))
        names = set(archive.namelist())
    [exported] = data["businesses"]["businesses"]
    assert exported["name"] == business.name and exported["email"] == business_email
    assert all(photo["file"] in names for photo in exported["photos"] if photo["file"])

    # The account page, on a phone and a desktop, in Dutch and Arabic; the name is changed
    # there by keyboard and shows at once, as the mentor will see it.
    for language, prefix in (("nl", ""), ("ar", "/ar")):
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{demo_site.url}{prefix}/account/")
            assert page.locator("html").get_attribute("lang") == language
            assert axe_violations(page) == []
            save_screenshot(page, f"account-{language}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site.url + "/account/")
    page.get_by_label("Je voornaam").fill("Samira")
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site.url + "/account/")
    assert "Je voornaam is opgeslagen." in page.locator(".portal-messages").inner_text()
    assert "Samira" in page.locator(".portal-facts").inner_text()
    save_screenshot(page, "account-naam-opgeslagen-nl-1280")

    # The deletion page says what stays, on a phone and a desktop, in Dutch and Arabic.
    for language, prefix in (("nl", ""), ("ar", "/ar")):
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{demo_site.url}{prefix}/account/verwijderen/")
            assert page.locator("html").get_attribute("lang") == language
            kept = page.locator("main li").filter(has_text=business.name)
            assert kept.count() == 1 and kept.first.is_visible()
            assert axe_violations(page) == []
            save_screenshot(page, f"account-verwijderen-{language}-{width}")

    # Delete, by keyboard: the password, the box, the button.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site.url + "/account/verwijderen/")
    page.get_by_label("Je wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_label("Ja, verwijder mijn account en mijn gegevens").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Verwijder mijn account").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site.url + "/")
    text = page.locator(".portal-messages").inner_text()
    assert "Je account en je gegevens zijn verwijderd." in text
    assert f"Van {business.name} bewaart de gemeente" in text
    save_screenshot(page, "account-verwijderd-nl-1280")

    # The profile is offline; the staff's page shows the business without the person.
    assert page.goto(f"{demo_site.url}{business.url}").status == 404
    admin = browser.new_context(locale="nl-NL").new_page()
    admin_log_in(admin, demo_site.url, "admin", DEMO_PASSWORD)
    admin.goto(f"{demo_site.url}/admin/snippets/businesses/business/edit/{business.pk}/")
    assert admin.locator("#id_name").input_value() == business.name
    assert admin.locator("#id_email").input_value() == ""
    assert business_email and business_email not in admin.content()
    context.close()


def test_a_stranger_cannot_open_someone_elses_draft_photo(demo_site, browser, make_user, tmp_path):
    """The photo of a profile in progress is shown to its owner: another entrepreneur's browser
    gets 'not found', in any language."""
    from businesses.models import ProfileDraft

    stranger = make_user("nour@example.nl")
    assert stranger.pk
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    log_in(page, demo_site.url)
    page.get_by_role("button", name="Nieuw bedrijfsprofiel maken").click()
    page.wait_for_url("**/basis/")
    draft = ProfileDraft.objects.get(owner__email=EMAIL, business__isnull=True)
    page.goto(f"{demo_site.url}/mijn-bedrijf/profiel/{draft.pk}/fotos/")
    path = tmp_path / "etalage.jpg"
    path.write_bytes(image_bytes(size=(640, 480)))
    page.get_by_label("Kies een foto").set_input_files(str(path))
    page.get_by_label("Wat staat er op de foto?").fill("De etalage")
    page.get_by_role("button", name="Foto toevoegen", exact=True).click()
    page.wait_for_load_state()
    image = page.get_by_role("img", name="De etalage")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 320
    src = image.get_attribute("src")
    # The owner sees it on the step, on a phone and a desktop, in Dutch and Arabic.
    for language, prefix in (("nl", ""), ("ar", "/ar")):
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{demo_site.url}{prefix}/mijn-bedrijf/profiel/{draft.pk}/fotos/")
            assert page.locator("html").get_attribute("lang") == language
            shown = page.locator(f'img[src="{prefix}{src}"], img[src="{src}"]').first
            assert shown.evaluate("img => img.complete && img.naturalWidth") == 320
            assert axe_violations(page) == []
            save_screenshot(page, f"foto-van-concept-{language}-{width}")

    other = browser.new_context(locale="nl-NL").new_page()
    log_in(other, demo_site.url, "nour@example.nl", PASSWORD)
    for prefix in ("", "/en", "/tr", "/ar"):
        assert other.goto(f"{demo_site.url}{prefix}{src}").status == 404
    context.close()
