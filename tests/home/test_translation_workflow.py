"""How staff translate with wagtail-localize, and what readers see of a page not translated yet:
the Dutch page as an alias in English, Turkish and Arabic, with a note and lang="nl"."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import get_language_info, gettext, override
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from home.models import Footer, MainMenu, StandardPage

pytestmark = pytest.mark.django_db

NOTE = "portal-untranslated"
TURKISH = {
    "Spreekuur in de wijk": "Mahallede danışma saati",
    "spreekuur-in-de-wijk": "mahallede-danisma-saati",
    "Elke dinsdag in het buurthuis.": "Her salı mahalle evinde.",
    "Een portaal van de gemeente voor ondernemers in de wijk.": "Belediyenin girişimciler portalı.",
}


@pytest.fixture
def dutch_page(home, moderator_client):
    """A page a moderator made and published in Dutch, in the admin."""
    response = moderator_client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk]),
        {
            "title": "Spreekuur in de wijk",
            "slug": "spreekuur-in-de-wijk",
            "introduction": "Elke dinsdag in het buurthuis.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(slug="spreekuur-in-de-wijk", locale__language_code="nl")


def article(response):
    return re.search(r"<article[^>]*>", response.content.decode()).group(0)


def translate_strings(moderator_client, translation, texts):
    """What a translator does in wagtail-localize's editor: one string after another."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in texts:
            url = reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
            )
            response = moderator_client.put(
                url,
                f"value={texts[segment.string.data]}",
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content


@pytest.mark.parametrize("code", ["en", "tr", "ar"])
def test_a_page_made_in_dutch_stands_in_every_language_until_translated(client, dutch_page, code):
    alias = dutch_page.get_translation(Locale.objects.get(language_code=code))
    assert alias.alias_of_id == dutch_page.pk and alias.live

    response = client.get(alias.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert NOTE in html
    assert 'lang="nl"' in article(response)
    assert "Spreekuur in de wijk" in html


def test_the_note_is_in_the_readers_language(client, dutch_page):
    with override("tr"):
        sentence = gettext(
            "Deze pagina is nog niet vertaald. Je leest de tekst in het %(language)s."
        )
        dutch = get_language_info("nl")["name_translated"]
    alias = dutch_page.get_translation(Locale.objects.get(language_code="tr"))
    html = client.get(alias.url).content.decode()
    note = re.search(rf'class="[^"]*{NOTE}.*?</p>', html, re.S).group(0)
    assert sentence % {"language": dutch} in note
    assert "Flemenkçe" in note  # "Dutch", said in Turkish
    assert 'lang="nl"' not in note


def test_the_dutch_page_itself_has_no_note(client, dutch_page):
    response = client.get(dutch_page.url)
    assert NOTE not in response.content.decode()
    assert "lang=" not in article(response)


def test_a_moderator_translates_a_page_into_turkish(
    client, moderator_client, dutch_page, django_capture_on_commit_callbacks
):
    turkish = Locale.objects.get(language_code="tr")
    alias = dutch_page.get_translation(turkish)
    submit = reverse("wagtail_localize:submit_page_translation", args=[dutch_page.pk])
    # Editing the alias offers to translate it instead.
    editor = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk]))
    assert editor.status_code == 200 and submit in editor.content.decode()
    form = moderator_client.get(submit)
    assert form.status_code == 200
    assert "Türkçe" in form.content.decode()  # the language offered, in its own name

    response = moderator_client.post(submit, {"locales": [turkish.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=dutch_page.translation_key, target_locale=turkish
    )
    page = dutch_page.get_translation(turkish)
    assert page.alias_of_id is None  # the alias became the translation
    editor = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 200

    translate_strings(moderator_client, translation, TURKISH)
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
    assert response.status_code == 302

    page = Page.objects.get(pk=page.pk).specific
    assert page.title == "Mahallede danışma saati" and page.live
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mahallede danışma saati" in html and "Her salı mahalle evinde." in html
    assert NOTE not in html
    assert "lang=" not in article(response)
    # The other languages still show the Dutch page.
    arabic = dutch_page.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.alias_of_id == dutch_page.pk


def test_a_moderator_translates_the_footer_into_turkish(client, moderator_client, demo):
    turkish = Locale.objects.get(language_code="tr")
    dutch = Footer.objects.get(locale__language_code="nl")
    Footer.objects.filter(locale=turkish).delete()  # a language without its footer yet

    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["home", "footer", dutch.pk]
    )
    assert moderator_client.get(submit).status_code == 200
    response = moderator_client.post(submit, {"locales": [turkish.pk]})
    assert response.status_code == 302
    footer = Footer.objects.get(locale=turkish)
    assert footer.translation_key == dutch.translation_key
    assert [link.locale_id for link in footer.links.all()] == [turkish.pk] * dutch.links.count()

    translation = Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale=turkish
    )
    edit = reverse("wagtailsnippets_home_footer:edit", args=[footer.pk])
    assert moderator_client.get(edit).status_code == 200
    translate_strings(moderator_client, translation, TURKISH)
    assert moderator_client.post(edit, {"action": "publish"}).status_code == 302

    html = client.get("/tr/").content.decode()
    assert "Belediyenin girişimciler portalı." in html
    assert "Een portaal van de gemeente" not in html


def test_the_translate_buttons_are_there_for_moderators(moderator_client, dutch_page):
    explore = moderator_client.get(reverse("wagtailadmin_explore", args=[dutch_page.pk]))
    assert reverse("wagtail_localize:submit_page_translation", args=[dutch_page.pk]) in (
        explore.content.decode()
    )
    Footer.objects.filter(locale__language_code="ar").delete()
    footers = moderator_client.get(reverse("wagtailsnippets_home_footer:list"))
    dutch = Footer.objects.get(locale__language_code="nl")
    assert (
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "footer", dutch.pk])
        in footers.content.decode()
    )


def test_the_demo_has_a_menu_and_footer_in_every_language(client, demo):
    for model in (MainMenu, Footer):
        dutch = model.objects.get(locale__language_code="nl")
        for code in ("en", "tr", "ar"):
            translation = model.objects.get(locale__language_code=code)
            # Translations of the Dutch one, so that wagtail-localize sees them as such.
            assert translation.translation_key == dutch.translation_key
    html = client.get("/ar/").content.decode()
    assert "بوابة من البلدية لرواد الأعمال في الحي." in html
    assert "Een portaal van de gemeente" not in html


def test_every_dutch_page_of_the_demo_is_in_every_language(full_demo):
    dutch = Page.objects.filter(locale__language_code="nl", depth__gt=1)
    for code in ("en", "tr", "ar"):
        locale = Locale.objects.get(language_code=code)
        missing = [p.url_path for p in dutch if not p.has_translation(locale)]
        assert missing == [], code
    # What the other languages have not translated is the Dutch page, as an alias.
    aliases = Page.objects.filter(alias_of__isnull=False).exclude(locale__language_code="nl")
    assert aliases.exists()
    assert not aliases.exclude(alias_of__locale__language_code="nl").exists()
