""" "Inzicht" in the Wagtail admin: one page per registered report (home.insight.Report), with
a date range and a neighbourhood filter, every figure as chart and table, and CSV and XLSX
downloads of each figure; and the dashboard panels with each report's headline figures.

One page shows several figures, so this is a plain admin template view rather than Wagtail's
ReportView (a paginated listing of one queryset); the downloads reuse Wagtail's own
SpreadsheetExportMixin, with a figure's rows as the items and its columns as the fields,
and text that a spreadsheet would run as a formula (a search query "=1+2") quoted as text.
Bad input (a malformed or impossible date, a reversed or too long range, an unknown
neighbourhood or figure) shows a message on the page, never a server error.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from home import insight

FIRST_YEAR, LAST_YEAR = 2000, 2100
LONGEST_RANGE_DAYS = 10 * 366


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


def optional_date(label, invalid):
    """An optional day, typed as 2025-01-31 or 31-01-2025; `invalid` says how to fix a typo."""
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"invalid": invalid},
    )


class PeriodForm(forms.Form):
    """van/tot (dates, both included) and wijk (a neighbourhood's slug), all optional."""

    van = optional_date(_("Van"), _("Vul een geldige datum in, bijvoorbeeld 2025-01-31."))
    tot = optional_date(_("Tot en met"), _("Vul een geldige datum in, bijvoorbeeld 2025-12-31."))
    wijk = forms.ChoiceField(
        label=_("Wijk"),
        required=False,
        error_messages={
            "invalid_choice": _("Deze wijk kennen we niet. Kies een wijk uit de lijst.")
        },
    )

    def __init__(self, *args, neighbourhood_filter=True, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.neighbourhoods = (
            {n.slug: n for n in insight.neighbourhoods()} if neighbourhood_filter else {}
        )
        if neighbourhood_filter:
            self.fields["wijk"].choices = [("", _("Alle wijken"))] + [
                (n.slug, n.title) for n in self.neighbourhoods.values()
            ]
        else:
            del self.fields["wijk"]
        default = insight.default_period(self.today)
        self.fields["van"].widget.attrs["placeholder"] = default.start.isoformat()
        self.fields["tot"].widget.attrs["placeholder"] = default.end.isoformat()

    def clean_date(self, name):
        day = self.cleaned_data.get(name)
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Kies een datum tussen %(first)s en %(last)s."),
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return day

    def clean_van(self):
        return self.clean_date("van")

    def clean_tot(self):
        return self.clean_date("tot")

    def clean(self):
        data = super().clean()
        if "van" in self.errors or "tot" in self.errors:
            return data  # the range can only be checked with both dates readable
        default = insight.default_period(self.today)
        end = data.get("tot") or default.end
        start = data.get("van") or (
            insight.months_before(end, 11) if data.get("tot") else default.start
        )
        if start > end:
            raise forms.ValidationError(
                _("De begindatum ligt na de einddatum. Kies een begindatum op of vóór %(end)s."),
                params={"end": end.isoformat()},
                code="reversed",
            )
        if (end - start).days > LONGEST_RANGE_DAYS:
            raise forms.ValidationError(
                _("Kies een periode van hoogstens tien jaar."), code="too_long"
            )
        if self.errors:
            return data
        data["period"] = insight.Period(
            start=start, end=end, neighbourhood=self.neighbourhoods.get(data.get("wijk") or "")
        )
        return data


class ReportAccessMixin:
    """Finds the report named in the URL and lets only those with its permission in."""

    def dispatch(self, request, *args, **kwargs):
        self.report = insight.get_report(kwargs["slug"])
        if self.report is None:
            raise Http404
        if not self.report.can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InsightReportView(
    ReportAccessMixin,
    SpreadsheetExportMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    template_name = "home/insight/report.html"
    header_icon = "table"

    def get_page_title(self):
        return self.report.title

    def get_header_icon(self):
        return self.report.icon

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("insight_index"), "label": _("Inzicht")},
            {"url": "", "label": self.report.title},
        ]

    @cached_property
    def form(self):
        return PeriodForm(self.request.GET, neighbourhood_filter=self.report.neighbourhood_filter)

    def get(self, request, *args, **kwargs):
        errors = []
        figures = []
        period = None
        if self.form.is_valid():
            period = self.form.cleaned_data["period"]
            figures = self.report.figures(period)
            # Show the dates the figures are for, also where the defaults filled them in.
            shown = request.GET.copy()
            shown["van"], shown["tot"] = period.start.isoformat(), period.end.isoformat()
            self.form.data = shown
        wanted = request.GET.get("figuur")
        if self.is_export and period is not None:
            figure = next((f for f in figures if f.key == wanted), None)
            if figure is not None:
                return self.export(figure, period, request.GET["export"])
            errors.append(
                _("Dit cijfer bestaat niet in dit rapport. Kies een download bij een cijfer.")
            )
        context = self.get_context_data(period=period, figures=figures, errors=errors)
        status = 404 if errors else 200
        return TemplateResponse(request, self.template_name, context, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = kwargs["period"]
        downloads = {}
        if period is not None:
            query = period.query()
            for figure in kwargs["figures"]:
                downloads[figure.key] = [
                    (
                        _("Download %(format)s") % {"format": label},
                        "?" + urlencode({**query, "figuur": figure.key, "export": fmt}),
                    )
                    for fmt, label in (("csv", "CSV"), ("xlsx", "XLSX"))
                ]
        context.update(
            report=self.report,
            form=self.form,
            figure_downloads=[(f, downloads.get(f.key, [])) for f in kwargs["figures"]],
        )
        return context

    # --- Downloads: Wagtail's SpreadsheetExportMixin, with dict rows. ---

    def export(self, figure, period, export_format):
        self.figure = figure
        self.list_export = [key for key, _heading in figure.columns]
        self.export_headings = dict(figure.columns)
        self.export_filename = self.filename(figure, period)
        return self.as_spreadsheet(figure.rows, export_format)

    def filename(self, figure, period):
        parts = [self.report.slug, figure.key, period.start.isoformat(), period.end.isoformat()]
        if period.neighbourhood:
            parts.append(period.neighbourhood.slug)
        return slugify("-".join(parts))

    def to_row_dict(self, item):
        return {key: _export_value(item.get(key)) for key in self.list_export}

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))


def _export_value(value):
    """Hidden counts ("< 5") and lazy translations as text; numbers stay numbers and dates
    dates (ISO in CSV, a date cell in XLSX)."""
    return str(value) if isinstance(value, Promise) else value


class InsightIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The list of reports the user may see (the "Inzicht" menu's first stop)."""

    template_name = "home/insight/index.html"
    page_title = _("Inzicht")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.reports = [r for r in insight.reports() if r.can_view(request.user)]
        if not self.reports:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reports=self.reports, **kwargs)


class InsightPanel(Component):
    """A dashboard panel: a report's headline figures with a link to the report."""

    template_name = "home/insight/panel.html"

    def __init__(self, report, order):
        self.report = report
        self.order = order
        self.name = f"insight-{report.slug}"

    def get_context_data(self, parent_context):
        period = insight.default_period()
        return {
            "panel_id": self.name,
            "report": self.report,
            "headlines": self.report.headlines(period),
            "period": period,
            "url": reverse("insight_report", args=[self.report.slug]),
        }
