"""Listings without an e-mail address: the claim comes with a document, for staff only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from businesses.models import ClaimRequest
from tests.helpers import (
    claim,
    decide,
    decision_page,
    download_my_data,
    image_bytes,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def document(name="uittreksel.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_listing_without_email_asks_for_a_document(owner, no_email_listing):
    html = owner.get(reverse("business_claim", args=[no_email_listing.pk])).content.decode()
    assert "Uittreksel uit het Handelsregister" in html and 'type="file"' in html
    response = claim(owner, no_email_listing, kvk_number="12345678")
    html = response.content.decode()
    assert response.status_code == 200 and "Kies het bestand met het uittreksel." in html
    assert 'value="12345678"' in html and "in 2021 overgenomen" in html
    assert not ClaimRequest.objects.exists()


@pytest.mark.parametrize(
    "upload, error",
    [
        (("uittreksel.pdf", b"Geen PDF", "application/pdf"), "kunnen we niet lezen"),
        (("foto.png", b"\x89PNG\r\n\x1a\nkapot", "image/png"), "kunnen we niet lezen"),
        (("groot.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf"), "hoogstens 5 MB"),
    ],
)
def test_documents_are_checked(owner, no_email_listing, upload, error):
    response = claim(owner, no_email_listing, document=document(*upload))
    assert response.status_code == 200 and error in response.content.decode()
    assert not ClaimRequest.objects.exists()


def test_a_document_is_for_staff_only(client, owner, make_user, no_email_listing, moderator_client):
    response = claim(owner, no_email_listing, document=document())
    assert response["Location"] == reverse("my_businesses")
    request = ClaimRequest.objects.get()
    assert request.submitted_at and request.verification == "document"
    # Stored outside the public media, under a name nobody can guess or read anything from.
    path = Path(request.document.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "uittreksel" not in path.name and path.read_bytes() == PDF
    with pytest.raises(ValueError):
        request.document.url  # noqa: B018
    [to_staff] = [m for m in mail.outbox if m.to == ["moderator@gemeente.nl"]]
    assert "document" in to_staff.body
    url = reverse("wagtailsnippets_businesses_claimrequest:document", args=[request.pk])
    # Not the public, not the claimant, not another entrepreneur.
    assert client.get(url).status_code == 302
    for person in (owner, make_user("ander@example.nl")):
        if not hasattr(person, "get"):
            other = type(client)()
            other.force_login(person)
            person = other
        response = person.get(url)
        assert response.status_code in (302, 403) and PDF not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )
    assert client.get(f"{settings.MEDIA_URL}{request.document.name}").status_code == 404
    # Staff see the link on the decision page and download it, never kept by a cache.
    html = decision_page(moderator_client, request)
    assert url in html and "document, controleer het" in html
    response = moderator_client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_image_document_is_accepted(owner, no_email_listing):
    upload = document("scan.jpg", image_bytes(), "image/jpeg")
    assert claim(owner, no_email_listing, document=upload)["Location"] == reverse("my_businesses")
    assert ClaimRequest.objects.get().document.name.endswith(".jpg")


def test_the_document_is_deleted_when_the_claim_is_decided(
    owner, entrepreneur, no_email_listing, moderator_client
):
    claim(owner, no_email_listing, document=document())
    request = ClaimRequest.objects.get()
    path = Path(request.document.path)
    response = decide(moderator_client, request, "approve", "Uittreksel klopt.")
    assert response.status_code == 302
    request.refresh_from_db()
    no_email_listing.refresh_from_db()
    assert no_email_listing.owner == entrepreneur
    assert not request.document and not path.exists()
    assert "na het besluit verwijderd" in decision_page(moderator_client, request)


def test_someone_who_cannot_read_the_listings_mail_can_send_a_document(owner, listing):
    claim(owner, listing)
    url = reverse("business_claim", args=[listing.pk])
    response = owner.post(url, {"action": "document"})
    assert (
        response.status_code == 200
        and "Kies het bestand met het uittreksel." in response.content.decode()
    )
    response = owner.post(url, {"action": "document", "document": document()})
    assert response["Location"] == reverse("my_businesses")
    request = ClaimRequest.objects.get()
    assert request.verification == "document" and request.submitted_at and not request.code_hash


def test_the_document_is_in_the_export_and_goes_with_the_account(owner, no_email_listing):
    claim(owner, no_email_listing, document=document())
    path = Path(ClaimRequest.objects.get().document.path)
    data, _files = download_my_data(owner)
    [exported] = data["businesses"]["claims"]
    assert exported["verification"] == "document" and exported["document_held"] is True
    from home.privacy import erase_user

    erase_user(ClaimRequest.objects.get().user)
    assert not ClaimRequest.objects.exists() and not path.exists()
