"""Where a business is: its address looked up in PDOK Locatieserver, the Dutch government's free
geocoder (https://api.pdok.nl/bzk/locatieserver/search/v3_1/ui/, the "free" endpoint).

The lookup runs in background tasks (businesses.tasks): for a profile in progress once its
address step is saved, so the owner sees the pin on the next step ("Locatie"), and for a
business whose row or latest revision has an address without coordinates (an owner's
submission, staff saving an address without a pin). `geocode_missing` tries every such
business again, nightly.

Rules:
- Off when `PDOK_LOCATIESERVER_URL` is empty (development and tests; production sets PDOK's URL).
- An answer counts only when its postcode and house number are those asked for: a street or a
  neighbouring number is worse than no pin, which staff then place by hand.
- The geocoder fills in what is empty and never moves a pin a person placed
  (`Business.location_source`: "geocoder" or "person"). An owner who changes the address in
  the wizard gets a fresh lookup for the new address, shown for them to check.
- Temporary failures (timeouts, connection errors, 429, 5xx) are tried again a few times with
  a growing pause; anything else is answered as "not found".
"""

import logging
import re
import time
from dataclasses import dataclass
from decimal import Decimal

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.models import Revision

from businesses.models import Business
from businesses.validators import NL_LATITUDE, NL_LONGITUDE, POSTCODE_RE

logger = logging.getLogger(__name__)

# WKT as PDOK writes it: "POINT(5.10412345 52.09123456)", longitude first.
POINT_RE = re.compile(r"^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$", re.I)
FIELDS = "weergavenaam,centroide_ll,postcode,huisnummer,huis_nlt,type,score"
# A few rows, so that "12 B" finds 12B even when 12 scores higher; only a match counts.
ROWS = 5
SIX_PLACES = Decimal("0.000001")


class TemporaryFailure(Exception):
    """PDOK did not answer now (timeout, connection, 429, 5xx): worth trying again later."""


@dataclass(frozen=True)
class Address:
    street: str
    house_number: int | None
    addition: str
    postcode: str  # compact: "3531CK"
    city: str

    @classmethod
    def of(cls, street="", house_number=None, house_number_addition="", postcode="", city=""):
        match = POSTCODE_RE.match(postcode or "")
        try:
            number = int(house_number) if house_number not in (None, "") else None
        except (TypeError, ValueError):
            number = None
        return cls(
            street=(street or "").strip(),
            house_number=number,
            addition=(house_number_addition or "").strip(),
            postcode=f"{match.group(1)}{match.group(2).upper()}" if match else "",
            city=(city or "").strip(),
        )

    @classmethod
    def of_business(cls, business):
        return cls.of(
            business.street,
            business.house_number,
            business.house_number_addition,
            business.postcode,
            business.city,
        )

    @classmethod
    def of_data(cls, data):
        """From a dictionary with the model's field names (a draft's "adres", a revision)."""
        return cls.of(*(data.get(name) for name in ADDRESS_FIELDS))

    @property
    def complete(self):
        return bool(self.postcode and self.house_number)

    def query(self):
        number = f"{self.house_number} {self.addition}".strip()
        return f"{self.street} {number}, {self.postcode} {self.city}".strip(" ,")

    def key(self):
        """What a pin belongs to; a change of address gives another key."""
        return "|".join(
            (self.street.lower(), str(self.house_number or ""), self.addition.lower(),
             self.postcode, self.city.lower())
        )  # fmt: skip


ADDRESS_FIELDS = ("street", "house_number", "house_number_addition", "postcode", "city")


@dataclass(frozen=True)
class Location:
    latitude: Decimal
    longitude: Decimal
    found: str  # PDOK's name of the address: "Kanaalstraat 12, 3531CK Utrecht"


def enabled():
    return bool(settings.PDOK_LOCATIESERVER_URL)


def parse_point(text):
    """(latitude, longitude) from PDOK's "POINT(lon lat)", or None."""
    match = POINT_RE.match(text or "")
    if not match:
        return None
    longitude, latitude = (Decimal(part).quantize(SIX_PLACES) for part in match.groups())
    if not (NL_LATITUDE[0] <= latitude <= NL_LATITUDE[1]):
        return None
    if not (NL_LONGITUDE[0] <= longitude <= NL_LONGITUDE[1]):
        return None
    return latitude, longitude


def _compact(text):
    return re.sub(r"[\s-]", "", str(text or "")).upper()


def _number_of(doc):
    if isinstance(doc.get("huisnummer"), int):
        return doc["huisnummer"]
    match = re.match(r"\s*(\d+)", str(doc.get("huis_nlt") or doc.get("huisnummer") or ""))
    return int(match.group(1)) if match else None


def best_match(docs, address):
    """The first answer with the postcode and house number asked for (with the same addition
    first), as a Location; None when no answer is the address asked."""
    matching = [
        doc
        for doc in docs
        if doc.get("type", "adres") == "adres"
        and _compact(doc.get("postcode")) == address.postcode
        and _number_of(doc) == address.house_number
        and parse_point(doc.get("centroide_ll"))
    ]
    wanted = _compact(f"{address.house_number}{address.addition}")
    matching.sort(key=lambda doc: _compact(doc.get("huis_nlt")) != wanted)  # stable
    if not matching:
        return None
    doc = matching[0]
    latitude, longitude = parse_point(doc["centroide_ll"])
    found = re.sub(r"\b(\d{4})([A-Z]{2})\b", r"\1 \2", str(doc.get("weergavenaam") or ""))
    return Location(latitude, longitude, found[:200] or address.query())


def lookup(address):
    """One question to PDOK: a Location, or None when the address is not found.
    Raises TemporaryFailure when it is worth asking again later."""
    params = {"q": address.query(), "fq": "type:adres", "fl": FIELDS, "rows": ROWS}
    try:
        response = requests.get(
            settings.PDOK_LOCATIESERVER_URL,
            params=params,
            timeout=settings.PDOK_TIMEOUT_SECONDS,
            headers={"Accept": "application/json"},
        )
    except requests.RequestException as error:  # timeouts and connection errors
        raise TemporaryFailure(f"{type(error).__name__}: {error}") from error
    if response.status_code == 429 or response.status_code >= 500:
        raise TemporaryFailure(f"HTTP {response.status_code}")
    if response.status_code != 200:
        logger.warning("geocoding: PDOK answered HTTP %s", response.status_code)
        return None
    try:
        docs = response.json()["response"]["docs"]
    except (ValueError, KeyError, TypeError) as error:
        raise TemporaryFailure(f"unreadable answer: {error}") from error
    return best_match(docs if isinstance(docs, list) else [], address)


def locate(address, attempts=None):
    """lookup() tried up to `attempts` times while it fails temporarily, with the pauses of
    PDOK_RETRY_SECONDS between them; re-raises the last TemporaryFailure."""
    attempts = attempts or settings.PDOK_ATTEMPTS
    pauses = list(settings.PDOK_RETRY_SECONDS)
    for attempt in range(1, attempts + 1):
        try:
            return lookup(address)
        except TemporaryFailure as error:
            if attempt == attempts:
                raise
            pause = pauses[min(attempt - 1, len(pauses) - 1)] if pauses else 0
            logger.info("geocoding: attempt %s failed (%s); again in %ss", attempt, error, pause)
            time.sleep(pause)
    return None


# Businesses -------------------------------------------------------------------------------------


def needs_location(latitude, source, address):
    return latitude in (None, "") and source != "person" and address.complete


def locate_business(business_id, attempts=None):
    """Fill in the coordinates of a business where they are missing: its row (what the public
    sees) and its latest revision when that waits for a moderator (what will be published).
    Returns "found", "not_found", "failed" or "nothing" (nothing to look up)."""

    if not enabled():
        return "nothing"
    business = Business.objects.filter(pk=business_id).select_related("latest_revision").first()
    if business is None:
        return "nothing"
    answers = {}

    def find(address):
        if address.key() not in answers:
            answers[address.key()] = locate(address, attempts)
        return answers[address.key()]

    outcome = "nothing"
    try:
        address = Address.of_business(business)
        if needs_location(business.latitude, business.location_source, address):
            outcome = "not_found"
            if location := find(address):
                outcome = "found" if _set_row(business.pk, address, location) else outcome
        revision = business.latest_revision
        if revision and (not business.live or business.has_unpublished_changes):
            content = revision.content or {}
            address = Address.of_data(content)
            if needs_location(content.get("latitude"), content.get("location_source"), address):
                outcome = "not_found" if outcome == "nothing" else outcome
                if location := find(address):
                    content.update(
                        latitude=str(location.latitude),
                        longitude=str(location.longitude),
                        location_source="geocoder",
                    )
                    Revision.objects.filter(pk=revision.pk).update(content=content)
                    outcome = "found"
    except TemporaryFailure as error:
        logger.warning("geocoding: business %s not looked up now: %s", business_id, error)
        return "failed"
    return outcome


def _set_row(business_id, address, location):
    """Write the pin into the row, unless a person placed one (or the address changed) since."""

    with transaction.atomic():
        business = Business.objects.select_for_update().filter(pk=business_id).first()
        if business is None or Address.of_business(business) != address:
            return False
        if not needs_location(business.latitude, business.location_source, address):
            return False
        business.latitude = location.latitude
        business.longitude = location.longitude
        business.location_source = "geocoder"
        # A save (not an update): the search index and the page cache follow it.
        business.save(update_fields=["latitude", "longitude", "location_source"])
    return True


def businesses_without_location():
    """Businesses whose row, or whose revision waiting for a moderator, may get a pin."""

    return (
        Business.objects.filter(Q(latitude__isnull=True) | Q(has_unpublished_changes=True))
        .exclude(Q(latitude__isnull=True) & Q(location_source="person"))
        .filter(house_number__isnull=False)
        .order_by("pk")
    )
