"""Phones first (issue 17): at 375 × 667 px the first result of the neighbourhood, directory and
programme lists is on the first screen, the filters wait in a disclosure that says how many are
active, a filter lands on the results, and a business profile shows how to call and get there
before the week's opening hours. The directory is found from the header of every page."""

import pytest

from tests.e2e.conftest import axe_violations, save_screenshot

# As every browser test: a test without serialized_rollback flushes with post_migrate, which
# makes the content types again, and the next test's restore of the demo then adds them twice.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 375, "height": 667}
LISTS = [
    ("wijken-lombok", "/wijken/lombok/", ".portal-business-card"),
    ("ondernemers", "/ondernemers/", ".portal-directory-card"),
    ("programmas", "/programmas/", ".portal-programme-list > li"),
]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    yield page
    # Nothing still on its way to the live server (a late request would meet the next test's
    # database reset).
    page.wait_for_load_state("networkidle")


def top(locator):
    return locator.evaluate("element => element.getBoundingClientRect().top")


def test_phones_first(demo_site, phone):
    first_result_on_the_first_screen(demo_site.url, phone)
    filters_count_and_land_on_the_results(demo_site.url, phone)
    header_search_goes_to_the_directory(demo_site.url, phone)
    profile_call_and_route_above_the_hours(demo_site.url, phone)


def first_result_on_the_first_screen(base, phone):
    problems = {}
    for language in ("nl", "ar"):
        prefix = "" if language == "nl" else f"/{language}"
        for name, path, card in LISTS:
            phone.goto(base + prefix + path)
            wrong = []
            first = phone.locator(card).first
            disclosure = phone.locator("details.portal-filter-disclosure")
            if not first.count() or disclosure.count() != 1:
                wrong.append("no result or no filter disclosure")
            else:
                if top(first) >= PHONE["height"]:
                    wrong.append(f"first result at {top(first)} px")
                if disclosure.get_attribute("open") is not None:
                    wrong.append("the filters are open")  # closed: one line above the results
                if top(disclosure) >= top(first):
                    wrong.append("the filters are not above the results")
            save_screenshot(phone, f"phones-first-{name}-{language}")
            wrong += axe_violations(phone)
            problems[prefix + path] = wrong
    assert problems == {path: [] for path in problems}


def filters_count_and_land_on_the_results(base, phone):
    phone.goto(base + "/wijken/lombok/")
    summary = phone.locator(".portal-filter-disclosure__summary")
    assert summary.inner_text().strip() == "Filters"
    summary.click()  # opens the disclosure, no JavaScript of ours involved
    phone.locator("#filter-open-nu").check()
    phone.locator("#filter-taal-tr").check()
    phone.locator(".portal-filters button[type=submit]").click()
    phone.wait_for_url("**taal=tr**")
    assert phone.url.endswith("#resultaten")
    assert "Filters (2 actief)" in summary.inner_text()
    # The page scrolled to the results: they start at the top of the screen.
    results = phone.locator("#resultaten")
    assert abs(top(results)) < 5
    save_screenshot(phone, "phones-first-wijken-lombok-gefilterd")
    assert axe_violations(phone) == []

    phone.goto(base + "/ondernemers/?wijk=lombok&taal=tr&taal=nl&sector=onbekend")
    assert "Filters (4 actief)" in phone.locator(".portal-filter-disclosure__summary").inner_text()
    phone.goto(base + "/programmas/?gratis=1")
    assert "Filters (1 actief)" in phone.locator(".portal-filter-disclosure__summary").inner_text()


def header_search_goes_to_the_directory(base, phone):
    phone.goto(base + "/ar/wijken/lombok/")
    search = phone.locator("header form[role=search]")
    assert search.get_attribute("aria-label")
    search.get_by_role("searchbox").fill("bakkerij")
    search.get_by_role("button").click()
    phone.wait_for_url("**/ar/ondernemers/?q=bakkerij#resultaten")
    assert phone.locator(".portal-directory-card").count() > 0
    # The header never carries the query (pages are cached): the directory has its own field.
    assert phone.locator("#kop-zoek").count() == 0
    assert phone.locator("#zoek-q").input_value() == "bakkerij"
    phone.goto(base + "/ar/programmas/")
    assert phone.locator("#kop-zoek").input_value() == ""

    # The main menu (demo data) and the home page lead to the directory, in the visitor's language.
    phone.goto(base + "/ar/")
    assert phone.locator("nav.portal-nav a[href='/ar/ondernemers/']").count() == 1
    phone.goto(base + "/")
    assert phone.locator("nav.portal-nav a[href='/ondernemers/']").count() == 1
    home_search = phone.locator("section.portal-home-search")
    assert home_search.get_by_role("heading").inner_text() == "Zoek een ondernemer"
    home_search.get_by_label("Wat zoek je?").fill("kapper")
    home_search.get_by_role("button", name="Zoeken").click()
    phone.wait_for_url("**/ondernemers/?q=kapper#resultaten")

    # A neighbourhood leads into the directory, filtered on itself.
    phone.goto(base + "/wijken/lombok/")
    phone.get_by_role("link", name="Zoek in alle ondernemers van Lombok").click()
    phone.wait_for_url("**/ondernemers/?wijk=lombok")
    cards = phone.locator(".portal-directory-card")
    assert cards.count() > 0
    for index in range(cards.count()):
        assert "Lombok" in cards.nth(index).locator(".portal-meta").inner_text()
    assert "Filters (1 actief)" in phone.locator(".portal-filter-disclosure__summary").inner_text()


def profile_call_and_route_above_the_hours(base, phone):
    from businesses.models import Business

    business = (
        Business.objects.filter(live=True, latitude__isnull=False)
        .exclude(phone="")
        .order_by("pk")
        .first()
    )
    profile = f"{business.neighbourhood.url}{business.slug}/"
    for language in ("nl", "ar"):
        prefix = "" if language == "nl" else f"/{language}"
        phone.goto(base + prefix + profile)
        check_profile(phone, business, language)


def check_profile(phone, business, language):
    call = phone.locator("a.portal-quick-actions__call")
    route = phone.locator("a.portal-quick-actions__route")
    hours = phone.locator(".portal-hours").first
    assert call.get_attribute("href") == f"tel:{business.phone}"
    assert route.get_attribute("href") == (
        f"https://www.openstreetmap.org/directions?to={business.latitude}%2C{business.longitude}"
    )
    assert top(call) + call.bounding_box()["height"] <= PHONE["height"]
    assert top(call) < top(hours) and top(route) < top(hours)
    quick = phone.locator(".portal-quick-contact")
    assert business.postcode in quick.inner_text()
    save_screenshot(phone, f"phones-first-profiel-{language}")
    assert axe_violations(phone) == []
