"""What entrepreneurs do themselves: a profile in progress, a claim on an existing listing, and
the moderation task that reviews their submissions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class ProfileDraft(models.Model):
    """A new profile, or an edit of a business, filled in step by step until it is submitted.

    Nothing here is public: on submission the data becomes a revision of the business (and, for a
    new profile, an unpublished business) that goes to the moderators.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ondernemer"),
        on_delete=models.CASCADE,
        related_name="profile_drafts",
    )
    business = models.ForeignKey(
        "businesses.Business",
        verbose_name=_("bedrijf"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="profile_drafts",
        help_text=_("Leeg voor een nieuw profiel."),
    )
    data = models.JSONField(_("ingevulde gegevens"), default=dict, blank=True)
    created_at = models.DateTimeField(_("begonnen"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst bewaard"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("profiel in bewerking")
        verbose_name_plural = _("profielen in bewerking")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "business"],
                condition=models.Q(business__isnull=False),
                name="one_open_edit_per_business",
            )
        ]

    def __str__(self):
        return self.data.get("basis", {}).get("name") or str(_("Nieuw profiel"))

    @property
    def name(self):
        return str(self)


class ClaimRequest(models.Model):
    """ "Dit is mijn bedrijf": someone asks to become the owner of an existing listing."""

    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    STATUSES = [
        (PENDING, _("in behandeling")),
        (APPROVED, _("goedgekeurd")),
        (REJECTED, _("afgewezen")),
    ]

    business = models.ForeignKey(
        "businesses.Business",
        verbose_name=_("bedrijf"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aanvrager"),
        on_delete=models.CASCADE,
        related_name="business_claims",
    )
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8)
    message = models.TextField(_("toelichting"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    staff_comment = models.TextField(
        _("toelichting van de gemeente"),
        blank=True,
        help_text=_("De aanvrager krijgt deze tekst per e-mail."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("claim op een bedrijf")
        verbose_name_plural = _("claims op bedrijven")
        constraints = [
            models.UniqueConstraint(
                fields=["business", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_user",
            )
        ]

    def __str__(self):
        return f"{self.business} ← {self.user}"

    @property
    def kvk_matches(self):
        return bool(self.business.kvk_number) and self.business.kvk_number == self.kvk_number

    def decide(self, approve, user, comment=""):
        """Approve (the requester becomes the owner) or reject; e-mails the requester."""
        # businesses.selfservice imports the models.
        from businesses.notifications import notify_claim_decided
        from businesses.selfservice import move_ownership

        self.status = self.APPROVED if approve else self.REJECTED
        self.decided_by = user
        self.decided_at = timezone.now()
        self.staff_comment = comment
        self.save()
        if approve:
            move_ownership(self.business, self.user, by=user)
        notify_claim_decided(self)


class ProfileReviewTask(AbstractGroupApprovalTask):
    """Moderators approve a profile, ask for changes, or decline it for good."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("decline", _("Definitief afwijzen"), True))
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "decline":
            return super().on_action(task_state, user, action_name, **kwargs)
        from businesses.notifications import notify_owner

        comment = kwargs.get("comment", "")
        workflow_state = task_state.workflow_state
        # Reject the task without moving the workflow to "changes requested" (no such mail), then
        # end the workflow.
        task_state.reject(user=user, update=False, comment=comment)
        workflow_state.cancel(user=user)
        business = workflow_state.content_object
        type(business).objects.filter(pk=business.pk).update(declined_at=timezone.now())
        notify_owner(business, "declined", comment=comment)

    @classmethod
    def get_description(cls):
        return _(
            "Moderatoren keuren een ondernemersprofiel goed, vragen om wijzigingen of wijzen het af"
        )

    class Meta:
        verbose_name = _("beoordeling van een ondernemersprofiel")
        verbose_name_plural = _("beoordelingen van ondernemersprofielen")
