"""The reads of a request gathered into one round trip (portal/cache.py), over the in-process
cache with the same mixin as production's Redis cache: pages read as a visitor reads them stay
the same, changes show at once, and only keys under the content version (or Wagtail's stable
ones) are gathered."""

import re

import pytest
from django.core.cache import caches

from portal import cache as gather

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def gathered_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        "default": {"BACKEND": "portal.cache.LocMemGatheredCache", "LOCATION": "gathered"}
    }
    caches["default"].clear()
    gather._remembered.clear()
    yield caches["default"]
    gather._remembered.clear()


@pytest.fixture
def trips(gathered_cache, monkeypatch):
    """Round trips to the cache underneath: "get_many" (one MGET on Redis), and "get" for each
    key read on its own (the in-process cache's get_many reads key by key: not counted)."""
    calls = []
    inside = []
    base = type(gathered_cache).__mro__[2]  # LocMemCache
    original_get, original_get_many = base.get, base.get_many

    def get(self, *args, **kwargs):
        if not inside:
            calls.append("get")
        return original_get(self, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        calls.append("get_many")
        inside.append(True)
        try:
            return original_get_many(self, *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(base, "get", get)
    monkeypatch.setattr(base, "get_many", get_many)
    return calls


def test_a_page_rendered_again_reads_the_cache_once(client, lombok, entrepreneur, trips):
    client.force_login(entrepreneur)  # never a stored page: the shared parts are read
    first = client.get("/wijken/lombok/").content
    trips.clear()
    again = client.get("/wijken/lombok/").content
    assert trips.count("get_many") == 1
    assert trips.count("get") <= 2  # the session; nothing of the page's own parts
    # The same page, but for the log-out form's token, which is new each time.
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
    assert token.sub(b"", again) == token.sub(b"", first)


def test_a_stored_page_is_one_round_trip(client, lombok, trips):
    client.get("/wijken/lombok/")
    client.get("/wijken/lombok/")
    trips.clear()
    response = client.get("/wijken/lombok/")
    assert response.headers["X-Page-Cache"] == "hit"
    assert trips == ["get_many"]


def test_changes_show_at_once_to_visitors_and_logged_in_visitors(
    client, lombok, make_business, entrepreneur, commit
):
    from django.test import Client

    member = Client()
    member.force_login(entrepreneur)
    for visitor in (client, member, client, member):
        assert "Bakkerij Zon" not in visitor.get("/wijken/lombok/").content.decode()
    with commit():
        make_business("Bakkerij Zon", tagline="Vers brood")
    for visitor in (client, member):
        html = visitor.get("/wijken/lombok/").content.decode()
        assert "Bakkerij Zon" in html and "Vers brood" in html
    with commit():
        lombok.title = "Lombok en Transwijk"
        lombok.save_revision().publish()
    for visitor in (client, member):
        assert "Lombok en Transwijk" in visitor.get("/wijken/lombok/").content.decode()


def test_a_request_reads_its_own_writes(gathered_cache):
    version = "123"
    gathered_cache.set("page-cache-version", version)
    gathered_cache.set(f"lookup:sectors:{version}", "old")
    token, _ = gather.start(("/x", True), "page-cache-version")
    gathered_cache.get(f"lookup:sectors:{version}")
    gather.finish(token)
    token, current = gather.start(("/x", True), "page-cache-version")
    assert current == version
    assert gathered_cache.get(f"lookup:sectors:{version}") == "old"
    gathered_cache.set(f"lookup:sectors:{version}", "new")
    assert gathered_cache.get(f"lookup:sectors:{version}") == "new"
    gathered_cache.delete(f"lookup:sectors:{version}")
    assert gathered_cache.get(f"lookup:sectors:{version}") is None
    gather.finish(token)


def test_only_keys_that_cannot_change_under_their_name_are_gathered(gathered_cache):
    gathered_cache.set("page-cache-version", "123")
    token, _ = gather.start(("/y", False), "page-cache-version")
    for key in ("main-menu:nl:123", "template.cache.footer.abc", "rl:counter", "form-nonce:x"):
        gathered_cache.get(key)
    gather.finish(token)
    assert gather._remembered[("/y", False)] == ["main-menu:nl:123", "template.cache.footer.abc"]
    # A counter changed by another request since is read as it is now.
    gathered_cache.set("rl:counter", 5)
    token, _ = gather.start(("/y", False), "page-cache-version")
    assert gathered_cache.get("rl:counter") == 5
    gather.finish(token)


def test_a_rendition_the_cache_holds_is_not_written_again(gathered_cache, monkeypatch):
    from types import SimpleNamespace

    writes = []
    base = type(gathered_cache).__mro__[2]  # LocMemCache
    original = base.set
    monkeypatch.setattr(
        base,
        "set",
        lambda self, key, *args, **kw: (writes.append(key), original(self, key, *args, **kw)),
    )
    gathered_cache.set("page-cache-version", "123")
    key = "wagtail-rendition-9-abc-fill-480x320"
    for rendition_id in (7, 7, 8):
        token, _ = gather.start(("/z", False), "page-cache-version")
        gathered_cache.get_many([key])  # as Wagtail looks for it
        gathered_cache.set(key, SimpleNamespace(pk=rendition_id))  # as Wagtail writes it
        gather.finish(token)
    # Written the first time, not the second (the same row), again when it is another row.
    assert writes.count(key) == 2
    assert gathered_cache.get(key).pk == 8
