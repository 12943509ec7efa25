"""Search in the Wagtail admin: what visitors said about their searches (settings live under
Instellingen → Zoeken), and the report of what people search for (Inzicht → Zoeken)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.insight import Report, register_report
from search import insight
from search.models import SearchFeedback


class SearchFeedbackViewSet(SnippetViewSet):
    model = SearchFeedback
    icon = "search"
    menu_label = _("Reacties op zoeken")
    add_to_admin_menu = True
    menu_order = 180
    list_display = [
        "query",
        "found",
        "result_count",
        "comment",
        DateColumn("created_at", label=_("Gegeven op")),
    ]
    list_filter = ["found"]
    search_fields = ["query", "comment"]
    search_backend_name = None
    list_export = ["query", "found", "result_count", "comment", "created_at"]
    panels = [
        FieldPanel("query", read_only=True),
        FieldPanel("found", read_only=True),
        FieldPanel("comment", read_only=True),
    ]


register_snippet(SearchFeedbackViewSet)


register_report(
    Report(
        slug="zoeken",
        title=_("Zoeken"),
        description=_(
            "Waar bezoekers naar zoeken, wat niets vindt en wat ze zeggen over de resultaten: "
            "waar een synoniem helpt. De wijk geldt voor 'Ondernemers zoeken' met dat wijkfilter."
        ),
        figures=insight.search_figures,
        headlines=insight.search_headlines,
        order=50,
        icon="search",
    )
)
