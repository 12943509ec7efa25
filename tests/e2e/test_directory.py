"""A visitor searches the directory by text, filters by neighbourhood and language, by keyboard;
axe finds nothing on the way."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_search_and_filter_the_directory(demo_site, page):
    found = {}
    page.goto(demo_site.url + "/ondernemers/")
    found["ondernemers"] = axe_violations(page)
    everything = page.locator(".portal-directory-card").count()
    assert everything > 0

    page.get_by_label("Wat zoek je?").fill("bakkerij")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=bakkerij**")
    cards = page.locator(".portal-directory-card")
    assert cards.count() > 0
    for index in range(cards.count()):
        assert "akker" in cards.nth(index).inner_text().lower()
    found["ondernemers: tekst"] = axe_violations(page)

    # Open the filters (a closed disclosure), tick a neighbourhood and a language by keyboard,
    # then apply.
    page.locator(".portal-filter-disclosure__summary").focus()
    page.keyboard.press("Enter")
    wijk = page.locator(".portal-filters input[name=wijk]").first
    wijk_name = page.locator(f"label[for={wijk.get_attribute('id')}]").inner_text().split(" (")[0]
    wijk.focus()
    page.keyboard.press("Space")
    # Every bakery speaks Dutch: "Nederlands" would narrow nothing, so it is not offered.
    assert page.locator(".portal-filters input[name=taal][value=nl]").count() == 0
    taal = page.locator(".portal-filters input[name=taal]").first
    language = taal.get_attribute("value")
    taal.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**wijk=**")
    assert f"taal={language}" in page.url and "q=bakkerij" in page.url
    filtered = page.locator(".portal-directory-card")
    assert filtered.count() > 0
    for index in range(filtered.count()):
        assert wijk_name in filtered.nth(index).locator(".portal-meta").inner_text()
    assert page.locator(".portal-filters input[name=wijk]:checked").count() == 1
    found["ondernemers: gefilterd"] = axe_violations(page)

    # Suggestions come from the API while typing.
    page.get_by_label("Wat zoek je?").fill("Bak")
    page.locator("#zoek-suggesties option").first.wait_for(state="attached")
    assert (
        page.locator("#zoek-suggesties option")
        .first.get_attribute("value")
        .lower()
        .startswith("bak")
    )
    assert found == {name: [] for name in found}
