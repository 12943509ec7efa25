"""Claims in the Wagtail admin: staff read the request and approve or reject it.

The decision is a form field, not a model field: saving the form calls ClaimRequest.decide(),
which changes the owner and e-mails the requester in one place.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from businesses.models import ClaimRequest


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
        if cleaned.get("decision") and self.instance.status != ClaimRequest.PENDING:
            raise forms.ValidationError(_("Over deze claim is al besloten."))
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


register_permission_policy(ClaimRequest, ClaimPermissionPolicy(ClaimRequest))


class KvkColumn(Column):
    def get_value(self, instance):
        return _("klopt") if instance.kvk_matches else _("klopt niet")


class ClaimViewSet(SnippetViewSet):
    model = ClaimRequest
    icon = "user"
    menu_label = _("Claims")
    list_display = [
        "business",
        "user",
        "kvk_number",
        KvkColumn("kvk_matches", label=_("KvK-nummer")),
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
                    FieldPanel("kvk_number", read_only=True),
                    HelpPanel(template="businesses/admin/claim_kvk_check.html"),
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
