"""Where a match request stands: overdue for staff, the founder's state in words, reminders
when a step takes too long, and the figures staff see."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from home.email import send_templated_email
from home.permissions import moderator_addresses
from programmes.mentoring.steps import PROMISED_WORKING_DAYS, WAITING_ON_STAFF, log
from programmes.models import (
    MatchEvent,
    MatchRequest,
    MentorMatch,
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
    if request.status == MatchRequest.Status.CLOSED:
        return FounderState(
            "closed",
            _("gestopt"),
            _("Deze aanvraag is gestopt."),
            _("Wil je toch weer hulp? Vraag gerust opnieuw een mentor aan."),
        )
    if request.status == MatchRequest.Status.COMPLETED:
        return FounderState(
            "completed",
            _("afgerond"),
            _("Jullie hebben de begeleiding afgerond en allebei verteld hoe het ging."),
            _("Er hoeft niets meer te gebeuren. Dank je wel, en veel succes!"),
        )
    if request.status == MatchRequest.Status.ACTIVE and match is not None:
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
    if request.status == MatchRequest.Status.INTRODUCED and match is not None:
        if match.status == MentorMatch.Status.ACCEPTED:
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
        request.status == MatchRequest.Status.PROPOSED
        and request.matches.filter(status=MentorMatch.Status.DECLINED).exists()
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
    if request.status == MatchRequest.Status.PROPOSED:
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
    MatchRequest.Status.REQUESTED: 3,
    MatchRequest.Status.PROPOSED: 3,
    MatchRequest.Status.INTRODUCED: 5,
    MentorMatch.Status.ACCEPTED: 10,
    MatchRequest.Status.ACTIVE: 60,
}


def stalled(now=None):
    """(request, whom to remind) for every request whose current step takes too long."""
    now = now or timezone.now()
    found = []
    for request in MatchRequest.objects.exclude(
        status__in=[MatchRequest.Status.COMPLETED, MatchRequest.Status.CLOSED]
    ).select_related("founder"):
        step = request.status
        match = request.current_match
        if (
            step == MatchRequest.Status.INTRODUCED
            and match
            and match.status == MentorMatch.Status.ACCEPTED
        ):
            step = MentorMatch.Status.ACCEPTED
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
        if step in (MatchRequest.Status.REQUESTED, MatchRequest.Status.PROPOSED):
            send_templated_email("programmes/email/reminder", context, moderator_addresses())
        elif match and not match.link_works(now):
            # The mentor's link no longer opens the request: staff take it up instead.
            send_templated_email(
                "programmes/email/reminder",
                {**context, "link_expired": True},
                moderator_addresses(),
            )
        elif match and step in (MatchRequest.Status.INTRODUCED, MentorMatch.Status.ACCEPTED):
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
        MatchEvent.objects.filter(request__in=requests, status=MatchRequest.Status.PROPOSED)
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
            Q(status__in=[MatchRequest.Status.ACTIVE, MatchRequest.Status.COMPLETED])
            | Q(events__status=MatchRequest.Status.ACTIVE)
        )
        .distinct()
        .count()
    )
    completed = requests.filter(status=MatchRequest.Status.COMPLETED).count()
    ratings = [
        r
        for pair in MentorMatch.objects.filter(
            request__in=requests, status=MentorMatch.Status.COMPLETED
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
