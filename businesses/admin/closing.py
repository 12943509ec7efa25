"""Staff mark a business that stopped trading as closed ("Markeren als gestopt").

A closed business has `closed_at` (the day it stopped), is taken offline, and counts as
closed in the business report (businesses.insight). Publishing it again reopens it
(businesses.signals.on_published); "Toch niet gestopt" here clears the date without
publishing. Moderators only (the publish permission), since closing unpublishes. The action
is in the edit view's action menu and in the list's "more" menu.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.action_menu import ActionMenuItem

from businesses.models import Business
from home.admin.views import PermissionRequiredMixin

PERMISSION = "businesses.publish_business"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class CloseForm(forms.Form):
    closed_at = forms.DateField(
        label=_("Gestopt op"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        help_text=_("De dag waarop het bedrijf stopte; vandaag als je het niet precies weet."),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2025-06-30.")},
    )

    def clean_closed_at(self):
        day = self.cleaned_data["closed_at"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Die dag ligt in de toekomst. Kies vandaag of eerder."))
        if day.year < 1900:
            raise forms.ValidationError(_("Kies een datum na 1900."))
        return day


def close_url(business):
    return reverse("wagtailsnippets_businesses_business:close", args=[business.pk])


class CloseBusinessView(PermissionRequiredMixin, BaseObjectMixin, WagtailAdminTemplateMixin, View):
    model = Business  # the business in the URL, as self.object
    permissions = (PERMISSION,)
    template_name = "businesses/admin/close.html"
    page_title = _("Markeren als gestopt")
    header_icon = "site"

    def get_page_subtitle(self):
        return str(self.object)

    def edit_url(self):
        return reverse("wagtailsnippets_businesses_business:edit", args=[self.object.pk])

    def render(self, form):
        context = self.get_context_data(business=self.object, form=form, edit_url=self.edit_url())
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request, pk):
        return self.render(CloseForm(initial={"closed_at": timezone.localdate()}))

    def post(self, request, pk):
        if request.POST.get("action") == "reopen":
            if self.object.closed_at:
                self.object.reopen(user=request.user)
                messages.success(
                    request,
                    _("%(name)s telt niet meer als gestopt. Publiceer het om het weer te tonen.")
                    % {"name": self.object},
                )
            return redirect(self.edit_url())
        form = CloseForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        self.object.close(form.cleaned_data["closed_at"], user=request.user)
        messages.success(
            request,
            _("%(name)s is gemarkeerd als gestopt en staat niet meer online.")
            % {"name": self.object},
        )
        return redirect(self.edit_url())


class CloseMenuItem(ActionMenuItem):
    """In the edit view's action menu, for moderators."""

    name = "action-close"
    label = _("Markeren als gestopt")
    icon_name = "cross"
    order = 90

    def is_shown(self, context):
        return (
            context.get("view") == "edit"
            and not context.get("locked_for_user")
            and context["request"].user.has_perm(PERMISSION)
        )

    def get_url(self, parent_context):
        return close_url(parent_context["instance"])


def action_menu_item(model):
    return CloseMenuItem() if model is Business else None


def listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Business) and user.has_perm(PERMISSION):
        label = _("Gestopt: wijzigen") if snippet.closed_at else _("Markeren als gestopt")
        yield Button(label, close_url(snippet), icon_name="cross", priority=60)
