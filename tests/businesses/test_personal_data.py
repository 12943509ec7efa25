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
from tests.helpers import download_my_data, image_bytes

User = get_user_model()


@pytest.fixture
def holdings(entrepreneur, make_user, make_business):
    """An entrepreneur with a published business, a never-published one, a draft and a claim."""
    published = make_business("Toko Lombok", owner=entrepreneur, tagline="Alles uit Azië")
    unpublished = make_business("Nog niet online", owner=entrepreneur, live=False)
    image = get_image_model().objects.create(
        title="Etalage",
        file=ContentFile(image_bytes(), name="etalage.jpg"),
        uploaded_by_user=entrepreneur,
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
    data, files = download_my_data(owner)
    assert data["account"]["email"] == "amira@example.nl"
    names = {b["name"]: b["status"] for b in data["businesses"]["businesses"]}
    assert names == {"Toko Lombok": "published", "Nog niet online": "draft"}
    [draft] = data["businesses"]["profiles_in_progress"]
    assert draft["data"]["basis"]["name"] == "Mijn nieuwe zaak"
    # The draft's photo is in the download, as a file the JSON names.
    [photo] = draft["photos"]
    assert photo["alt_text"] == "Etalage"
    assert files[photo["file"]][:2] == b"\xff\xd8"  # a JPEG
    assert data["businesses"]["claims"][0]["message"] == "Van mij"
    assert "Kapsalon Nour" not in json.dumps(data["businesses"]["businesses"])
    assert "ander@example.nl" not in json.dumps(data)


def test_the_download_holds_none_of_the_staffs_words(owner, holdings, moderator):
    """What others wrote about the person (a moderator's comment, the reason for a claim
    decision) is theirs, not the person's: the export leaves it out."""
    claim = ClaimRequest.objects.get()
    claim.decide(False, moderator, "Intern: KvK-nummer hoort bij iemand anders")
    data, _files = download_my_data(owner)
    assert "Intern:" not in json.dumps(data)
    assert data["businesses"]["claims"][0]["status"] == "rejected"


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


def test_erasure_leaves_nothing_of_the_person_in_a_profile_handed_to_staff(
    owner, entrepreneur, lombok, make_business, moderator_client
):
    """What the person typed into a published profile goes, from the profile, from every earlier
    version and from the history; what stays is the business's public facts, as the page says
    before and after."""
    from wagtail.models import Revision

    from tests.helpers import fill_in

    business = make_business(
        "Toko Lombok",
        owner=entrepreneur,
        email="amira.prive@example.nl",
        phone="+31612345678",
        street="Thuisstraat",
        kvk_number="12345678",
        story="<p>Ik ben Amira en begon in mijn keuken.</p>",
        tagline="Alles uit Azië",
    )
    owner.post(reverse("profile_edit", args=[business.pk]))
    draft = ProfileDraft.objects.get(business=business)
    fill_in(
        owner, draft, lombok, until="indienen",
        basis={"name": "Toko Lombok", "email": "amira.nieuw@example.nl", "phone": "06 11122233"},
        verhaal={"story": "Mijn dochter helpt mee.", "products": "rijst"},
    )  # fmt: skip
    user_id = entrepreneur.pk
    page = owner.get(reverse("account_delete")).content.decode()
    assert "Van <bdi>Toko Lombok</bdi> bewaart de gemeente de naam, de wijk" in page

    response = owner.post(
        reverse("account_delete"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )
    html = response.content.decode()
    assert "Je account en je gegevens zijn verwijderd." in html
    assert "Van <bdi>Toko Lombok</bdi> bewaart de gemeente" in html

    personal = ["amira", "Thuisstraat", "612345678", "611122233", "12345678", "keuken", "dochter"]
    business.refresh_from_db()
    assert business.name == "Toko Lombok" and business.tagline == "Alles uit Azië"
    assert business.postcode == "3531 CJ" and not business.live and business.owner is None
    revisions = list(Revision.objects.for_instance(business))
    assert revisions
    for revision in revisions:
        content = json.dumps(revision.content, ensure_ascii=False)
        assert not [word for word in personal if word in content], content
        assert revision.user_id is None
    # The staff's page for the business shows none of it either.
    edit_page = moderator_client.get(
        reverse("wagtailsnippets_businesses_business:edit", args=[business.pk])
    ).content.decode()
    assert "Toko Lombok" in edit_page
    assert not [word for word in personal if word in edit_page]
    history = moderator_client.get(
        reverse("wagtailsnippets_businesses_business:history", args=[business.pk])
    ).content.decode()
    assert "amira" not in history
    assert not ModelLogEntry.objects.filter(user_id=user_id).exists()


def test_deleting_the_account_is_rate_limited(owner, entrepreneur, holdings):
    for _ in range(5):
        owner.post(reverse("account_delete"), {"password": "fout", "confirm": "on"})
    response = owner.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 200
    assert "te vaak geprobeerd" in response.content.decode()
    assert User.objects.filter(pk=entrepreneur.pk).exists()
