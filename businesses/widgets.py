from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The middle of Utrecht, where the map starts when a business has no coordinates yet.
DEFAULT_CENTRE = (52.0907, 5.1214)


class CoordinatePickerWidget(forms.NumberInput):
    """The latitude input with a map beside it: a click on the map fills in both coordinates.

    Staff can still type the numbers; the map follows what they type.
    """

    template_name = "businesses/widgets/coordinate_picker.html"

    def __init__(self, longitude_name="longitude", attrs=None):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})
        self.longitude_name = longitude_name

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["picker"] = {
            "longitude_name": self.longitude_name,
            "tiles": settings.PORTAL_MAP_TILE_URL,
            "centre": f"{DEFAULT_CENTRE[0]},{DEFAULT_CENTRE[1]}",
            "help": _("Klik op de kaart om de plek te kiezen, of sleep de speld."),
        }
        return context

    @property
    def media(self):
        return forms.Media(
            css={"all": ["vendor/leaflet/leaflet.css"]},
            js=["vendor/leaflet/leaflet.js", "businesses/coordinate-picker.js"],
        )
