"""Browser tests: Playwright for Python driving Debian's Chromium, never a downloaded browser.

The pages are served by pytest-django's live_server; axe-core comes from npm (node_modules).
"""

import json
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from tests.conftest import full_demo_rows

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Only the live server answers: map tiles and anything else outside fail at once instead of
    # waiting on a network the test machine may not have.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
# Screenshots and other files a browser test leaves for people to look at (gitignored).
ARTEFACTS_DIR = Path(
    os.environ.get("ARTEFACTS_DIR") or Path(__file__).resolve().parents[2] / "test-artefacts"
)
# WCAG 2.1 A and AA, plus axe's best practices (landmarks, headings, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def browser(transactional_db, monkeypatch):
    """Chromium for one test, started after the database is ready and stopped before it is reset.

    Playwright's sync API runs an asyncio loop in this thread while it is active, and Django's
    connections are then looked up per asyncio context: a browser kept across tests would make
    pytest-django reset the database through the wrong connection.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)")
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci`")
    from playwright.sync_api import sync_playwright

    # The ORM calls a test makes while Playwright's loop is active are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )
    yield page
    context.close()


def restore_demo_data():
    """The whole demo, and nothing else: every table emptied, then the rows of the demo made
    at the start of the session (tests/conftest.py) put back."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(full_demo_rows())
    # Rows came back with their own ids; move the id sequences past them (PostgreSQL).
    # Models without a table of their own (home.Insight only carries a permission) have none.
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]
    sql = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)
        # As load_demo_data does: statistics that know the tables are no longer empty.
        cursor.execute("ANALYZE")


@pytest.fixture
def demo_site(live_server, monkeypatch):
    """The full demo site (home pages, neighbourhoods, businesses) served by the live server."""
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "demo-wachtwoord-123")
    restore_demo_data()
    return live_server


def new_page(browser, width, locale="nl-NL"):
    """A page of its own (cookies, session) for one person of a journey, on a phone (375 px)
    or a desktop."""
    phone = width < 600
    context = browser.new_context(
        locale=locale, viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone
    )
    return context.new_page()


def admin_log_in(page, base, username, password):
    """Log in to the Wagtail admin as a member of staff; ends on its dashboard."""
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def axe_violations(page):
    """Run axe-core on the page and return its violations, each as a readable line."""
    # Evaluated through the browser's debugging protocol: the site's Content-Security-Policy
    # rightly refuses inline scripts, so a <script> tag would not run.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + json.dumps([node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]


def save_screenshot(page, name):
    """A full-page screenshot in ARTEFACTS_DIR/screenshots/<name>.png; returns its path."""
    path = ARTEFACTS_DIR / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
