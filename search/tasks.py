"""Keeping the search index current, through Django's tasks framework."""

import logging

from django.conf import settings
from django_tasks import task

from businesses.directory import Business
from portal.tasks import TemporaryFailure
from search import vocabulary
from search.opensearch import connection, indexing

logger = logging.getLogger(__name__)


@task()
def update_directory_index(business_id):
    business = (
        Business.objects.filter(pk=business_id)
        .prefetch_related("products", "sectors__parent")
        .first()
    )
    if business is not None:
        vocabulary.add(business)
    if not settings.SEARCH_URL:
        return
    try:
        indexing.update(business_id)
    except connection.EngineUnavailable as error:
        # The queue tries again; run at once (development), the nightly check_directory_index
        # repairs what is missed.
        logger.warning(
            "directory: could not update business %s in the index: %s", business_id, error
        )
        raise TemporaryFailure(f"search engine: {error}") from error
