"""Every public page passes axe-core (WCAG 2.1 AA) and works by keyboard."""

import pytest

from .conftest import axe_violations

# The live server needs committed data; serialized_rollback restores what the migrations made
# (home page, site, groups) after each test truncates the tables.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC_PAGES = [
    "/",
    "/over-dit-portaal/",
    "/privacyverklaring/",
    "/toegankelijkheidsverklaring/",
    "/en/",
    "/en/about-this-portal/",
    "/deze-pagina-bestaat-niet/",
    "/wijken/",
    "/wijken/kanaleneiland/",
    "/wijken/kanaleneiland/?open_nu=1&sector=winkels",
    "/wijken/ondiep/restaurant-damascus/",
    "/en/neighbourhoods/ondiep/restaurant-damascus/",
    "/en/neighbourhoods/",
    "/en/neighbourhoods/zuilen/",
    "/zoeken/?q=privacy",
    "/en/zoeken/?q=privacy",
    "/en/ondernemers/?q=bakery",
    "/open-data/",
    "/en/open-data/",
]


def test_skip_link_moves_keyboard_focus_to_the_content(demo_site, page):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".utrecht-skip-link")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    assert skip_link.is_visible()
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24  # visible on focus, inside the viewport
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    assert page.url.endswith("#inhoud")
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_language_switch_works_by_keyboard(demo_site, page):
    page.goto(demo_site.url + "/over-dit-portaal/")
    page.locator("a[hreflang=en]").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/about-this-portal/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About this portal"


def test_public_pages_have_no_axe_violations(demo_site, page):
    # One browser session for all pages: restoring the demo data per page would cost more than
    # checking it.
    found = {}
    for path in PUBLIC_PAGES:
        response = page.goto(demo_site.url + path)
        assert response.status == (404 if "bestaat-niet" in path else 200), path
        assert page.locator("html").get_attribute("lang") in ("nl", "en"), path
        found[path] = axe_violations(page)
    assert found == {path: [] for path in PUBLIC_PAGES}
    # The scripts, styles and images of every page keep to the Content-Security-Policy.
    assert page.csp_violations == []


def test_home_page_has_no_axe_violations_on_a_phone(demo_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(demo_site.url + "/")
    assert axe_violations(page) == []
    # Nothing sticks out sideways on a small screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_axe_check_reports_real_violations(browser):
    """Guards the check above: a page with known faults must not pass."""
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><a href="/"></a></body></html>')
    found = {line.split(" ")[0] for line in axe_violations(page)}
    assert {"image-alt", "html-has-lang", "link-name"} <= found
    page.close()
