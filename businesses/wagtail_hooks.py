"""The businesses app in the Wagtail admin: one "Ondernemers" menu with businesses, claims,
reports of outdated information, sectors and languages."""

import django_filters
from django import forms
from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail import hooks
from wagtail.admin.compare import TextFieldComparison, diff_text, register_comparison_class
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from businesses import insight as business_insight
from businesses.admin import closing
from businesses.admin.bulk_actions import PublishBulkAction, UnpublishBulkAction
from businesses.admin.claims import ClaimViewSet, PendingClaimsPanel
from businesses.admin.locations import BusinessAdminForm, LocationStatusPanel, location_label
from businesses.admin.views import BusinessImportView, BusinessIndexView
from businesses.models import Business, Language, NeighbourhoodPage, OutdatedInfoReport, Sector
from businesses.models.business import CLOSED, REOPENED
from businesses.personal_data import HANDED_TO_STAFF
from businesses.widgets import CoordinatePickerWidget
from home.insight import Report, register_neighbourhoods, register_report


class PhoneNumberComparison(TextFieldComparison):
    """Moderators compare phone numbers as text (PhoneNumber objects are not strings)."""

    def htmldiff(self):
        return diff_text(str(self.val_a or ""), str(self.val_b or "")).to_html()


register_comparison_class(PhoneNumberField, comparison_class=PhoneNumberComparison)


class BusinessFilterSet(WagtailFilterSet):
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        queryset=NeighbourhoodPage.objects.filter(locale__language_code="nl").order_by("title"),
    )
    sectors = django_filters.ModelChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[
            ("live", _("Gepubliceerd")),
            ("draft", _("Concept, nooit gepubliceerd")),
            ("changes", _("Gepubliceerd, met niet-gepubliceerde wijzigingen")),
            ("moderation", _("Wacht op moderatie")),
            ("closed", _("Gestopt")),
        ],
    )
    updated_at = django_filters.DateFromToRangeFilter(
        label=_("Laatst bijgewerkt"), widget=DateRangePickerWidget
    )
    location = django_filters.ChoiceFilter(
        label=_("Locatie"),
        method="filter_location",
        choices=[("missing", _("Nog geen locatie")), ("set", _("Op de kaart"))],
    )

    class Meta:
        model = Business
        fields = []

    def filter_location(self, queryset, name, value):
        if value == "missing":
            return queryset.filter(latitude__isnull=True)
        if value == "set":
            return queryset.filter(latitude__isnull=False)
        return queryset

    def filter_status(self, queryset, name, value):
        if value == "live":
            return queryset.filter(live=True)
        if value == "draft":
            return queryset.filter(live=False)
        if value == "changes":
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == "moderation":
            return queryset.awaiting_moderation()
        if value == "closed":
            return queryset.filter(closed_at__isnull=False)
        return queryset


class BusinessViewSet(SnippetViewSet):
    model = Business
    icon = "site"
    menu_label = _("Bedrijven")
    index_view_class = BusinessIndexView
    list_display = [
        "name",
        Column("neighbourhood", label=_("Wijk")),
        Column("location", label=_("Locatie"), accessor=location_label),
        DateColumn("updated_at", label=_("Bijgewerkt")),
        LiveStatusTagColumn(),
    ]
    list_per_page = 50
    filterset_class = BusinessFilterSet
    # Plain database lookups: fast enough for staff, and right after a bulk import.
    search_fields = ["name", "street", "postcode", "kvk_number", "email"]
    search_backend_name = None
    ordering = ["-updated_at"]
    list_export = ["name"]  # shows the export buttons; BusinessIndexView writes all columns

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("neighbourhood"),
                    FieldPanel("tagline"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [
                                    FieldPanel("street"),
                                    FieldPanel("house_number"),
                                    FieldPanel("house_number_addition"),
                                ]
                            ),
                            FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                            LocationStatusPanel(),
                            FieldPanel("latitude", widget=CoordinatePickerWidget()),
                            FieldPanel("longitude"),
                        ],
                        heading=_("Adres en plek op de kaart"),
                    ),
                ],
                heading=_("Bedrijf en adres"),
            ),
            ObjectList(
                [
                    FieldPanel("story"),
                    InlinePanel(
                        "stories",
                        heading=_("Het verhaal in andere talen"),
                        label=_("Verhaal"),
                        max_num=len(settings.LANGUAGES) - 1,
                    ),
                    FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("products"),
                    FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Verhaal en aanbod"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "opening_hours", heading=_("Openingstijden per week"), label=_("Tijdvak")
                    ),
                    InlinePanel("special_days", heading=_("Bijzondere dagen"), label=_("Dag")),
                ],
                heading=_("Openingstijden"),
            ),
            ObjectList(
                [InlinePanel("photos", heading=_("Foto's"), label=_("Foto"), max_num=12)],
                heading=_("Foto's"),
            ),
            ObjectList(
                [
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("website"),
                    InlinePanel("links", heading=_("Sociale media"), label=_("Link"), max_num=7),
                    FieldRowPanel([FieldPanel("kvk_number"), FieldPanel("founded_year")]),
                    FieldPanel("step_free_entrance"),
                    FieldPanel("accessibility_note"),
                    FieldPanel("owner"),
                ],
                heading=_("Contact en meer"),
            ),
        ],
        base_form_class=BusinessAdminForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("import/", BusinessImportView.as_view(), name="import"),
            path("close/<int:pk>/", closing.CloseBusinessView.as_view(), name="close"),
        ]


class ReportViewSet(SnippetViewSet):
    model = OutdatedInfoReport
    icon = "warning"
    menu_label = _("Meldingen")
    list_display = [
        "business",
        "message",
        DateColumn("created_at", label=_("Gemeld op")),
        "handled",
    ]
    list_filter = ["handled"]
    panels = [
        FieldPanel("business", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("handled"),
    ]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectoren")
    list_display = ["__str__", "slug", "sort_order"]
    search_fields = ["name_nl", "name_en", "name_tr", "name_ar", "slug"]
    search_backend_name = None


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    menu_label = _("Talen")
    list_display = ["code", "name_nl", "name_en", "native_name"]
    search_fields = ["code", "name_nl", "name_en", "name_tr", "name_ar", "native_name"]
    search_backend_name = None


class EntrepreneursGroup(SnippetViewSetGroup):
    items = (BusinessViewSet, ClaimViewSet, ReportViewSet, SectorViewSet, LanguageViewSet)
    menu_icon = "site"
    menu_label = _("Ondernemers")
    menu_name = "entrepreneurs"
    menu_order = 150


register_snippet(EntrepreneursGroup)

for action in (PublishBulkAction, UnpublishBulkAction):
    hooks.register("register_bulk_action", action)


hooks.register("register_snippet_action_menu_item", closing.action_menu_item)
hooks.register("register_snippet_listing_buttons", closing.listing_buttons)


@hooks.register("construct_homepage_panels")
def add_pending_claims_panel(request, panels):
    if panel := PendingClaimsPanel.for_user(request.user):
        panels.append(panel)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        HANDED_TO_STAFF,
        _("Overgedragen aan de gemeente"),
        _(
            "De eigenaar heeft zijn account verwijderd; het profiel is offline gehaald en ligt bij de gemeente."
        ),
    )
    actions.register_action(
        CLOSED, _("Gemarkeerd als gestopt"), _("Het bedrijf is gestopt en offline gehaald.")
    )
    actions.register_action(
        REOPENED, _("Niet meer gestopt"), _("Het bedrijf telt niet meer als gestopt.")
    )


# "Inzicht": the neighbourhoods its filter offers, and the business report.
register_neighbourhoods(business_insight.neighbourhoods)
register_report(
    Report(
        slug="bedrijven",
        title=business_insight.TITLE,
        description=business_insight.DESCRIPTION,
        figures=business_insight.figures,
        headlines=business_insight.headlines,
        order=10,
        icon="site",
    )
)
