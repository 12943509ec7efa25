"""Background work (e-mail, search index updates, geocoding) goes through Django's tasks
framework. Development and the tests run each task at once (the immediate backend). Production
keeps every task in the database (django-tasks-db) for `manage.py db_worker` processes: a slow
or absent mail server, search engine or geocoder never holds up or fails a request, and a task
asked for inside a transaction is kept or dropped with the change that asked for it.

A task whose work may succeed later (the mail server is down, the engine does not answer)
raises TemporaryFailure. The queue then runs the same task again after each of
TASK_RETRY_DELAYS seconds in turn; after the last it stays failed, with its error, for staff
to run again (Instellingen → Achtergrondtaken, home/admin/tasks.py). Other errors fail at once.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Min, Q
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks.signals import task_finished
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)


class TemporaryFailure(Exception):
    """The task could not do its work now and may succeed later."""


TEMPORARY = f"{TemporaryFailure.__module__}.{TemporaryFailure.__qualname__}"


def queued():
    """Do tasks wait in the database for a worker (production), or run at once?"""
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def retry_delay(attempts):
    """Seconds until the next attempt after `attempts` failed ones; None when none is left."""
    delays = settings.TASK_RETRY_DELAYS
    return delays[attempts - 1] if 0 < attempts <= len(delays) else None


@receiver(task_finished)
def retry_temporary_failure(sender, task_result, **kwargs):
    errors = task_result.errors
    failed_for_now = task_result.status == TaskResultStatus.FAILED and (
        errors and errors[-1].exception_class_path == TEMPORARY
    )
    # Run at once (development, tests), nothing keeps a task for later.
    if not failed_for_now or not issubclass(sender, DatabaseBackend):
        return
    name = task_result.task.name
    delay = retry_delay(task_result.attempts)
    if delay is None:
        logger.error(
            "task %s (%s) failed after %s attempts", name, task_result.id, task_result.attempts
        )
        return
    # The same row waits again, so its attempts (worker_ids) and its last error stay visible.
    DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + timedelta(seconds=delay),
        finished_at=None,
    )
    logger.warning(
        "task %s (%s) failed for now, attempt %s; again in %s s",
        name,
        task_result.id,
        task_result.attempts,
        delay,
    )


def run_again(results):
    """Put failed tasks back in the queue, to run as soon as a worker is free. Returns how many;
    a task that is no longer failed (another member of staff was first) is left alone."""
    return DBTaskResult.objects.filter(
        pk__in=[result.pk for result in results], status=TaskResultStatus.FAILED
    ).update(status=TaskResultStatus.READY, run_after=get_date_max(), finished_at=None)


def requeue_stalled(older_than):
    """Tasks that a worker claimed and never finished (it was killed, its machine went down)
    run again. Workers stopped with SIGTERM finish their task first, so only the lost remain."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - older_than
    ).update(status=TaskResultStatus.READY, run_after=get_date_max())


def oldest_waiting_age():
    """Seconds that the task due longest has waited for a worker: since it was queued, or
    since its retry came due (0 when none waits)."""
    never = get_date_max()
    waiting = DBTaskResult.objects.ready().aggregate(
        queued=Min("enqueued_at", filter=Q(run_after=never)),
        retried=Min("run_after", filter=~Q(run_after=never)),
    )
    since = min(filter(None, waiting.values()), default=None)
    return 0 if since is None else max(0, round((timezone.now() - since).total_seconds()))
