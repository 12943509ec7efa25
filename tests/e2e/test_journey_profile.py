"""An owner's new profile reaches visitors: what the owner types is read back on each next
person's page — the owner's check step, the staff's preview in the admin (the dashboard's link
and the live preview beside the form), and the visitor's neighbourhood page, map, directory and
search by distance. Never through the ORM.

At 375 and 1280 px, in Dutch and in Arabic (the owner's pages and the visitor's; the admin is
the staff's, in Dutch), with screenshots of each hand-over in test-artefacts/screenshots/.
"""

import json

import pytest
from django.utils import translation

from businesses.models import Language, Sector
from tests.conftest import PASSWORD
from tests.helpers import image_bytes
from tests.pdok import point_for

from .conftest import admin_log_in, axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAME = "Lokanta Deniz"
EMAIL = "deniz@example.nl"
# The address as the owner types it; the visitor sees it written the Dutch way.
STREET, NUMBER, TYPED_POSTCODE, POSTCODE = "Damstraat", "41", "3531bt", "3531 BT"


def step(page, prefix, name):
    page.wait_for_url(f"**{prefix}/mijn-bedrijf/profiel/*/{name}/")


def next_step(page):
    page.locator(".portal-step-buttons button[type=submit]:not([name])").click()
    page.wait_for_load_state()


def text_of(page, selector):
    return " ".join(page.locator(selector).inner_text().split())


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_new_profile_reaches_the_visitors(
    demo_site, browser, fake_pdok, make_user, tmp_path, width, language
):
    prefix = "" if language == "nl" else f"/{language}"
    shots = f"journey-profile-{language}-{width}"
    photo = tmp_path / "zaak.jpg"
    photo.write_bytes(image_bytes(size=(800, 600)))
    make_user(EMAIL)
    restaurant = Sector.objects.get(slug="restaurant")
    turkish = Language.objects.get(code="tr")
    axe = {}

    owner = browser.new_context(
        locale=language, viewport={"width": width, "height": 800}, is_mobile=width < 600
    ).new_page()

    def check_axe(page):
        axe[page.url] = axe_violations(page)

    # The owner logs in and creates the profile.
    owner.goto(f"{demo_site.url}{prefix}/account/login/")
    owner.locator("#id_login").fill(EMAIL)
    owner.locator("#id_password").fill(PASSWORD)
    owner.locator("main form button[type=submit]").click()
    owner.wait_for_url(f"**{prefix}/mijn-bedrijf/")
    owner.locator(f"form[action='{prefix}/mijn-bedrijf/nieuw/'] button").click()

    step(owner, prefix, "basis")
    owner.locator("#id_name").fill(NAME)
    owner.locator("#id_neighbourhood").select_option(label="Lombok")
    owner.locator("#id_tagline").fill("Huisgemaakte Turkse gerechten")
    owner.locator("#id_phone").fill("0301234567")
    owner.locator("#id_email").fill("info@lokanta.nl")
    owner.locator("#id_kvk_number").fill("1234 5678")
    next_step(owner)

    step(owner, prefix, "adres")
    owner.locator("#id_street").fill(STREET)
    owner.locator("#id_house_number").fill(NUMBER)
    owner.locator("#id_postcode").fill(TYPED_POSTCODE)
    next_step(owner)

    # The pin is found through the (local) PDOK Locatieserver and shown in words.
    step(owner, prefix, "locatie")
    latitude, longitude = point_for(POSTCODE, NUMBER)
    assert f"{latitude:.4f}" in text_of(owner, "#locatie-uitleg")
    check_axe(owner)
    next_step(owner)

    # Monday's hours, Tuesday to Friday "the same", Saturday its own, Sunday closed.
    step(owner, prefix, "openingstijden")
    assert not owner.locator("#id_day2_opens_1").is_visible()  # "the same": nothing to fill in
    owner.locator("#id_day0_opens_1").fill("11:00")
    owner.locator("#id_day0_closes_1").fill("22:00")
    owner.locator("#id_day5_opens_1").fill("12:00")
    owner.locator("#id_day5_closes_1").fill("23:00")
    owner.locator("#id_day6_closed").check()
    assert not owner.locator("#id_day6_opens_1").is_visible()
    check_axe(owner)
    save_screenshot(owner, f"{shots}-1-hours")
    next_step(owner)

    step(owner, prefix, "sector-talen")
    owner.locator(f"input[name=sectors][value='{restaurant.pk}']").check()
    owner.locator(f"input[name=languages][value='{turkish.pk}']").check()
    next_step(owner)

    step(owner, prefix, "fotos")
    owner.locator("#id_photo").set_input_files(str(photo))
    owner.locator("#id_alt_text").fill("De eetzaal met zes tafels")
    owner.locator("button[name=add]").click()
    owner.wait_for_load_state()
    next_step(owner)

    step(owner, prefix, "verhaal")
    owner.locator("#id_story").fill("Mijn moeder kookte in Izmir; nu kook ik in Lombok.")
    next_step(owner)

    # The check step shows everything as it will be published.
    step(owner, prefix, "indienen")
    about = text_of(owner, "#controle-bedrijf")
    assert NAME in about and "030 123 4567" in about and "12345678" in about
    assert "info@lokanta.nl" in about
    assert f"{STREET} {NUMBER}, {POSTCODE} Utrecht" in text_of(owner, "#controle-adres")
    assert f"{latitude:.4f}" in text_of(owner, "#controle-adres")
    hours = owner.locator("#controle-openingstijden tbody tr td")
    assert [" ".join(hours.nth(day).inner_text().split()) for day in (0, 3, 5)] == [
        "11:00–22:00",
        "11:00–22:00",
        "12:00–23:00",
    ]
    with translation.override(language):
        assert turkish.name in text_of(owner, "#controle-sector-talen")
    assert "{'" not in owner.content()
    assert owner.get_by_role("img", name="De eetzaal met zes tafels").is_visible()
    assert "Izmir" in text_of(owner, "#controle-verhaal")
    check_axe(owner)
    save_screenshot(owner, f"{shots}-2-check")
    owner.locator("#id_consent").check()
    next_step(owner)
    owner.wait_for_url(f"**{prefix}/mijn-bedrijf/")
    # "Mijn bedrijf" says where it stands: sent in, waiting for the municipality's check.
    badge = owner.locator(".portal-my-businesses li", has_text=NAME).locator(
        ".utrecht-status-badge"
    )
    assert badge.get_attribute("data-status") == "submitted"
    assert badge.inner_text().strip()
    check_axe(owner)
    save_screenshot(owner, f"{shots}-2b-mijn-bedrijf")

    # Staff preview it from the dashboard, and beside the edit form, then approve.
    staff = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}).new_page()
    admin_log_in(staff, demo_site.url, "admin", "demo-wachtwoord-123")
    preview_url = staff.locator("a[href*='/workflow/preview/']").first.get_attribute("href")
    preview = staff.context.new_page()
    preview.goto(demo_site.url + preview_url)
    preview.wait_for_load_state()
    assert preview.locator("h1").inner_text() == NAME
    save_screenshot(preview, f"{shots}-3-staff-preview")
    preview.close()

    staff.get_by_role("link", name=NAME).first.click()
    staff.wait_for_load_state()
    staff.locator("[data-side-panel-toggle='preview']").click()
    frame = staff.frame_locator("#w-preview-iframe")
    assert frame.locator("h1").inner_text(timeout=15_000) == NAME
    save_screenshot(staff, f"{shots}-4-live-preview")
    staff.locator("[data-w-dropdown-target=toggle]").last.click()
    staff.get_by_role("button", name="Goedkeuren en publiceren").click()
    staff.wait_for_load_state()
    # The owner's "Mijn bedrijf" says it is online now.
    owner.reload()
    assert badge.get_attribute("data-status") == "published"
    save_screenshot(owner, f"{shots}-4b-mijn-bedrijf-online")

    # A visitor finds it: on the neighbourhood page and its map, in the directory, by distance.
    visitor = browser.new_context(
        locale=language, viewport={"width": width, "height": 800}, is_mobile=width < 600
    ).new_page()
    visitor.goto(f"{demo_site.url}{prefix}/wijken/lombok/?q=Lokanta")
    assert visitor.get_by_role("link", name=NAME).count() >= 1
    markers = json.loads(visitor.locator("#ondernemers-kaart").text_content())["markers"]
    assert NAME in [marker["name"] for marker in markers]
    check_axe(visitor)

    visitor.goto(f"{demo_site.url}{prefix}/ondernemers/?q=Lokanta+Deniz")
    assert visitor.get_by_role("link", name=NAME).count() >= 1
    near = f"{latitude + 0.001:.5f},{longitude:.5f}"
    visitor.goto(f"{demo_site.url}{prefix}/ondernemers/?bij={near}&straal=0.5&sort=afstand")
    first = visitor.locator(".portal-directory-list > li").first
    assert NAME in first.inner_text()
    check_axe(visitor)

    visitor.get_by_role("link", name=NAME).first.click()
    visitor.wait_for_load_state()
    assert visitor.locator("h1").inner_text() == NAME
    profile = " ".join(visitor.locator("main").inner_text().split())
    assert f"{POSTCODE} Utrecht" in profile and "030 123 4567" in profile
    assert visitor.get_by_role("img", name="De eetzaal met zes tafels").count() == 1
    check_axe(visitor)
    save_screenshot(visitor, f"{shots}-5-visitor-profile")

    assert axe == {url: [] for url in axe}
