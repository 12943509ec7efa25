"""Entrepreneurs create their own profile on the public site, step by step: errors, going
back, resuming, photos, submitting."""

from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from businesses.models import Business, ProfileDraft
from businesses.selfservice import drafts
from home.models import Consent
from tests.helpers import fill_in, start, step_data, step_url, submitted_business

# The steps -------------------------------------------------------------------------------------


def test_my_business_needs_an_account(client):
    response = client.get(reverse("my_businesses"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_step_with_errors_says_what_is_wrong_and_keeps_what_was_typed(owner, lombok):
    draft = start(owner)
    response = owner.post(
        step_url(draft, "basis"),
        {
            "name": "Kapsalon Nour",
            "neighbourhood": lombok.pk,
            "phone": "12",
            "kvk_number": "123",
            "website": "geen url",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Kapsalon Nour"' in html
    assert 'value="123"' in html and 'value="12"' in html
    assert "8 cijfers" in html
    assert 'aria-invalid="true"' in html
    draft.refresh_from_db()
    assert "basis" not in draft.data


def test_errors_are_in_english_on_the_english_site(owner, lombok):
    draft = start(owner)
    response = owner.post(
        f"/en{step_url(draft, 'adres')}", {"street": "Kanaalstraat", "postcode": "ABC"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert 'value="Kanaalstraat"' in html


def test_going_back_keeps_an_unfinished_step(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="basis")
    response = owner.post(
        step_url(draft, "adres"), {"street": "Kanaalstraat", "postcode": "35", "direction": "back"}
    )
    assert response["Location"] == step_url(draft, "basis")
    html = owner.get(step_url(draft, "adres")).content.decode()
    assert 'value="Kanaalstraat"' in html and 'value="35"' in html


def test_a_half_finished_profile_is_kept_and_can_be_resumed(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="adres")
    html = owner.get(reverse("my_businesses")).content.decode()
    assert "Bakkerij Anatolië" in html
    assert step_url(draft, "basis") in html
    html = owner.get(step_url(draft, "adres")).content.decode()
    assert 'value="Kanaalstraat"' in html and 'value="3531 CJ"' in html


def test_a_name_loses_its_bidi_controls_and_a_story_keeps_them(owner, lombok):
    """An override in a name would turn the text after it around wherever the name shows."""
    draft = start(owner)
    story = "Mijn moeder bakte \u2067خبز\u2069 in Kayseri."
    fill_in(
        owner,
        draft,
        lombok,
        basis={"name": "Bakkerij\u202eevil", "tagline": "\u202dVers brood\u202c"},
        verhaal={"story": story, "story_ar": "مخبز \u2066Lombok\u2069", "products": "brood\u2067"},
    )
    basics = BeautifulSoup(owner.get(step_url(draft, "basis")).content, "html.parser")
    assert basics.select_one("input[name=name]")["value"] == "Bakkerijevil"
    assert basics.select_one("input[name=tagline]")["value"] == "Vers brood"
    check = owner.get(step_url(draft, "indienen")).content.decode()
    assert "Bakkerijevil" in check and "\u202e" not in check
    stories = BeautifulSoup(owner.get(step_url(draft, "verhaal")).content, "html.parser")
    assert stories.select_one("textarea[name=story]").get_text().strip() == story
    assert (
        stories.select_one("textarea[name=story_ar]").get_text().strip()
        == "مخبز \u2066Lombok\u2069"
    )
    assert stories.select_one("input[name=products]")["value"] == "brood"


def test_opening_hours_need_both_times_or_closed(owner, lombok):
    draft = start(owner)
    data = step_data(lombok)["openingstijden"]
    response = owner.post(
        step_url(draft, "openingstijden"), {**data, "day2_closes_1": "", "day6_closed": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul voor woensdag een begin- én eindtijd in." in html
    assert "Vul tijden in voor zondag, of vink" in html
    assert 'value="08:00"' in html


def test_an_incomplete_profile_cannot_be_submitted(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="basis")
    response = owner.post(step_url(draft, "indienen"), {"consent": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert step_url(draft, "adres") in html and step_url(draft, "sector-talen") in html
    assert not Business.objects.exists()


def test_submitting_needs_consent(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="verhaal")
    response = owner.post(step_url(draft, "indienen"), {})
    assert "Zonder je toestemming kunnen we je profiel niet tonen." in response.content.decode()
    assert not Business.objects.exists()


def test_a_submitted_profile_waits_for_moderation_and_is_not_public(
    owner, entrepreneur, lombok, moderator
):
    business = submitted_business(owner, lombok)
    assert business.owner == entrepreneur
    assert not business.live
    assert business.phone.as_e164 == "+31301234567"
    assert [h.weekday for h in business.opening_hours.all()] == [0, 1, 2, 3, 4, 5]
    assert business.story == "<p>Mijn moeder bakte al in Kayseri.</p><p>Nu bak ik in Lombok.</p>"
    assert sorted(t.name for t in business.products.all()) == ["baklava", "brood"]
    assert drafts.workflow_state_of(business).status == WorkflowState.STATUS_IN_PROGRESS
    assert Consent.objects.filter(user=entrepreneur, purpose="business_profile").count() == 1
    assert not ProfileDraft.objects.exists()
    # Nothing public yet.
    assert "Bakkerij Anatolië" not in owner.get(lombok.url).content.decode()
    assert owner.get(f"{lombok.url}{business.slug}/").status_code == 404
    # The entrepreneur and the moderators hear about it.
    recipients = {to for message in mail.outbox for to in message.to}
    assert {"amira@example.nl", "moderator@gemeente.nl"} <= recipients
    html = owner.get(reverse("my_businesses")).content.decode()
    assert "Ingediend, wacht op controle" in html


def test_a_double_submit_creates_one_revision(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="verhaal")
    first = owner.post(step_url(draft, "indienen"), {"consent": "on"})
    second = owner.post(step_url(draft, "indienen"), {"consent": "on"})
    assert first.status_code == 302
    assert second.status_code == 404  # the draft became the submission
    business = Business.objects.get()
    assert Revision.objects.for_instance(business).count() == 1
    assert WorkflowState.objects.filter(object_id=str(business.pk)).count() == 1


def test_discarding_a_draft_removes_it_and_its_photos(owner, lombok, jpeg):
    from wagtail.images import get_image_model

    images = get_image_model().objects
    before = images.count()
    draft = start(owner)
    owner.post(step_url(draft, "fotos"), {"photo": jpeg(), "alt_text": "De etalage"})
    assert images.count() == before + 1
    owner.post(reverse("profile_discard", args=[draft.pk]))
    assert not ProfileDraft.objects.exists()
    assert images.count() == before


# Photos ----------------------------------------------------------------------------------------


def test_a_photo_needs_a_description_and_a_rejected_one_says_why(owner, lombok, jpeg):
    from django.core.files.uploadedfile import SimpleUploadedFile

    draft = start(owner)
    response = owner.post(step_url(draft, "fotos"), {"photo": jpeg()})
    assert "Beschrijf wat er op de foto staat." in response.content.decode()
    php = SimpleUploadedFile(
        "winkel.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"
    )
    response = owner.post(
        step_url(draft, "fotos"),
        {"photo": php, "alt_text": "De toonbank", "caption": "Open sinds 2015"},
    )
    html = response.content.decode()
    assert "geen foto die we kunnen lezen" in html
    assert 'value="De toonbank"' in html and 'value="Open sinds 2015"' in html
    response = owner.post(step_url(draft, "fotos"), {"photo": jpeg(), "alt_text": "De toonbank"})
    assert response.status_code == 302
    html = owner.get(step_url(draft, "fotos")).content.decode()
    assert 'alt="De toonbank"' in html


def test_the_photos_become_part_of_the_profile(owner, lombok, jpeg):
    draft = start(owner)
    owner.post(step_url(draft, "fotos"), {"photo": jpeg(), "alt_text": "Verse baklava"})
    fill_in(owner, draft, lombok, until="indienen")
    business = Business.objects.get()
    assert [p.alt_text for p in business.photos.all()] == ["Verse baklava"]
