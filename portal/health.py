"""/healthz for load balancers and monitoring: is the database there, is the search engine, do
the background workers keep up (the age of the task that has waited longest)?
/livez only says the process answers: no database, no template, which also makes it the
ceiling that `make bench` measures every page against.

No secrets and no details of the set-up: only "ok" or what is wrong. 200 while the database
answers (without the search engine the directory answers from the database, and with a task
waiting longer than TASK_WAIT_DEGRADED_SECONDS the workers lag or are gone: "degraded"), 503
when it does not.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from portal import tasks

logger = logging.getLogger(__name__)

# Asked every few seconds by load balancers; they answer afresh, without the caches.
PROBE_PATHS = ("/healthz", "/livez")


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError as error:
        logger.error("healthz: database unavailable: %s", error)
        return "unavailable"


def search_status():
    if not settings.SEARCH_URL:
        return "not configured"
    from search import engine

    try:
        if engine.call(engine.client().ping):
            return "ok"
        error = "no answer to ping"
    except engine.EngineUnavailable as unavailable:
        error = unavailable
    logger.warning("healthz: search engine unavailable: %s", error)
    return "unavailable"


def tasks_status():
    """ "immediate" when tasks run at once (development), else how many wait, how long the
    longest-waiting one has waited, and how many failed for good (for staff to run again)."""
    if not tasks.queued():
        return "immediate"
    return {
        "waiting": tasks.DBTaskResult.objects.ready().count(),
        "oldest_waiting_seconds": tasks.oldest_waiting_age(),
        "failed": tasks.DBTaskResult.objects.failed().count(),
    }


@never_cache
def healthz(request):
    checks = {"database": database_status(), "search": search_status()}
    if checks["database"] == "ok":
        checks["tasks"] = tasks_status()
    lagging = (
        isinstance(checks.get("tasks"), dict)
        and checks["tasks"]["oldest_waiting_seconds"] > settings.TASK_WAIT_DEGRADED_SECONDS
    )
    if checks["database"] != "ok":
        status = "fail"
    elif checks["search"] == "unavailable" or lagging:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, **checks}, status=503 if status == "fail" else 200)


@never_cache
def livez(request):
    return HttpResponse("ok", content_type="text/plain")
