"""Claims in the Wagtail admin: staff read the request, see how it is verified (the code from
the listing's address, or the document, which only they can download) and approve or reject it;
the dashboard lists the claims that wait for them.

The decision is a form field, not a model field: saving the form calls ClaimRequest.decide(),
which changes the owner, deletes the document and e-mails the requester in one place.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from businesses.models import ClaimRequest
from businesses.selfservice.claims import DOCUMENT_TYPES


class ClaimDecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            ("", _("Nog niet besloten")),
            ("approve", _("Goedkeuren: de aanvrager wordt eigenaar")),
            ("reject", _("Afwijzen")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") and self.instance.status != ClaimRequest.Status.PENDING:
            raise forms.ValidationError(_("Over deze claim is al besloten."))
        if cleaned.get("decision") == "approve" and not self.instance.is_verified:
            raise forms.ValidationError(
                _(
                    "Deze claim is niet bevestigd: er is geen code van het e-mailadres van de "
                    "vermelding ingevuld en geen document gestuurd. Je kunt hem alleen afwijzen."
                )
            )
        return cleaned

    def save(self, commit=True):
        claim = super().save(commit=commit)
        decision = self.cleaned_data.get("decision")
        if commit and decision:
            claim.decide(
                decision == "approve", self.for_user, self.cleaned_data.get("staff_comment", "")
            )
        return claim


class ClaimPermissionPolicy(ModelPermissionPolicy):
    """Claims come from entrepreneurs on the public site; staff never add one themselves."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


policy = ClaimPermissionPolicy(ClaimRequest)
register_permission_policy(ClaimRequest, policy)


def may_decide(user):
    return policy.user_has_permission(user, "change")


@never_cache
def claim_document(request, pk):
    """The document sent with a claim, to staff who decide claims only: a download, never
    shown in the browser, never stored by it or a proxy (Cache-Control: private, no-store)."""
    if not may_decide(request.user):
        raise PermissionDenied
    claim = get_object_or_404(ClaimRequest, pk=pk)
    if not claim.document:
        raise Http404
    kind = claim.document.name.rsplit(".", 1)[-1]
    return FileResponse(
        claim.document.open("rb"),
        as_attachment=True,
        filename=f"claim-{claim.pk}.{kind}",
        content_type=DOCUMENT_TYPES.get(kind, "application/octet-stream"),
    )


class VerificationColumn(Column):
    def get_value(self, instance):
        return instance.verification_label


class PendingClaimsPanel(Component):
    """On the dashboard: the claims that wait for a decision, oldest first."""

    name = "pending_claims"
    order = 225
    template_name = "businesses/admin/pending_claims_panel.html"
    LIMIT = 10

    def __init__(self, claims, waiting_for_code):
        self.claims = claims
        self.waiting_for_code = waiting_for_code

    @classmethod
    def for_user(cls, user):
        if not may_decide(user):
            return None
        pending = ClaimRequest.objects.filter(status=ClaimRequest.Status.PENDING)
        claims = list(
            pending.filter(submitted_at__isnull=False)
            .select_related("business", "user")
            .order_by("submitted_at")[: cls.LIMIT + 1]
        )
        waiting = pending.filter(submitted_at__isnull=True).count()
        if not claims and not waiting:
            return None
        return cls(claims, waiting)

    def get_context_data(self, parent_context):
        return {
            "claims": self.claims[: self.LIMIT],
            "more": len(self.claims) > self.LIMIT,
            "waiting_for_code": self.waiting_for_code,
            "list_url": reverse("wagtailsnippets_businesses_claimrequest:list") + "?status=pending",
        }


class ClaimViewSet(SnippetViewSet):
    model = ClaimRequest
    icon = "user"
    menu_label = _("Claims")
    list_display = [
        "business",
        "user",
        VerificationColumn("verification", label=_("Bevestiging")),
        Column("kvk_number", label=_("Opgegeven KvK-nummer")),
        "status",
        DateColumn("created_at", label=_("Aangevraagd op")),
    ]
    list_filter = ["status"]
    search_fields = ["business__name", "user__email", "kvk_number"]
    search_backend_name = None
    inspect_view_enabled = True

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("business", read_only=True),
                    FieldPanel("user", read_only=True),
                    HelpPanel(template="businesses/admin/claim_verification.html"),
                    FieldPanel("kvk_number", read_only=True),
                    FieldPanel("message", read_only=True),
                    FieldPanel("created_at", read_only=True),
                ],
                heading=_("Aanvraag"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status", read_only=True),
                    FieldPanel("decision"),
                    FieldPanel("staff_comment"),
                    FieldPanel("decided_by", read_only=True),
                    FieldPanel("decided_at", read_only=True),
                ],
                heading=_("Besluit"),
            ),
        ],
        base_form_class=ClaimDecisionForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("document/<int:pk>/", claim_document, name="document"),
        ]
