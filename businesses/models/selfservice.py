"""What entrepreneurs do themselves: a profile in progress, a claim on an existing listing, and
the moderation task that reviews their submissions."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from businesses.notifications import notify_claim_decided
from portal.models import optional_foreign_key


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


class PrivateStorage(FileSystemStorage):
    """Files nobody may fetch by address (PRIVATE_MEDIA_ROOT, never served under MEDIA_URL):
    a view that checks who asks hands them out."""

    def url(self, name):
        raise ValueError("Private files have no public address.")


def private_storage():
    return PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT)


def claim_document_name(instance, filename):
    """A random name: the claimant's own file name may say who they are."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"claims/{secrets.token_hex(16)}.{extension}"


class ClaimRequest(models.Model):
    """ "Dit is mijn bedrijf": someone asks to become the owner of an existing listing.

    The claimant proves it in one of two ways (`verification`): a one-time code sent to the
    e-mail address the listing shows, typed back on the claim page; or, where the listing has no
    e-mail address (or the claimant cannot read it), a document (a KvK extract) that staff look
    at. The claim reaches staff (`submitted_at`) once either is done; staff then decide.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("in behandeling")
        APPROVED = "approved", _("goedgekeurd")
        REJECTED = "rejected", _("afgewezen")

    class Verification(models.TextChoices):
        EMAIL = "email", _("code naar het e-mailadres van de vermelding")
        DOCUMENT = "document", _("document")

    # The one-time code: 6 digits, valid a day, 5 tries; kept as an HMAC with SECRET_KEY.
    CODE_DIGITS = 6
    CODE_VALID = timedelta(hours=24)
    CODE_ATTEMPTS = 5

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
    kvk_number = models.CharField(_("opgegeven KvK-nummer"), max_length=8, blank=True)
    message = models.TextField(_("toelichting"), max_length=2000, blank=True)
    verification = models.CharField(
        _("bevestiging"), max_length=10, choices=Verification.choices, blank=True
    )
    code_sent_to = models.EmailField(_("code gestuurd naar"), blank=True)
    code_hash = models.CharField(max_length=64, blank=True, editable=False)
    code_sent_at = models.DateTimeField(_("code gestuurd op"), null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    email_verified_at = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    document = models.FileField(
        _("document"),
        storage=private_storage,
        upload_to=claim_document_name,
        blank=True,
        help_text=_("Wordt verwijderd zodra over de claim is besloten."),
    )
    submitted_at = models.DateTimeField(_("bij de gemeente sinds"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    staff_comment = models.TextField(
        _("toelichting van de gemeente"),
        blank=True,
        help_text=_("De aanvrager krijgt deze tekst per e-mail."),
    )
    decided_by = optional_foreign_key(settings.AUTH_USER_MODEL, _("beoordeeld door"))
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
    def is_verified(self):
        """Whether the claimant proved something: the code from the listing's address, or a
        document for staff to read."""
        return self.email_verified_at is not None or bool(self.document)

    @property
    def verification_label(self):
        """How the claim is verified, in staff's words."""
        if self.email_verified_at:
            return _("e-mailadres van de vermelding bevestigd")
        if self.document:
            return _("document, controleer het")
        if self.verification == self.Verification.DOCUMENT:
            return _("document (na het besluit verwijderd)")
        if self.verification == self.Verification.EMAIL:
            return _("wacht op de code")
        return _("niet bevestigd")

    # The one-time code ------------------------------------------------------------------------

    def _code_digest(self, code):
        return salted_hmac("businesses.claim-code", f"{self.pk}:{code}").hexdigest()

    def new_code(self, address):
        """A fresh code for `address` (the listing's e-mail), replacing any earlier one; returns
        the code, which is kept only as an HMAC."""
        code = f"{secrets.randbelow(10**self.CODE_DIGITS):0{self.CODE_DIGITS}d}"
        self.verification = self.Verification.EMAIL
        self.code_sent_to = address
        self.code_hash = self._code_digest(code)
        self.code_sent_at = timezone.now()
        self.code_attempts = 0
        self.save(
            update_fields=[
                "verification", "code_sent_to", "code_hash", "code_sent_at", "code_attempts"
            ]
        )  # fmt: skip
        return code

    def check_code(self, code):
        """The result: "ok", "wrong", "expired" or "too_many" (also without a code). Each
        try counts, in one UPDATE, so tries at the same moment cannot pass the limit."""
        if not self.code_hash or self.code_attempts >= self.CODE_ATTEMPTS:
            return "too_many"
        counted = (
            type(self)
            .objects.filter(
                pk=self.pk, code_hash=self.code_hash, code_attempts__lt=self.CODE_ATTEMPTS
            )
            .update(code_attempts=models.F("code_attempts") + 1)
        )
        if not counted:
            return "too_many"
        self.code_attempts += 1
        if timezone.now() > self.code_sent_at + self.CODE_VALID:
            return "expired"
        if self.code_sent_to.lower() != self.business.email.lower():
            return "expired"  # the listing's address changed since: the code proves nothing
        if not constant_time_compare(self._code_digest(code), self.code_hash):
            return "wrong"
        now = timezone.now()
        self.code_hash = ""
        self.email_verified_at = now
        self.submitted_at = now
        self.save(update_fields=["code_hash", "email_verified_at", "submitted_at"])
        return "ok"

    @property
    def attempts_left(self):
        return max(self.CODE_ATTEMPTS - self.code_attempts, 0)

    def attach_document(self, upload):
        self.delete_document()
        self.verification = self.Verification.DOCUMENT
        self.document = upload
        self.code_hash = ""
        self.submitted_at = timezone.now()
        self.save()

    def delete_document(self):
        if self.document:
            self.document.delete(save=False)
            self.document = ""

    def decide(self, approve, user, comment=""):
        """Approve (the requester becomes the owner) or reject; e-mails the requester. The
        document, read by now, is deleted."""
        # Imported here: businesses.selfservice imports the models.
        from businesses.selfservice.ownership import move_ownership

        self.status = self.Status.APPROVED if approve else self.Status.REJECTED
        self.decided_by = user
        self.decided_at = timezone.now()
        self.staff_comment = comment
        self.code_hash = ""
        self.delete_document()
        self.save()
        if approve:
            move_ownership(self.business, self.user, by=user)
        notify_claim_decided(self)


@receiver(post_delete, sender=ClaimRequest)
def delete_claim_document(sender, instance, **kwargs):
    """A claim deleted (account erased, business deleted) takes its document along."""
    if instance.document:
        instance.document.delete(save=False)


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
