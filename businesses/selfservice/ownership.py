"""Who owns a business and where its profile stands, as the entrepreneur sees it: a claim
approved moves the ownership; "Mijn bedrijf" shows the status."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from businesses.models import Business, ProfileDraft
from businesses.notifications import notify_former_owner
from businesses.selfservice.drafts import workflow_state_of
from businesses.selfservice.photos import delete_unused_images, photos_of


@transaction.atomic
def move_ownership(business, new_owner, by):
    """Make `new_owner` the owner of `business` (an approved claim), completely: the former
    owner's edits in progress are closed and their submission waiting for a moderator is
    withdrawn, so nothing they post afterwards reaches moderation; they get an e-mail."""
    former = business.owner
    Business.objects.filter(pk=business.pk).update(owner=new_owner)
    business.owner = new_owner
    closed = list(ProfileDraft.objects.filter(business=business).exclude(owner=new_owner))
    for draft in closed:
        draft.delete()
        delete_unused_images([p["image"] for p in photos_of(draft)], draft.owner)
    state = workflow_state_of(business)
    withdrawn = bool(
        state
        and state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
        and state.requested_by_id != new_owner.pk
    )
    if withdrawn:
        state.cancel(user=by)
    if former is not None and former != new_owner:
        notify_former_owner(business, former, edits_closed=bool(closed) or withdrawn)


# Status, as the entrepreneur sees it -------------------------------------------------------------

STATUS_LABELS = {
    "draft": _("Concept"),
    "submitted": _("Ingediend, wacht op controle"),
    "changes_requested": _("Aanpassen gevraagd"),
    "published": _("Gepubliceerd"),
    "rejected": _("Afgewezen"),
}


def owner_status(business):
    """(status, moderator's comment, whether an edit is waiting) for "Mijn bedrijf"."""
    state = workflow_state_of(business)
    task = state.current_task_state if state else None
    comment = task.comment if task else ""
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ("published", "", True) if business.live else ("submitted", "", False)
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "changes_requested", comment, False
    if business.declined_at and not business.live:
        return "rejected", comment, False
    if business.live:
        declined_edit = bool(
            business.declined_at
            and business.last_published_at
            and business.declined_at > business.last_published_at
        )
        return "published", comment if declined_edit else "", False
    return "draft", "", False
