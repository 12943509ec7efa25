"""Arabic (right to left) and Turkish pages on a phone and a desktop: the right lang and dir,
a mirrored layout, nothing wider than the screen, no axe violations, and the keyboard order.

Full-page screenshots of every page and width are kept in ARTEFACTS_DIR/screenshots/.
"""

import pytest
from bs4 import BeautifulSoup

from .conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The Dutch pages, and what shows it is that page; each is opened in the other language through
# its language switch link, so the test follows whatever URL the translated (or not yet
# translated) page has.
PAGES = {
    "home": ("/", ".portal-hero"),
    "wijk": ("/wijken/lombok/", ".portal-business-card"),
    "profiel": ("/wijken/lombok/bakkerij-yildiz/", ".portal-profile"),
    "programma": ("/programmas/pop-up-winkel-in-een-leeg-pand/", ".portal-programme"),
    "ondernemers": ("/ondernemers/", ".portal-directory-card"),
}
PHONE, DESKTOP = 375, 1280

# Elements that stick out of the viewport sideways, except inside an element that clips or
# scrolls them (a table in its scroll container, the map's tiles).
STICKING_OUT = """() => {
    const width = document.documentElement.clientWidth;
    const contained = (element) => {
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== "visible") return true;
        }
        return false;
    };
    const out = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (!box.width || !box.height || (box.left >= -1 && box.right <= width + 1)) continue;
        if (contained(element)) continue;
        out.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 8)};
}"""

FOCUS_VISIBLE = """(element) => {
    const style = getComputedStyle(element);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== "none";
}"""


def language_urls(page, base, code):
    """{name: path} of PAGES in the language `code`, read from the Dutch pages' switch."""
    urls = {}
    for name, (path, _selector) in PAGES.items():
        html = BeautifulSoup(page.request.get(base + path).text(), "html.parser")
        urls[name] = html.select_one(f".utrecht-alternate-lang-nav a[hreflang={code}]")["href"]
    return urls


def check_pages(browser, base, code, direction, widths):
    """Open every page at every width; return what is wrong, per page and width."""
    problems = {}
    urls = None
    for width in widths:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        urls = urls or language_urls(page, base, code)
        for name, path in urls.items():
            response = page.goto(base + path)
            wrong = []
            if response.status != 200:
                wrong.append(f"status {response.status}")
            if not page.locator(PAGES[name][1]).count():
                wrong.append(f"not the {name} page")
            html = page.locator("html")
            if (html.get_attribute("lang"), html.get_attribute("dir")) != (code, direction):
                wrong.append(f"lang/dir {html.get_attribute('lang')}/{html.get_attribute('dir')}")
            overflow = page.evaluate(STICKING_OUT)
            if overflow["scroll"] > width or overflow["out"]:
                wrong.append(f"wider than {width}px: {overflow}")
            if width == DESKTOP:
                # The layout mirrors: the brand at the start of the header, the tools at its end.
                brand = page.locator(".portal-brand").bounding_box()
                tools = page.locator(".portal-header__tools").bounding_box()
                if (brand["x"] > tools["x"]) != (direction == "rtl"):
                    wrong.append("header not mirrored")
            wrong += axe_violations(page)
            save_screenshot(page, f"{code}-{name}-{width}")
            problems[f"{name} {width}px ({path})"] = wrong
        context.close()
    return problems


def test_arabic_pages_mirror_fit_a_phone_and_pass_axe(demo_site, browser):
    problems = check_pages(browser, demo_site.url, "ar", "rtl", (PHONE, DESKTOP))
    assert problems == {name: [] for name in problems}


def test_turkish_pages_fit_a_phone_and_pass_axe(demo_site, browser):
    problems = check_pages(browser, demo_site.url, "tr", "ltr", (PHONE, DESKTOP))
    assert problems == {name: [] for name in problems}


def test_arabic_profile_keeps_numbers_and_the_map_left_to_right(demo_site, page):
    page.goto(demo_site.url + PAGES["profiel"][0])
    page.locator(".utrecht-alternate-lang-nav a[hreflang=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    direction = "el => getComputedStyle(el).direction"
    # Phone numbers and opening hours read as written ("030 123 45 67", "09:00–18:00"), the
    # map's tiles and buttons keep their places; the page around them runs right to left.
    assert page.locator(".portal-contact-list a[href^='tel:']").evaluate(direction) == "ltr"
    hours = page.locator(".portal-hours td bdi")
    assert hours.count() > 0 and hours.first.evaluate(direction) == "ltr"
    assert page.locator(".portal-map__canvas").evaluate(direction) == "ltr"
    assert page.locator(".portal-profile__main").evaluate(direction) == "rtl"
    # The breadcrumb runs from the right: the neighbourhood list first, then the neighbourhood.
    crumbs = page.locator(".portal-breadcrumb li")
    assert crumbs.nth(0).bounding_box()["x"] > crumbs.nth(1).bounding_box()["x"]


def test_arabic_home_page_by_keyboard(demo_site, page):
    page.goto(demo_site.url + "/ar/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".utrecht-skip-link")
    assert page.evaluate("document.activeElement.classList.contains('utrecht-skip-link')")
    assert skip_link.is_visible() and skip_link.evaluate(FOCUS_VISIBLE)
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["x"] + box["width"] > 640  # at the start of the line: right
    # On through the header, every stop visibly focused, until the language switch.
    for _stop in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        assert focused.evaluate(FOCUS_VISIBLE), focused.evaluate("el => el.outerHTML")
        assert focused.evaluate("el => el.closest('header') !== null")
        if focused.evaluate("el => el.closest('.utrecht-alternate-lang-nav') !== null"):
            break
    else:
        pytest.fail("Tab never reached the language switch")
    # Each language is named in its own script, marked with its language and direction.
    switch = page.locator(".utrecht-alternate-lang-nav")
    assert switch.locator("[lang=ar]").inner_text() == "العربية"
    assert switch.locator("[lang=ar]").get_attribute("dir") == "rtl"
    turkish = switch.locator("a[hreflang=tr]")
    assert (turkish.inner_text(), turkish.get_attribute("dir")) == ("Türkçe", "ltr")
    turkish.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/tr/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("tr", "ltr")
