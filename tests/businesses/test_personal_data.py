"""What the portal holds about an entrepreneur: download it, or delete the account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from businesses.models import Business, ClaimRequest, ProfileDraft
from businesses.personal_data import HANDED_TO_STAFF
from tests.conftest import PASSWORD
from tests.helpers import image_bytes

User = get_user_model()


@pytest.fixture
def holdings(entrepreneur, make_user, make_business):
    """An entrepreneur with a published business, a never-published one, a draft and a claim."""
    published = make_business("Toko Lombok", owner=entrepreneur, tagline="Alles uit Azië")
    unpublished = make_business("Nog niet online", owner=entrepreneur, live=False)
    image = get_image_model().objects.create(
        title="Etalage", file=ContentFile(image_bytes(), name="etalage.jpg")
    )
    ProfileDraft.objects.create(
        owner=entrepreneur,
        data={
            "basis": {"name": "Mijn nieuwe zaak"},
            "fotos": {"photos": [{"image": image.pk, "alt_text": "Etalage"}]},
        },
    )
    other = make_business("Kapsalon Nour", owner=make_user("ander@example.nl"))
    ClaimRequest.objects.create(
        business=other, user=entrepreneur, kvk_number="12345678", message="Van mij"
    )
    return {"published": published, "unpublished": unpublished, "image": image, "other": other}


def test_download_my_data(owner, holdings):
    response = owner.post(reverse("account_download_data"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "amira@example.nl"
    names = {b["name"]: b["status"] for b in data["businesses"]["businesses"]}
    assert names == {"Toko Lombok": "published", "Nog niet online": "draft"}
    assert (
        data["businesses"]["profiles_in_progress"][0]["data"]["basis"]["name"] == "Mijn nieuwe zaak"
    )
    assert data["businesses"]["claims"][0]["message"] == "Van mij"
    assert "Kapsalon Nour" not in json.dumps(data["businesses"]["businesses"])
    assert "ander@example.nl" not in response.content.decode()


def test_deleting_needs_the_password(owner, entrepreneur, holdings):
    response = owner.post(reverse("account_delete"), {"password": "fout", "confirm": "on"})
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    assert User.objects.filter(pk=entrepreneur.pk).exists()


def test_delete_my_account(owner, entrepreneur, holdings, lombok):
    published = holdings["published"]
    response = owner.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=entrepreneur.pk).exists()
    assert not EmailAddress.objects.filter(email="amira@example.nl").exists()
    # The published profile goes offline and is handed to staff, as Wagtail's log records.
    published.refresh_from_db()
    assert not published.live and published.owner is None
    assert ModelLogEntry.objects.filter(
        object_id=str(published.pk), action=HANDED_TO_STAFF
    ).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(published.pk), action="wagtail.unpublish"
    ).exists()
    assert owner.get(f"{lombok.url}{published.slug}/").status_code == 404
    # What was never public is gone, and so are the draft, its photo and the claim.
    assert not Business.objects.filter(pk=holdings["unpublished"].pk).exists()
    assert not ProfileDraft.objects.exists()
    assert not get_image_model().objects.filter(pk=holdings["image"].pk).exists()
    assert not ClaimRequest.objects.exists()
    # Other people's things stay.
    assert Business.objects.get(pk=holdings["other"].pk).owner.email == "ander@example.nl"
    # And the browser is logged out.
    assert owner.get(reverse("account_overview")).status_code == 302
