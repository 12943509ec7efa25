"""Mentors, municipal contacts, and match requests followed from request to completion.

A founder's MatchRequest moves through STATUSES; each introduction of one mentor is a
MentorMatch; every step is a MatchEvent (who, when, a note), so staff can see what happened and
the figures count from it.
"""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from businesses.models.taxonomy import NamedInLanguages


class Need(NamedInLanguages):
    """What a founder needs help with, and what a mentor or contact knows about."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["sort_order", "name_nl"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self):
        return self.name


class Mentor(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A volunteer mentor. Staff vet them; a mentor with an account keeps their own entry, and
    their changes go through moderation like business profiles."""

    name = models.CharField(_("naam"), max_length=120)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor",
        help_text=_("Met een account houdt de mentor de eigen gegevens bij op het portaal."),
    )
    email = models.EmailField(_("e-mail"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("korte beschrijving"), max_length=800)
    expertise = ParentalManyToManyField(
        Need, verbose_name=_("ervaring met"), related_name="mentors"
    )
    sectors = ParentalManyToManyField(
        "businesses.Sector", verbose_name=_("sectoren"), blank=True, related_name="mentors"
    )
    stages = ParentalManyToManyField(
        "programmes.Stage",
        verbose_name=_("helpt graag in fase"),
        blank=True,
        related_name="mentors",
        help_text=_("Leeg: elke fase."),
    )
    languages = ParentalManyToManyField(
        "businesses.Language", verbose_name=_("talen"), related_name="mentors"
    )
    neighbourhoods = ParentalManyToManyField(
        "businesses.NeighbourhoodPage",
        verbose_name=_("wijken"),
        blank=True,
        related_name="mentors",
        limit_choices_to={"locale__language_code": "nl"},
        help_text=_("Leeg: de hele stad."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("hoeveel ondernemers tegelijk"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    is_active = models.BooleanField(
        _("beschikbaar"), default=True, help_text=_("Uit: de mentor pauzeert.")
    )
    vetted_at = models.DateField(_("gescreend op"), null=True, blank=True)
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gescreend door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="mentor",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="mentor",
        for_concrete_model=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldPanel("user"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_active")]),
                FieldRowPanel([FieldPanel("vetted_at"), FieldPanel("vetted_by")]),
            ],
            heading=_("Beschikbaarheid en screening"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("bio")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentoren")
        # Wagtail adds these for snippets after migrating; declaring them lets the data
        # migration give them to the moderators on a fresh database.
        permissions = [
            ("publish_mentor", "Can publish mentor"),
            ("lock_mentor", "Can lock mentor"),
            ("unlock_mentor", "Can unlock mentor"),
        ]

    def __str__(self):
        return self.name


class MunicipalContact(ClusterableModel):
    """Someone at the municipality an entrepreneur can call: shown on neighbourhood pages and
    proposed with every match."""

    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(
        _("functie"),
        max_length=120,
        help_text=_("Bijvoorbeeld: accountmanager ondernemers, wijkmanager, startersloket."),
    )
    department = models.CharField(_("afdeling"), max_length=120, blank=True)
    topics = ParentalManyToManyField(
        Need, verbose_name=_("onderwerpen"), blank=True, related_name="contacts"
    )
    neighbourhoods = ParentalManyToManyField(
        "businesses.NeighbourhoodPage",
        verbose_name=_("wijken"),
        blank=True,
        related_name="contacts",
        limit_choices_to={"locale__language_code": "nl"},
        help_text=_("Leeg: de hele stad."),
    )
    languages = ParentalManyToManyField(
        "businesses.Language", verbose_name=_("talen"), blank=True, related_name="contacts"
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("contactpersoon van de gemeente")
        verbose_name_plural = _("contactpersonen van de gemeente")

    def __str__(self):
        return f"{self.name} ({self.role})"


SELF_ASSESSMENT = [
    ("next_step", _("Ik weet wat mijn volgende stap is.")),
    ("money", _("Ik heb overzicht over mijn geld.")),
    ("customers", _("Ik weet hoe ik nieuwe klanten vind.")),
    ("rules", _("Ik ken de regels en vergunningen voor mijn bedrijf.")),
]


class MatchRequest(ClusterableModel):
    REQUESTED, PROPOSED, INTRODUCED, ACTIVE, COMPLETED, CLOSED = (
        "requested", "proposed", "introduced", "active", "completed", "closed",
    )  # fmt: skip
    STATUSES = [
        (REQUESTED, _("aangevraagd")),
        (PROPOSED, _("mentor gekozen, nog niet verstuurd")),
        (INTRODUCED, _("voorgesteld aan mentor")),
        (ACTIVE, _("loopt")),
        (COMPLETED, _("afgerond")),
        (CLOSED, _("gesloten")),
    ]
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
    business = models.ForeignKey(
        "businesses.Business",
        verbose_name=_("bedrijf"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_requests",
    )
    needs = ParentalManyToManyField(Need, verbose_name=_("hulp bij"), related_name="requests")
    sector = models.ForeignKey(
        "businesses.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    stage = models.ForeignKey(
        "programmes.Stage", verbose_name=_("fase"), on_delete=models.PROTECT, related_name="+"
    )
    neighbourhood = models.ForeignKey(
        "businesses.NeighbourhoodPage",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
        _("status"), max_length=12, choices=STATUSES, default=REQUESTED, db_index=True
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
        return self.matches.exclude(status=MentorMatch.DECLINED).order_by("-created_at").first()


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

    INTRODUCED, ACCEPTED, DECLINED, ACTIVE, COMPLETED, CLOSED = (
        "introduced", "accepted", "declined", "active", "completed", "closed",
    )  # fmt: skip
    STATUSES = [
        (INTRODUCED, _("wacht op de mentor")),
        (ACCEPTED, _("geaccepteerd")),
        (DECLINED, _("afgeslagen")),
        (ACTIVE, _("loopt")),
        (COMPLETED, _("afgerond")),
        (CLOSED, _("gesloten")),
    ]
    # A match that has ended: the mentor's link no longer opens the request.
    ENDED = (DECLINED, COMPLETED, CLOSED)
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
        _("status"), max_length=12, choices=STATUSES, default=INTRODUCED, db_index=True
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
