""" "Dit is mijn bedrijf": someone asks to become the owner of a listing, proves it with a code
sent to the listing's e-mail address (or a document where it has none), and staff decide."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from businesses.models import ClaimRequest
from home.models import Consent
from tests.helpers import download_my_data, image_bytes, started

LISTING_EMAIL = "info@kapsalon-nour.nl"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def listing(make_business):
    return make_business("Kapsalon Nour", kvk_number="87654321", email=LISTING_EMAIL)


@pytest.fixture
def no_email_listing(make_business):
    return make_business("Toko Lombok", kvk_number="12345678")


def claim(client, business, **data):
    form = {
        "kvk_number": "87654321",
        "message": "Ik heb de zaak in 2021 overgenomen.",
        "consent": "on",
        "started": started(),
    }
    return client.post(reverse("business_claim", args=[business.pk]), {**form, **data})


def sent_code(to=LISTING_EMAIL):
    """The code in the last e-mail to `to`, as its reader sees it."""
    [*_, message] = [m for m in mail.outbox if m.to == [to]]
    return re.search(r"^\s+(\d{6})\s*$", message.body, re.MULTILINE).group(1)


def type_code(client, business, code):
    return client.post(
        reverse("business_claim", args=[business.pk]), {"action": "verify", "code": code}
    )


def claim_and_verify(client, business):
    claim(client, business)
    return type_code(client, business, sent_code())


def decide(moderator_client, claim_request, decision, comment=""):
    url = reverse("wagtailsnippets_businesses_claimrequest:edit", args=[claim_request.pk])
    return moderator_client.post(url, {"decision": decision, "staff_comment": comment})


def decision_page(moderator_client, claim_request):
    url = reverse("wagtailsnippets_businesses_claimrequest:edit", args=[claim_request.pk])
    return moderator_client.get(url).content.decode()


def test_the_profile_invites_its_owner_to_claim_it(client, listing, lombok):
    html = client.get(f"{lombok.url}{listing.slug}/").content.decode()
    assert reverse("business_claim", args=[listing.pk]) in html


def test_claiming_needs_an_account(client, listing):
    response = client.get(reverse("business_claim", args=[listing.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_verified_claim_reaches_the_moderators(owner, entrepreneur, listing, moderator):
    response = claim(owner, listing)
    assert response["Location"] == reverse("business_claim", args=[listing.pk])
    request = ClaimRequest.objects.get()
    assert (request.user, request.status, request.submitted_at) == (entrepreneur, "pending", None)
    assert Consent.objects.filter(user=entrepreneur, purpose="business_claim").exists()
    # Only the listing's address has heard of it so far.
    assert [m.to for m in mail.outbox] == [[LISTING_EMAIL]]
    response = type_code(owner, listing, sent_code())
    assert response["Location"] == reverse("my_businesses")
    [message] = [m for m in mail.outbox if m.to == ["moderator@gemeente.nl"]]
    assert "Kapsalon Nour" in message.body and "Bevestigd" in message.body
    assert LISTING_EMAIL in message.body
    html = owner.get(reverse("my_businesses")).content.decode()
    assert "Kapsalon Nour" in html and "in behandeling" in html


def test_a_claim_with_errors_keeps_what_was_typed(owner, listing):
    response = claim(owner, listing, kvk_number="1234", consent="")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="1234"' in html and "in 2021 overgenomen" in html
    assert "8 cijfers" in html
    assert not ClaimRequest.objects.exists()


def test_a_kvk_number_with_spaces_is_kept_as_its_digits(owner, listing):
    claim(owner, listing, kvk_number="8765 4321")
    assert ClaimRequest.objects.get().kvk_number == "87654321"


def test_bots_filling_the_honeypot_are_turned_away(owner, listing):
    response = claim(owner, listing, website_url="http://spam.example")
    assert "lijkt op spam" in response.content.decode()
    assert not ClaimRequest.objects.exists()


def test_one_pending_claim_per_person(owner, listing):
    claim(owner, listing)
    claim(owner, listing)
    assert ClaimRequest.objects.count() == 1


def test_claims_are_rate_limited(owner, make_business):
    for number in range(6):
        response = claim(owner, make_business(f"Zaak {number}", email=f"zaak{number}@example.nl"))
    assert response.status_code == 200
    assert "Probeer het morgen opnieuw" in response.content.decode()
    assert ClaimRequest.objects.count() == 5


def test_unpublished_businesses_cannot_be_claimed(owner, make_business):
    draft = make_business("Nog niet online", live=False)
    assert owner.get(reverse("business_claim", args=[draft.pk])).status_code == 404
    assert owner.get(reverse("business_claim", args=[999999])).status_code == 404


def test_approval_makes_the_requester_the_owner(owner, entrepreneur, listing, moderator_client):
    claim_and_verify(owner, listing)
    request = ClaimRequest.objects.get()
    html = decision_page(moderator_client, request)
    assert "e-mailadres van de vermelding bevestigd" in html and LISTING_EMAIL in html
    mail.outbox.clear()
    response = decide(moderator_client, request, "approve", "Welkom!")
    assert response.status_code == 302
    listing.refresh_from_db()
    request.refresh_from_db()
    assert listing.owner == entrepreneur
    assert request.status == "approved" and request.decided_by.email == "moderator@gemeente.nl"
    [message] = mail.outbox
    assert message.to == ["amira@example.nl"] and "Welkom!" in message.body
    html = owner.get(reverse("my_businesses")).content.decode()
    assert reverse("profile_edit", args=[listing.pk]) in html


def test_rejection_leaves_the_owner_alone(owner, listing, moderator_client):
    claim(owner, listing, kvk_number="11111111")
    type_code(owner, listing, sent_code())
    request = ClaimRequest.objects.get()
    html = decision_page(moderator_client, request)
    assert "87654321" in html  # the number the profile has, for information
    mail.outbox.clear()
    decide(moderator_client, request, "reject", "Het KvK-nummer hoort bij een ander bedrijf.")
    listing.refresh_from_db()
    assert listing.owner is None
    assert ClaimRequest.objects.get().status == "rejected"
    assert "ander bedrijf" in mail.outbox[0].body
    # A decided claim stays decided.
    response = decide(moderator_client, request, "approve")
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.owner is None


def test_staff_do_not_make_claims_themselves(moderator_client):
    response = moderator_client.get(reverse("wagtailsnippets_businesses_claimrequest:add"))
    assert response.status_code in (302, 403)
    html = moderator_client.get(
        reverse("wagtailsnippets_businesses_claimrequest:list")
    ).content.decode()
    assert reverse("wagtailsnippets_businesses_claimrequest:add") not in html


def test_entrepreneurs_cannot_decide_their_own_claim(owner, listing):
    claim_and_verify(owner, listing)
    request = ClaimRequest.objects.get()
    response = decide(owner, request, "approve")
    assert response.status_code in (302, 403)
    listing.refresh_from_db()
    assert listing.owner is None


# A claim moves the business completely ---------------------------------------------------------


def test_an_approved_claim_ends_the_former_owners_edits(
    client, make_user, make_business, lombok, moderator_client
):
    """A opens an edit; C claims the business and staff approve; C submits an edit: whatever A
    posts afterwards reaches nobody, and C's edit stays with the moderators."""
    from businesses.models import ProfileDraft
    from tests.businesses.test_selfservice import fill_in, step_url

    former, new = make_user("a@example.nl"), make_user("c@example.nl")
    business = make_business(
        "Kapsalon Nour", owner=former, kvk_number="87654321", email=LISTING_EMAIL
    )
    client.force_login(former)
    client.post(reverse("profile_edit", args=[business.pk]))
    draft_a = ProfileDraft.objects.get(owner=former)
    fill_in(client, draft_a, lombok, until="verhaal", basis={"name": "Kapsalon Nour"})

    c = type(client)()
    c.force_login(new)
    claim_and_verify(c, business)
    mail.outbox.clear()
    decide(moderator_client, ClaimRequest.objects.get(), "approve")
    # A's edit is closed, and A is told so.
    assert not ProfileDraft.objects.filter(owner=former).exists()
    [to_former] = [m for m in mail.outbox if m.to == ["a@example.nl"]]
    assert "niet meer op jouw naam" in to_former.subject
    assert "Kapsalon Nour" not in client.get(reverse("my_businesses")).content.decode()

    c.post(reverse("profile_edit", args=[business.pk]))
    draft_c = ProfileDraft.objects.get(owner=new)
    fill_in(
        c, draft_c, lombok, until="indienen", basis={"name": "Kapsalon Nour", "tagline": "Van C"}
    )
    # A posts to the old draft's pages: nothing is there for them.
    assert client.post(step_url(draft_a, "indienen"), {"consent": "on"}).status_code == 404
    assert client.post(step_url(draft_a, "basis"), {"name": "Van A"}).status_code == 404
    assert client.post(reverse("profile_edit", args=[business.pk])).status_code == 404
    # The moderators still review C's edit, as their dashboard shows.
    from businesses.selfservice.drafts import workflow_state_of

    state = workflow_state_of(business)
    assert state.status == "in_progress" and state.requested_by == new
    dashboard = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kapsalon Nour" in dashboard


def test_an_approved_claim_withdraws_the_former_owners_submission(
    client, make_user, make_business, lombok, moderator_client
):
    from tests.businesses.test_selfservice import fill_in

    former, new = make_user("a@example.nl"), make_user("c@example.nl")
    business = make_business(
        "Kapsalon Nour", owner=former, kvk_number="87654321", email=LISTING_EMAIL
    )
    client.force_login(former)
    client.post(reverse("profile_edit", args=[business.pk]))
    from businesses.models import ProfileDraft
    from businesses.selfservice.drafts import workflow_state_of

    draft = ProfileDraft.objects.get(owner=former)
    fill_in(
        client, draft, lombok, until="indienen", basis={"name": "Kapsalon Nour", "tagline": "Van A"}
    )
    assert workflow_state_of(business).status == "in_progress"
    c = type(client)()
    c.force_login(new)
    claim_and_verify(c, business)
    decide(moderator_client, ClaimRequest.objects.get(), "approve")
    assert workflow_state_of(business).status == "cancelled"
    business.refresh_from_db()
    assert (
        business.owner == new
        and "Van A" not in client.get(f"{lombok.url}{business.slug}/").content.decode()
    )


# Proof: what only the business has, never what the profile shows -------------------------------


def test_copying_the_public_kvk_number_verifies_nothing(
    client, owner, listing, lombok, moderator_client
):
    public = client.get(f"{lombok.url}{listing.slug}/").content.decode()
    assert "87654321" in public  # anyone can read it
    claim(owner, listing, kvk_number="87654321")
    request = ClaimRequest.objects.get()
    assert request.submitted_at is None
    assert not [m for m in mail.outbox if m.to == ["moderator@gemeente.nl"]]
    html = decision_page(moderator_client, request)
    assert "klopt" not in html and "komt overeen" not in html
    assert "bewijst dus niet" in html
    # Staff cannot approve it until the code is typed (or a document sent).
    response = decide(moderator_client, request, "approve")
    assert response.status_code == 200 and "niet bevestigd" in response.content.decode()
    listing.refresh_from_db()
    assert listing.owner is None


def test_the_code_goes_to_the_listings_address_and_typing_it_verifies(
    owner, listing, moderator_client
):
    response = owner.get(reverse("business_claim", args=[listing.pk]))
    assert "i***@kapsalon-nour.nl" in response.content.decode()
    response = claim(owner, listing)
    [message] = mail.outbox
    assert message.to == [LISTING_EMAIL] and "Kapsalon Nour" in message.subject
    code = sent_code()
    # The claimant sees where it went, never the address in full nor the code.
    html = owner.get(response["Location"]).content.decode()
    assert "i***@kapsalon-nour.nl" in html
    assert LISTING_EMAIL not in html and code not in html
    assert "no-store" in owner.get(response["Location"])["Cache-Control"]
    # Spaces, as people copy them, are fine.
    response = type_code(owner, listing, f"{code[:3]} {code[3:]}")
    assert response["Location"] == reverse("my_businesses")
    request = ClaimRequest.objects.get()
    assert request.email_verified_at and request.code_sent_to == LISTING_EMAIL
    assert request.code_hash == "" and code not in str(request.__dict__)
    # The claim is now with staff; the page says so instead of asking again.
    response = owner.get(reverse("business_claim", args=[listing.pk]))
    assert response["Location"] == reverse("my_businesses")


def test_codes_are_kept_hashed(owner, listing):
    claim(owner, listing)
    request = ClaimRequest.objects.get()
    assert request.code_hash and sent_code() not in request.code_hash


def test_a_wrong_code_says_so_and_keeps_what_was_typed(owner, listing):
    claim(owner, listing)
    wrong = "000000" if sent_code() != "000000" else "111111"
    response = type_code(owner, listing, wrong)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze code klopt niet. Je kunt het nog 4 keer proberen." in html
    assert f'value="{wrong}"' in html and 'aria-invalid="true"' in html
    response = type_code(owner, listing, "12ab")
    assert "Vul de 6 cijfers uit de e-mail in." in response.content.decode()
    assert 'value="12ab"' in response.content.decode()
    assert ClaimRequest.objects.get().submitted_at is None


def test_an_expired_code_says_so(owner, listing):
    claim(owner, listing)
    code = sent_code()
    ClaimRequest.objects.update(code_sent_at=timezone.now() - timedelta(hours=25))
    response = type_code(owner, listing, code)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze code is verlopen." in html and f'value="{code}"' in html
    assert ClaimRequest.objects.get().submitted_at is None


def test_a_code_for_an_address_the_listing_no_longer_has_proves_nothing(owner, listing):
    claim(owner, listing)
    code = sent_code()
    type(listing).objects.filter(pk=listing.pk).update(email="nieuw@kapsalon-nour.nl")
    response = type_code(owner, listing, code)
    assert "Deze code is verlopen." in response.content.decode()


def test_too_many_attempts_void_the_code_and_a_new_one_works(owner, listing):
    claim(owner, listing)
    code = sent_code()
    wrong = "000000" if code != "000000" else "111111"
    for _try in range(ClaimRequest.CODE_ATTEMPTS):
        response = type_code(owner, listing, wrong)
    assert "te vaak verkeerd ingevuld" in response.content.decode()
    response = type_code(owner, listing, code)  # even the right code: too late
    assert response.status_code == 200
    assert "te vaak verkeerd ingevuld" in response.content.decode()
    assert ClaimRequest.objects.get().submitted_at is None
    # A new code starts again.
    response = owner.post(reverse("business_claim", args=[listing.pk]), {"action": "resend"})
    assert response.status_code == 302
    assert len([m for m in mail.outbox if m.to == [LISTING_EMAIL]]) == 2
    assert type_code(owner, listing, sent_code())["Location"] == reverse("my_businesses")


def test_sending_codes_is_rate_limited(owner, listing):
    claim(owner, listing)
    for _resend in range(6):
        response = owner.post(
            reverse("business_claim", args=[listing.pk]), {"action": "resend"}, follow=True
        )
    assert "Je hebt al veel codes gevraagd" in response.content.decode()
    assert len([m for m in mail.outbox if m.to == [LISTING_EMAIL]]) == 5


def test_the_same_listing_gets_no_flood_of_codes(client, make_user, listing):
    for number in range(11):
        client.force_login(make_user(f"persoon{number}@example.nl"))
        claim(client, listing)
    assert len([m for m in mail.outbox if m.to == [LISTING_EMAIL]]) == 10


# Listings without an e-mail address: a document, for staff only --------------------------------


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


# Staff see what waits for them ----------------------------------------------------------------


def test_a_pending_claim_shows_on_the_staff_dashboard(owner, listing, moderator_client):
    claim(owner, listing)
    panel = BeautifulSoup(
        moderator_client.get(reverse("wagtailadmin_home")).content, "html.parser"
    ).select_one("#pending-claims-section")
    # Waiting for the code: counted, not listed (there is nothing to decide yet).
    assert "wacht 1 claim nog op de code" in panel.get_text(" ", strip=True)
    type_code(owner, listing, sent_code())
    soup = BeautifulSoup(moderator_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.select_one("#pending-claims-section")
    [row] = panel.select("tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert cells[:3] == [
        "Kapsalon Nour",
        "amira@example.nl",
        "e-mailadres van de vermelding bevestigd",
    ]
    assert "geleden" in cells[3]
    request = ClaimRequest.objects.get()
    assert row.select_one("a")["href"] == reverse(
        "wagtailsnippets_businesses_claimrequest:edit", args=[request.pk]
    )


def test_people_who_do_not_decide_claims_see_no_claims_panel(owner, listing, make_user, client):
    from django.contrib.auth.models import Permission

    claim_and_verify(owner, listing)
    editor = make_user("redacteur@gemeente.nl", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "pending-claims" not in html and "Kapsalon Nour" not in html


def test_the_claims_list_has_distinct_column_headers(owner, listing, moderator_client):
    claim_and_verify(owner, listing)
    soup = BeautifulSoup(
        moderator_client.get(reverse("wagtailsnippets_businesses_claimrequest:list")).content,
        "html.parser",
    )
    headers = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    headers = [h for h in headers if h]
    assert len(headers) == len(set(headers)), headers
    assert "Bevestiging" in headers and "Opgegeven KvK-nummer" in headers
    assert "e-mailadres van de vermelding bevestigd" in soup.get_text()
