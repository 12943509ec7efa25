"""What happens to a match request, step by step: the engine's proposal, staff confirming it,
the introduction, the mentor's answer, the intake, the feedback at the end. Every step is a
MatchEvent and sends its e-mails (through the tasks framework)."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from businesses.models import Language, NeighbourhoodPage, Sector
from home.email import send_templated_email
from programmes import matching
from programmes.models import (
    MatchEvent,
    MatchRequest,
    Mentor,
    MentorMatch,
    MunicipalContact,
    Need,
    Proposal,
    Stage,
)

BUSY = [MentorMatch.INTRODUCED, MentorMatch.ACCEPTED, MentorMatch.ACTIVE]

# What the founder is promised ("binnen vijf werkdagen hoor je van ons"): the request is sent to a
# mentor within this many working days (Monday to Friday). Past it, staff see it as overdue.
PROMISED_WORKING_DAYS = 5
# Steps in which the request waits for staff to send it to a mentor.
WAITING_ON_STAFF = (MatchRequest.REQUESTED, MatchRequest.PROPOSED)


# From the database to the engine's plain data ----------------------------------------------


def mentor_loads():
    return dict(
        MentorMatch.objects.filter(status__in=BUSY)
        .values("mentor_id")
        .annotate(n=Count("id"))
        .values_list("mentor_id", "n")
    )


RELATIONS = ("expertise", "sectors", "stages", "languages", "neighbourhoods")


def related_ids(field_name, mentors):
    """{mentor id: frozenset of ids} of one many-to-many field, read as plain pairs: with
    thousands of mentors, building a model instance per row would take most of the time."""
    field = Mentor._meta.get_field(field_name)
    pairs = field.remote_field.through.objects.filter(
        **{f"{field.m2m_field_name()}__in": mentors.values("pk")}
    ).values_list(field.m2m_field_name(), field.m2m_reverse_field_name())
    found = {}
    for mentor_id, other_id in pairs:
        found.setdefault(mentor_id, set()).add(other_id)
    return {mentor_id: frozenset(ids) for mentor_id, ids in found.items()}


def candidates(queryset=None):
    mentors = queryset if queryset is not None else Mentor.objects.filter(live=True)
    loads = mentor_loads()
    related = {name: related_ids(name, mentors) for name in RELATIONS}
    none = frozenset()
    return [
        matching.Candidate(
            id=pk,
            name=name,
            expertise=related["expertise"].get(pk, none),
            sectors=related["sectors"].get(pk, none),
            stages=related["stages"].get(pk, none),
            languages=related["languages"].get(pk, none),
            neighbourhoods=related["neighbourhoods"].get(pk, none),
            capacity=capacity,
            load=loads.get(pk, 0),
            active=is_active,
            vetted=vetted_at is not None,
        )
        for pk, name, capacity, is_active, vetted_at in mentors.values_list(
            "pk", "name", "capacity", "is_active", "vetted_at"
        )
    ]


def contacts():
    return [
        matching.Contact(
            id=c.pk,
            name=c.name,
            topics=frozenset(t.pk for t in c.topics.all()),
            neighbourhoods=frozenset(n.pk for n in c.neighbourhoods.all()),
            languages=frozenset(language.pk for language in c.languages.all()),
        )
        for c in MunicipalContact.objects.prefetch_related("topics", "neighbourhoods", "languages")
    ]


def names():
    neighbourhoods = NeighbourhoodPage.objects.filter(locale__language_code="nl").values_list(
        "pk", "title", "district"
    )
    return matching.Names(
        needs={n.pk: n.name for n in Need.objects.all()},
        sectors={s.pk: s.name for s in Sector.objects.all()},
        stages={s.pk: s.name for s in Stage.objects.all()},
        languages={language.pk: language.name for language in Language.objects.all()},
        neighbourhoods={pk: title for pk, title, _district in neighbourhoods},
        districts={pk: district for pk, _title, district in neighbourhoods},
        dutch=Language.objects.filter(code="nl").values_list("pk", flat=True).first(),
    )


def wish_for(request):
    return matching.Wish(
        needs=frozenset(n.pk for n in request.needs.all()),
        sector=request.sector_id,
        sector_parent=request.sector.parent_id if request.sector_id else None,
        stage=request.stage_id,
        neighbourhood=request.neighbourhood_id,
        languages=frozenset(language.pk for language in request.languages.all()),
        shared_language_required=request.shared_language_required,
    )


def contact_for(request):
    found = matching.best_contact(wish_for(request), contacts())
    return MunicipalContact.objects.filter(pk=found.id).first() if found else None


# The steps ------------------------------------------------------------------------------------


def log(request, status, actor=None, label="", note=""):
    MatchEvent.objects.create(
        request=request, status=status, actor=actor, actor_label=label, note=note
    )


def set_status(request, status):
    request.status = status
    request.updated_at = timezone.now()
    request.save(update_fields=["status", "updated_at"])


def staff_addresses():
    from businesses.notifications import moderator_addresses

    return moderator_addresses()


@transaction.atomic
def submit(request, founder):
    """A new request: store the engine's proposal and tell the founder and staff."""
    log(request, MatchRequest.REQUESTED, founder, str(founder.email))
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
    send_templated_email(template, {"request": request, "proposals": proposals}, staff_addresses())
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
    set_status(request, MatchRequest.PROPOSED)
    log(request, MatchRequest.PROPOSED, user, user.get_full_name() or user.get_username(), note)


class CannotIntroduce(Exception):
    pass


def can_propose(request, now=None):
    """Staff can send the request to a mentor: it waits for them, or the mentor who was asked
    never answered and their link no longer works."""
    if request.status in WAITING_ON_STAFF:
        return True
    match = request.current_match
    return (
        request.status == MatchRequest.INTRODUCED
        and match is not None
        and match.status == MentorMatch.INTRODUCED
        and not match.link_works(now)
    )


@transaction.atomic
def propose_to_mentor(request, user, mentor_ids, note=""):
    """Staff's one step in the queue: their choice of mentors, in order, and the first who has
    room gets the e-mail with the link at once (the founder hears too). Nothing changes when
    none of them has room (CannotIntroduce)."""
    unanswered = request.current_match
    if unanswered is not None and unanswered.status == MentorMatch.INTRODUCED:
        # Their link has expired (can_propose): the introduction ends unanswered.
        unanswered.status = MentorMatch.CLOSED
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
    set_status(request, MatchRequest.INTRODUCED)
    log(
        request,
        MatchRequest.INTRODUCED,
        user,
        user.get_full_name() or user.get_username(),
        mentor.name,
    )
    context = {"request": request, "match": match, "mentor": mentor, "reasons": proposal.reasons}
    send_templated_email("programmes/email/mentor_introduced", context, [mentor.email])
    send_templated_email("programmes/email/founder_introduced", context, [request.founder.email])
    return match


@transaction.atomic
def answer(match, accept, note=""):
    """The mentor accepts or declines through their link."""
    request = match.request
    match.status = MentorMatch.ACCEPTED if accept else MentorMatch.DECLINED
    match.updated_at = timezone.now()
    match.save(update_fields=["status", "updated_at"])
    label = f"{match.mentor.name} (mentor)"
    if accept:
        log(request, MentorMatch.ACCEPTED, None, label, note)
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
        log(request, MentorMatch.DECLINED, None, label, note)
        request.proposals.filter(mentor=match.mentor).delete()
        set_status(request, MatchRequest.PROPOSED)
        send_templated_email(
            "programmes/email/staff_declined",
            {"request": request, "match": match, "note": note},
            staff_addresses(),
        )


@transaction.atomic
def record_intake(match, goal, frequency, label):
    match.intake_goal, match.intake_frequency = goal, frequency
    match.status = MentorMatch.ACTIVE
    match.updated_at = timezone.now()
    match.save()
    set_status(match.request, MatchRequest.ACTIVE)
    log(match.request, MatchRequest.ACTIVE, None, label, goal)


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
        match.status = MentorMatch.COMPLETED
        set_status(match.request, MatchRequest.COMPLETED)
        log(match.request, MatchRequest.COMPLETED, None, label)
    match.updated_at = timezone.now()
    match.save()


@transaction.atomic
def close(request, user, reason, label=None):
    request.close_reason = reason
    request.save(update_fields=["close_reason"])
    request.matches.filter(status__in=BUSY).update(
        status=MentorMatch.CLOSED, updated_at=timezone.now()
    )
    set_status(request, MatchRequest.CLOSED)
    log(request, MatchRequest.CLOSED, user, label or (user.get_username() if user else ""), reason)


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
        "programmes/email/staff_mentor_change", {"mentor": mentor}, staff_addresses()
    )


# Where a request stands ----------------------------------------------------------------------


def is_overdue(request, today=None):
    """The request still waits for staff after the promised working days."""
    today = today or timezone.localdate()
    since = timezone.localtime(request.updated_at).date()
    return (
        request.status in WAITING_ON_STAFF
        and working_days_between(since, today) > PROMISED_WORKING_DAYS
    )


def waiting_on_staff():
    """The requests staff have to send to a mentor, the longest waiting (the overdue) first."""
    return (
        MatchRequest.objects.filter(status__in=WAITING_ON_STAFF)
        .select_related("founder", "stage", "neighbourhood")
        .order_by("updated_at", "pk")
    )


@dataclass(frozen=True)
class FounderState:
    """Where the founder's request stands, in words: a short status, what has happened and
    what happens next."""

    key: str
    label: str
    happened: str
    next: str


def founder_state(request, match=None, now=None):
    """One state per step, so the founder's page never says "once the mentor says yes" beside a
    timeline where the mentor said yes."""
    match = match if match is not None else request.current_match
    days = {"days": PROMISED_WORKING_DAYS}
    if request.status == MatchRequest.CLOSED:
        return FounderState(
            "closed",
            _("gestopt"),
            _("Deze aanvraag is gestopt."),
            _("Wil je toch weer hulp? Vraag gerust opnieuw een mentor aan."),
        )
    if request.status == MatchRequest.COMPLETED:
        return FounderState(
            "completed",
            _("afgerond"),
            _("Jullie hebben de begeleiding afgerond en allebei verteld hoe het ging."),
            _("Er hoeft niets meer te gebeuren. Dank je wel, en veel succes!"),
        )
    if request.status == MatchRequest.ACTIVE and match is not None:
        if match.founder_rating:
            return FounderState(
                "active-rated",
                _("bijna afgerond"),
                _("Je hebt verteld hoe het ging. Dank je wel!"),
                _("We wachten nog op de reactie van je mentor. Daarna is het afgerond."),
            )
        return FounderState(
            "active",
            _("loopt"),
            _("Jullie hebben een eerste gesprek gehad en afspraken gemaakt."),
            _("Zijn jullie klaar? Vertel hieronder hoe het ging, dan ronden we af."),
        )
    if request.status == MatchRequest.INTRODUCED and match is not None:
        if match.status == MentorMatch.ACCEPTED:
            return FounderState(
                "accepted",
                _("de mentor zegt ja"),
                _("%(name)s heeft ja gezegd en helpt je graag.") % {"name": match.mentor.name},
                _(
                    "Je mentor neemt contact met je op om een eerste gesprek af te spreken. Je "
                    "kunt ook zelf een e-mail sturen; het adres staat hierboven."
                ),
            )
        if not match.link_works(now):
            return FounderState(
                "no-answer",
                _("de mentor heeft niet geantwoord"),
                _("De mentor aan wie we je aanvraag voorlegden, heeft niet geantwoord."),
                _(
                    "Een medewerker van de gemeente zoekt een andere mentor. Je krijgt een "
                    "e-mail zodra we die hebben gevraagd."
                ),
            )
        return FounderState(
            "introduced",
            _("wacht op de mentor"),
            _("We hebben je aanvraag voorgelegd aan een mentor."),
            _("Zodra die ja zegt, krijg je een e-mail met de contactgegevens."),
        )
    if (
        request.status == MatchRequest.PROPOSED
        and request.matches.filter(status=MentorMatch.DECLINED).exists()
    ):
        return FounderState(
            "declined",
            _("we zoeken een andere mentor"),
            _("De mentor die we vroegen, kan je nu niet helpen."),
            _(
                "Een medewerker van de gemeente vraagt een andere mentor. Je krijgt een e-mail "
                "zodra we die hebben gevraagd."
            ),
        )
    if request.status == MatchRequest.PROPOSED:
        return FounderState(
            "proposed",
            _("mentor gekozen"),
            _("Een medewerker van de gemeente heeft een mentor voor je gekozen."),
            _(
                "We vragen die mentor nu of die je wil helpen. Je krijgt een e-mail zodra dat is gebeurd."
            ),
        )
    if is_overdue(request, timezone.localdate(now) if now else None):
        return FounderState(
            "late",
            _("ontvangen, het duurt langer"),
            _("We hebben je aanvraag ontvangen, maar het duurt langer dan we beloofden. Sorry!"),
            _(
                "Een medewerker van de gemeente zoekt nog een mentor die bij je past. Wil je "
                "niet wachten, neem dan contact op met je contactpersoon bij de gemeente."
            ),
        )
    return FounderState(
        "requested",
        _("ontvangen"),
        _("We hebben je aanvraag ontvangen."),
        _(
            "Een medewerker van de gemeente zoekt een mentor die bij je past. Binnen %(days)s "
            "werkdagen hoor je van ons."
        )
        % days,
    )


# Reminders ------------------------------------------------------------------------------------

# Days a step may take before someone is reminded.
STALL_DAYS = {
    MatchRequest.REQUESTED: 3,
    MatchRequest.PROPOSED: 3,
    MatchRequest.INTRODUCED: 5,
    MentorMatch.ACCEPTED: 10,
    MatchRequest.ACTIVE: 60,
}


def stalled(now=None):
    """(request, whom to remind) for every request whose current step takes too long."""
    now = now or timezone.now()
    found = []
    for request in MatchRequest.objects.exclude(
        status__in=[MatchRequest.COMPLETED, MatchRequest.CLOSED]
    ).select_related("founder"):
        step = request.status
        match = request.current_match
        if step == MatchRequest.INTRODUCED and match and match.status == MentorMatch.ACCEPTED:
            step = MentorMatch.ACCEPTED
        days = STALL_DAYS.get(step)
        if days is None or (now - request.updated_at).days < days:
            continue
        last = request.events.filter(status="reminder").order_by("-created_at").first()
        if last and (now - last.created_at).days < days:
            continue
        found.append((request, step, match))
    return found


def send_reminders(now=None):
    sent = 0
    for request, step, match in stalled(now):
        context = {"request": request, "match": match, "step": step}
        if step in (MatchRequest.REQUESTED, MatchRequest.PROPOSED):
            send_templated_email("programmes/email/reminder", context, staff_addresses())
        elif match and not match.link_works(now):
            # The mentor's link no longer opens the request: staff take it up instead.
            send_templated_email(
                "programmes/email/reminder", {**context, "link_expired": True}, staff_addresses()
            )
        elif match and step in (MatchRequest.INTRODUCED, MentorMatch.ACCEPTED):
            send_templated_email("programmes/email/reminder", context, [match.mentor.email])
        else:
            send_templated_email("programmes/email/reminder", context, [request.founder.email])
            if match:
                send_templated_email(
                    "programmes/email/reminder",
                    {**context, "for_mentor": True},
                    [match.mentor.email],
                )
        log(request, "reminder", None, "portaal", step)
        sent += 1
    return sent


# Figures for staff ------------------------------------------------------------------------------


def working_days_between(start, end):
    days, current = 0, start
    while current < end:
        current = current + timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def figures(queryset=None):
    requests = queryset if queryset is not None else MatchRequest.objects.all()
    total = requests.count()
    per_month = list(
        requests.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    proposed_events = dict(
        MatchEvent.objects.filter(request__in=requests, status=MatchRequest.PROPOSED)
        .values("request_id")
        .annotate(first=Min("created_at"))
        .values_list("request_id", "first")
    )
    quick = sum(
        1
        for pk, created in requests.values_list("pk", "created_at")
        if pk in proposed_events
        and working_days_between(created.date(), proposed_events[pk].date())
        <= PROMISED_WORKING_DAYS
    )
    reached_active = (
        requests.filter(
            Q(status__in=[MatchRequest.ACTIVE, MatchRequest.COMPLETED])
            | Q(events__status=MatchRequest.ACTIVE)
        )
        .distinct()
        .count()
    )
    completed = requests.filter(status=MatchRequest.COMPLETED).count()
    ratings = [
        r
        for pair in MentorMatch.objects.filter(
            request__in=requests, status=MentorMatch.COMPLETED
        ).values_list("founder_rating", "mentor_rating")
        for r in pair
        if r
    ]

    def share(n):
        return round(100 * n / total) if total else 0

    return {
        "total": total,
        "per_month": per_month,
        "proposed_within_5_days": share(quick),
        "reached_active": share(reached_active),
        "completed": share(completed),
        "mean_rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
    }
