"""Instellingen → Achtergrondtaken: the queue's tasks for staff (portal/tasks.py). Failed ones
come first; each says what it was for, how often it was tried and its last error, and can be
run again. Nothing here is edited by hand: a task is only read, or put back in the queue.
"""

from django.contrib import messages
from django.db.models import Case, When
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from django_filters import ChoiceFilter
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin.views import PermissionRequiredMixin
from portal import tasks

# What each task is for, in the words of staff.
PURPOSES = {
    "home.tasks.send_email": _("E-mail versturen"),
    "search.tasks.update_directory_index": _("Zoekindex bijwerken"),
    "businesses.tasks.geocode_business": _("Locatie van een bedrijf opzoeken"),
    "businesses.tasks.geocode_draft": _("Locatie van een profiel in wording opzoeken"),
    # Wagtail's own: the site search (/zoeken/) and the references between pages and media.
    "modelsearch.tasks.insert_or_update_object_task": _("Zoekindex van de site bijwerken"),
    "wagtail.tasks.update_reference_index_task": _("Verwijzingen tussen pagina's bijwerken"),
    "wagtail.tasks.delete_file_from_storage_task": _("Bestand verwijderen"),
    "wagtail.images.tasks.set_image_focal_point_task": _("Focuspunt van een afbeelding zoeken"),
}

STATUSES = {
    TaskResultStatus.READY: _("Wacht"),
    TaskResultStatus.RUNNING: _("Bezig"),
    TaskResultStatus.SUCCESSFUL: _("Gelukt"),
    TaskResultStatus.FAILED: _("Mislukt"),
}


FIELD_LABELS = {
    "task_path": _("Taak"),
    "args_kwargs": _("Waarover"),
    "status": _("Status"),
    "worker_ids": _("Pogingen"),
    "enqueued_at": _("In de wachtrij sinds"),
    "started_at": _("Laatste poging begonnen"),
    "finished_at": _("Klaar of mislukt op"),
    "run_after": _("Volgende poging niet voor"),
    "traceback": _("Laatste fout"),
}


def purpose(task):
    return PURPOSES.get(task.task_path, task.task_path.rsplit(".", 1)[-1])


def subject(task):
    """What the task was about, without the content of a message: its subject and how many
    receive it, or the business it concerns."""
    arguments = task.args_kwargs or {}
    kwargs, args = arguments.get("kwargs") or {}, arguments.get("args") or []
    if "subject" in kwargs:
        count = len(kwargs.get("to") or [])
        receivers = ngettext("%(count)d ontvanger", "%(count)d ontvangers", count) % {
            "count": count
        }
        return f"“{kwargs['subject']}” ({receivers})"
    return ", ".join(str(value) for value in [*args, *kwargs.values()])


def status(task):
    if task.status == TaskResultStatus.READY and task.run_after != get_date_max():
        return _("Wacht op nieuwe poging")
    return STATUSES.get(task.status, task.status)


def last_error(task):
    lines = (task.traceback or "").strip().splitlines()
    return lines[-1] if lines else ""


class TaskFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=list(STATUSES.items()))

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class TaskPaginator(WagtailPaginator):
    verbose_name = _("achtergrondtaak")
    verbose_name_plural = _("achtergrondtaken")


class TaskIndexView(IndexView):
    page_title = _("Achtergrondtaken")
    verbose_name = TaskPaginator.verbose_name
    verbose_name_plural = TaskPaginator.verbose_name_plural
    paginator_class = TaskPaginator

    @cached_property
    def columns(self):
        # The task's purpose links to its details; its menu holds "Opnieuw uitvoeren".
        title = self._get_title_column_class(TitleColumn)(
            "task_path", label=_("Taak"), accessor=purpose, get_url=self.get_inspect_url
        )
        return [title, *self.list_display[1:]]

    def get_edit_url(self, instance):
        return None  # tasks are read, never edited

    def get_delete_url(self, instance):
        return None

    def get_base_queryset(self):
        # Failed tasks first (they wait for staff), then the newest.
        return DBTaskResult.objects.alias(
            failed=Case(When(status=TaskResultStatus.FAILED, then=0), default=1)
        ).order_by("failed", "-enqueued_at")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status == TaskResultStatus.FAILED and can_run_again(self.request.user):
            url = reverse("tasks:run_again", args=[instance.pk])
            buttons.insert(0, MenuItem(_("Opnieuw uitvoeren"), url, icon_name="rotate", priority=5))
        return buttons


class TaskInspectView(InspectView):
    page_title = _("Achtergrondtaak")

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("tasks:index"), "label": _("Achtergrondtaken")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_page_subtitle(self):
        return f"{purpose(self.object)}: {subject(self.object)}"

    def get_field_label(self, field_name, field):
        return FIELD_LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_run_after_display_value(self):
        # Only a task that waits for its next attempt has one.
        run_after = self.object.run_after
        waiting = self.object.status == TaskResultStatus.READY and run_after != get_date_max()
        return run_after if waiting else "-"

    def get_task_path_display_value(self):
        return purpose(self.object)

    def get_status_display_value(self):
        return status(self.object)

    def get_worker_ids_display_value(self):
        return len(self.object.worker_ids)

    def get_args_kwargs_display_value(self):
        return subject(self.object)

    def get_traceback_display_value(self):
        return format_html("<pre>{}</pre>", self.object.traceback) if self.object.traceback else "-"

    def get_context_data(self, **kwargs):
        # Above the details, not in the header's menu: it is what staff came for.
        failed = self.object.status == TaskResultStatus.FAILED
        if failed and can_run_again(self.request.user):
            kwargs["run_again_url"] = reverse("tasks:run_again", args=[self.object.pk])
        return super().get_context_data(**kwargs)


RUN_AGAIN = "django_tasks_database.change_dbtaskresult"


def can_run_again(user):
    return user.has_perm(RUN_AGAIN)


class RunAgainView(
    PermissionRequiredMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Asks for confirmation (GET), then puts the failed task back in the queue (POST)."""

    model = DBTaskResult  # the task in the URL, as self.object
    template_name = "home/tasks_run_again.html"
    page_title = _("Opnieuw uitvoeren")
    header_icon = "rotate"
    permissions = (RUN_AGAIN,)

    def get_page_subtitle(self):
        return purpose(self.object)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("tasks:index"), "label": _("Achtergrondtaken")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            task=self.object,
            purpose=purpose(self.object),
            subject=subject(self.object),
            error=last_error(self.object),
            index_url=reverse("tasks:index"),
            **kwargs,
        )

    def post(self, request, pk):
        if tasks.run_again([self.object]):
            messages.success(
                request,
                _("De taak staat weer in de wachtrij: %(task)s") % {"task": purpose(self.object)},
            )
        else:
            messages.warning(
                request, _("Deze taak is niet (meer) mislukt: hij wacht, loopt of is gelukt.")
            )
        return redirect("tasks:index")


class TaskViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    name = "tasks"
    url_prefix = "achtergrondtaken"
    menu_label = _("Achtergrondtaken")
    add_to_settings_menu = True
    index_view_class = TaskIndexView
    inspect_view_class = TaskInspectView
    inspect_view_enabled = True
    inspect_template_name = "home/tasks_inspect.html"
    copy_view_enabled = False
    filterset_class = TaskFilterSet
    list_display = [
        Column("task_path", label=_("Taak"), accessor=purpose),
        Column("args_kwargs", label=_("Waarover"), accessor=subject),
        Column("status", label=_("Status"), accessor=status),
        Column("worker_ids", label=_("Pogingen"), accessor=lambda task: len(task.worker_ids)),
        DateColumn("enqueued_at", label=_("In de wachtrij sinds")),
        DateColumn("finished_at", label=_("Klaar of mislukt op")),
        Column("traceback", label=_("Laatste fout"), accessor=last_error),
    ]
    inspect_view_fields = [
        "task_path",
        "args_kwargs",
        "status",
        "worker_ids",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "traceback",
    ]

    def get_urlpatterns(self):
        # Read and run again only: no add, edit, copy or delete.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<uuid:pk>/", self.inspect_view, name="inspect"),
            path("opnieuw/<uuid:pk>/", RunAgainView.as_view(), name="run_again"),
        ]
