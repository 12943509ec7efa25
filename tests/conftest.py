import io
import os

import pytest
from django.core.management import call_command
from django.db import connection as db_connection
from wagtail.models import Locale, Site

from search.opensearch import connection as engine
from tests.factories import PASSWORD  # noqa: F401 (tests import the password from here)
from tests.helpers import image_bytes


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` are about what only PostgreSQL does (kept connections,
    concurrent writers): the SQLite run leaves them out, the PostgreSQL run of `make test`
    has them. Left out, not skipped: nothing is skipped in CI."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    left_out = [item for item in items if item.get_closest_marker("postgresql")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


def load_demo_data(*options):
    """load_demo_data with the demo's admin password, and the environment left as it was."""
    given = os.environ.get("PORTAL_ADMIN_PASSWORD")
    os.environ["PORTAL_ADMIN_PASSWORD"] = "demo-wachtwoord-123"
    try:
        call_command("load_demo_data", *options, stdout=io.StringIO())
    finally:
        if given is None:
            del os.environ["PORTAL_ADMIN_PASSWORD"]
        else:
            os.environ["PORTAL_ADMIN_PASSWORD"] = given


def load_demo_home():
    """The home app's demo (home page, about, privacy and accessibility pages in every
    language, menus, footer), unless it is there already."""
    from home.models import PortalSettings

    if not PortalSettings.objects.filter(contact_email__gt="").exists():
        load_demo_data("--only", "home")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Most tests stand on the home app's demo, and making it takes seconds: it is made once
    per test database, after the migrations, and every test's transaction rolls back to it.
    (pytest-django runs the transactional tests last; they empty the database, and their
    `demo` makes it again.) The whole demo is made here too, once, and kept as rows for
    `full_demo` and the browser tests, before any test can have left anything behind."""
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        load_demo_home()
        with transaction.atomic():
            load_demo_data()
            _full_demo[connection.vendor] = connection.creation.serialize_db_to_string()
            transaction.set_rollback(True)


@pytest.fixture
def demo(db):
    """The demo site: home page, about/privacy/accessibility pages in every language."""
    load_demo_home()
    return Site.objects.get(is_default_site=True)


# The whole demo as serialized rows, per database vendor: made once per test process by
# load_demo_data (many seconds: images, revisions, translations, indexes; see django_db_setup),
# then restored. Its images stay in the process's MEDIA_ROOT: don't move it for these tests.
_full_demo = {}


def full_demo_rows():
    from django.db import connection

    return _full_demo[connection.vendor]


@pytest.fixture
def full_demo(db, monkeypatch):
    """The whole demo (neighbourhoods, businesses, programmes, mentors, in every language)."""
    from django.db import connection

    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "demo-wachtwoord-123")
    connection.creation.deserialize_db_from_string(full_demo_rows())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(demo):
    return demo.root_page.specific


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def fresh_state():
    """No test inherits another's rate-limit counters, cached pages or active language (a
    request to /en/ leaves English active in the thread, and reverse() would follow it)."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate("nl")
    yield
    cache.clear()
    translation.deactivate()


@pytest.fixture
def jpeg():
    """jpeg(name="foto.jpg", **image_bytes options) -> an uploaded JPEG file."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name="foto.jpg", **options):
        return SimpleUploadedFile(name, image_bytes(**options), content_type="image/jpeg")

    return make


@pytest.fixture
def make_user(db):
    """make_user(email, **fields) -> an active account with a verified e-mail address."""
    from tests.factories import UserFactory

    def make(email="amira@example.nl", **fields):
        return UserFactory(email=email, **fields)

    return make


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the cache's new version), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def page_cache_on(settings):
    """The whole-page cache, which the test settings turn off."""
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def entrepreneur(make_user):
    return make_user()


@pytest.fixture
def owner(client, entrepreneur):
    """A browser signed in as the entrepreneur."""
    client.force_login(entrepreneur)
    return client


@pytest.fixture
def moderator(db):
    from tests.factories import ModeratorFactory

    return ModeratorFactory(email="moderator@gemeente.nl")


@pytest.fixture
def moderator_client(moderator):
    from django.test import Client

    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def opensearch(settings):
    """The directory on the OpenSearch node that `make test` starts (scripts/with-opensearch.sh),
    in an index of its own per test worker and database. Without the node this fails, never skips."""
    url = os.environ.get("TEST_SEARCH_URL")
    if not url:
        pytest.fail(
            "TEST_SEARCH_URL is not set: run the tests with `make test` or scripts/with-opensearch.sh"
        )
    engine.client.cache_clear()
    settings.SEARCH_URL = url
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.SEARCH_INDEX = f"test-directory-{worker}-{db_connection.vendor}"
    yield engine
    engine.client.cache_clear()


@pytest.fixture
def fake_pdok(settings):
    """A local PDOK Locatieserver (tests/pdok.py) for this test, and the geocoder pointed at
    it: every address is found at `fake_pdok.point_for(postcode, house_number)` in Utrecht;
    `fake_pdok.answer_next(...)` scripts other answers. Works with live_server too (same
    process). Lookups run in tasks after the transaction commits: in tests with the `db`
    fixture, wrap requests in django_capture_on_commit_callbacks(execute=True)."""
    from tests.pdok import FakePdok

    with FakePdok() as server:
        settings.PDOK_LOCATIESERVER_URL = server.url
        yield server
