"""No dead ends (issue 17): a search that finds little proposes what the visitor may have meant,
from the engine's own vocabulary; one that finds nothing keeps its filters, shows what it finds
without the narrowest one, and lets the visitor tell the municipality who is missing. Read from
the directory page and /zoeken/, as the visitor sees them, on both engines."""

import re
from html import unescape

import pytest
from wagtail.users.models import UserProfile

from tests.helpers import form_values, started

pytestmark = pytest.mark.django_db


@pytest.fixture
def shops(add_business, reindex):
    add_business(
        "Kapsalon Nour", tagline="Knippen en scheren", sectors=["kapper"], languages=["nl", "ar"]
    )
    add_business(
        "Bakkerij De Hoek", tagline="Vers brood en banket", sectors=["bakkerij"], house_number=2
    )
    add_business(
        "Bakkerij Piekarnia",
        tagline="Pools roggebrood",
        sectors=["bakkerij"],
        languages=["pl"],
        wijk="overvecht",
        house_number=3,
    )
    reindex()


def page(client, **params):
    response = client.get("/ondernemers/", params)
    assert response.status_code == 200
    return response.content.decode()


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def cards(html):
    return [
        unescape(name)
        for name in re.findall(
            r'<h\d class="utrecht-heading-\d"><a class="utrecht-link" href="[^"]+"><bdi>([^<]+)</bdi>',
            html,
        )
    ]


def test_a_query_that_finds_little_proposes_the_word_the_index_knows(client, engine, shops):
    html = page(client, q="roggebrod piekarna", wijk="overvecht")
    assert "Bedoelde je: roggebrood piekarnia" in text(html)
    link = re.search(r'Bedoelde je: <a class="utrecht-link" href="\?([^"#]+)#resultaten"', html)
    # The proposal keeps the filters, and finds what it promises.
    assert "wijk=overvecht" in unescape(link.group(1))
    assert cards(client.get("/ondernemers/?" + unescape(link.group(1))).content.decode()) == [
        "Bakkerij Piekarnia"
    ]


def test_no_proposal_when_the_query_is_spelled_as_the_index_has_it(client, engine, shops):
    assert "Bedoelde je" not in page(client, q="roggebrood")
    assert "Bedoelde je" not in page(client, q="bakkerij")


def test_nothing_found_keeps_the_filters_and_shows_what_is_found_without_the_narrowest(
    client, engine, shops
):
    html = page(client, q="bakkerij", wijk="lombok", taal="pl")
    content = text(html)
    assert "0 ondernemers gevonden" in content
    # The chosen filters stay chosen, so the visitor can take one away.
    assert 'value="lombok" id="filter-wijk-lombok" checked' in html
    assert 'value="pl" id="filter-taal-pl" checked' in html
    # Without the language, Lombok has one bakery; without the neighbourhood, Polish is spoken
    # in one bakery: either way one, and the page says which filter it left out.
    assert re.search(r"Zonder het filter '(taal|wijk)' vind je 1 ondernemer", content)
    assert len(cards(html)) == 1
    link = re.search(r'href="\?([^"#]+)#resultaten">Zoek zonder dit filter', html).group(1)
    assert cards(client.get("/ondernemers/?" + unescape(link)).content.decode()) == cards(html)


def test_nothing_found_lets_the_visitor_say_who_is_missing(
    client, engine, shops, moderator, moderator_client
):
    html = page(client, q="fietsenmaker")
    assert "Mis je een ondernemer?" in text(html)
    assert 'href="/mijn-bedrijf/"' in html  # an owner can add their business themselves
    values = form_values(html, "form[action='/ondernemers/reactie/']")
    values.update(comment=["Fietsen Ali, Kanaalstraat"], found=["0"], started=[started()])
    assert client.post("/ondernemers/reactie/", values).status_code == 302
    # Staff read it in their list of reactions.
    staff_list = moderator_client.get("/admin/snippets/search/searchfeedback/").content.decode()
    assert "Fietsen Ali, Kanaalstraat" in staff_list
    assert "fietsenmaker" in staff_list
    # Opened, it is named by the query and the answer, in the language of the staff's admin.
    edit_url = re.search(r'href="(/admin/snippets/search/searchfeedback/edit/\d+/)"', staff_list)
    edit = unescape(moderator_client.get(edit_url.group(1)).content.decode())
    assert "fietsenmaker: Nee, niet gevonden" in edit
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "en"
    profile.save()
    edit = unescape(moderator_client.get(edit_url.group(1)).content.decode())
    assert "fietsenmaker: No, did not find it" in edit


def test_a_filter_option_that_narrows_nothing_is_not_offered(client, engine, shops):
    html = page(client, q="bakkerij")
    # Both bakeries are bakeries: ticking "Bakkerij" would change nothing.
    assert 'id="filter-sector-bakkerij"' not in html
    # Each lies in its own neighbourhood: those do narrow.
    assert 'id="filter-wijk-lombok"' in html and 'id="filter-wijk-overvecht"' in html


def test_site_search_proposes_a_word_it_knows(client, site_search_engine, home, city, site_reindex):
    from search import vocabulary

    vocabulary.refresh()
    site_reindex()
    html = client.get("/zoeken/", {"q": "lombk"}).content.decode()
    assert "Bedoelde je: lombok" in text(html)
    assert "Bedoelde je" not in client.get("/zoeken/", {"q": "lombok"}).content.decode()
