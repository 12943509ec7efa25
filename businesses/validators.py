"""Validators for what entrepreneurs and staff type into a business profile.

Every message is translated; every validator accepts what a Dutch user would naturally type
(a postcode with or without space, lower case) where the model then normalises it.
"""

import json
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")
# Letter combinations PostNL never issues.
POSTCODE_UNUSED_LETTERS = {"SA", "SD", "SS"}

# The Netherlands (European part, with the Wadden islands), generously boxed.
NL_LATITUDE = (50.70, 53.60)
NL_LONGITUDE = (3.30, 7.30)

SOCIAL_HOSTS = {
    "instagram": ("instagram.com",),
    "facebook": ("facebook.com", "fb.com"),
    "tiktok": ("tiktok.com",),
    "linkedin": ("linkedin.com",),
    "x": ("x.com", "twitter.com"),
    "youtube": ("youtube.com", "youtu.be"),
    "whatsapp": ("wa.me", "whatsapp.com"),
}


def normalise_postcode(value):
    """'1234ab' -> '1234 AB'; leaves anything else unchanged (the validator reports it)."""
    match = POSTCODE_RE.match(value or "")
    if not match:
        return value
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value):
    match = POSTCODE_RE.match(value or "")
    if not match or match.group(2).upper() in POSTCODE_UNUSED_LETTERS:
        raise ValidationError(
            _("Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 3531 AB."),
            code="invalid_postcode",
        )


def validate_kvk_number(value):
    if not re.fullmatch(r"[0-9]{8}", value or ""):
        raise ValidationError(
            _("Een KvK-nummer heeft precies 8 cijfers, zoals 12345678."), code="invalid_kvk"
        )


def validate_in_netherlands(value, bounds, message):
    """A latitude or longitude (or nothing) within `bounds`; `message` names which it is."""
    low, high = bounds
    if value is not None and not low <= float(value) <= high:
        raise ValidationError(message, code="outside_netherlands", params={"min": low, "max": high})


# Two named functions, not one made by a factory: migrations refer to them by name.
def validate_latitude(value):
    validate_in_netherlands(
        value,
        NL_LATITUDE,
        _("Deze breedtegraad ligt niet in Nederland (tussen %(min)s en %(max)s)."),
    )


def validate_longitude(value):
    validate_in_netherlands(
        value,
        NL_LONGITUDE,
        _("Deze lengtegraad ligt niet in Nederland (tussen %(min)s en %(max)s)."),
    )


def validate_founding_year(value):
    this_year = timezone.localdate().year
    if value is not None and not 1800 <= value <= this_year:
        raise ValidationError(
            _("Vul een jaartal in tussen 1800 en %(year)s."),
            code="invalid_year",
            params={"year": this_year},
        )


def validate_social_url(service, url):
    """The address must belong to the chosen service: an Instagram link on instagram.com."""
    hosts = SOCIAL_HOSTS.get(service)
    if not hosts or not url:
        return
    host = (urlsplit(url).hostname or "").lower()
    if not any(host == h or host.endswith("." + h) for h in hosts):
        raise ValidationError(
            _("Dit adres hoort niet bij %(service)s. Het moet beginnen met https://%(host)s/."),
            code="wrong_service",
            params={"service": service.capitalize(), "host": hosts[0]},
        )


def validate_geojson_boundary(value):
    """A GeoJSON Polygon or MultiPolygon (or a Feature around one), with lon/lat pairs in NL."""
    if not value:
        return
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except ValueError as exc:
        raise ValidationError(_("Dit is geen geldige GeoJSON."), code="invalid_geojson") from exc
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry") or {}
    if not isinstance(data, dict) or data.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValidationError(
            _("De grens moet een GeoJSON Polygon of MultiPolygon zijn."), code="invalid_geojson"
        )
    polygons = data.get("coordinates") or []
    if data["type"] == "Polygon":
        polygons = [polygons]
    try:
        points = [point for polygon in polygons for ring in polygon for point in ring]
        inside = all(
            NL_LONGITUDE[0] <= float(lon) <= NL_LONGITUDE[1]
            and NL_LATITUDE[0] <= float(lat) <= NL_LATITUDE[1]
            for lon, lat in points
        )
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("Dit is geen geldige GeoJSON."), code="invalid_geojson") from exc
    if not points or not inside:
        raise ValidationError(
            _("De grens moet in Nederland liggen (punten als [lengtegraad, breedtegraad])."),
            code="outside_netherlands",
        )
