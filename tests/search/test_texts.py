"""Texts of the lists: a result's snippet cut between words with "…", the feedback field's label
with "(niet verplicht)" once and in the visitor's language, and a card's languages named in the
reader's language with the language's own name beside it."""

import re
from html import unescape
from types import SimpleNamespace

from django.utils import translation
from django.utils.translation import gettext

from businesses.models import Language
from search.service import snippet

STORY = (
    "Mijn grootmoeder leerde mij in Gaziantep hoe je baklava maakt met veel pistache en "
    "dunne lagen deeg, en sinds twintig jaar bak ik die elke ochtend vers aan de Kanaalstraat "
    "voor iedereen die langs wil komen."
)


def test_a_snippet_is_cut_between_words_with_an_ellipsis():
    business = SimpleNamespace(tagline="", story=STORY, stories=SimpleNamespace(all=list))
    text = snippet(business, "pistache")
    before, marked, after = re.fullmatch(r"(.*)<mark>(.*)</mark>(.*)", text).groups()
    assert marked == "pistache"
    assert before.startswith("…") and after.endswith("…")
    words = STORY.split()
    assert before[1:].split()[0] in words and after[:-1].split()[-1] in words
    assert STORY.split("pistache")[0].endswith(before[1:])
    assert STORY.split("pistache")[1].startswith(after[:-1])


def test_a_short_text_is_shown_whole():
    business = SimpleNamespace(tagline="Verse baklava", story="", stories=SimpleNamespace(all=list))
    assert snippet(business, "baklava") == "Verse <mark>baklava</mark>"


def feedback_label(html):
    (label,) = re.findall(r'<label[^>]*for="id_comment"[^>]*>(.*?)</label>', html, re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", label)).split())


def test_the_feedback_field_says_optional_once_in_the_visitors_language(client, demo):
    assert feedback_label(client.get("/ondernemers/").content.decode()) == (
        "Wat zocht je? (niet verplicht)"
    )
    arabic = feedback_label(client.get("/ar/ondernemers/").content.decode())
    with translation.override("ar"):
        assert arabic == f"{gettext('Wat zocht je?')} ({gettext('niet verplicht')})"
    assert "niet verplicht" not in arabic
    assert "Wat zocht je" not in arabic  # the label is in the catalogue, not only in the code


def test_cards_name_languages_in_the_readers_language_with_their_own_name(client, full_demo):
    turkish = Language.objects.get(code="tr")
    assert turkish.name_nl != turkish.native_name and turkish.name_ar
    for prefix, name in (("", turkish.name_nl), ("/ar", turkish.name_ar)):
        path = "/ar/al-ahya/lombok/" if prefix else "/wijken/lombok/"
        html = client.get(path).content.decode()
        spoken = f'<bdi>{name}</bdi> (<bdi lang="tr">{turkish.native_name}</bdi>)'
        assert spoken in html, path
    # A language whose name is its own name is named once.
    html = client.get("/wijken/lombok/").content.decode()
    assert "<bdi>Nederlands</bdi>" in html and '(<bdi lang="nl">Nederlands</bdi>)' not in html
