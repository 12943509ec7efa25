"""Background work of the businesses app, through Django's tasks framework (the immediate
backend runs a task at once, after the request's transaction; a queue may take it later)."""

from django_tasks import task

from businesses import geocoding

# The owner waits for the wizard's lookup: fewer attempts there; the submission's lookup and
# `geocode_missing` try again.
DRAFT_ATTEMPTS = 2


@task()
def geocode_business(business_id):
    """Coordinates for a business whose row or waiting revision has an address without them."""
    return geocoding.locate_business(business_id)


@task()
def geocode_draft(draft_id, address_key):
    """Coordinates for a profile in progress, shown to the owner on the step "Locatie"."""
    geocoding.locate_draft(draft_id, address_key, attempts=DRAFT_ATTEMPTS)
