"""The cards of a neighbourhood's list are kept as HTML under the content version
(businesses/cards.py): read as a visitor reads the page, every published change shows at once,
"open now" follows the clock, and each language and visitor gets the same card as before."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from businesses.models import Business, Sector

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

MONDAY_NOON = datetime(2026, 11, 23, 12, 0)
MONDAY_NIGHT = datetime(2026, 11, 23, 22, 0)


@pytest.fixture
def clock(monkeypatch):
    from businesses import hours

    def set_to(moment):
        local = moment.replace(tzinfo=hours.AMSTERDAM)
        monkeypatch.setattr(
            hours, "local_now", lambda at=None: (at or local).astimezone(hours.AMSTERDAM)
        )

    set_to(MONDAY_NOON)
    return set_to


def cards(client, path="/wijken/lombok/"):
    response = client.get(path)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {
        card.h3.get_text(strip=True): card
        for card in html.select(".portal-business-list .portal-business-card")
    }


def test_a_card_is_kept_and_a_published_change_shows_at_once(owner, make_business, commit):
    business = make_business("Bakkerij Zon", tagline="Vers brood", sectors=["bakkerij"])
    assert "Vers brood" in cards(owner)["Bakkerij Zon"].get_text()
    # A change that bypasses Django's signals (no new version) does not show: the card is kept.
    Business.objects.filter(pk=business.pk).update(tagline="Niet via de site")
    assert "Vers brood" in cards(owner)["Bakkerij Zon"].get_text()
    business.refresh_from_db()
    business.tagline = "Vers brood en gebak"
    business.name = "Bakkerij Zon en Maan"
    with commit():
        business.save_revision().publish()
    card = cards(owner)["Bakkerij Zon en Maan"]
    assert "Vers brood en gebak" in card.get_text()
    assert card.a["href"] == f"/wijken/lombok/{business.slug}/"


def test_a_renamed_sector_and_an_unpublished_business_show_at_once(owner, make_business, commit):
    make_business("Bakkerij Zon", sectors=["bakkerij"])
    make_business("Kapsalon Nour", sectors=["kapper"])
    assert set(cards(owner)) == {"Bakkerij Zon", "Kapsalon Nour"}
    with commit():
        sector = Sector.objects.get(slug="bakkerij")
        sector.name_nl = "Brood en banket"
        sector.save()
    assert "Brood en banket" in cards(owner)["Bakkerij Zon"].get_text()
    with commit():
        Business.objects.get(name="Kapsalon Nour").unpublish()
    assert set(cards(owner)) == {"Bakkerij Zon"}


def test_a_new_photo_shows_at_once(owner, make_business, commit):
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    from businesses.models import BusinessPhoto
    from tests.helpers import image_bytes

    business = make_business("Bakkerij Zon")
    assert cards(owner)["Bakkerij Zon"].img is None
    with commit():
        image = get_image_model().objects.create(
            title="Etalage", file=ContentFile(image_bytes(size=(960, 640)), name="zon-etalage.jpg")
        )
        BusinessPhoto.objects.create(business=business, image=image, sort_order=0)
    photo = cards(owner)["Bakkerij Zon"].img
    assert photo is not None and "zon-etalage" in photo["src"]


def test_open_now_follows_the_clock_without_a_change(client, make_business, clock):
    make_business("Bakkerij Zon", hours=[(0, "09:00", "17:00")])
    assert "Nu open" in cards(client)["Bakkerij Zon"].get_text()
    clock(MONDAY_NIGHT)
    # A new query string: the page is rendered again, its card comes from the kept ones.
    card = cards(client, "/wijken/lombok/?per_page=12")["Bakkerij Zon"]
    assert "Nu gesloten" in card.get_text() and "Nu open" not in card.get_text()
    clock(MONDAY_NOON)
    assert "Nu open" in cards(client, "/wijken/lombok/?per_page=24")["Bakkerij Zon"].get_text()


def test_each_language_gets_its_own_card(client, full_demo):
    dutch = cards(client)
    english = cards(client, "/en/wijken/lombok/")
    assert dutch.keys() == english.keys()
    assert "Spreekt" in "".join(card.get_text() for card in dutch.values())
    assert "Spreekt" not in "".join(card.get_text() for card in english.values())
    assert all(str(dutch[name]) != str(english[name]) for name in dutch)


def test_only_the_first_card_of_each_page_loads_its_photo_at_once(client, full_demo):
    # The first card of the second page is not the first of the first: each is kept as it shows.
    for path in ("/wijken/lombok/?per_page=12", "/wijken/lombok/?per_page=12&page=2"):
        photos = [
            (index, card.img)
            for index, card in enumerate(cards(client, path).values())
            if card.img is not None
        ]
        assert photos, path
        for index, img in photos:
            assert (img.get("loading") == "lazy") == (index > 0), (path, index)


def test_a_logged_in_visitor_and_a_visitor_share_cards_but_nothing_personal(
    client, make_business, entrepreneur
):
    make_business("Bakkerij Zon")
    anonymous = cards(client)["Bakkerij Zon"]
    client.force_login(entrepreneur)
    card = cards(client)["Bakkerij Zon"]
    assert str(card) == str(anonymous)
    # The log-out form's CSRF token is the visitor's own, outside the cards.
    assert "csrfmiddlewaretoken" not in str(card) and entrepreneur.email not in str(card)


# The filter form and "De wijk in cijfers", kept as fragments too ------------------------------


def test_the_filter_counts_and_the_figures_change_at_once(owner, make_business, commit):
    make_business("Bakkerij Noor", sectors=["bakkerij"], languages=["tr"])
    make_business("Kapsalon Nour", sectors=["kapper"], languages=["ar"])
    html = BeautifulSoup(owner.get("/wijken/lombok/").content, "html.parser")
    assert "(1)" in html.find("label", attrs={"for": "filter-taal-tr"}).get_text()
    assert "< 5" in html.select_one(".portal-neighbourhood-figures").get_text()
    with commit():
        for number in range(4):
            make_business(f"Toko {number}", sectors=["bakkerij"], languages=["tr"])
    html = BeautifulSoup(owner.get("/wijken/lombok/").content, "html.parser")
    assert "(5)" in html.find("label", attrs={"for": "filter-taal-tr"}).get_text()
    figures = html.select_one(".portal-neighbourhood-figures dd").get_text()
    assert figures.strip() == "6"


def test_the_filter_form_shows_what_each_visit_chose(client, make_business):
    make_business("Bakkerij Noor", sectors=["bakkerij"], languages=["tr"])
    make_business("Kapsalon Nour", sectors=["kapper"], languages=["ar"])

    def form(path):
        html = BeautifulSoup(client.get(path).content, "html.parser")
        return html.select_one("details.portal-filter-disclosure")

    plain = form("/wijken/lombok/")
    chosen = form("/wijken/lombok/?taal=tr")
    assert not plain.find("input", attrs={"value": "tr"}).has_attr("checked")
    assert chosen.find("input", attrs={"value": "tr"}).has_attr("checked")
    assert "1 actief" in chosen.summary.get_text() and "actief" not in plain.summary.get_text()
    bigger = form("/wijken/lombok/?taal=tr&per_page=24")
    assert bigger.find("option", attrs={"value": "24"}).has_attr("selected")
    # Not valid: counted and shown afresh, with the form open, never kept for the valid ones.
    wrong = form("/wijken/lombok/?taal=xx")
    assert wrong.has_attr("open")
    assert not form("/wijken/lombok/").has_attr("open")


def test_the_filter_form_is_in_the_readers_language(client, full_demo):
    dutch = BeautifulSoup(client.get("/wijken/lombok/").content, "html.parser")
    english = BeautifulSoup(client.get("/en/wijken/lombok/").content, "html.parser")
    assert dutch.select_one("#filters-heading").get_text() == "Filteren"
    assert english.select_one("#filters-heading").get_text() != "Filteren"


# A profile: its head, photos, story and facts kept as fragments; "open now", the week's
# hours, the report form and the claim link rendered for each visit --------------------------


def test_a_profile_shows_published_changes_at_once(owner, make_business, commit):
    business = make_business("Bakkerij Zon", tagline="Vers brood", sectors=["bakkerij"])
    path = f"/wijken/lombok/{business.slug}/"
    html = owner.get(path).content.decode()
    assert "Vers brood" in html and "Bakkerij" in html
    business.tagline = "Vers brood en gebak"
    business.story = "<p>Sinds 1998 aan het kanaal.</p>"
    business.email = "zon@example.nl"
    with commit():
        business.save_revision().publish()
    page = BeautifulSoup(owner.get(path).content, "html.parser")
    assert page.find("meta", attrs={"name": "description"})["content"] == "Vers brood en gebak"
    assert "Vers brood en gebak" in page.select_one("script[type='application/ld+json']").string
    assert "Sinds 1998 aan het kanaal." in page.select_one("#verhaal").parent.get_text()
    assert "zon@example.nl" in page.select_one(".portal-profile__aside").get_text()


def test_a_profile_keeps_nothing_of_one_visitor_for_another(
    client, make_business, entrepreneur, clock
):
    from django.test import Client

    business = make_business("Bakkerij Zon", hours=[(0, "09:00", "17:00")], owner=entrepreneur)
    path = f"/wijken/lombok/{business.slug}/"
    owner = Client()
    owner.force_login(entrepreneur)

    def read(visitor):
        page = BeautifulSoup(visitor.get(path).content, "html.parser")
        token = page.select_one("#melden input[name=csrfmiddlewaretoken]")["value"]
        return page, token

    anonymous, first = read(client)
    theirs, second = read(owner)
    assert first != second  # each visitor's own CSRF token, never a kept one
    assert anonymous.select_one(".portal-claim") is not None
    assert theirs.select_one(".portal-claim") is None  # the owner is not asked to claim it
    assert "Nu open" in anonymous.select_one(".utrecht-status-badge").get_text()
    clock(MONDAY_NIGHT)
    later, _ = read(client)
    assert "Nu gesloten" in later.select_one(".utrecht-status-badge").get_text()
