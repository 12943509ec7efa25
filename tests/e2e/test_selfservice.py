"""An entrepreneur's whole journey in a real browser: sign up, verify, create a profile with a
photo, submit; a moderator approves in the Wagtail admin; an edit waits for approval too."""

import re

import pytest
from django.core import mail

from tests.conftest import PASSWORD
from tests.helpers import image_bytes

from .conftest import admin_log_in, axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMAIL = "selin@example.nl"


def no_axe_violations(page, found):
    found[page.url.split("//", 1)[1].split("/", 1)[1]] = axe_violations(page)


def click_next(page):
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_load_state()


def test_the_whole_journey(demo_site, browser, tmp_path):
    photo = tmp_path / "etalage.jpg"
    photo.write_bytes(image_bytes(size=(800, 600)))
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    axe = {}

    # Sign up, on a phone.
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Account maken").first.click()
    page.wait_for_load_state()
    no_axe_violations(page, axe)
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account maken").click()
    page.wait_for_load_state()
    no_axe_violations(page, axe)

    # Open the verification mail from the test outbox and confirm.
    [message] = [m for m in mail.outbox if EMAIL in m.to]
    link = re.search(r"https?://\S+/account/confirm-email/\S+", message.body).group(0)
    page.goto(demo_site.url + "/account/" + link.split("/account/", 1)[1])
    no_axe_violations(page, axe)
    page.get_by_role("button", name="Bevestig").click()
    page.wait_for_url("**/mijn-bedrijf/")
    no_axe_violations(page, axe)

    # Create the profile, step by step.
    page.get_by_role("button", name="Nieuw bedrijfsprofiel maken").click()
    page.wait_for_url("**/basis/")
    no_axe_violations(page, axe)
    click_next(page)  # nothing filled in: errors, and the form stays
    assert page.locator("[aria-invalid=true]").count() >= 2
    no_axe_violations(page, axe)
    page.get_by_label("Naam van je bedrijf").fill("Kuaför Selin")
    page.get_by_label("In welke wijk zit je bedrijf?").select_option(label="Lombok")
    page.get_by_label("Telefoon").fill("06 12345678")
    page.get_by_label("Je bedrijf in één zin").fill("Knippen zonder afspraak")
    click_next(page)

    page.wait_for_url("**/adres/")
    no_axe_violations(page, axe)
    page.get_by_label("Straat").fill("Kanaalstraat")
    page.get_by_label("Huisnummer").fill("99")
    page.get_by_label("Postcode").fill("3531 CK")
    click_next(page)

    page.wait_for_url("**/locatie/")  # geocoding is off here: no pin yet, staff place it
    no_axe_violations(page, axe)
    click_next(page)

    page.wait_for_url("**/openingstijden/")
    no_axe_violations(page, axe)
    # Tuesday to Friday start "the same as the day before": Monday and Saturday are filled in.
    for day in (0, 5):
        page.locator(f"#id_day{day}_opens_1").fill("09:00")
        page.locator(f"#id_day{day}_closes_1").fill("18:00")
    page.locator("#id_day6_closed").check()
    click_next(page)

    page.wait_for_url("**/sector-talen/")
    no_axe_violations(page, axe)
    page.get_by_label("Kapper").check()
    page.get_by_label("Turks").check()
    page.get_by_label("Nederlands").check()
    click_next(page)

    page.wait_for_url("**/fotos/")
    no_axe_violations(page, axe)
    page.get_by_label("Kies een foto").set_input_files(str(photo))
    page.get_by_label("Wat staat er op de foto?").fill("De kapsalon van binnen")
    page.get_by_role("button", name="Foto toevoegen", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("img", name="De kapsalon van binnen").is_visible()
    no_axe_violations(page, axe)
    click_next(page)

    page.wait_for_url("**/verhaal/")
    no_axe_violations(page, axe)
    page.get_by_label("Jouw verhaal (niet verplicht)", exact=True).fill("Ik knip al twintig jaar.")
    page.get_by_label("Jouw verhaal in het Turks").fill("Yirmi yıldır saç kesiyorum.")
    click_next(page)

    page.wait_for_url("**/indienen/")
    no_axe_violations(page, axe)
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Indienen").click()
    page.wait_for_url("**/mijn-bedrijf/")
    assert "Ingediend, wacht op controle" in page.content()
    no_axe_violations(page, axe)

    # A moderator approves it in the Wagtail admin.
    admin = browser.new_context(locale="nl-NL").new_page()
    admin_log_in(admin, demo_site.url, "admin", "demo-wachtwoord-123")
    admin.get_by_role("link", name="Kuaför Selin").first.click()
    admin.wait_for_load_state()
    admin.locator("[data-w-dropdown-target=toggle]").last.click()
    admin.get_by_role("button", name="Goedkeuren en publiceren").click()
    admin.wait_for_load_state()

    page.goto(demo_site.url + "/wijken/lombok/kuafor-selin/")
    assert page.locator("h1").inner_text() == "Kuaför Selin"
    assert "Knippen zonder afspraak" in page.content()
    assert page.get_by_role("img", name="De kapsalon van binnen").count() == 1

    # The entrepreneur edits it; the live profile waits for approval.
    page.goto(demo_site.url + "/mijn-bedrijf/")
    assert "Gepubliceerd" in page.content()
    page.get_by_role("button", name="Profiel aanpassen").click()
    page.wait_for_url("**/basis/")
    page.get_by_label("Je bedrijf in één zin").fill("Nu ook baardverzorging")
    click_next(page)
    page.goto(page.url.replace("/adres/", "/indienen/"))
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Indienen").click()
    page.wait_for_url("**/mijn-bedrijf/")
    page.goto(demo_site.url + "/wijken/lombok/kuafor-selin/")
    assert "Knippen zonder afspraak" in page.content()
    assert "Nu ook baardverzorging" not in page.content()

    assert axe == {path: [] for path in axe}
    context.close()


ACCOUNT_PAGES = [
    "/account/",
    "/account/email/",
    "/account/password/change/",
    "/account/verwijderen/",
    "/mijn-bedrijf/",
    "/en/mijn-bedrijf/",
]
PUBLIC_FORMS = [
    "/account/login/",
    "/account/signup/",
    "/account/password/reset/",
    "/en/account/login/",
]


def test_account_and_claim_forms_have_no_axe_violations(demo_site, page):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from businesses.models import Business

    found = {}
    for path in PUBLIC_FORMS:
        page.goto(demo_site.url + path)
        found[path] = axe_violations(page)
        page.locator("main form button[type=submit]").first.click()  # empty: the errors show
        page.wait_for_load_state()
        found[path + " (fouten)"] = axe_violations(page)

    user = get_user_model().objects.create_user("selin", email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    page.goto(demo_site.url + "/account/login/")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-bedrijf/")
    for path in ACCOUNT_PAGES:
        page.goto(demo_site.url + path)
        assert page.locator("html").get_attribute("lang") in ("nl", "en"), path
        found[path] = axe_violations(page)

    business = Business.objects.filter(live=True).order_by("pk").first()
    page.goto(demo_site.url + business.url)
    page.get_by_role("link", name="Vraag aan om het profiel zelf bij te houden").click()
    page.wait_for_load_state()
    found["claim"] = axe_violations(page)
    page.get_by_label("KvK-nummer van het bedrijf").fill("123")
    page.get_by_role("button", name="Claim versturen").click()
    page.wait_for_load_state()
    assert page.get_by_label("KvK-nummer van het bedrijf").input_value() == "123"
    found["claim (fouten)"] = axe_violations(page)

    page.goto(demo_site.url + "/mijn-bedrijf/")
    page.get_by_role("button", name="Nieuw bedrijfsprofiel maken").click()
    page.wait_for_url("**/basis/")
    page.goto(page.url.replace("/basis/", "/fotos/"))
    page.get_by_role("button", name="Foto toevoegen", exact=True).click()
    page.wait_for_load_state()
    assert "Kies eerst een foto." in page.content()
    found["fotos (fouten)"] = axe_violations(page)
    page.goto(page.url.replace("/fotos/", "/indienen/"))
    page.get_by_role("button", name="Indienen").click()
    page.wait_for_load_state()
    found["indienen (fouten)"] = axe_violations(page)

    assert found == {path: [] for path in found}
