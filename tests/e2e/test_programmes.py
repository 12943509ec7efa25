"""A visitor filters the programmes and asks "Wat past bij mij?"; axe finds nothing."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_filter_programmes_and_find_what_fits(demo_site, page):
    found = {}
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Programma's en regelingen").first.click()
    page.wait_for_url("**/programmas/")
    found["index"] = axe_violations(page)
    everything = page.locator(".portal-programme-card").count()
    assert everything > 0

    # Open the filters (a closed disclosure), tick "Creativiteit" and "Gratis" by keyboard, then
    # send the form.
    page.locator(".portal-filter-disclosure__summary").focus()
    page.keyboard.press("Enter")
    for box in ("#filter-categorie-creativiteit", "#filter-gratis-1"):
        page.locator(box).focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**categorie=creativiteit**")
    cards = page.locator(".portal-programme-card")
    assert 0 < cards.count() < everything
    for index in range(cards.count()):
        text = cards.nth(index).inner_text()
        assert "Creativiteit" in text and "Gratis" in text
    # The filters are folded away again after filtering: read the count as it is written.
    count = page.locator("label[for=filter-categorie-creativiteit] .portal-count").text_content()
    assert count.strip() == f"({cards.count()})"
    found["index gefilterd"] = axe_violations(page)

    cards.first.locator("h3 a").click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    found["programma"] = axe_violations(page)

    # The questionnaire: first without an answer (errors), then answered.
    page.get_by_role("link", name="Kijk welke programma's bij jou passen").click()
    page.wait_for_load_state()
    found["vragenlijst"] = axe_violations(page)
    page.get_by_label("In welke taal leer je het liefst?").select_option("tr")
    page.get_by_role("button", name="Laat zien wat past").click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert page.get_by_label("In welke taal leer je het liefst?").input_value() == "tr"
    found["vragenlijst met fouten"] = axe_violations(page)
    page.get_by_label("Net begonnen").check()
    page.get_by_label("Creativiteit").check()
    page.get_by_role("button", name="Laat zien wat past").click()
    page.wait_for_load_state()
    results = page.locator(".portal-results .portal-programme-card")
    assert results.count() > 0
    assert "Waarom dit past" in results.first.inner_text()
    found["vragenlijst met uitkomst"] = axe_violations(page)

    page.goto(demo_site.url + "/programmas/?archief=1")
    found["archief"] = axe_violations(page)
    assert found == {name: [] for name in found}
