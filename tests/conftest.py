import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site


@pytest.fixture
def demo(db, monkeypatch):
    """The demo site: home page, about/privacy/accessibility pages in Dutch and English."""
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "demo-wachtwoord-123")
    call_command("load_demo_data", "--only", "home", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(demo):
    return demo.root_page.specific


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")
