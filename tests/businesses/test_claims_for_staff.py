"""Staff see the claims that wait for them; others see no claims panel."""

from bs4 import BeautifulSoup
from django.urls import reverse

from businesses.models import ClaimRequest
from tests.helpers import (
    claim,
    claim_and_verify,
    sent_code,
    type_code,
)


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
