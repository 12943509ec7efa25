"""A visitor opens a neighbourhood, filters it by keyboard, opens a profile; axe finds nothing."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_filter_a_neighbourhood_and_open_a_profile(demo_site, page):
    page.goto(demo_site.url + "/wijken/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Lombok").click()
    page.wait_for_url("**/wijken/lombok/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(page) == []
    everything = page.locator(".portal-business-card").count()
    assert everything > 0

    # Open the filters (a closed disclosure), tick "Turks" by keyboard and send the form with Enter.
    page.locator(".portal-filter-disclosure__summary").focus()
    page.keyboard.press("Enter")
    turkish = page.locator("#filter-taal-tr")
    turkish.focus()
    page.keyboard.press("Space")
    assert turkish.is_checked()
    page.locator(".portal-filters button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**taal=tr**")
    cards = page.locator(".portal-business-card")
    assert 0 < cards.count() <= everything
    assert page.locator("#filter-taal-tr").is_checked()
    for index in range(cards.count()):
        assert "Türkçe" in cards.nth(index).inner_text()
    assert axe_violations(page) == []

    first = cards.first.locator("h3 a")
    name = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == name
    assert page.locator(".portal-hours tr[aria-current=date]").count() == 1
    assert page.locator(".portal-map__canvas").is_visible()  # the map script ran
    assert axe_violations(page) == []


def test_report_form_opens_by_keyboard_and_keeps_input_on_error(demo_site, page):
    page.goto(demo_site.url + "/wijken/lombok/bakkerij-yildiz/")
    page.locator("#melden summary").focus()
    page.keyboard.press("Enter")
    email = page.locator("#melding_email")
    assert email.is_visible()
    email.fill("geen-adres")
    page.locator("#melden button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#melding_email").input_value() == "geen-adres"
    assert page.locator("#melding_message_errors").is_visible()
    assert axe_violations(page) == []


def test_pages_work_without_javascript(demo_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site.url + "/wijken/lombok/?sector=eten-drinken")
    assert page.locator(".portal-business-card").count() > 0
    assert not page.locator(
        ".portal-map__canvas"
    ).is_visible()  # hidden; the list has the addresses
    assert (
        page.locator(".portal-business-card__address").count()
        == page.locator(".portal-business-card").count()
    )
    context.close()
