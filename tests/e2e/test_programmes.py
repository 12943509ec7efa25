"""A visitor filters the programmes and asks "Wat past bij mij?"; axe finds nothing."""

import pytest

from .conftest import axe_violations, save_screenshot

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


@pytest.mark.parametrize("width", [375, 1280])
def test_a_programme_says_when_it_meets_and_adds_it_to_an_agenda(demo_site, page, width):
    """The Netwerkavond meets every first Thursday: the page says so in words with the next
    date, in Dutch and Arabic (right to left), with agenda links big enough to tap; an
    open-ended programme offers no agenda at all."""
    from programmes.models import ProgrammePage

    netwerkavond = ProgrammePage.objects.get(
        title="Netwerkavond Ondernemen in Lombok", locale__language_code="nl"
    )
    arabic = ProgrammePage.objects.get(
        translation_key=netwerkavond.translation_key, locale__language_code="ar"
    )
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for language, programme in (("nl", netwerkavond), ("ar", arabic)):
        page.goto(demo_site.url + programme.url)
        sessions = page.locator(".portal-session")
        assert sessions.count() == 1
        text = sessions.first.inner_text()
        assert "19:00" in text and "21:30" in text and "Kanaalstraat 12" in text
        moment = sessions.first.locator("time").get_attribute("datetime")
        assert len(moment) == 16 and moment.endswith("T19:00")
        for link in page.locator(".portal-session a, #in-je-agenda + ul a").all():
            box = link.bounding_box()
            assert box["height"] >= 24, (link.inner_text(), box)
        if language == "nl":
            assert "Elke eerste donderdag van de maand" in text
        else:
            assert page.locator("html").get_attribute("dir") == "rtl"
        found[language] = axe_violations(page)
        save_screenshot(page, f"programma-bijeenkomsten-{language}-{width}")
    # The list's card says it compactly.
    page.goto(demo_site.url + "/programmas/?q=Netwerkavond")
    card = page.locator(".portal-programme-card", has_text="Netwerkavond").first
    assert "Elke eerste donderdag van de maand" in card.inner_text()
    assert card.locator("time").get_attribute("datetime").endswith("T19:00")
    found["lijst"] = axe_violations(page)
    save_screenshot(page, f"programmas-bijeenkomst-{width}")
    open_ended = ProgrammePage.objects.get(
        title="Microkrediet voor starters", locale__language_code="nl"
    )
    page.goto(demo_site.url + open_ended.url)
    assert page.locator("#in-je-agenda").count() == 0
    assert page.locator("a[href*='calendar.google.com'], a[href$='/agenda/']").count() == 0
    assert found == {language: [] for language in found}
