"""The demo in Turkish and Arabic: real translations of the pages (not aliases of the Dutch),
programmes, owners' stories and the names of sectors and the other lists."""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision

from businesses.models import Business, BusinessStory, Language, Sector
from home.models import HomePage, StandardPage
from programmes.models import Category, Need, ProgrammePage, Stage

pytestmark = pytest.mark.django_db

LANGUAGES = [("tr", "ltr"), ("ar", "rtl")]


def load(*only):
    call_command("load_demo_data", *(["--only", *only] if only else []), stdout=io.StringIO())


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def dutch_pages():
    return [
        HomePage.objects.get(locale__language_code="nl"),
        *StandardPage.objects.filter(locale__language_code="nl").order_by("path"),
    ]


@pytest.mark.parametrize("code,direction", LANGUAGES)
def test_home_about_privacy_and_accessibility_are_translated(client, demo, code, direction):
    locale = Locale.objects.get(language_code=code)
    pages = dutch_pages()
    assert {p.slug for p in pages[1:]} == {
        "over-dit-portaal",
        "privacyverklaring",
        "toegankelijkheidsverklaring",
    }
    for dutch in pages:
        page = dutch.get_translation(locale).specific
        assert page.alias_of_id is None and page.live
        assert page.title != dutch.title
        assert page.live_revision is not None
        response = client.get(page.url)
        assert response.status_code == 200
        assert f'lang="{code}"' in html_tag(response)
        assert f'dir="{direction}"' in html_tag(response)
        assert escape(page.title) in response.content.decode()
        if isinstance(page, StandardPage):
            assert re.fullmatch(r"[a-z0-9-]+", page.slug)  # short, typeable addresses
            assert escape(page.introduction) in response.content.decode()


def test_an_alias_becomes_a_real_translation(demo):
    """A language that mirrors the Dutch tree (wagtail-localize's aliases) gets its own text."""
    turkish = Locale.objects.get(language_code="tr")
    about = StandardPage.objects.get(locale__language_code="nl", slug="over-dit-portaal")
    about.get_translation(turkish).delete()
    alias = about.copy_for_translation(turkish, alias=True)
    load("home")
    page = StandardPage.objects.get(pk=alias.pk)
    assert page.alias_of_id is None
    assert (page.title, page.slug) == ("Bu portal hakkında", "bu-portal-hakkinda")
    assert "Neden bu portal?" in str(page.body)
    # Publishing the Dutch page no longer changes the Turkish one, as it did the alias.
    about.title = "Over het portaal"
    about.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Bu portal hakkında"


def test_staff_edits_to_a_translation_survive_a_second_run(demo):
    arabic = Locale.objects.get(language_code="ar")
    about = StandardPage.objects.get(locale__language_code="nl", slug="over-dit-portaal")
    page = about.get_translation(arabic).specific
    page.introduction = "نص عدّله فريق التحرير."
    page.save_revision().publish()
    load("home")
    page.refresh_from_db()
    assert page.introduction == "نص عدّله فريق التحرير."


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("id", "slug", "alias_of_id", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "stories": sorted(BusinessStory.objects.values_list("business_id", "language", "text")),
        "businesses": sorted(
            Business.objects.values_list("id", "latest_revision_id", "last_published_at")
        ),
    }


def test_whole_demo_in_turkish_and_arabic_and_a_second_run_changes_nothing(client, full_demo):
    first = snapshot()

    for code, _direction in LANGUAGES:
        programmes = ProgrammePage.objects.filter(locale__language_code=code, alias_of=None)
        assert programmes.live().count() >= 10
        focus = programmes.filter(category__slug__in=["creativiteit", "innovatie"])
        assert (
            focus.count()
            == ProgrammePage.objects.filter(
                locale__language_code="nl", category__slug__in=["creativiteit", "innovatie"]
            ).count()
        )
        for programme in programmes:
            dutch = programme.get_translation(Locale.objects.get(language_code="nl"))
            assert programme.title != dutch.title
            assert programme.summary != dutch.specific.summary
            assert programme.body.raw_data[0]["value"].startswith(f"<p>{programme.summary}</p>")
        programme = programmes.get(category__slug="creativiteit", format="subsidie")
        response = client.get(programme.url)
        assert response.status_code == 200
        assert f'lang="{code}"' in html_tag(response)
        assert escape(programme.summary) in response.content.decode()

        # Owners who speak the language tell their story in it.
        with_story = Business.objects.filter(live=True, stories__language=code).distinct()
        assert with_story.count() >= 8
        assert all(b.languages.filter(code=code).exists() for b in with_story)
        business = with_story.order_by("pk").first()
        story = business.stories.get(language=code)
        locale = Locale.objects.get(language_code=code)
        neighbourhood = business.neighbourhood.get_translation(locale)
        assert neighbourhood.alias_of_id is None
        response = client.get(f"{neighbourhood.url}{business.slug}/")
        assert response.status_code == 200
        assert f'lang="{code}"' in html_tag(response)
        assert story.text in response.content.decode()

    load()
    assert snapshot() == first


@pytest.mark.parametrize("code", ["tr", "ar"])
def test_every_standard_list_is_named_in_turkish_and_arabic(db, code):
    for model in (Sector, Language, Category, Stage, Need):
        assert model.objects.exists()
        assert not model.objects.filter(**{f"name_{code}": ""}).exists(), model.__name__
    with translation.override(code):
        assert Sector.objects.get(slug="bakkerij").name == {"tr": "Fırın", "ar": "مخبز"}[code]


def test_the_names_migration_fills_only_empty_names(db):
    migration = importlib.import_module(
        "businesses.migrations.0010_sector_and_language_names_in_turkish_and_arabic"
    )
    Sector.objects.filter(slug="bakkerij").update(name_tr="", name_ar="")
    Sector.objects.filter(slug="slagerij").update(name_tr="Kasap dükkânı")
    migration.forwards(apps, None)
    bakery, butcher = Sector.objects.get(slug="bakkerij"), Sector.objects.get(slug="slagerij")
    assert (bakery.name_tr, bakery.name_ar) == ("Fırın", "مخبز")
    assert butcher.name_tr == "Kasap dükkânı"
