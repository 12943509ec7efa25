"""What the W3C HTML checker found: a bare "<" in running text, an autocomplete value HTML does not
know on the sign-up's honeypot, and a `datetime` with microseconds. (The checker itself, vnu, is
not run here: each finding is checked in the rendered page.)"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from home.models import StandardPage


@pytest.mark.parametrize("path", ["/wijken/lombok/", "/open-data/"])
def test_the_small_count_sign_is_escaped_in_running_text(client, full_demo, path):
    html = client.get(path).content.decode()
    assert "“&lt; 5”" in html
    assert "< 5" not in html


@pytest.mark.parametrize("path", ["/account/signup/", "/ar/account/signup/"])
def test_the_sign_up_honeypot_has_a_valid_autocomplete_value(client, demo, path):
    html = client.get(path).content.decode()
    (honeypot,) = re.findall(r'<input\b[^>]*name="website_url"[^>]*>', html)
    assert 'autocomplete="off"' in honeypot
    assert "nope" not in html


def test_last_updated_is_a_date_without_microseconds(client, demo):
    page = StandardPage.objects.get(slug="over-dit-portaal")
    page.last_published_at = datetime(2026, 3, 4, 10, 11, 12, 345678, tzinfo=ZoneInfo("UTC"))
    page.save()
    html = client.get("/over-dit-portaal/").content.decode()
    assert re.findall(r'datetime="([^"]*)"', html) == ["2026-03-04"]
