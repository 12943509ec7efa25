"""What the database and the mail server hold after the soak: the queue drained, every mail the
portal accepted received exactly once, every sign-up and submission seen by a visitor stored
whole (and nothing stored that a visitor did not see succeed). Needs Django set up (report.py
does)."""

import os
import time
from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from timings import BENCH, p95, read_jsonl, to_time
from wagtail.models import Revision, WorkflowState

from businesses.models import Business, ProfileDraft
from home.models import Consent

DRAIN_SECONDS = 300
MAIL = "home.tasks.send_email"
RUN = os.environ["SOAK_RUN"]


def pending_mail():
    return DBTaskResult.objects.filter(
        task_path=MAIL, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )


def drain():
    """Wait until the workers sent every mail that waits (retries included)."""
    deadline = time.time() + DRAIN_SECONDS
    while (waiting := pending_mail().count()) and time.time() < deadline:
        print(f"soak: {waiting} mails wait", flush=True)
        time.sleep(10)
    print(f"soak: {pending_mail().count()} mails still wait")


def mail():
    """Each accepted mail (a send_email task) against what the mail server received."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    tasks = DBTaskResult.objects.filter(task_path=MAIL)
    accepted = {f"<{pk}@{host}>" for pk in tasks.values_list("pk", flat=True)}
    path = BENCH / "soak-mail.jsonl"
    received = Counter(m["message_id"] for m in read_jsonl(path.name)) if path.exists() else {}
    return {
        "accepted": len(accepted),
        "received": sum(received.values()),
        "arrived_once": sum(1 for mid in accepted if received.get(mid) == 1),
        "missing": sorted(accepted - set(received)),
        "duplicated": sorted(mid for mid, count in received.items() if count > 1),
        "unknown": sorted(set(received) - accepted),
        "retried": sum(len(ids) > 1 for ids in tasks.values_list("worker_ids", flat=True)),
        "failed": tasks.filter(status=TaskResultStatus.FAILED).count(),
        "waiting": pending_mail().count(),
    }


def signups(records):
    seen = [r for r in records if r["kind"] == "signup"]
    accepted = {r["email"] for r in seen if r["accepted"]}
    users = get_user_model().objects.filter(email__startswith=f"soak-signup-{RUN}-")
    stored = set(users.values_list("email", flat=True))
    half_saved = [
        user.email
        for user in users.prefetch_related("emailaddress_set")
        if [a.email for a in user.emailaddress_set.all()] != [user.email]
    ]
    return {
        "accepted": len(accepted),
        "stored": len(stored),
        "stored_not_accepted": sorted(stored - accepted),
        "accepted_not_stored": sorted(accepted - stored),
        "half_saved": half_saved,
        "sent_not_accepted": sum(not r["accepted"] for r in seen),
    }


def submissions(records):
    outcomes = [r for r in records if r["kind"] == "submission"]
    accepted = {r["name"]: r for r in outcomes if r["accepted"]}
    businesses = (
        Business.objects.filter(name__startswith=f"Soakzaak {RUN} ")
        .select_related("owner")
        .prefetch_related("opening_hours", "sectors", "languages", "products")
    )
    content_type = ContentType.objects.get_for_model(Business)
    problems, stored = [], set()
    for business in businesses:
        stored.add(business.name)
        revisions = Revision.objects.filter(
            base_content_type=content_type, object_id=str(business.pk)
        )
        workflows = WorkflowState.objects.filter(
            base_content_type=content_type,
            object_id=str(business.pk),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        expected = accepted.get(business.name, {}).get("email")
        checks = {
            "owner is the submitter": business.owner and business.owner.email == expected,
            "not published": not business.live,
            "one revision, the latest": revisions.count() == 1
            and business.latest_revision_id == revisions.get().pk,
            "one workflow in moderation": workflows.count() == 1,
            "opening hours (5)": len(business.opening_hours.all()) == 5,
            "sectors (2)": len(business.sectors.all()) == 2,
            "languages (2)": len(business.languages.all()) == 2,
            "products (2)": len(business.products.all()) == 2,
            "consent recorded": Consent.objects.filter(
                user=business.owner, purpose="business_profile"
            ).count()
            == 1,
            "no draft left": not ProfileDraft.objects.filter(owner=business.owner).exists(),
        }
        if failed := [name for name, ok in checks.items() if not ok]:
            problems.append({"business": business.name, "pk": business.pk, "failed": failed})
    stopped = Counter(r["stopped_at"] for r in outcomes if not r["accepted"])
    return {
        "accepted": len(accepted),
        "stored": len(stored),
        "stored_not_accepted": sorted(stored - set(accepted)),
        "accepted_not_stored": sorted(set(accepted) - stored),
        "half_saved": problems,
        "not_listed_on_my_businesses": sorted(n for n, r in accepted.items() if not r["listed"]),
        "abandoned_at_step": dict(stopped),
        "drafts_left_unsubmitted": ProfileDraft.objects.filter(
            owner__email__startswith="soak-submitter-"
        ).count(),
    }


def mail_outage(requests, timeline):
    """What visitors met while the mail server was away, against the calm around it: after the
    warm-up (the first fifth of the run: visitors arriving, caches filling) and before it, and
    after it until PostgreSQL restarts."""
    start, end = timeline.get("start"), timeline.get("end")
    stopped, started = timeline.get("smtp_stopped"), timeline.get("smtp_started")
    calm_end = timeline.get("postgres_restart_begin")
    if not (stopped and started and calm_end and end):
        return None
    warm = start + (end - start) / 5
    during = [r for r in requests if stopped <= r["t"] <= started]
    calm = [r for r in requests if warm <= r["t"] < stopped or started + 5 <= r["t"] < calm_end]
    return {
        "seconds": round(started - stopped, 1),
        "requests": len(during),
        "failed": sum(r["status"] == 0 or r["status"] >= 500 for r in during),
        "p95_ms": p95(during),
        "calm_requests": len(calm),
        "calm_p95_ms": p95(calm),
        "mail_asked_for": DBTaskResult.objects.filter(
            task_path=MAIL, enqueued_at__range=(to_time(stopped), to_time(started))
        ).count(),
    }
