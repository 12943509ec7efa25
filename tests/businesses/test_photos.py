"""Photos entrepreneurs upload: only their own can be removed, nobody else sees them before a
moderator publishes them, and an account can store only so much."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model

from businesses.models import Business, ProfileDraft
from businesses.selfservice import drafts, photos
from home.models import PortalSettings
from tests.helpers import act, fill_in, image_bytes, start, step_url

Image = get_image_model()


def add_photo(client, draft, jpeg, alt="De etalage"):
    response = client.post(step_url(draft, "fotos"), {"photo": jpeg(), "alt_text": alt, "add": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    return Image.objects.get(pk=photos.photos_of(draft)[-1]["image"])


def remove(client, draft, image_id):
    return client.post(step_url(draft, "fotos"), {"remove": str(image_id)})


@pytest.fixture
def site_logo(demo):
    """An image the municipality uses: the site's logo, shown on every page."""
    logo = Image.objects.create(title="Logo", file=ContentFile(image_bytes(), name="logo.png"))
    settings = PortalSettings.for_site(demo)
    settings.logo = logo
    settings.save()
    return logo


def test_an_entrepreneur_cannot_delete_the_municipalitys_images(owner, demo, site_logo):
    draft = start(owner)
    response = remove(owner, draft, site_logo.pk)
    assert response.status_code == 302
    assert Image.objects.filter(pk=site_logo.pk).exists()
    # The visitor's next page still shows the logo.
    stem = site_logo.file.name.split("/")[-1].rsplit(".", 1)[0]
    assert f"/media/images/{stem}." in Client().get("/").content.decode()


def test_an_entrepreneur_cannot_delete_another_owners_photo_waiting_for_moderation(
    owner, make_user, make_business, lombok, jpeg, moderator_client
):
    nour = make_user("nour@example.nl")
    business = make_business("Bakkerij Nour", owner=nour)
    other = Client()
    other.force_login(nour)
    other.post(reverse("profile_edit", args=[business.pk]))
    theirs = ProfileDraft.objects.get(business=business)
    photo = add_photo(other, theirs, jpeg, alt="Verse baklava")
    fill_in(other, theirs, lombok, until="indienen", basis={"name": "Bakkerij Nour"})

    mine = start(owner)
    remove(owner, mine, photo.pk)
    assert Image.objects.filter(pk=photo.pk).exists()
    # The moderator approves the edit, and visitors see its photo.
    act(moderator_client, business, "approve")
    html = Client().get(f"{lombok.url}{business.slug}/").content.decode()
    assert 'alt="Verse baklava"' in html


def test_removing_a_photo_of_ones_own_draft_deletes_it(owner, lombok, jpeg):
    draft = start(owner)
    photo = add_photo(owner, draft, jpeg)
    remove(owner, draft, photo.pk)
    assert not Image.objects.filter(pk=photo.pk).exists()
    html = owner.get(step_url(draft, "fotos")).content.decode()
    assert "Je hebt nog geen foto's toegevoegd." in html


def test_a_photo_already_submitted_stays_when_an_edit_drops_it(owner, lombok, jpeg):
    """The submitted profile waits for a moderator with its photo: an edit that removes the
    photo from the new version must not take it from the version being reviewed."""
    draft = start(owner)
    photo = add_photo(owner, draft, jpeg)
    fill_in(owner, draft, lombok, until="indienen")
    business = Business.objects.get()
    owner.post(reverse("profile_edit", args=[business.pk]))
    edit = ProfileDraft.objects.get(business=business)
    remove(owner, edit, photo.pk)
    assert Image.objects.filter(pk=photo.pk).exists()


def test_photos_of_a_draft_are_shown_to_their_owner_only(owner, make_user, lombok, jpeg):
    draft = start(owner)
    photo = add_photo(owner, draft, jpeg)
    # Named so nobody can guess it: not "foto.jpg" but 32 random hexadecimal digits.
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.jpg", photo.file.name)
    # The owner's page shows it through a view that checks who asks, never by its file name.
    html = owner.get(step_url(draft, "fotos")).content.decode()
    url = reverse("profile_draft_photo", args=[draft.pk, photo.pk])
    assert f'src="{url}"' in html and photo.file.name.split("/")[-1][:32] not in html
    response = owner.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    stranger = Client()
    stranger.force_login(make_user("nour@example.nl"))
    assert stranger.get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to log in
    # A photo that is not in this draft is not served through it.
    other = Image.objects.create(title="Ander", file=ContentFile(image_bytes(), name="x.jpg"))
    assert owner.get(reverse("profile_draft_photo", args=[draft.pk, other.pk])).status_code == 404


def test_photos_become_public_with_the_profile(owner, lombok, jpeg, moderator_client):
    draft = start(owner)
    add_photo(owner, draft, jpeg, alt="Verse baklava")
    fill_in(owner, draft, lombok, until="indienen")
    business = Business.objects.get()
    assert Client().get(f"{lombok.url}{business.slug}/").status_code == 404
    act(moderator_client, business, "approve")
    business.refresh_from_db()
    html = Client().get(f"{lombok.url}{business.slug}/").content.decode()
    assert 'alt="Verse baklava"' in html


# Quotas ------------------------------------------------------------------------------------------


def test_an_account_has_a_few_new_profiles_in_progress_at_most(owner):
    for _ in range(drafts.MAX_OPEN_DRAFTS):
        start(owner)
    response = owner.post(reverse("profile_start"), follow=True)
    assert ProfileDraft.objects.count() == drafts.MAX_OPEN_DRAFTS
    assert "nieuwe profielen in bewerking" in response.content.decode()


def test_starting_profiles_is_rate_limited(owner):
    for _ in range(10):
        draft = start(owner)
        owner.post(reverse("profile_discard", args=[draft.pk]))
    response = owner.post(reverse("profile_start"), follow=True)
    assert not ProfileDraft.objects.exists()
    assert "Probeer het over een uur opnieuw" in response.content.decode()


def test_the_photos_an_account_stores_are_bounded(owner, entrepreneur, lombok, jpeg, monkeypatch):
    draft = start(owner)
    add_photo(owner, draft, jpeg)
    monkeypatch.setattr(photos, "MAX_STORED_BYTES", photos.stored_bytes(entrepreneur))
    response = owner.post(step_url(draft, "fotos"), {"photo": jpeg(), "alt_text": "Nog een"})
    assert response.status_code == 200
    assert "Verwijder eerst een foto" in response.content.decode()
    assert len(photos.photos_of(ProfileDraft.objects.get())) == 1


def test_uploading_photos_is_rate_limited(owner, lombok, jpeg):
    draft = start(owner)
    for _ in range(30):
        photo = add_photo(owner, draft, jpeg)
        remove(owner, draft, photo.pk)
    response = owner.post(step_url(draft, "fotos"), {"photo": jpeg(), "alt_text": "Nog een"})
    assert "Probeer het later opnieuw" in response.content.decode()
    assert not photos.photos_of(ProfileDraft.objects.get())


def test_going_back_keeps_only_the_steps_own_fields(owner, lombok):
    draft = start(owner)
    junk = {f"veld{n}": "x" * 100 for n in range(500)}
    owner.post(
        step_url(draft, "adres"),
        {"street": "Kanaalstraat", "postcode": "35", "direction": "back", **junk},
    )
    draft.refresh_from_db()
    assert set(draft.data["_unsaved"]["adres"]) == {"street", "postcode"}
    html = owner.get(step_url(draft, "adres")).content.decode()
    assert 'value="Kanaalstraat"' in html
