"""Proving a claim with a code sent to the listing's e-mail address: what only the business has,
never what the profile shows."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from businesses.models import ClaimRequest
from tests.helpers import (
    LISTING_EMAIL,
    claim,
    decide,
    decision_page,
    sent_code,
    type_code,
)


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
