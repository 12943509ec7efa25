"""The staff queue of match requests in the Wagtail admin: filters, figures, and per request the
engine's proposal with its reasons. Staff reorder or replace it and send it to the mentor in one
step ("Voorstellen aan mentor"). Requests that wait longer than promised are marked overdue,
here and on the dashboard (MentorRequestsPanel)."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseObjectMixin

from businesses.models import NeighbourhoodPage
from home.admin.views import PermissionRequiredMixin
from home.forms import SafeModelChoiceField
from home.pagination import clamped_page
from programmes.mentoring import candidates, progress, steps
from programmes.models import MatchRequest, Mentor


class QueueFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle"))] + MatchRequest.Status.choices, required=False
    )
    wijk = SafeModelChoiceField(
        label=_("Wijk"),
        queryset=NeighbourhoodPage.objects.filter(locale__language_code="nl").order_by("title"),
        required=False,
        empty_label=_("Alle"),
    )
    te_laat = forms.BooleanField(
        label=_("Alleen te laat"),
        required=False,
        help_text=_("Wacht langer dan de beloofde werkdagen op een mentor."),
    )
    ouder_dan = forms.TypedChoiceField(
        label=_("Wacht langer dan"),
        choices=[
            ("", _("Maakt niet uit")),
            ("5", _("5 dagen")),
            ("14", _("14 dagen")),
            ("30", _("30 dagen")),
        ],
        coerce=int,
        required=False,
        empty_value=None,
    )


class StaffOnly(PermissionRequiredMixin):
    permissions = ("programmes.change_matchrequest",)


class QueueView(StaffOnly, WagtailAdminTemplateMixin, View):
    template_name = "programmes/admin/queue.html"
    page_title = _("Mentoraanvragen")
    header_icon = "group"

    def get(self, request):
        form = QueueFilter(request.GET or None)
        requests = (
            MatchRequest.objects.select_related("founder", "neighbourhood", "stage")
            .prefetch_related("needs", "languages")
            .order_by("-created_at")
        )
        today = timezone.localdate()
        if form.is_valid():
            data = form.cleaned_data
            if data["status"]:
                requests = requests.filter(status=data["status"])
            if data["wijk"]:
                requests = requests.filter(neighbourhood=data["wijk"])
            if data["ouder_dan"]:
                requests = requests.filter(
                    updated_at__lt=timezone.now() - timedelta(days=data["ouder_dan"])
                )
            if data["te_laat"]:
                requests = [r for r in requests if progress.is_overdue(r, today)]
        page = clamped_page(Paginator(requests, 30), request.GET.get("p"))
        for item in page:
            item.overdue = progress.is_overdue(item, today)
        overdue = sum(1 for r in progress.waiting_on_staff() if progress.is_overdue(r, today))
        context = self.get_context_data(
            form=form,
            page=page,
            figures=progress.figures(),
            overdue=overdue,
            days=steps.PROMISED_WORKING_DAYS,
        )
        return TemplateResponse(request, self.template_name, context)


class ConfirmForm(forms.Form):
    first = SafeModelChoiceField(label=_("Eerste keus"), queryset=Mentor.objects.none())
    second = SafeModelChoiceField(
        label=_("Tweede keus"), queryset=Mentor.objects.none(), required=False
    )
    third = SafeModelChoiceField(
        label=_("Derde keus"), queryset=Mentor.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only mentors who are vetted, active and not at capacity can be chosen.
        loads = candidates.mentor_loads()
        available = [
            m.pk
            for m in Mentor.objects.filter(live=True, is_active=True, vetted_at__isnull=False)
            if loads.get(m.pk, 0) < m.capacity
        ]
        for name in ("first", "second", "third"):
            self.fields[name].queryset = Mentor.objects.filter(pk__in=available)

    def mentor_ids(self):
        ids = []
        for name in ("first", "second", "third"):
            mentor = self.cleaned_data.get(name)
            if mentor and mentor.pk not in ids:
                ids.append(mentor.pk)
        return ids


class CloseRequestForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=300)


class RequestView(StaffOnly, BaseObjectMixin, WagtailAdminTemplateMixin, View):
    """One request for staff: propose mentors, send, close; the request is self.object."""

    model = MatchRequest
    template_name = "programmes/admin/request.html"
    header_icon = "group"

    @property
    def page_title(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("mentoring_queue"), "label": _("Mentoraanvragen")},
            {"url": "", "label": self.page_title},
        ]

    def get_base_object_queryset(self):
        related = ("founder", "business", "sector", "stage", "neighbourhood")
        return MatchRequest.objects.select_related(*related)

    def render(self, confirm_form=None, close_form=None):
        can_propose = steps.can_propose(self.object)
        proposals = list(self.object.proposals.select_related("mentor"))
        initial = dict(
            zip(("first", "second", "third"), [p.mentor_id for p in proposals], strict=False)
        )
        context = self.get_context_data(
            match_request=self.object,
            proposals=proposals,
            confirm_form=(confirm_form or ConfirmForm(initial=initial)) if can_propose else None,
            can_propose=can_propose,
            overdue=progress.is_overdue(self.object),
            days=steps.PROMISED_WORKING_DAYS,
            current_match=self.object.current_match,
            close_form=close_form or CloseRequestForm(),
            contact=candidates.contact_for(self.object),
            matches=self.object.matches.select_related("mentor"),
            events=self.object.events.select_related("actor"),
        )
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        match_request = self.object
        finished = match_request.status in (
            MatchRequest.Status.COMPLETED,
            MatchRequest.Status.CLOSED,
        )
        action = request.POST.get("action")
        if action == "recalculate" and not finished:
            steps.propose(
                match_request, exclude=match_request.matches.values_list("mentor_id", flat=True)
            )
            messages.success(request, _("Het voorstel is opnieuw berekend."))
        elif action == "introduce" and steps.can_propose(match_request):
            # One step: the choice is stored and the first mentor with room is e-mailed.
            form = ConfirmForm(request.POST)
            if not form.is_valid():
                return self.render(confirm_form=form)
            try:
                match = steps.propose_to_mentor(
                    match_request, request.user, form.mentor_ids(), form.cleaned_data["note"]
                )
            except steps.CannotIntroduce:
                messages.error(
                    request,
                    _(
                        "Geen van de gekozen mentoren heeft nu ruimte. Er is niets verstuurd. "
                        "Kies een andere mentor."
                    ),
                )
            else:
                messages.success(
                    request,
                    _(
                        "Verstuurd: %(mentor)s heeft een e-mail gekregen met de aanvraag en een "
                        "link om ja of nee te zeggen. De ondernemer weet dat we het hebben "
                        "gevraagd."
                    )
                    % {"mentor": match.mentor.name},
                )
        elif action == "close" and not finished:
            form = CloseRequestForm(request.POST)
            if not form.is_valid():
                return self.render(close_form=form)
            steps.close(match_request, request.user, form.cleaned_data["reason"])
            messages.success(request, _("De aanvraag is gesloten."))
        else:
            messages.error(request, _("Deze stap kan nu niet."))
        return redirect("mentoring_request", pk=pk)


class MentorRequestsPanel(Component):
    """On the dashboard, right after Wagtail's tasks to moderate: the requests that wait for
    staff to send them to a mentor, the overdue ones first and marked."""

    name = "mentor_requests"
    order = 215
    template_name = "programmes/admin/dashboard_panel.html"
    shown = 8

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        waiting = list(progress.waiting_on_staff().prefetch_related("needs"))
        for item in waiting:
            item.overdue = progress.is_overdue(item, today)
        return {
            "requests": waiting[: self.shown],
            "total": len(waiting),
            "overdue": sum(1 for item in waiting if item.overdue),
            "days": steps.PROMISED_WORKING_DAYS,
            "queue_url": reverse("mentoring_queue"),
        }
