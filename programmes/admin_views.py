"""Staff report: programmes to look at again (deadline passed, or not checked in six months)."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from programmes.models import ProgrammePage, expired_q

STALE_AFTER = timedelta(days=183)


class ReasonColumn(Column):
    def get_value(self, instance):
        today = timezone.localdate()
        reasons = []
        if instance.is_expired_on(today):
            reasons.append(str(_("verlopen")))
        if instance.last_checked < today - STALE_AFTER:
            reasons.append(str(_("langer dan een half jaar niet gecontroleerd")))
        return ", ".join(reasons)


class ProgrammesToCheckView(ReportView):
    page_title = _("Programma's nakijken")
    header_icon = "calendar-alt"
    index_url_name = "programmes_to_check"
    index_results_url_name = "programmes_to_check_results"
    any_permission_required = ["add", "change", "publish"]
    model = ProgrammePage
    columns = [
        TitleColumn("title", label=_("Titel"), url_name="wagtailadmin_pages:edit"),
        Column("category", label=_("Categorie")),
        DateColumn("deadline", label=_("Aanmelden tot")),
        DateColumn("last_checked", label=_("Laatst gecontroleerd")),
        ReasonColumn("reason", label=_("Waarom")),
    ]
    list_export = ["title", "category", "deadline", "last_checked", "url"]

    def get_queryset(self):
        today = timezone.localdate()
        return (
            ProgrammePage.objects.filter(expired_q(today) | Q(last_checked__lt=today - STALE_AFTER))
            .select_related("category")
            .order_by("last_checked", "title")
        )
