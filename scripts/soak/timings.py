"""What the simulated visitors saw, from the soak's records (bench/soak-*.jsonl): requests per
page, errors outside the fault windows, p95, the mail outage against the calm around it, and the
directory after the search engine was killed. Plain Python, no Django."""

import csv
import json
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
GRACE = 5.0  # seconds after PostgreSQL accepts connections again in which errors are forgiven
APP_GRACE = 5.0  # seconds after an app instance is killed (nginx leaves it out at the first error)
DIRECTORY = ("directory: page", "directory: api", "suggestions")


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


def to_time(seconds):
    return datetime.fromtimestamp(seconds, tz=UTC)


def directory_after_kill(requests, killed):
    after = [r for r in requests if killed and r["name"] in DIRECTORY and r["t"] >= killed]
    return {
        "requests": len(after),
        "ok": sum(r["status"] == 200 for r in after),
        "answered_by": dict(Counter(r.get("engine", "-") for r in after)),
    }
