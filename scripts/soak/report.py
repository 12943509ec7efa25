"""The report of `make soak` (scripts/soak.sh runs it after locust): what the simulated visitors
saw (bench/soak-requests.jsonl, locust's bench/soak_stats.csv) held against what the database
holds, against the mail the mail server received (bench/soak-mail.jsonl) and against the moments
of the faults (bench/soak-timeline.jsonl). Prints the figures, writes bench/soak.json, and exits
1 when a target is missed:

- no 5xx and no unanswered request, except while PostgreSQL restarts (until GRACE s after) and
  in the GRACE s after an app instance is killed (requests it was answering, until nginx
  leaves it out);
- while the mail server is away no request fails and none is slower (p95 within SLOWER times
  the p95 of the calm around it, after the warm-up: the machine is shared and noisy);
- every mail the portal accepted (a send_email task) arrived exactly once (the Message-ID names
  the task), none failed for good and none waits;
- Lighthouse's uses-text-compression passes through nginx (scripts/soak/nginx.conf);
- every sign-up the visitor saw succeed is an account, and no account is stored that the visitor
  did not see succeed; every account has its e-mail address (allauth keeps it in its own table);
- the same for profile submissions: every submitted business is complete: the revision in
  moderation, its workflow, opening hours, sectors, languages, tags and the consent, and no
  draft left behind (businesses/selfservice.py submit() does all of it in one transaction);
- after the search engine was killed every directory request still got a 200, from the database;
- no step of a form rejected what the visitors typed (that would be a fault of the soak itself).
"""

import csv
import json
import os
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision, WorkflowState

from businesses.models import Business, ProfileDraft
from home.models import Consent

BENCH = ROOT / "bench"
GRACE = 5.0  # seconds after PostgreSQL accepts connections again in which errors are forgiven
APP_GRACE = 5.0  # seconds after an app instance is killed (nginx leaves it out at the first error)
SLOWER = 2.0  # p95 while the mail server is away, at most this times the calm's p95
DRAIN_SECONDS = 300
MAIL = "home.tasks.send_email"
DIRECTORY = ("directory: page", "directory: api", "suggestions")
RUN = os.environ["SOAK_RUN"]


def read_jsonl(name):
    with open(BENCH / name) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def per_page(requests):
    """Requests, 5xx, other errors and p95 (locust's own figure) per page or form step."""
    with open(BENCH / "soak_stats.csv") as stats:
        p95 = {row["Name"]: float(row["95%"] or 0) for row in csv.DictReader(stats)}
    pages = defaultdict(Counter)
    for r in requests:
        for counts in (pages[r["name"]], pages["all"]):
            counts["requests"] += 1
            counts["5xx"] += r["status"] >= 500
            counts["4xx"] += 400 <= r["status"] < 500
            counts["no answer"] += r["status"] == 0
    p95["all"] = p95.get("Aggregated")
    names = sorted(pages, key=lambda name: (name == "all", name))
    return {name: {**pages[name], "p95_ms": p95.get(name)} for name in names}


def errors(requests, windows):
    """Each 5xx or unanswered request, and whether it overlaps a window where errors are
    forgiven (the restart, the seconds after the app kill)."""
    found = []
    for r in requests:
        if r["status"] == 0 or r["status"] >= 500:
            start, end = r["t"], r["t"] + r["ms"] / 1000
            inside = any(w and start <= w[1] and end >= w[0] for w in windows)
            found.append({**r, "in_restart_window": inside})
    return found


def p95(requests):
    times = sorted(r["ms"] for r in requests)
    return times[int(len(times) * 0.95)] if times else None


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


def to_time(seconds):
    return datetime.fromtimestamp(seconds, tz=UTC)


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


def lighthouse():
    """uses-text-compression per page (1 = nothing left to compress), from the runs that
    scripts/soak.sh made through nginx."""
    scores = {}
    for path in sorted(BENCH.glob("soak-lighthouse-*.json")):
        page = path.stem.removeprefix("soak-lighthouse-")
        try:
            audit = json.loads(path.read_text())["audits"]["uses-text-compression"]
        except (ValueError, KeyError):
            scores[page] = None
            continue
        scores[page] = audit.get("score")
    return scores


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


def directory_after_kill(requests, killed):
    after = [r for r in requests if killed and r["name"] in DIRECTORY and r["t"] >= killed]
    return {
        "requests": len(after),
        "ok": sum(r["status"] == 200 for r in after),
        "answered_by": dict(Counter(r.get("engine", "-") for r in after)),
    }


def main():
    timeline = {e["event"]: e["t"] for e in read_jsonl("soak-timeline.jsonl")}
    records = read_jsonl("soak-requests.jsonl")
    requests = [r for r in records if r["kind"] == "request"]
    begin, end = timeline.get("postgres_restart_begin"), timeline.get("postgres_restart_end")
    window = (begin, end + GRACE) if begin and end else None
    app_killed = timeline.get("app_killed")
    app_window = (app_killed, app_killed + APP_GRACE) if app_killed else None
    found = errors(requests, [window, app_window])
    killed = timeline.get("search_killed")
    after_restart = [r for r in requests if window and r["t"] > window[1]]
    report = {
        "timeline_s": {name: round(t - timeline["start"], 1) for name, t in timeline.items()},
        "pages": per_page(requests),
        "errors": {
            "5xx": sum(e["status"] >= 500 for e in found),
            "no_answer": sum(e["status"] == 0 for e in found),
            "outside_restart_window": [e for e in found if not e["in_restart_window"]],
            "inside_restart_window": len([e for e in found if e["in_restart_window"]]),
        },
        "recovery": {
            "restart_seconds": round(end - begin, 1) if window else None,
            "requests_after_window": len(after_restart),
            "ok_after_window": sum(200 <= r["status"] < 400 for r in after_restart),
        },
        "signups": signups(records),
        "submissions": submissions(records),
        "directory_after_search_killed": directory_after_kill(requests, killed),
        "rejected_form_steps": [r for r in records if r["kind"] == "rejected"],
        "mail_outage": mail_outage(requests, timeline),
        "mail": mail(),
        "app_instance_killed": {
            "errors_in_the_seconds_after": len(
                [
                    e
                    for e in found
                    if app_window
                    and e["t"] + e["ms"] / 1000 >= app_window[0]
                    and e["t"] <= app_window[1]
                ]
            ),  # fmt: skip
            "requests_after": len([r for r in requests if app_window and r["t"] > app_window[1]]),
        },
        "lighthouse_uses_text_compression": lighthouse(),
    }
    report["targets"] = targets(report, window, killed)
    (BENCH / "soak.json").write_text(json.dumps(report, indent=2) + "\n")
    show(report)
    return all(report["targets"].values())


def targets(report, window, killed):
    outage, mail, compression = (
        report["mail_outage"],
        report["mail"],
        report["lighthouse_uses_text_compression"],
    )
    killed_app = "app_killed" in report["timeline_s"]
    sign, sub, directory = (
        report["signups"],
        report["submissions"],
        report["directory_after_search_killed"],
    )
    four = sum(page.get("4xx", 0) for name, page in report["pages"].items() if name != "all")
    return {
        "PostgreSQL restarted and search engine killed during the run": bool(window and killed),
        "no 5xx or unanswered request outside the restart and app-kill windows": not report[
            "errors"
        ]["outside_restart_window"],
        "requests answered after the restart window": report["recovery"]["ok_after_window"] > 0,
        "no 4xx (rate limits, CSRF) for the simulated visitors": four == 0,
        "sign-ups: accepted = stored, none half-saved": sign["accepted"] == sign["stored"]
        and not sign["stored_not_accepted"]
        and not sign["accepted_not_stored"]
        and not sign["half_saved"],
        "submissions: accepted = stored, none half-saved": sub["accepted"] == sub["stored"]
        and sub["accepted"] > 0
        and not sub["stored_not_accepted"]
        and not sub["accepted_not_stored"]
        and not sub["half_saved"]
        and not sub["not_listed_on_my_businesses"],
        "directory answers 200 from the database after the search engine was killed": directory[
            "requests"
        ]
        > 0
        and directory["ok"] == directory["requests"]
        and directory["answered_by"].get("opensearch", 0) == 0,
        "no form step rejected the visitors' input": not report["rejected_form_steps"],
        "mail server stopped for 60 s: no request failed, none slower": bool(outage)
        and outage["requests"] > 0
        and outage["failed"] == 0
        and outage["p95_ms"] <= SLOWER * outage["calm_p95_ms"],
        "every accepted mail arrived exactly once": mail["accepted"] > 0
        and mail["arrived_once"] == mail["accepted"]
        and not (mail["missing"] or mail["duplicated"] or mail["unknown"])
        and mail["failed"] == mail["waiting"] == 0,
        "an app instance was killed and the other answered": bool(killed_app)
        and report["app_instance_killed"]["requests_after"] > 0,
        "Lighthouse: text compression through nginx": bool(compression)
        and all(score == 1 for score in compression.values()),
    }


def show(report):
    print("\nsoak: per page or form step (p95 from locust, noisy on a shared machine)")
    print(f"  {'page':34} {'requests':>8} {'5xx':>5} {'4xx':>5} {'no answer':>9} {'p95 ms':>8}")
    for name, page in report["pages"].items():
        print(
            f"  {name:34} {page['requests']:8} {page.get('5xx', 0):5} {page.get('4xx', 0):5} "
            f"{page.get('no answer', 0):9} {page['p95_ms'] or 0:8.0f}"
        )
    print(f"\nsoak: timeline (s from start): {report['timeline_s']}")
    errors = report["errors"]
    print(
        f"soak: {errors['5xx']} responses 5xx and {errors['no_answer']} unanswered, "
        f"{errors['inside_restart_window']} inside the restart window "
        f"(restart took {report['recovery']['restart_seconds']} s, +{GRACE:.0f} s grace)"
    )
    for error in errors["outside_restart_window"]:
        print(f"  outside the window: {error}")
    for kind in ("signups", "submissions"):
        figures = report[kind]
        print(
            f"soak: {kind}: {figures['accepted']} accepted, {figures['stored']} stored, "
            f"half-saved {len(figures['half_saved'])}"
        )
        for key in ("stored_not_accepted", "accepted_not_stored", "half_saved"):
            if figures[key]:
                print(f"  {key}: {figures[key]}")
    sub = report["submissions"]
    print(
        f"  submissions abandoned (by step): {sub['abandoned_at_step']}, drafts left "
        f"unsubmitted: {sub['drafts_left_unsubmitted']}"
    )
    directory = report["directory_after_search_killed"]
    print(
        f"soak: directory after the search engine was killed: {directory['ok']}/"
        f"{directory['requests']} answered 200, by {directory['answered_by']}"
    )
    for step in report["rejected_form_steps"]:
        print(f"  rejected form step: {step}")
    if outage := report["mail_outage"]:
        print(
            f"soak: mail server away {outage['seconds']} s: {outage['requests']} requests, "
            f"{outage['failed']} failed, p95 {outage['p95_ms']} ms (calm before and after: "
            f"{outage['calm_p95_ms']} ms); {outage['mail_asked_for']} mails asked for meanwhile"
        )
    m = report["mail"]
    print(
        f"soak: mail: {m['accepted']} accepted, {m['received']} received, {m['arrived_once']} "
        f"arrived exactly once, {len(m['missing'])} missing, {len(m['duplicated'])} twice, "
        f"{m['retried']} sent after a retry, {m['failed']} failed, {m['waiting']} waiting"
    )
    app = report["app_instance_killed"]
    print(
        f"soak: app instance killed: {app['errors_in_the_seconds_after']} errors in the "
        f"{APP_GRACE:.0f} s after, {app['requests_after']} requests answered later"
    )
    print(f"soak: Lighthouse uses-text-compression: {report['lighthouse_uses_text_compression']}")
    print("\nsoak: targets")
    for name, met in report["targets"].items():
        print(f"  {'OK    ' if met else 'MISSED'} {name}")
    print(f"soak: written to {(BENCH / 'soak.json').relative_to(ROOT)}")


if __name__ == "__main__":
    if "--drain" in sys.argv:
        drain()
        sys.exit(0)
    sys.exit(0 if main() else 1)
