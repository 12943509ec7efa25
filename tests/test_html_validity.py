"""Every key page is valid HTML by the W3C's own checker (the Nu Html Checker, vnu-jar from npm,
run on the machine's Java): the pages are rendered with the test client on the whole demo, written
to a folder, and checked in one run of the checker (one JVM start for all of them).

Without Java or the jar this fails, never skips: `make test` installs both (npm ci; Java in
scripts/with-opensearch.sh)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from businesses.models import Business, NeighbourhoodIndexPage, NeighbourhoodPage
from programmes.models import ProgrammeIndexPage, ProgrammePage

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def key_paths():
    business = (
        Business.objects.filter(live=True, neighbourhood__slug="lombok")
        .select_related("neighbourhood")
        .order_by("pk")
        .first()
    )
    profile = f"{business.neighbourhood.url}{business.slug}/"
    programme = ProgrammePage.objects.live().filter(locale__language_code="nl").first()
    paths = [
        "/",
        "/wijken/",
        "/wijken/lombok/",
        "/ondernemers/",
        "/ondernemers/?q=bakker",
        profile,
        "/programmas/",
        programme.url,
        "/zoeken/?q=brood",
        "/account/signup/",
        "/account/login/",
        "/open-data/",
    ]
    for language in ("ar", "en"):
        lombok = NeighbourhoodPage.objects.live().get(slug="lombok", locale__language_code=language)
        index = NeighbourhoodIndexPage.objects.live().get(locale__language_code=language)
        programmes = ProgrammeIndexPage.objects.live().get(locale__language_code=language)
        paths += [
            f"/{language}/",
            index.url,
            lombok.url,
            f"{lombok.url}{business.slug}/",
            f"/{language}/ondernemers/?q=bakker",
            programmes.url,
            f"/{language}/account/signup/",
        ]
    english = ProgrammePage.objects.live().filter(locale__language_code="en").first()
    return [*paths, english.url]


def checker():
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is not installed: the HTML checker (vnu.jar) needs Java 11 or later")
    if not JAR.exists():
        pytest.fail(f"{JAR.relative_to(ROOT)} is missing: run `npm ci` (or `make test`)")
    return [java, "-Xss4m", "-jar", str(JAR)]


# A page the checker must fault, checked with the others: a checker that read nothing, or
# answered nothing, cannot pass the test.
BROKEN = (
    '<!DOCTYPE html><html lang="nl"><head><title>x</title></head>'
    '<body><input autocomplete="nope"></body></html>'
)


def test_key_pages_are_valid_html(client, full_demo, tmp_path):
    command = checker()
    pages = {"control.html": "(the checker's control page)"}
    (tmp_path / "control.html").write_text(BROKEN)
    paths = list(key_paths())
    assert paths
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code == 200, path
        name = f"page-{number:02}.html"
        (tmp_path / name).write_bytes(response.content)
        pages[name] = path
    run = subprocess.run(
        [*command, "--errors-only", "--format", "json", *(str(tmp_path / n) for n in pages)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        messages = json.loads(run.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the checker did not answer in JSON (exit {run.returncode}):\n{run.stderr}")
    errors = {}
    for message in messages:
        # "url" is file:/tmp/.../page-03.html
        page = pages.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        extract = " ".join(message.get("extract", "").split())
        errors.setdefault(page, []).append(
            f"  line {message.get('lastLine', '?')}: {message.get('message')}  [{extract}]"
        )
    assert errors.pop(pages["control.html"], None), f"the checker missed a known error: {run}"
    report = "\n".join(f"{page}\n" + "\n".join(lines) for page, lines in errors.items())
    assert not errors, f"the W3C HTML checker found errors in {len(errors)} pages:\n{report}"
