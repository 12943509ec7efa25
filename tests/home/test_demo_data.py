"""load_demo_data is deterministic and idempotent, and never overwrites staff edits."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, WorkflowState

from businesses.models import Business
from home.models import Footer, MainMenu, PortalSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "url_path", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": sorted(get_image_model().objects.values_list("id", "title", "file_hash")),
        "menus": MainMenu.objects.count(),
        "footers": Footer.objects.count(),
        "settings": list(PortalSettings.objects.values()),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "businesses": sorted(
            Business.objects.values_list("id", "slug", "live", "latest_revision_id")
        ),
        "workflows": WorkflowState.objects.count(),
    }


def test_running_twice_changes_nothing(full_demo):
    first = snapshot()
    assert first["businesses"]  # the whole demo, not only the home app's part
    call_command("load_demo_data", stdout=io.StringIO())
    assert snapshot() == first


def test_demo_site_has_the_pages_the_brief_asks_for(demo):
    titles = set(Page.objects.filter(depth__gt=1).live().values_list("title", flat=True))
    assert {
        "Over dit portaal",
        "Privacyverklaring",
        "Toegankelijkheidsverklaring",
        "About this portal",
        "Privacy statement",
        "Accessibility statement",
    } <= titles
    portal = PortalSettings.for_site(demo)
    assert portal.privacy_page.title == "Privacyverklaring"
    assert portal.accessibility_page.title == "Toegankelijkheidsverklaring"
    assert portal.logo is not None


def test_demo_images_are_the_same_every_time(db):
    call_command("load_demo_data", "--only", "home", stdout=io.StringIO())
    hashes = sorted(get_image_model().objects.values_list("file_hash", flat=True))
    get_image_model().objects.all().delete()
    call_command("load_demo_data", "--only", "home", stdout=io.StringIO())
    assert sorted(get_image_model().objects.values_list("file_hash", flat=True)) == hashes


def test_staff_edits_survive_a_second_run(demo):
    home = demo.root_page.specific
    home.hero_heading = "Door de redactie aangepast"
    home.save_revision().publish()
    call_command("load_demo_data", "--only", "home", stdout=io.StringIO())
    home.refresh_from_db()
    assert home.hero_heading == "Door de redactie aangepast"


def test_admin_password_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "een-lang-wachtwoord-42")
    out = io.StringIO()
    call_command("load_demo_data", "--only", "home", stdout=out)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("een-lang-wachtwoord-42")
    assert "een-lang-wachtwoord-42" in out.getvalue()


def test_admin_password_is_generated_and_printed_when_not_given(db, monkeypatch):
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    get_user_model().objects.filter(username="admin").delete()  # as on a fresh install
    out = io.StringIO()
    call_command("load_demo_data", "--only", "home", stdout=out)
    printed = out.getvalue().strip().rsplit("wachtwoord ", 1)[1]
    assert len(printed) >= 12
    assert get_user_model().objects.get(username="admin").check_password(printed)


def test_demo_has_neighbourhoods_and_businesses_in_every_state(full_demo):
    from businesses.models import NeighbourhoodPage

    slugs = set(
        NeighbourhoodPage.objects.filter(locale__language_code="nl").values_list("slug", flat=True)
    )
    assert {"lombok", "kanaleneiland", "overvecht", "zuilen", "ondiep", "hoograven"} <= slugs
    assert Business.objects.count() >= 86
    assert Business.objects.filter(live=True).count() >= 80
    # Every shop is a shop of its own: no name twice, none a copy with the neighbourhood's name.
    names = list(Business.objects.values_list("name", flat=True))
    assert len(set(names)) == len(names)
    titles = NeighbourhoodPage.objects.values_list("title", flat=True)
    assert not [name for name in names if name.endswith(tuple(titles))]
    # Spread over the neighbourhoods: each has a plausible mix of its own.
    neighbourhoods = list(NeighbourhoodPage.objects.filter(locale__language_code="nl"))
    assert neighbourhoods
    for neighbourhood in neighbourhoods:
        here = Business.objects.filter(live=True, neighbourhood=neighbourhood)
        assert here.count() >= 13, neighbourhood.slug
        assert here.values("sectors").distinct().count() >= 8, neighbourhood.slug
    waiting = Business.objects.awaiting_moderation()
    assert waiting.filter(live=False).exists()
    assert Business.objects.filter(live=False).exclude(pk__in=waiting).exists()
    assert (
        Business.objects.filter(photos__isnull=False).distinct().count() == Business.objects.count()
    )
    assert Business.objects.values("sectors").distinct().count() >= 20
    assert Business.objects.values("languages").distinct().count() >= 15


def test_the_demo_entrepreneur_logs_in_and_owns_a_profile(client, full_demo):
    response = client.post(
        "/account/login/", {"login": "ondernemer@example.nl", "password": "demo-wachtwoord-123"}
    )
    assert response["Location"] == "/mijn-bedrijf/"
    [business] = Business.objects.filter(owner__email="ondernemer@example.nl")
    assert business.name in client.get("/mijn-bedrijf/").content.decode()


def test_unknown_app_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Onbekende app"):
        call_command("load_demo_data", "--only", "nergens", stdout=io.StringIO())
