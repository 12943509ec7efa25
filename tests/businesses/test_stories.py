"""An owner's story in more languages: shown in the reader's language, the others one click away."""

import pytest
from bs4 import BeautifulSoup

from businesses.models import BusinessStory, ProfileDraft
from businesses.selfservice.drafts import apply_draft, draft_data_from
from businesses.selfservice.forms import StoryForm

pytestmark = pytest.mark.django_db

PROFILE = "/wijken/lombok/bakkerij-yildiz/"


@pytest.fixture
def bakery(make_business):
    business = make_business(
        "Bakkerij Yıldız",
        story="<p>Mijn vader begon deze bakkerij in 1998.</p>",
        sectors=["bakkerij"],
        languages=["tr", "nl"],
    )
    business.stories = [
        BusinessStory(language="tr", text="<p>Babam bu fırını 1998'de açtı.</p>"),
        BusinessStory(language="ar", text="<p>افتتح والدي هذا المخبز عام 1998.</p>"),
    ]
    business.save_revision().publish()
    return business


def story_section(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return html.select_one("section[aria-labelledby=verhaal]")


def test_the_reader_gets_the_story_in_their_language_and_the_others_behind_one_click(
    client, bakery
):
    section = story_section(client, "/tr" + PROFILE)
    first = section.select_one(".utrecht-rich-text")
    assert first["lang"] == "tr"
    assert "Babam bu fırını" in first.get_text()
    others = section.select_one("details")
    assert {s["lang"] for s in others.select("section")} == {"nl", "ar"}
    arabic = others.select_one("section[lang=ar]")
    assert arabic["dir"] == "rtl" and "افتتح والدي" in arabic.get_text()
    assert not section.select(".portal-meta")  # no "not in your language" note


def test_without_a_story_in_the_readers_language_the_dutch_one_shows_with_a_note(client, bakery):
    bakery.stories = [story for story in bakery.stories.all() if story.language != "ar"]
    bakery.save_revision().publish()
    section = story_section(client, "/ar" + PROFILE)
    first = section.select_one(".utrecht-rich-text")
    assert first["lang"] == "nl" and "Mijn vader begon" in first.get_text()
    assert section.select_one(".portal-meta").get_text(strip=True)  # "not in your language yet"
    assert {s["lang"] for s in section.select("details section")} == {"tr"}


def test_a_dutch_reader_sees_the_dutch_story_without_a_note(client, bakery):
    section = story_section(client, PROFILE)
    assert section.select_one(".utrecht-rich-text")["lang"] == "nl"
    assert not section.select(".portal-meta")


def test_the_self_service_form_keeps_stories_in_other_languages(bakery):
    data = draft_data_from(bakery)["verhaal"]
    assert data["story_tr"] == "Babam bu fırını 1998'de açtı."
    form = StoryForm(data={**data, "story_tr": "", "story_en": "My father opened it."})
    assert form.is_valid(), form.errors
    assert form.stories() == {
        "en": "My father opened it.",
        "ar": "افتتح والدي هذا المخبز عام 1998.",
    }
    # The Turkish field is written in Turkish: the browser checks spelling and direction for it.
    assert 'lang="tr"' in str(form["story_tr"]) and 'dir="auto"' in str(form["story_tr"])


def test_a_submitted_draft_replaces_the_stories(bakery):
    draft = ProfileDraft(owner=bakery.owner, business=bakery, data=draft_data_from(bakery))
    draft.data["verhaal"] = {"story": "Nieuw verhaal.", "story_ar": "قصة جديدة."}
    business = apply_draft(draft, bakery)
    assert business.story == "<p>Nieuw verhaal.</p>"
    assert [(s.language, s.text) for s in business.stories.all()] == [("ar", "<p>قصة جديدة.</p>")]
