"""The pin of a profile in progress: found from its address by the geocoder (in the background),
or set by the entrepreneur on the map, and carried to the business when it is published."""

import logging
from decimal import Decimal

from django.db import transaction

from businesses.geocoding import SIX_PLACES, Address, TemporaryFailure, enabled, locate

logger = logging.getLogger(__name__)


# A profile in progress ("Mijn bedrijf") ---------------------------------------------------------
#
# The draft keeps the pin under "locatie": latitude and longitude (numbers, or None), source
# ("geocoder", "person" or ""), found (PDOK's name of the address), status ("pending", "found",
# "not_found", "failed", "off", "person") and for_address (the Address.key() it belongs to).


def draft_location(draft):
    return draft.data.get("locatie") or {}


def location_data(location=None, **values):
    data = {"latitude": None, "longitude": None, "source": "", "found": "", "status": ""}
    if location is not None:
        data.update(
            latitude=float(location.latitude),
            longitude=float(location.longitude),
            source="geocoder",
            found=location.found,
            status="found",
        )
    data.update(values)
    return data


def location_of_business(business):
    """The "locatie" of a draft that edits `business`: its pin as it is."""
    has_pin = business.latitude is not None and business.longitude is not None
    return location_data(
        latitude=float(business.latitude) if has_pin else None,
        longitude=float(business.longitude) if has_pin else None,
        source=business.location_source,
        status=("person" if business.location_source == "person" else "found") if has_pin else "",
        # Without a pin the address step asks the geocoder (the key differs).
        for_address=Address.of_business(business).key() if has_pin else "",
    )


def address_stored(draft):
    """The address step was saved: a new address gets a fresh lookup (in a task); the same
    address keeps its pin, also one the owner placed."""
    from businesses.tasks import geocode_draft

    address = Address.of_data(draft.data.get("adres", {}))
    if draft_location(draft).get("for_address") == address.key():
        return
    status = "pending" if enabled() and address.complete else "off" if not enabled() else ""
    draft.data["locatie"] = location_data(status=status, for_address=address.key())
    draft.save(update_fields=["data", "updated_at"])
    if status == "pending":
        draft_id, key = draft.pk, address.key()
        transaction.on_commit(lambda: geocode_draft.enqueue(draft_id, key))


def lookup_again(draft):
    """The owner asks to look the address up again (a pin they placed goes)."""
    draft.data["locatie"] = location_data(for_address="")
    draft.save(update_fields=["data", "updated_at"])
    address_stored(draft)


def locate_draft(draft_id, address_key, attempts=None):
    """Look up the address of a draft and keep the answer in it, if the draft still has that
    address and no pin placed by its owner meanwhile."""
    from businesses.models import ProfileDraft

    draft = ProfileDraft.objects.filter(pk=draft_id).first()
    if draft is None or not enabled():
        return
    address = Address.of_data(draft.data.get("adres", {}))
    if address.key() != address_key or not address.complete:
        return
    try:
        location = locate(address, attempts)
        result = location_data(location, status="found" if location else "not_found")
    except TemporaryFailure as error:
        logger.warning("geocoding: draft %s not looked up now: %s", draft_id, error)
        result = location_data(status="failed")
    with transaction.atomic():
        draft = ProfileDraft.objects.select_for_update().filter(pk=draft_id).first()
        if draft is None:
            return
        current = draft_location(draft)
        if current.get("for_address") != address_key or current.get("source") == "person":
            return
        draft.data["locatie"] = {**result, "for_address": address_key}
        draft.save(update_fields=["data", "updated_at"])


def store_location(draft, location):
    if location.get("source") == "person":  # the owner's pin belongs to the address they see
        location = {**location, "for_address": Address.of_data(draft.data.get("adres", {})).key()}
    draft.data["locatie"] = location
    draft.data.get("_unsaved", {}).pop("locatie", None)
    draft.save(update_fields=["data", "updated_at"])


def pin_is_wrong(location):
    """The owner says the pin found is wrong: no pin, and the geocoder stays away (staff place it)."""
    return location_data(
        source="person", status="person", for_address=location.get("for_address", "")
    )


def corrected(location, latitude, longitude):
    """The draft's "locatie" after the owner saved the step with these coordinates: the same
    numbers keep what found them; other numbers are the owner's pin; emptied fields mean the
    pin was wrong."""

    def same(stored, given):
        return stored is not None and given is not None and round(float(stored), 6) == float(given)

    if latitude is None and longitude is None:
        had_pin = location.get("latitude") is not None
        return pin_is_wrong(location) if had_pin else location
    if same(location.get("latitude"), latitude) and same(location.get("longitude"), longitude):
        return location
    return location_data(
        latitude=float(latitude),
        longitude=float(longitude),
        source="person",
        status="person",
        for_address=location.get("for_address", ""),
    )


def apply_to_business(draft, business):
    """Carry the draft's pin into the business (and so into the revision that is submitted)."""
    location = draft_location(draft)
    if "locatie" not in draft.data:
        return  # an older draft: the business keeps what it has
    latitude, longitude = location.get("latitude"), location.get("longitude")
    if latitude is not None and longitude is not None:
        business.latitude = Decimal(str(latitude)).quantize(SIX_PLACES)
        business.longitude = Decimal(str(longitude)).quantize(SIX_PLACES)
    else:
        business.latitude = business.longitude = None
    business.location_source = location.get("source") or ""
