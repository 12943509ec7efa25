""" "Dit is mijn bedrijf": asking to become the owner of a listing, staff's decision, and an
approved claim moving the business completely."""

from django.core import mail
from django.urls import reverse

from businesses.models import ClaimRequest
from home.models import Consent
from tests.helpers import (
    LISTING_EMAIL,
    claim,
    claim_and_verify,
    decide,
    decision_page,
    sent_code,
    type_code,
)


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
    from tests.helpers import fill_in, step_url

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
    from tests.helpers import fill_in

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
