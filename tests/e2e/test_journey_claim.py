"""Journey: someone claims a listing that has an owner → the code reaches the address the
listing shows → the claimant types it → staff see the claim on the dashboard and approve it →
the new owner edits the profile, the former owner no longer can.

Each person uses their own pages only; the test reads everything back from those pages (and
the code from the mail that reached the listing's address). In Dutch and Arabic, on a phone and a
desktop, with screenshots at each hand-over and axe on every public page.
"""

import re
import time

import pytest
from django.core import mail

from tests.conftest import PASSWORD

from .conftest import admin_log_in, axe_violations, new_page, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLAIMANT = "yusuf@example.nl"
FORMER_OWNER = "ondernemer@example.nl"  # the demo's entrepreneur, owner of the first listing
DEMO_PASSWORD = "demo-wachtwoord-123"
SPAM_CHECK_SECONDS = 3  # home.forms.MINIMUM_SECONDS: a person takes longer than that to fill in


def log_in(page, base, prefix, email, password):
    page.goto(f"{base}{prefix}/account/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/mijn-bedrijf/")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_claimed_listing_changes_hands(demo_site, browser, language, width):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from businesses.models import Business

    base, prefix = demo_site.url, ("" if language == "nl" else f"/{language}")
    name = f"claim-{language}-{width}"
    claimant = get_user_model().objects.create_user("yusuf", email=CLAIMANT, password=PASSWORD)
    EmailAddress.objects.create(user=claimant, email=CLAIMANT, verified=True, primary=True)
    # The demo's first listing belongs to the demo entrepreneur (businesses.demo.data).
    listing = Business.objects.filter(live=True).order_by("pk").first()
    axe = {}

    # The former owner can edit it today, as "Mijn bedrijf" shows.
    former = new_page(browser, width)
    log_in(former, base, prefix, FORMER_OWNER, DEMO_PASSWORD)
    assert former.locator("main").get_by_text(listing.name).count() >= 1
    assert former.locator(f'form[action$="/mijn-bedrijf/{listing.pk}/bewerken/"]').count() == 1

    # The claimant finds the listing and its e-mail address as any visitor does.
    page = new_page(browser, width)
    log_in(page, base, prefix, CLAIMANT, PASSWORD)
    page.goto(base + listing.url)
    if prefix:
        page.locator(f".utrecht-alternate-lang-nav a[hreflang={language}]").click()
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    shown_email = page.locator('main a[href^="mailto:"]').first.get_attribute("href")[7:]
    axe["profiel"] = axe_violations(page)
    page.locator('a[href*="/mijn-bedrijf/claimen/"]').click()
    page.wait_for_load_state()
    opened = time.monotonic()
    local, domain = shown_email.split("@")
    masked = f"{local[0]}***@{domain}"
    assert masked in page.locator("main").inner_text()
    axe["claim"] = axe_violations(page)
    save_screenshot(page, f"{name}-1-claim")
    page.locator("#id_message").fill("Ik heb de zaak deze maand overgenomen.")
    page.locator("#id_consent").check()
    time.sleep(max(0, SPAM_CHECK_SECONDS + 0.2 - (time.monotonic() - opened)))
    page.locator("button[name=action][value=start]").click()
    page.wait_for_load_state()

    # The code went to the address the listing shows; the claimant's page says where, masked.
    assert page.locator("#id_code").is_visible()
    text = page.locator("main").inner_text()
    assert masked in text and shown_email not in text
    axe["code"] = axe_violations(page)
    save_screenshot(page, f"{name}-2-code-sent")
    [code_mail] = [m for m in mail.outbox if m.to == [shown_email]]
    code = re.search(r"^\s+(\d{6})\s*$", code_mail.body, re.MULTILINE).group(1)
    assert code not in page.content()
    page.locator("#id_code").fill(code)
    page.locator("button[name=action][value=verify]").click()
    page.wait_for_url("**/mijn-bedrijf/")
    assert listing.name in page.locator("main").inner_text()
    axe["mijn bedrijf, claim ingediend"] = axe_violations(page)
    save_screenshot(page, f"{name}-3-claim-with-staff")

    # Staff see it on their dashboard, read how it was verified, and approve it.
    admin = new_page(browser, width)
    admin_log_in(admin, base, "admin", DEMO_PASSWORD)
    panel = admin.locator("#pending-claims-section")
    row = panel.locator("tbody tr", has_text=listing.name)
    assert row.count() == 1
    assert CLAIMANT in row.inner_text()
    assert "e-mailadres van de vermelding bevestigd" in row.inner_text()
    panel.scroll_into_view_if_needed()
    save_screenshot(admin, f"{name}-4-staff-dashboard")
    row.locator("a").first.click()
    admin.wait_for_load_state()
    verification = admin.locator("[data-claim-verification]")
    assert "e-mailadres van de vermelding bevestigd" in verification.inner_text()
    assert shown_email in verification.inner_text()
    admin.locator("input[name=decision][value=approve]").check()
    admin.locator("textarea[name=staff_comment]").fill("Welkom!")
    save_screenshot(admin, f"{name}-5-staff-decides")
    admin.locator("button.action-save").first.click()
    admin.wait_for_url("**/admin/snippets/businesses/claimrequest/")
    admin.goto(base + "/admin/")
    assert admin.locator("#pending-claims-section tbody tr", has_text=listing.name).count() == 0

    # The new owner: the decision by e-mail, and the profile to edit in "Mijn bedrijf".
    [approved] = [m for m in mail.outbox if m.to == [CLAIMANT]]
    assert "Welkom!" in approved.body
    page.goto(f"{base}{prefix}/mijn-bedrijf/")
    edit = page.locator(f'form[action$="/mijn-bedrijf/{listing.pk}/bewerken/"] button')
    assert edit.count() == 1
    axe["mijn bedrijf, nieuwe eigenaar"] = axe_violations(page)
    save_screenshot(page, f"{name}-6-new-owner")
    edit.click()
    page.wait_for_url("**/basis/")
    assert page.locator("#id_name").input_value() == listing.name
    axe["profiel aanpassen"] = axe_violations(page)
    save_screenshot(page, f"{name}-7-new-owner-edits")

    # The former owner is told, and "Mijn bedrijf" no longer offers the listing.
    [told] = [m for m in mail.outbox if m.to == [FORMER_OWNER]]
    assert listing.name in told.subject
    former.goto(f"{base}{prefix}/mijn-bedrijf/")
    assert former.locator(f'form[action$="/mijn-bedrijf/{listing.pk}/bewerken/"]').count() == 0
    assert listing.name not in former.locator("main").inner_text()
    axe["mijn bedrijf, vorige eigenaar"] = axe_violations(former)
    save_screenshot(former, f"{name}-8-former-owner")

    assert axe == {page_name: [] for page_name in axe}
