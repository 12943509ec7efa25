"""The search engine's line in /healthz (registered with portal.health.check in apps.py).

Without the engine the directory answers from the database, so "unavailable" makes the portal
"degraded", never "fail"."""

import logging

from django.conf import settings

from search.opensearch import connection

logger = logging.getLogger(__name__)


def engine_status():
    if not settings.SEARCH_URL:
        return "not configured"
    try:
        if connection.call(connection.client().ping):
            return "ok"
        error = "no answer to ping"
    except connection.EngineUnavailable as unavailable:
        error = unavailable
    logger.warning("healthz: search engine unavailable: %s", error)
    return "unavailable"
