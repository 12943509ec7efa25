"""The production queue (django-tasks-db with `db_worker`, portal/tasks.py): a task that fails
for now runs again after a pause, one that keeps failing waits for staff, who see it in
Instellingen → Achtergrondtaken and run it again; /healthz tells how long tasks wait. And the
immediate mode of development and the tests: the same task runs at once.

Mail is followed to where the next person reads it: the outbox (what the mail server received),
read once the worker ran, never only the queue's rows.
"""

import json
import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from home.email import send_templated_email
from home.permissions import EDITORS, MODERATORS
from portal.tasks import TemporaryFailure

pytestmark = pytest.mark.django_db

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ATTEMPTS = {"made": 0, "fail": 0}


@task()
def flaky():
    """Fails for now as often as ATTEMPTS["fail"] says, then succeeds."""
    ATTEMPTS["made"] += 1
    if ATTEMPTS["made"] <= ATTEMPTS["fail"]:
        raise TemporaryFailure("not yet")
    return ATTEMPTS["made"]


@task()
def broken():
    raise ValueError("a bug, not the weather")


class MailServer:
    """The mail server as the tasks meet it: down (connection refused), answering "try later"
    or "no such mailbox", or up (then Django's test outbox receives)."""

    state = "up"


class FlakyMailBackend(EmailBackend):
    def send_messages(self, messages):
        if MailServer.state == "down":
            raise ConnectionRefusedError(111, "Connection refused")
        if MailServer.state == "busy":
            raise smtplib.SMTPResponseException(421, b"Try again later")
        if MailServer.state == "refuses":
            raise smtplib.SMTPRecipientsRefused({"x@example.nl": (550, b"No such user")})
        return super().send_messages(messages)


@pytest.fixture
def queue(settings):
    settings.TASKS = QUEUE
    settings.TASK_RETRY_DELAYS = [0, 0]  # two retries, at once
    settings.EMAIL_BACKEND = "tests.home.test_task_queue.FlakyMailBackend"
    ATTEMPTS.update(made=0, fail=0)
    MailServer.state = "up"
    yield
    MailServer.state = "up"


def work(batch=True, max_tasks=None):
    """One `db_worker --batch` run: every due task, then stop (or `--max-tasks`). As Django's test client does for
    a request, the worker keeps the test's database connection: it closes connections that are
    not in autocommit, and the test's transaction is not (on PostgreSQL the next query would
    meet a closed connection)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        worker.run()


def row(result):
    return DBTaskResult.objects.get(pk=result.id)


def test_a_task_that_fails_twice_for_now_succeeds_on_the_third_attempt(queue):
    ATTEMPTS["fail"] = 2
    result = flaky.enqueue()
    assert ATTEMPTS["made"] == 0  # queued, not run in the request
    work()
    task = row(result)
    assert ATTEMPTS["made"] == 3
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.return_value == 3
    assert len(task.worker_ids) == 3  # one row, three attempts


def test_a_task_that_keeps_failing_waits_for_staff_with_its_error(queue):
    ATTEMPTS["fail"] = 10
    result = flaky.enqueue()
    work()
    task = row(result)
    assert task.status == TaskResultStatus.FAILED
    assert ATTEMPTS["made"] == 3  # the first attempt and TASK_RETRY_DELAYS' two
    assert "not yet" in task.traceback


def test_a_retry_waits_its_pause(queue, settings):
    settings.TASK_RETRY_DELAYS = [600]
    ATTEMPTS["fail"] = 1
    result = flaky.enqueue()
    work()
    task = row(result)
    assert task.status == TaskResultStatus.READY
    assert timezone.now() + timedelta(seconds=590) < task.run_after
    assert ATTEMPTS["made"] == 1  # the worker does not run it before its time


def test_an_error_that_is_not_temporary_fails_at_once(queue):
    result = broken.enqueue()
    work()
    task = row(result)
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 1
    assert task.exception_class_path == "builtins.ValueError"


def send_welcome():
    send_templated_email(
        "businesses/email/claim_approved", {"business": "Bakkerij Zon"}, ["fatma@example.nl"]
    )


def test_mail_asked_for_while_the_server_is_down_arrives_once_when_it_is_back(queue):
    MailServer.state = "down"
    send_welcome()
    assert mail.outbox == []
    work()
    (task,) = DBTaskResult.objects.all()
    assert task.status == TaskResultStatus.FAILED  # both retries spent while it was down
    assert "Connection refused" in task.traceback
    # The server is back; staff run it again (below through the admin; here the same call).
    MailServer.state = "up"
    from portal import tasks

    assert tasks.run_again([task]) == 1
    work()
    work()  # a second worker run finds nothing more to send
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatma@example.nl"]
    assert message.extra_headers["Message-ID"].startswith(f"<{task.pk}@")
    assert row(task).status == TaskResultStatus.SUCCESSFUL


def test_a_busy_mail_server_is_asked_again_and_the_mail_arrives(queue):
    MailServer.state = "busy"
    send_welcome()
    work(batch=False, max_tasks=1)  # one attempt only
    assert mail.outbox == []
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY  # waits to try again
    MailServer.state = "up"
    work()
    assert len(mail.outbox) == 1


def test_a_refused_address_is_not_asked_again(queue):
    MailServer.state = "refuses"
    send_welcome()
    work()
    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 1
    assert mail.outbox == []


@pytest.fixture
def staff(make_user):
    def member(group):
        user = make_user(f"{group.lower()}@example.nl")
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        return client

    return member


def test_staff_see_a_failed_mail_and_run_it_again(queue, staff):
    MailServer.state = "down"
    send_welcome()
    work()
    moderator = staff(MODERATORS)
    listing = moderator.get("/admin/achtergrondtaken/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "E-mail versturen" in page
    assert "Mislukt" in page
    assert "Connection refused" in page  # the last error
    assert "fatma@example.nl" not in page  # the subject and how many, not the addresses
    task = DBTaskResult.objects.get()
    details = moderator.get(f"/admin/achtergrondtaken/inspect/{task.pk}/").content.decode()
    assert "E-mail versturen" in details
    assert "ConnectionRefusedError" in details  # the whole traceback
    assert "fatma@example.nl" not in details
    confirm = moderator.get(f"/admin/achtergrondtaken/opnieuw/{task.pk}/")
    assert confirm.status_code == 200
    assert "Ja, opnieuw uitvoeren" in confirm.content.decode()
    MailServer.state = "up"
    answer = moderator.post(f"/admin/achtergrondtaken/opnieuw/{task.pk}/", follow=True)
    assert "De taak staat weer in de wachtrij" in answer.content.decode()
    work()
    assert len(mail.outbox) == 1
    after = moderator.get("/admin/achtergrondtaken/?status=SUCCESSFUL").content.decode()
    assert "Gelukt" in after
    assert "E-mail versturen" in after
    # Sent again by mistake (a second click, another tab): nothing happens twice.
    again = moderator.post(f"/admin/achtergrondtaken/opnieuw/{task.pk}/", follow=True)
    assert "niet (meer) mislukt" in again.content.decode()
    work()
    assert len(mail.outbox) == 1


def test_editors_may_not_run_tasks_again(queue, staff):
    result = broken.enqueue()
    work()
    editor = staff(EDITORS)
    assert editor.get("/admin/achtergrondtaken/").status_code in (302, 403)
    assert editor.post(f"/admin/achtergrondtaken/opnieuw/{result.id}/").status_code in (302, 403)
    assert row(result).status == TaskResultStatus.FAILED


def health(client):
    return json.loads(client.get("/healthz").content)


def test_healthz_tells_how_long_the_oldest_task_waits(queue, client, settings):
    assert health(client)["tasks"] == {"waiting": 0, "oldest_waiting_seconds": 0, "failed": 0}
    result = flaky.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=10)
    )
    answer = health(client)
    assert answer["tasks"]["waiting"] == 1
    assert 590 <= answer["tasks"]["oldest_waiting_seconds"] <= 700
    assert answer["status"] == "degraded"  # over TASK_WAIT_DEGRADED_SECONDS: workers lag
    work()
    assert health(client) == {
        "status": "ok",
        "database": "ok",
        "search": "not configured",
        "tasks": {"waiting": 0, "oldest_waiting_seconds": 0, "failed": 0},
    }


def test_a_task_its_worker_never_finished_runs_again(queue):
    result = flaky.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=2)
    )
    fresh = flaky.enqueue()
    DBTaskResult.objects.filter(pk=fresh.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )
    call_command("requeue_stalled_tasks", verbosity=0)
    call_command("requeue_stalled_tasks", verbosity=0)  # twice is the same as once
    assert row(result).status == TaskResultStatus.READY
    assert row(fresh).status == TaskResultStatus.RUNNING  # still being worked on
    work()
    assert row(result).status == TaskResultStatus.SUCCESSFUL


def test_run_at_once_in_development(settings):
    """The immediate backend (make run, the tests): the mail is sent within the request, named
    by its task like a queued one, and no row is kept."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_welcome()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"].endswith(">")
    assert not DBTaskResult.objects.exists()


def test_a_temporary_failure_never_fails_the_request_in_development(client):
    ATTEMPTS.update(made=0, fail=5)
    result = flaky.enqueue()
    assert result.status == TaskResultStatus.FAILED
    assert ATTEMPTS["made"] == 1
