"""Match requests followed from request to completion.

A founder's MatchRequest moves through its Status; each introduction of one mentor is a
MentorMatch; every step is a MatchEvent (who, when, a note), so staff can see what happened and
the figures count from it.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from portal.models import optional_foreign_key
from programmes.mentoring.models.people import Mentor, Need

SELF_ASSESSMENT = [
    ("next_step", _("Ik weet wat mijn volgende stap is.")),
    ("money", _("Ik heb overzicht over mijn geld.")),
    ("customers", _("Ik weet hoe ik nieuwe klanten vind.")),
    ("rules", _("Ik ken de regels en vergunningen voor mijn bedrijf.")),
]


class MatchRequest(ClusterableModel):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("aangevraagd")
        PROPOSED = "proposed", _("mentor gekozen, nog niet verstuurd")
        INTRODUCED = "introduced", _("voorgesteld aan mentor")
        ACTIVE = "active", _("loopt")
        COMPLETED = "completed", _("afgerond")
        CLOSED = "closed", _("gesloten")

    URGENCY = [
        ("week", _("deze week")),
        ("maand", _("binnen een maand")),
        ("later", _("geen haast")),
    ]

    founder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ondernemer"),
        on_delete=models.CASCADE,
        related_name="match_requests",
    )
    business = optional_foreign_key(
        "businesses.Business", _("bedrijf"), related_name="match_requests"
    )
    needs = ParentalManyToManyField(Need, verbose_name=_("hulp bij"), related_name="requests")
    sector = optional_foreign_key("businesses.Sector", _("sector"))
    stage = models.ForeignKey(
        "programmes.Stage", verbose_name=_("fase"), on_delete=models.PROTECT, related_name="+"
    )
    neighbourhood = optional_foreign_key("businesses.NeighbourhoodPage", _("wijk"))
    languages = ParentalManyToManyField(
        "businesses.Language", verbose_name=_("talen"), related_name="+"
    )
    shared_language_required = models.BooleanField(_("gedeelde taal nodig"), default=False)
    goal = models.TextField(_("doel in eigen woorden"), max_length=2000)
    urgency = models.CharField(_("hoe snel"), max_length=10, choices=URGENCY, default="maand")
    self_assessment_start = models.JSONField(_("zelfbeoordeling bij de start"), default=dict)
    self_assessment_end = models.JSONField(
        _("zelfbeoordeling aan het eind"), default=dict, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    staff_note = models.TextField(_("notitie van de gemeente"), blank=True)
    close_reason = models.CharField(_("reden van sluiten"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("laatste stap"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mentoraanvraag")
        verbose_name_plural = _("mentoraanvragen")

    def __str__(self):
        return _("Aanvraag %(number)s") % {"number": self.pk}

    @property
    def current_match(self):
        return (
            self.matches.exclude(status=MentorMatch.Status.DECLINED).order_by("-created_at").first()
        )


class Proposal(models.Model):
    """The engine's (or staff's) proposed mentors for a request, in order, with the reasons."""

    request = models.ForeignKey(MatchRequest, on_delete=models.CASCADE, related_name="proposals")
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("plek"), default=0)
    score = models.IntegerField(_("score"), default=0)
    reasons = models.JSONField(_("waarom"), default=list)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "mentor"], name="one_proposal_per_mentor")
        ]

    def __str__(self):
        return f"{self.position + 1}. {self.mentor}"


def new_token():
    return secrets.token_urlsafe(24)


class MentorMatch(models.Model):
    """One introduction of a founder to one mentor, from the e-mail to the end."""

    class Status(models.TextChoices):
        INTRODUCED = "introduced", _("wacht op de mentor")
        ACCEPTED = "accepted", _("geaccepteerd")
        DECLINED = "declined", _("afgeslagen")
        ACTIVE = "active", _("loopt")
        COMPLETED = "completed", _("afgerond")
        CLOSED = "closed", _("gesloten")

    # A match that has ended: the mentor's link no longer opens the request.
    ENDED = (Status.DECLINED, Status.COMPLETED, Status.CLOSED)
    FREQUENCIES = [
        ("week", _("elke week")),
        ("twee-weken", _("elke twee weken")),
        ("maand", _("elke maand")),
    ]

    request = models.ForeignKey(MatchRequest, on_delete=models.CASCADE, related_name="matches")
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="matches"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.INTRODUCED, db_index=True
    )
    # The mentor acts through a link with this secret; it is compared in constant time.
    token = models.CharField(max_length=64, default=new_token, unique=True, editable=False)
    intake_goal = models.TextField(_("afgesproken doel"), blank=True)
    intake_frequency = models.CharField(
        _("hoe vaak jullie afspreken"), max_length=12, choices=FREQUENCIES, blank=True
    )
    founder_rating = models.PositiveSmallIntegerField(
        _("waardering van de ondernemer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    founder_comment = models.TextField(_("opmerking van de ondernemer"), blank=True)
    mentor_rating = models.PositiveSmallIntegerField(
        _("waardering van de mentor"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    mentor_comment = models.TextField(_("opmerking van de mentor"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")

    def __str__(self):
        return f"{self.request} → {self.mentor}"

    def link_works(self, now=None):
        """The mentor's link opens the founder's request without an account: only while the
        match runs, and for MENTOR_LINK_DAYS after the introduction at most (an old e-mail,
        forwarded or in a shared mailbox, should not open it for ever)."""
        now = now or timezone.now()
        days = timedelta(days=settings.MENTOR_LINK_DAYS)
        return self.status not in self.ENDED and now < self.created_at + days


EVENT_LABELS = {
    "requested": _("aangevraagd"),
    "proposed": _("mentor gekozen door de gemeente"),
    "introduced": _("voorgesteld aan een mentor"),
    "accepted": _("de mentor zegt ja"),
    "declined": _("de mentor zegt nee"),
    "active": _("eerste gesprek gehad, afspraken gemaakt"),
    "feedback": _("reactie gegeven"),
    "completed": _("afgerond"),
    "closed": _("gestopt"),
    "reminder": _("herinnering verstuurd"),
}


class MatchEvent(models.Model):
    """One step in a request's life: who did it, when, and a note."""

    request = models.ForeignKey(MatchRequest, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("stap"), max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(
        _("door"), max_length=120, help_text=_("Bijvoorbeeld: de mentor, via de link.")
    )
    note = models.TextField(_("notitie"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.label} ({self.actor_label})"

    @property
    def label(self):
        return EVENT_LABELS.get(self.status, self.status)
