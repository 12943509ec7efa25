"""What happens to a match request, step by step: the engine's proposal, staff confirming it,
the introduction, the mentor's answer, the intake, the feedback at the end. Every step is a
MatchEvent and sends its e-mails (through the tasks framework)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home.email import send_templated_email
from home.permissions import moderator_addresses
from programmes.mentoring import matching
from programmes.mentoring.candidates import (
    BUSY,
    candidates,
    contact_for,
    mentor_loads,
    names,
    wish_for,
)
from programmes.models import (
    MatchEvent,
    MatchRequest,
    MentorMatch,
    Proposal,
)

# What the founder is promised ("binnen vijf werkdagen hoor je van ons"): the request is sent to a
# mentor within this many working days (Monday to Friday). Past it, staff see it as overdue.
PROMISED_WORKING_DAYS = 5
# Steps in which the request waits for staff to send it to a mentor.
WAITING_ON_STAFF = (MatchRequest.Status.REQUESTED, MatchRequest.Status.PROPOSED)


def log(request, status, actor=None, label="", note=""):
    MatchEvent.objects.create(
        request=request, status=status, actor=actor, actor_label=label, note=note
    )


def set_status(request, status):
    request.status = status
    request.updated_at = timezone.now()
    request.save(update_fields=["status", "updated_at"])


def staff_step(request, status, user, note=""):
    """The request moves on to `status` by this staff member's hand, in the log by their name."""
    set_status(request, status)
    log(request, status, user, user.get_full_name() or user.get_username(), note)


@transaction.atomic
def submit(request, founder):
    """A new request: store the engine's proposal and tell the founder and staff."""
    log(request, MatchRequest.Status.REQUESTED, founder, str(founder.email))
    proposals = propose(request)
    contact = contact_for(request)
    send_templated_email(
        "programmes/email/founder_received",
        {
            "request": request,
            "contact": contact,
            "found": bool(proposals),
            "days": PROMISED_WORKING_DAYS,
        },
        [founder.email],
    )
    template = (
        "programmes/email/staff_new_request" if proposals else "programmes/email/staff_no_candidate"
    )
    send_templated_email(
        template, {"request": request, "proposals": proposals}, moderator_addresses()
    )
    return proposals


@transaction.atomic
def propose(request, exclude=()):
    """(Re)compute the engine's proposal for a request and store it. Its reasons are stored
    in words, for staff: in Dutch, whichever language the founder asked in."""
    with translation.override(settings.LANGUAGE_CODE):
        ranked = matching.rank_mentors(
            wish_for(request), [c for c in candidates() if c.id not in set(exclude)], names()
        )
    # Two staff members recalculating at once would both delete the old proposal and insert a
    # new one, and the second insert would break the one-proposal-per-mentor rule: the row lock
    # makes the second wait until the first has committed.
    list(MatchRequest.objects.select_for_update().filter(pk=request.pk).values_list("pk"))
    request.proposals.all().delete()
    return Proposal.objects.bulk_create(
        Proposal(
            request=request, mentor_id=r.candidate.id, position=i, score=r.score, reasons=r.reasons
        )
        for i, r in enumerate(ranked)
    )


@transaction.atomic
def confirm(request, user, mentor_ids, note=""):
    """Staff confirm the proposal, in their own order, possibly with other mentors."""
    existing = {p.mentor_id: p for p in request.proposals.all()}
    request.proposals.exclude(mentor_id__in=mentor_ids).delete()
    for position, mentor_id in enumerate(mentor_ids):
        proposal = existing.get(mentor_id) or Proposal(
            request=request, mentor_id=mentor_id, reasons=[str(_("gekozen door de gemeente"))]
        )
        proposal.position = position
        proposal.save()
    request.staff_note = note
    request.save(update_fields=["staff_note"])
    staff_step(request, MatchRequest.Status.PROPOSED, user, note)


class CannotIntroduce(Exception):
    pass


def can_propose(request, now=None):
    """Staff can send the request to a mentor: it waits for them, or the mentor who was asked
    never answered and their link no longer works."""
    if request.status in WAITING_ON_STAFF:
        return True
    match = request.current_match
    return (
        request.status == MatchRequest.Status.INTRODUCED
        and match is not None
        and match.status == MentorMatch.Status.INTRODUCED
        and not match.link_works(now)
    )


@transaction.atomic
def propose_to_mentor(request, user, mentor_ids, note=""):
    """Staff's one step in the queue: their choice of mentors, in order, and the first who has
    room gets the e-mail with the link at once (the founder hears too). Nothing changes when
    none of them has room (CannotIntroduce)."""
    unanswered = request.current_match
    if unanswered is not None and unanswered.status == MentorMatch.Status.INTRODUCED:
        # Their link has expired (can_propose): the introduction ends unanswered.
        unanswered.status = MentorMatch.Status.CLOSED
        unanswered.updated_at = timezone.now()
        unanswered.save(update_fields=["status", "updated_at"])
    confirm(request, user, mentor_ids, note)
    return introduce(request, user)


@transaction.atomic
def introduce(request, user):
    """E-mail the first proposed mentor who still has room, and the founder."""
    loads = mentor_loads()
    for proposal in request.proposals.select_related("mentor"):
        mentor = proposal.mentor
        if (
            mentor.live
            and mentor.is_active
            and mentor.vetted_at
            and loads.get(mentor.pk, 0) < mentor.capacity
        ):
            break
    else:
        raise CannotIntroduce
    match = MentorMatch.objects.create(request=request, mentor=mentor)
    staff_step(request, MatchRequest.Status.INTRODUCED, user, mentor.name)
    context = {"request": request, "match": match, "mentor": mentor, "reasons": proposal.reasons}
    send_templated_email("programmes/email/mentor_introduced", context, [mentor.email])
    send_templated_email("programmes/email/founder_introduced", context, [request.founder.email])
    return match


@transaction.atomic
def answer(match, accept, note=""):
    """The mentor accepts or declines through their link."""
    request = match.request
    match.status = MentorMatch.Status.ACCEPTED if accept else MentorMatch.Status.DECLINED
    match.updated_at = timezone.now()
    match.save(update_fields=["status", "updated_at"])
    label = f"{match.mentor.name} (mentor)"
    if accept:
        log(request, MentorMatch.Status.ACCEPTED, None, label, note)
        send_templated_email(
            "programmes/email/founder_accepted",
            {"request": request, "match": match},
            [request.founder.email],
        )
        send_templated_email(
            "programmes/email/mentor_accepted",
            {"request": request, "match": match},
            [match.mentor.email],
        )
    else:
        log(request, MentorMatch.Status.DECLINED, None, label, note)
        request.proposals.filter(mentor=match.mentor).delete()
        set_status(request, MatchRequest.Status.PROPOSED)
        send_templated_email(
            "programmes/email/staff_declined",
            {"request": request, "match": match, "note": note},
            moderator_addresses(),
        )


@transaction.atomic
def record_intake(match, goal, frequency, label):
    match.intake_goal, match.intake_frequency = goal, frequency
    match.status = MentorMatch.Status.ACTIVE
    match.updated_at = timezone.now()
    match.save()
    set_status(match.request, MatchRequest.Status.ACTIVE)
    log(match.request, MatchRequest.Status.ACTIVE, None, label, goal)


@transaction.atomic
def give_feedback(match, by_founder, rating, comment, self_assessment=None):
    """Both sides rate the match; when both have, it is completed."""
    if by_founder:
        match.founder_rating, match.founder_comment = rating, comment
        match.request.self_assessment_end = self_assessment or {}
        match.request.save(update_fields=["self_assessment_end"])
        label = match.request.founder.email
    else:
        match.mentor_rating, match.mentor_comment = rating, comment
        label = f"{match.mentor.name} (mentor)"
    log(match.request, "feedback", None, label, comment)
    if match.founder_rating and match.mentor_rating:
        match.status = MentorMatch.Status.COMPLETED
        set_status(match.request, MatchRequest.Status.COMPLETED)
        log(match.request, MatchRequest.Status.COMPLETED, None, label)
    match.updated_at = timezone.now()
    match.save()


@transaction.atomic
def close(request, user, reason, label=None):
    request.close_reason = reason
    request.save(update_fields=["close_reason"])
    request.matches.filter(status__in=BUSY).update(
        status=MentorMatch.Status.CLOSED, updated_at=timezone.now()
    )
    set_status(request, MatchRequest.Status.CLOSED)
    log(
        request,
        MatchRequest.Status.CLOSED,
        user,
        label or (user.get_username() if user else ""),
        reason,
    )


@transaction.atomic
def submit_mentor_change(mentor, user):
    """A mentor's own change becomes a revision in moderation; the live entry stays as it is.
    `mentor` is the form's unsaved instance, its many-to-many fields set in memory
    (SavesParentalManyToManyMixin), which the revision holds."""
    revision = mentor.save_revision(user=user, log_action=True)
    workflow = mentor.get_workflow()
    state = mentor.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    if workflow is not None:
        workflow.start(mentor, user)
    else:
        revision.publish(user=user)
    send_templated_email(
        "programmes/email/staff_mentor_change", {"mentor": mentor}, moderator_addresses()
    )
