"""Programmes in the Wagtail admin: providers and categories as snippets, and a report of the
programmes that need checking."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.insight import Report, register_report
from programmes import insight, sections
from programmes.admin_views import ProgrammesToCheckView
from programmes.mentoring.admin import MentorRequestsPanel, QueueView, RequestView
from programmes.models import Category, Mentor, MunicipalContact, Provider


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    menu_label = _("Aanbieders")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categorieën")
    list_display = ["__str__", "slug", "is_focus", "sort_order"]
    search_backend_name = None


class MentorViewSet(SnippetViewSet):
    model = Mentor
    icon = "user"
    menu_label = _("Mentoren")
    list_display = ["name", "email", "capacity", "is_active", "vetted_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "email"]
    search_backend_name = None


class ContactViewSet(SnippetViewSet):
    model = MunicipalContact
    icon = "mail"
    menu_label = _("Contactpersonen gemeente")
    list_display = ["name", "role", "email"]
    search_fields = ["name", "role"]
    search_backend_name = None


class ProgrammesGroup(SnippetViewSetGroup):
    items = (ProviderViewSet, CategoryViewSet, MentorViewSet, ContactViewSet)
    menu_icon = "calendar-alt"
    menu_label = _("Programma's")
    menu_name = "programmes"
    menu_order = 160


register_snippet(ProgrammesGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("mentoraanvragen/", QueueView.as_view(), name="mentoring_queue"),
        path("mentoraanvragen/<int:pk>/", RequestView.as_view(), name="mentoring_request"),
        path(
            "reports/programmas-nakijken/",
            ProgrammesToCheckView.as_view(),
            name="programmes_to_check",
        ),
        path(
            "reports/programmas-nakijken/results/",
            ProgrammesToCheckView.as_view(results_only=True),
            name="programmes_to_check_results",
        ),
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown to whoever has `permission`."""

    def __init__(self, label, url, permission, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_programmes_to_check_menu_item():
    # For every editor: whoever can reach the admin can check the programmes' dates.
    url = reverse("programmes_to_check")
    return MenuItem(
        _("Programma's nakijken"),
        url,
        name="programmes-to-check",
        icon_name="calendar-alt",
        order=150,
    )


@hooks.register("register_admin_menu_item")
def register_mentoring_menu_item():
    return PermissionMenuItem(
        _("Mentoraanvragen"),
        reverse("mentoring_queue"),
        "programmes.change_matchrequest",
        name="mentoring",
        icon_name="group",
        order=170,
    )


@hooks.register("construct_homepage_panels")
def add_mentor_requests_panel(request, panels):
    """The mentor requests that wait for staff, for whoever can send them to a mentor."""
    if request.user.has_perm("programmes.change_matchrequest"):
        panels.append(MentorRequestsPanel())


# "Inzicht": the staff reports of programmes and of mentor matching (programmes/insight.py).

register_report(
    Report(
        slug="programmas",
        title=_("Programma's"),
        description=_(
            "Welke programma's er waren, per categorie, en hoe vaak ze werden bekeken en "
            "hoe vaak iemand doorging naar aanmelden."
        ),
        figures=insight.programme_figures,
        headlines=insight.programme_headlines,
        order=30,
        icon="calendar-alt",
    )
)
register_report(
    Report(
        slug="mentoraanvragen",
        title=_("Mentoraanvragen"),
        description=_(
            "Hoe ver mentoraanvragen komen, hoe lang elke stap duurt, en wat ondernemers en "
            "mentoren er aan het eind van vinden."
        ),
        figures=insight.matching_figures,
        headlines=insight.matching_headlines,
        order=40,
        icon="group",
    )
)


hooks.register("home_page_sections", sections.featured_programmes)
hooks.register("neighbourhood_page_sections", sections.neighbourhood_contacts)
