"""Keeping the search index current, through Django's tasks framework."""

import logging

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def update_directory_index(business_id):
    from businesses.models import Business
    from search import vocabulary

    business = (
        Business.objects.filter(pk=business_id)
        .prefetch_related("products", "sectors__parent")
        .first()
    )
    if business is not None:
        vocabulary.add(business)
    if not settings.SEARCH_URL:
        return
    from search import engine

    try:
        engine.update(business_id)
    except engine.EngineUnavailable as error:
        # The nightly check_directory_index (or a rebuild) repairs what is missed here.
        logger.warning(
            "directory: could not update business %s in the index: %s", business_id, error
        )
