"""Search in Turkish and Arabic (issue 10): casing, Turkish letters, Arabic letter forms and
harakat fold away (portal.folding), on both engines, in the directory and in the site search."""

import json

import pytest

from businesses.models import Business, BusinessStory
from home.models import StandardPage
from portal.folding import fold
from search.opensearch import indexing

pytestmark = pytest.mark.django_db


def api(client, q):
    response = client.get("/api/directory/", {"q": q})
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


def names(client, q):
    return sorted(result["name"] for result in api(client, q)["results"])


@pytest.fixture(autouse=True)
def no_synonyms(home):
    """These tests are about letters that fold away: the synonym list, which would add other
    trades' shops ("مخبز" finds "Bakkerij"), is emptied (synonyms: test_contract.py)."""
    from wagtail.models import Site

    from search.models import SearchSettings

    for site in Site.objects.all():
        tuning = SearchSettings.for_site(site)
        tuning.synonyms = ""
        tuning.save()


@pytest.fixture
def shops(add_business, reindex):
    add_business("İstanbul Bakkal", tagline="Türk ürünleri, simit en börek", languages=["nl", "tr"])
    add_business("Kapalıçarşı", tagline="Kapalı çarşı gibi: baharat, çay ve lokum", house_number=2)
    add_business("مَخْبَز الأمل", tagline="خُبْزٌ طازَجٌ كُلَّ يَوْمٍ", languages=["ar"], house_number=3)
    add_business(
        "مطعم أحمد",
        tagline="مؤسسة عائلية منذ ١٩٩٨، حلوى شامية",
        languages=["ar"],
        house_number=4,
    )
    add_business("Bakkerij De Hoek", tagline="Vers brood", house_number=5)
    reindex()


def test_turkish_casing_and_letters(client, engine, shops):
    for q in ("istanbul", "ISTANBUL", "İSTANBUL", "İstanbul", "Istanbul", "ıstanbul"):
        assert names(client, q) == ["İstanbul Bakkal"], q
    for q in ("kapali", "KAPALI", "Kapalı", "kapalıçarşı", "KAPALIÇARŞI", "kapalicarsi"):
        assert names(client, q) == ["Kapalıçarşı"], q
    assert names(client, "cay") == ["Kapalıçarşı"]  # çay
    assert names(client, "ÜRÜNLERİ borek") == ["İstanbul Bakkal"]


def test_arabic_letter_forms_and_harakat(client, engine, shops):
    for q in ("مخبز", "مَخْبَز", "مخـــبز", "مخبز الامل", "مَخْبَز الأمل"):
        assert names(client, q) == ["مَخْبَز الأمل"], q
    for q in ("احمد", "أحمد", "أَحْمَد"):
        assert names(client, q) == ["مطعم أحمد"], q
    assert names(client, "موسسه") == ["مطعم أحمد"]  # ؤ and teh marbuta
    assert names(client, "عايلية") == ["مطعم أحمد"]  # ئ
    assert names(client, "حلوي") == ["مطعم أحمد"]  # alef maksura
    assert names(client, "1998") == ["مطعم أحمد"]  # Arabic-Indic digits


def test_dutch_is_found_as_before(client, engine, shops):
    assert names(client, "brood") == ["Bakkerij De Hoek"]
    assert names(client, "BAKKERIJ") == ["Bakkerij De Hoek"]


def test_a_story_in_another_language_is_found_by_its_words(client, engine, add_business, reindex):
    add_business(
        "Bakkerij Yildiz",
        tagline="Vers brood",
        story="<p>Al dertig jaar aan de Kanaalstraat.</p>",
        stories=[
            BusinessStory(language="tr", text="<p>Sıcak pide ve ekmek, her sabah fırından.</p>"),
            BusinessStory(language="ar", text="<p>خُبْزٌ تُرْكِيٌّ طازَجٌ</p>"),
        ],
    )
    add_business("Slagerij Atlas", tagline="Vers vlees", house_number=2)
    reindex()
    for q in ("sicak", "SICAK", "fırından", "firindan", "تركي"):
        assert names(client, q) == ["Bakkerij Yildiz"], q
    [result] = api(client, "sicak")["results"]
    assert "<mark>Sıcak</mark> pide" in result["snippet"]


def test_publishing_a_new_story_makes_it_findable(
    client, engine, add_business, reindex, django_capture_on_commit_callbacks
):
    business = add_business("Kapsalon Nour", tagline="Knippen en scheren")
    reindex()
    assert names(client, "حلاق") == []
    business = Business.objects.get(pk=business.pk)
    business.stories = [BusinessStory(language="ar", text="<p>حَلّاق للرجال والأطفال</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        business.save_revision().publish()
    assert names(client, "حلاق") == ["Kapsalon Nour"]
    assert names(client, "والاطفال") == ["Kapsalon Nour"]


def test_the_directory_index_folds_as_fold_does(opensearch, settings):
    """The engine folds with its analyzers, the database with fold(): the same words."""
    indexing.rebuild()
    text = "İstanbul KAPALIÇARŞI ığdır مَخْبَز الأمل أحمد إبراهيم آمنة ٱلله مؤسسة رئيس حلوى مدرسة عـــلي ١٩٩٨"
    for analyzer in ("folded", "dutch_folded"):
        tokens = opensearch.client().indices.analyze(
            index=settings.SEARCH_INDEX, body={"analyzer": analyzer, "text": text}
        )["tokens"]
        assert [token["token"] for token in tokens] == fold(text).split(), analyzer


@pytest.fixture
def pages(home, site_reindex):
    for title, slug, introduction in (
        ("İstanbul Bakkal opent in Lombok", "istanbul-bakkal", "Bij de Kapalı markt."),
        ("مَخْبَز الأمل", "makhbaz-al-amal", "قصة أحمد وخبزه الطازج."),
    ):
        page = StandardPage(title=title, slug=slug, introduction=introduction)
        home.add_child(instance=page)
        page.save_revision().publish()
    site_reindex()


def found_pages(client, q):
    html = client.get("/zoeken/", {"q": q}).content.decode()
    return [slug for slug in ("istanbul-bakkal", "makhbaz-al-amal") if f"/{slug}/" in html]


def test_site_search_in_turkish_and_arabic(client, site_search_engine, pages):
    for q in ("istanbul", "ISTANBUL", "İstanbul", "kapali", "KAPALI"):
        assert found_pages(client, q) == ["istanbul-bakkal"], q
    for q in ("مخبز", "مَخْبَز", "احمد", "أحمد", "الامل"):
        assert found_pages(client, q) == ["makhbaz-al-amal"], q
    assert found_pages(client, "lombok") == ["istanbul-bakkal"]
