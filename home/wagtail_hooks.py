from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import insight
from home.admin.tasks import TaskViewSet
from home.insight.admin import InsightIndexView, InsightPanel, InsightReportView

from .models import Footer, MainMenu


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Hoofdmenu")
    list_display = ["__str__", "locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "doc-full"
    menu_label = _("Voettekst")
    list_display = ["__str__", "locale"]


class NavigationGroup(SnippetViewSetGroup):
    items = (MainMenuViewSet, FooterViewSet)
    menu_icon = "list-ul"
    menu_label = _("Navigatie")
    menu_name = "navigation"


register_snippet(NavigationGroup)


# "Inzicht": the staff reports that apps register with home.insight.register_report.


class InsightMenuItem(MenuItem):
    def __init__(self, report):
        self.report = report
        super().__init__(
            report.title,
            reverse("insight_report", args=[report.slug]),
            name=f"insight-{report.slug}",
            icon_name=report.icon,
            order=report.order,
        )

    def is_shown(self, request):
        return self.report.can_view(request.user)


class InsightMenu(Menu):
    """One item per registered report, read when the menu is first drawn (after every app's
    wagtail_hooks.py has registered its reports)."""

    @cached_property
    def registered_menu_items(self):
        return [InsightMenuItem(report) for report in insight.reports()]


@hooks.register("register_admin_urls")
def register_insight_urls():
    return [
        path("inzicht/", InsightIndexView.as_view(), name="insight_index"),
        path("inzicht/<slug:slug>/", InsightReportView.as_view(), name="insight_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_insight_menu():
    return SubmenuMenuItem(
        _("Inzicht"), InsightMenu(), name="insight", icon_name="table", order=8800
    )


@hooks.register("construct_homepage_panels")
def add_insight_panels(request, panels):
    for index, report in enumerate(insight.reports()):
        if report.headlines and report.can_view(request.user):
            # After the work waiting for staff (Wagtail's moderation panels are 210-220, the
            # apps' queues 215-230) and Wagtail's recent edits and locked pages (250-300).
            panels.append(InsightPanel(report, order=400 + index))


@hooks.register("register_admin_viewset")
def register_tasks_viewset():
    return TaskViewSet()
