"""Background work of the businesses app, through Django's tasks framework (the immediate
backend runs a task at once, after the request's transaction; a queue may take it later)."""

from django_tasks import task

from businesses import geocoding
from businesses.selfservice import location
from portal.tasks import TemporaryFailure

# The owner waits for the wizard's lookup: fewer attempts there; the submission's lookup and
# `geocode_missing` try again.
DRAFT_ATTEMPTS = 2


@task()
def geocode_business(business_id):
    """Coordinates for a business whose row or waiting revision has an address without them."""
    outcome = geocoding.locate_business(business_id)
    if outcome == "failed":
        # PDOK did not answer: the queue asks again later (and geocode_missing nightly).
        raise TemporaryFailure(f"geocoder: business {business_id} not looked up")
    return outcome


@task()
def geocode_draft(draft_id, address_key):
    """Coordinates for a profile in progress, shown to the owner on the step "Locatie"."""
    location.locate_draft(draft_id, address_key, attempts=DRAFT_ATTEMPTS)
