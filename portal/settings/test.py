"""Settings for the test suite (pytest). DATABASE_URL may point at PostgreSQL."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="portal-test-media-"))
PRIVATE_MEDIA_ROOT = env.path(
    "PRIVATE_MEDIA_ROOT", default=tempfile.mkdtemp(prefix="portal-test-private-")
)
WAGTAILADMIN_BASE_URL = "http://testserver"

# The live server answers each request in its own thread: persistent connections would outlive
# those threads and keep sessions open on PostgreSQL while the test database is reset.
for _database in DATABASES.values():  # noqa: F405
    _database["CONN_MAX_AGE"] = 0

# Tests change content and read pages back within one transaction; the page cache has tests
# of its own (tests/home/test_page_cache.py) that turn it on.
PAGE_CACHE_SECONDS = 0

# No geocoding against the internet: the tests that need it start a local PDOK (the fixture
# `fake_pdok`, tests/pdok.py) and point this setting at it.
PDOK_LOCATIESERVER_URL = ""
PDOK_RETRY_SECONDS = (0.01, 0.01)

# The tests share two cores with OpenSearch's JVM: give the engine time before falling back
# (production keeps its 1 second, so the database answers when the engine is slow).
SEARCH_TIMEOUT = 5.0
