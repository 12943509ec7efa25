"""The front end takes its look from the NL Design System: its components (status badge, data
list, language switch) and its tokens. Colour values live in one file, portal/static/css/tokens.css,
as --portal-* custom properties that point at the Utrecht design tokens; every other stylesheet,
script and template of the portal refers to var(--portal-...) or var(--utrecht-...)."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.factories import BusinessFactory, NeighbourhoodFactory, NeighbourhoodIndexFactory

ROOT = Path(__file__).resolve().parent.parent
TOKENS = ROOT / "portal" / "static" / "css" / "tokens.css"
# Copies of node_modules (scripts/build-assets.mjs) are not ours to change.
VENDOR = ROOT / "portal" / "static" / "vendor"
# The favicon is an image on its own: a browser draws it without the page's stylesheets, so it
# cannot refer to a custom property.
FAVICON = ROOT / "portal" / "static" / "favicon.svg"
APPS = ("portal", "home", "businesses", "programmes", "search")
SUFFIXES = {".css", ".js", ".html", ".svg", ".txt"}

HEX = re.compile(r"(?<![\w&/-])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b(?![-\w])")
FUNCTION = re.compile(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(", re.IGNORECASE)
NAMED = re.compile(
    r"(?:\bcolor|\bfill|\bstroke|\bbackground(?:-color)?|\bborder(?:-[a-z-]+)?|\boutline)"
    r"""\s*[:=]\s*["']?\s*(?:[^;"'{}]*\s)?"""
    r"(?:white|black|red|green|blue|yellow|orange|purple|gr[ae]y|silver|navy|maroon|teal)\b",
    re.IGNORECASE,
)


def front_end_files():
    folders = [ROOT / "templates"]
    for app in APPS:
        folders += [ROOT / app / "static", ROOT / app / "templates"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if (
                path.suffix in SUFFIXES
                and path.is_file()
                and VENDOR not in path.parents
                and path not in (TOKENS, FAVICON)
            ):
                yield path


def colour_literals(text):
    for pattern in (HEX, FUNCTION, NAMED):
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            yield line, match.group(0)


def test_the_checker_finds_colours_and_leaves_other_hashes_alone():
    found = [
        literal
        for _line, literal in colour_literals(
            "a { color: #1e4620; border: 1px solid rgb(0 0 0); background: white; }\n"
            '<rect fill="#fff"/> L.geoJSON(x, { color: "#1f4e79" }) stroke: hsl(0 0% 0%);'
        )
    ]
    assert found == ["#1e4620", "#fff", "#1f4e79", "rgb(", "hsl(", "background: white"]
    harmless = (
        '<a href="{% url \'directory\' %}#resultaten">, href="#cafe-de-hoek", &#123;, '
        "white-space: nowrap; color: var(--portal-color-link); fill: currentColor;"
    )
    assert list(colour_literals(harmless)) == []


def test_no_colour_values_outside_the_tokens_file():
    files = list(front_end_files())
    assert ROOT / "portal" / "static" / "css" / "portal.css" in files
    assert ROOT / "home" / "static" / "home" / "css" / "charts.css" in files
    assert ROOT / "portal" / "static" / "js" / "map.js" in files
    assert ROOT / "templates" / "base.html" in files
    found = [
        f"{path.relative_to(ROOT)}:{line}: {literal}"
        for path in files
        for line, literal in colour_literals(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "colour values belong in portal/static/css/tokens.css:\n" + "\n".join(found)


def test_the_tokens_file_points_at_the_utrecht_tokens_and_is_loaded_first():
    tokens = TOKENS.read_text(encoding="utf-8")
    for line in tokens.splitlines():
        if re.match(r"\s*--portal-[\w-]+:", line):
            assert "var(--utrecht-" in line, line
    base = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    order = [base.index(name) for name in ("design-tokens.css", "tokens.css'", "portal.css")]
    assert order == sorted(order)
    # Every page that draws a chart loads the tokens before charts.css, the admin's report too.
    report = (ROOT / "home" / "templates" / "home" / "insight" / "report.html").read_text()
    assert report.index("css/tokens.css") < report.index("home/css/charts.css")
    # Every var(--portal-...) the front end uses is defined in the tokens file.
    defined = set(re.findall(r"(--portal-[\w-]+)\s*:", tokens))
    for path in front_end_files():
        text = path.read_text(encoding="utf-8")
        local = set(re.findall(r"(--portal-[\w-]+)\s*:", text))
        for name in re.findall(r"var\((--portal-[\w-]+)", text):
            assert name in defined | local, f"{path.relative_to(ROOT)}: {name}"


@pytest.fixture
def bakery(home):
    index = NeighbourhoodIndexFactory(parent=home)
    lombok = NeighbourhoodFactory(parent=index, title="Lombok")
    return BusinessFactory(
        name="Bakkerij Kleur",
        neighbourhood=lombok,
        hours=[(day, "09:00", "18:00") for day in range(7)],
        kvk_number="12345678",
        founded_year=1998,
    )


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_pages_use_the_nl_design_system_components(client, bakery, prefix):
    pages = {
        "home": html(client, prefix + "/"),
        "neighbourhood": html(client, "/wijken/lombok/"),
        "profile": html(client, "/wijken/lombok/bakkerij-kleur/"),
        "directory": html(client, prefix + "/ondernemers/"),
    }
    for name, page in pages.items():
        switch = page.select_one("nav.utrecht-alternate-lang-nav")
        assert switch is not None, name
        current = switch.select('a[aria-current="page"]')
        assert len(current) == 1 and current[0]["lang"] == page.html["lang"], name
        assert {link["hreflang"] for link in switch.select("a[hreflang]")} == {
            "nl",
            "en",
            "tr",
            "ar",
        }
        assert (
            page.select_one(".portal-language-switch, .portal-open-badge, .portal-status") is None
        )
    for name in ("neighbourhood", "profile"):
        badge = pages[name].select_one("main .utrecht-status-badge")
        assert badge is not None, name
        assert {"utrecht-status-badge--safe", "utrecht-status-badge--neutral"} & set(badge["class"])
        assert badge.get_text(strip=True).startswith(("Nu open", "Nu gesloten"))
    facts = pages["profile"].select("main dl.utrecht-data-list .utrecht-data-list__item")
    assert {
        item.select_one("dt.utrecht-data-list__item-key").get_text(strip=True): item.select_one(
            "dd.utrecht-data-list__item-value"
        ).get_text(strip=True)
        for item in facts
    } == {"Sinds": "1998", "KvK-nummer": "12345678"}
    # No hand-made colour in what the pages send either.
    for name, page in pages.items():
        styled = [tag for tag in page.select("[style]") if list(colour_literals(tag["style"]))]
        assert styled == [], name
