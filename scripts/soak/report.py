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
  draft left behind (businesses/selfservice/drafts.py submit() does all of it in one transaction);
- after the search engine was killed every directory request still got a 200, from the database;
- no step of a form rejected what the visitors typed (that would be a fault of the soak itself).
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django

django.setup()

from records import drain, mail, mail_outage, signups, submissions
from timings import APP_GRACE, BENCH, GRACE, directory_after_kill, errors, per_page, read_jsonl

SLOWER = 2.0  # p95 while the mail server is away, at most this times the calm's p95


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
