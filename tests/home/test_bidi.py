"""bidi_tags: text set apart from the sentence around it, and the direction of a language."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template


def render(source, **context):
    return Template("{% load i18n bidi_tags %}" + source).render(Context(context))


def test_bdi_isolates_a_value_and_still_escapes_it():
    assert render("{{ name|bdi }}", name="Bakkerij <2000>") == "<bdi>Bakkerij &lt;2000&gt;</bdi>"
    assert render("{{ name|bdi }}", name="") == ""
    assert render("{{ name|bdi }}", name=None) == ""


def test_bdi_inside_a_translated_sentence():
    html = render(
        "{% blocktranslate with name=name|bdi %}Meer ondernemers in {{ name }}{% endblocktranslate %}",
        name="كنعان",
    )
    assert html == "Meer ondernemers in <bdi>كنعان</bdi>"


def test_ltr_keeps_numbers_in_order_on_one_line():
    assert render("{{ phone|ltr }}", phone="030 123 45 67") == (
        '<bdi dir="ltr" class="portal-nowrap">030 123 45 67</bdi>'
    )


def test_ltr_runs_sets_numbers_and_addresses_apart_in_arabic_only():
    from django.utils import translation

    hint = "مثلًا: 030 123 45 67 أو 06 12345678. يبدأ بـ https:// <b>"
    with translation.override("ar"):
        html = render("{{ hint|ltr_runs }}", hint=hint)
    assert html == (
        'مثلًا: <bdi dir="ltr">030 123 45 67</bdi> أو <bdi dir="ltr">06 12345678</bdi>. '
        'يبدأ بـ <bdi dir="ltr">https://</bdi> &lt;<bdi dir="ltr">b</bdi>&gt;'
    )
    with translation.override("nl"):
        assert render("{{ hint|ltr_runs }}", hint="Zoals 030 123 45 67.") == "Zoals 030 123 45 67."


def test_direction_of_a_language():
    assert render("{{ 'ar'|direction }} {{ 'nl'|direction }} {{ 'xx'|direction }}") == (
        "rtl ltr ltr"
    )


@pytest.mark.django_db
def test_a_dutch_page_not_yet_translated_reads_left_to_right_in_arabic(client, home):
    from home.models import StandardPage

    page = StandardPage(title="Alleen Nederlands", slug="alleen-nederlands", introduction="Kort.")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = BeautifulSoup(client.get("/ar/alleen-nederlands/").content, "html.parser")
    assert html.html["dir"] == "rtl"  # the interface around it
    article = html.select_one("article")
    assert (article["lang"], article["dir"]) == ("nl", "ltr")
    # The interface's words inside it stay Arabic, right to left.
    updated = article.select_one(".portal-meta")
    assert (updated["lang"], updated["dir"]) == ("ar", "rtl")
