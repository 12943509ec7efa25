"""Admin views for staff: import businesses from CSV/XLSX, with a dry-run preview first."""

from pathlib import Path

import tablib
from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from import_export.tmp_storages import MediaStorage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import IndexView

from businesses.spreadsheet import BusinessResource
from home.admin.views import PermissionRequiredMixin

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
FORMATS = {".csv": "csv", ".xlsx": "xlsx"}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("CSV (UTF-8) of XLSX, met dezelfde kolommen als een export. Hoogstens 5 MB."),
    )
    publish = forms.BooleanField(
        label=_("Nieuwe en gewijzigde bedrijven meteen publiceren"),
        required=False,
        help_text=_("Zonder vinkje worden het concepten die een moderator nog publiceert."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in FORMATS:
            raise forms.ValidationError(_("Kies een .csv- of .xlsx-bestand."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Dit bestand is groter dan 5 MB."))
        return upload


def load_dataset(content, file_format):
    """Read the uploaded bytes into a tablib Dataset, or raise ValueError with a clear message."""
    try:
        if file_format == "csv":
            return tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
        return tablib.Dataset().load(content, format="xlsx")
    except UnicodeDecodeError as exc:
        raise ValueError(_("Het CSV-bestand is niet in UTF-8 opgeslagen.")) from exc
    except Exception as exc:  # tablib raises many kinds for a broken file
        raise ValueError(
            _("Dit bestand kunnen we niet lezen als %(format)s.") % {"format": file_format.upper()}
        ) from exc


class BusinessImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, View):
    """Upload → dry run with per-row results → confirm → import."""

    template_name = "businesses/admin/import.html"
    page_title = _("Bedrijven importeren")
    header_icon = "upload"
    permissions = ("businesses.add_business", "businesses.change_business")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_businesses_business:list"), "label": _("Bedrijven")},
            {"url": "", "label": self.page_title},
        ]

    def render(self, **context):
        return TemplateResponse(self.request, self.template_name, self.get_context_data(**context))

    def get(self, request):
        return self.render(form=ImportForm())

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        file_format = FORMATS[Path(upload.name).suffix.lower()]
        content = upload.read()
        try:
            dataset = load_dataset(content, file_format)
        except ValueError as error:
            form.add_error("file", str(error))
            return self.render(form=form)
        storage = MediaStorage(read_mode="rb", encoding=None)
        storage.save(content)
        result = BusinessResource(user=request.user).import_data(dataset, dry_run=True)
        return self.render(
            form=form,
            result=result,
            rows=preview_rows(result),
            stored_name=storage.name,
            file_format=file_format,
            publish=form.cleaned_data["publish"],
        )

    def confirm(self, request):
        file_format = request.POST.get("file_format")
        if file_format not in FORMATS.values():
            return redirect(reverse("wagtailsnippets_businesses_business:import"))
        storage = MediaStorage(
            name=request.POST.get("stored_name", ""), read_mode="rb", encoding=None
        )
        try:
            content = storage.read()
        except (FileNotFoundError, OSError, ValueError):
            messages.error(request, _("Het bestand is niet meer beschikbaar. Upload het opnieuw."))
            return redirect(reverse("wagtailsnippets_businesses_business:import"))
        resource = BusinessResource(user=request.user, publish=request.POST.get("publish") == "1")
        result = resource.import_data(load_dataset(content, file_format), dry_run=False)
        storage.remove()
        if result.has_errors() or result.has_validation_errors():
            # Nothing was saved (the import runs in one transaction); show why.
            return self.render(form=ImportForm(), result=result, rows=preview_rows(result))
        totals = result.totals
        messages.success(
            request,
            _("Import klaar: %(new)s nieuw, %(update)s bijgewerkt.")
            % {"new": totals["new"], "update": totals["update"]},
        )
        return redirect(reverse("wagtailsnippets_businesses_business:list"))


# Errors name the spreadsheet column, not the model field.
COLUMN_NAMES = {field.attribute: field.column_name for field in BusinessResource().fields.values()}


def preview_rows(result):
    """Row number (as in the spreadsheet, header = 1), what happens, name and errors per row."""
    invalid = {row.number: row for row in result.invalid_rows}
    rows = []
    for number, row in enumerate(result.rows, start=1):
        entry = {
            "number": number + 1,
            "type": row.import_type,
            "name": row.object_repr or "",
            "errors": [],
        }
        if number in invalid:
            entry["errors"] = [
                f"{COLUMN_NAMES.get(field, field)}: {message}"
                for field, field_messages in invalid[number].error_dict.items()
                for message in field_messages
            ]
        for error in row.errors:
            entry["errors"].append(str(error.error))
        rows.append(entry)
    return rows


class BusinessIndexView(IndexView):
    """The admin list of businesses; its XLSX/CSV export uses the import columns."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.request.user.has_perms(["businesses.add_business", "businesses.change_business"]):
            buttons.append(
                Button(
                    _("Importeren (CSV/XLSX)"),
                    url=reverse("wagtailsnippets_businesses_business:import"),
                    icon_name="upload",
                    priority=80,
                )
            )
        return buttons

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Written by tablib as the resource exports it: numbers as numbers, and text that could
        # run as a formula already quoted (portal.spreadsheets). The library's format classes
        # would turn every cell into text for IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT.
        dataset = BusinessResource().export(queryset)
        if spreadsheet_format == self.FORMAT_XLSX:
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            response = HttpResponse(dataset.xlsx, content_type=content_type)
        else:
            response = HttpResponse(dataset.csv, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bedrijven.{spreadsheet_format}"'
        return response
