"""E-mails about businesses: to the owner on every status change, to moderators on new work.

All go through home.email.send_templated_email, i.e. Django's tasks framework.
"""

from home.email import send_templated_email
from home.permissions import moderator_addresses

OWNER_EVENTS = ("submitted", "changes_requested", "published", "declined")


def notify_owner(business, event, comment=""):
    assert event in OWNER_EVENTS, event
    if business.owner_id is None:
        return
    send_templated_email(
        f"businesses/email/owner_{event}",
        {"business": business, "comment": comment, "owner": business.owner},
        [business.owner.email],
    )


def notify_moderators_of_submission(business, is_new):
    send_templated_email(
        "businesses/email/moderators_submission",
        {"business": business, "is_new": is_new},
        moderator_addresses(),
    )


def notify_staff_of_report(report):
    send_templated_email("businesses/email/report", {"report": report}, moderator_addresses())


def send_claim_code(claim, code):
    """The one-time code, to the address the listing shows (never to the claimant's own, unless
    it is the same): whoever reads that mailbox speaks for the business."""
    send_templated_email(
        "businesses/email/claim_code",
        {"claim": claim, "code": code, "hours": int(claim.CODE_VALID.total_seconds() // 3600)},
        [claim.code_sent_to],
    )


def notify_moderators_of_claim(claim):
    send_templated_email(
        "businesses/email/moderators_claim", {"claim": claim}, moderator_addresses()
    )


def notify_claim_decided(claim):
    send_templated_email(
        f"businesses/email/claim_{claim.status}", {"claim": claim}, [claim.user.email]
    )


def notify_former_owner(business, former_owner, edits_closed):
    send_templated_email(
        "businesses/email/former_owner",
        {"business": business, "edits_closed": edits_closed},
        [former_owner.email],
    )
