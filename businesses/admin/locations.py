"""Where a business is, for staff in the Wagtail admin: "Nog geen locatie" above the coordinate
picker, a column and a filter in the list, and a form that remembers a pin placed by hand (so
the geocoder never moves it; businesses/geocoding.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from businesses import geocoding


class BusinessAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if {"latitude", "longitude"} & set(self.changed_data):
            placed = cleaned.get("latitude") is not None and cleaned.get("longitude") is not None
            # Emptied: the geocoder may look the address up again.
            self.instance.location_source = "person" if placed else ""
        return cleaned


def location_label(business):
    return _("Op de kaart") if business.has_location else _("Nog geen locatie")


def location_status(business):
    """What staff read above the coordinate picker."""
    if business.has_location:
        return {
            "level": "info",
            "heading": _("Op de kaart"),
            "text": {
                "geocoder": _("De adreszoeker (PDOK) vond dit adres. Klopt de speld niet, "
                              "verplaats hem: dan blijft hij staan."),
                "person": _("Deze plek is met de hand gezet; de adreszoeker verandert hem niet."),
            }.get(business.location_source, ""),
            "latitude": business.latitude,
            "longitude": business.longitude,
        }  # fmt: skip
    if business.location_source == "person":
        text = _(
            "De eigenaar zegt dat de gevonden plek niet klopt. Zet de speld op de kaart hieronder."
        )
    elif geocoding.enabled():
        text = _(
            "De adreszoeker (PDOK) heeft dit adres niet gevonden of nog niet opgezocht. Zet de "
            "speld op de kaart hieronder, of sla op en kijk later nog eens."
        )
    else:
        text = _("Zet de speld op de kaart hieronder, of vul de coördinaten in.")
    return {"level": "warning", "heading": _("Nog geen locatie"), "text": text}


class LocationStatusPanel(Panel):
    """'Nog geen locatie' (or where the pin is and who placed it) above the coordinates.
    It reads the version being edited: for a submission, the one waiting for approval."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "businesses/admin/location_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["status"] = location_status(self.instance)
            return context
