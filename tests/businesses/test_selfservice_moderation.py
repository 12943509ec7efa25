"""Moderators decide on a submitted or edited profile: approve, ask for changes, decline."""

from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from businesses.models import ProfileDraft
from businesses.selfservice import drafts
from tests.helpers import act, edit, submitted_business

# Editing a published profile --------------------------------------------------------------------


def test_an_edit_changes_the_live_profile_only_after_approval(
    owner, entrepreneur, lombok, make_business, moderator_client
):
    business = make_business(
        "Toko Lombok",
        owner=entrepreneur,
        tagline="Alles uit Azië",
        sectors=["supermarkt-toko"],
        languages=["nl"],
        hours=[(0, "09:00", "18:00")],
    )
    edit(owner, business, lombok, tagline="Nu ook op zondag open")
    public = owner.get(f"{lombok.url}{business.slug}/").content.decode()
    assert "Alles uit Azië" in public and "Nu ook op zondag open" not in public
    business.refresh_from_db()
    assert business.live and business.has_unpublished_changes
    html = owner.get(reverse("my_businesses")).content.decode()
    assert "Gepubliceerd" in html and "wacht op controle" in html

    # The moderator sees what changed, then approves.
    compare = reverse(
        "wagtailsnippets_businesses_business:revisions_compare",
        args=[business.pk, "live", "latest"],
    )
    html = moderator_client.get(compare).content.decode()
    assert "Alles uit Azië" in html and "Nu ook op zondag open" in html
    act(moderator_client, business, "approve")
    public = owner.get(f"{lombok.url}{business.slug}/").content.decode()
    assert "Nu ook op zondag open" in public
    assert any("staat online" in m.subject for m in mail.outbox if "amira@example.nl" in m.to)


def test_changes_requested_show_the_moderators_comment(owner, lombok, moderator_client):
    business = submitted_business(owner, lombok)
    mail.outbox.clear()
    act(moderator_client, business, "reject", comment="Voeg een foto van de winkel toe.")
    html = owner.get(reverse("my_businesses")).content.decode()
    assert "Aanpassen gevraagd" in html and "Voeg een foto van de winkel toe." in html
    [message] = [m for m in mail.outbox if "amira@example.nl" in m.to]
    assert "Voeg een foto van de winkel toe." in message.body
    # Changing and submitting again sends it back to the moderators, as one new workflow.
    edit(owner, business, lombok, tagline="Met foto")
    assert drafts.workflow_state_of(business).status == WorkflowState.STATUS_IN_PROGRESS
    assert "Ingediend, wacht op controle" in owner.get(reverse("my_businesses")).content.decode()


def test_a_declined_profile_is_rejected_for_good(owner, lombok, moderator_client):
    business = submitted_business(owner, lombok)
    mail.outbox.clear()
    act(moderator_client, business, "decline", comment="Dit is geen bedrijf in Utrecht.")
    html = owner.get(reverse("my_businesses")).content.decode()
    assert "Afgewezen" in html and "Dit is geen bedrijf in Utrecht." in html
    assert [m for m in mail.outbox if "amira@example.nl" in m.to]
    response = owner.post(reverse("profile_edit", args=[business.pk]))
    assert response["Location"] == reverse("my_businesses")
    assert not ProfileDraft.objects.exists()


def test_approval_publishes_a_new_profile(owner, lombok, moderator_client):
    business = submitted_business(owner, lombok)
    act(moderator_client, business, "approve")
    business.refresh_from_db()
    assert business.live
    assert owner.get(f"{lombok.url}{business.slug}/").status_code == 200
    assert "Gepubliceerd" in owner.get(reverse("my_businesses")).content.decode()
