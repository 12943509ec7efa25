"""/healthz for load balancers and monitoring: is the database there, do the background workers
keep up (the age of the task that has waited longest), and what the apps register with
`check()` (the search app: is its engine there)?
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
from portal.registry import Registry

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


# {name: function()} of the services the apps depend on; each answers "ok", "unavailable" (the
# portal still answers without it: "degraded") or something else that is no fault, such as
# "not configured".
_checks = Registry()


def check(name):
    """Register a function as /healthz's check called `name` (an app does so in its ready())."""
    return _checks.add(name)


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
    checks = {"database": database_status()}
    checks.update((name, function()) for name, function in _checks.items())
    if checks["database"] == "ok":
        checks["tasks"] = tasks_status()
    lagging = (
        isinstance(checks.get("tasks"), dict)
        and checks["tasks"]["oldest_waiting_seconds"] > settings.TASK_WAIT_DEGRADED_SECONDS
    )
    if checks["database"] != "ok":
        status = "fail"
    elif "unavailable" in checks.values() or lagging:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, **checks}, status=503 if status == "fail" else 200)


@never_cache
def livez(request):
    return HttpResponse("ok", content_type="text/plain")
