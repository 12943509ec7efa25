"""How well the directory finds what visitors mean: recall@10 and mean reciprocal rank over the
query set in queries.tsv, for one engine, on the data in the database (the demo).

recall@10 of a query: the share of the businesses it should find that are among the first ten
results (of ten at most: a query that should find twelve bakeries is whole with ten of them).
Reciprocal rank: 1 / the place of the first business it should find, 0 when none is in the ten.
Both are averaged over the queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from businesses.directory import Business, Sector
from search import database, params
from search.opensearch import queries

QUERIES = Path(__file__).with_name("queries.tsv")
K = 10


@dataclass
class Judged:
    query: str
    wanted: list  # business names and "sector:<slug>"
    kind: str


@dataclass
class Score:
    recall: float
    mrr: float
    queries: int
    by_kind: dict = field(default_factory=dict)  # kind -> (recall, mrr, queries)
    misses: list = field(default_factory=list)  # (query, kind, recall, the names it missed)


def load_queries(path=QUERIES):
    judged = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, wanted, kind = line.split("\t")
        judged.append(Judged(query, [w.strip() for w in wanted.split("|")], kind))
    return judged


def relevant_ids(wanted):
    """The published businesses a query should find: by name, or every one in a sector."""
    live = Business.objects.filter(live=True)
    ids = set()
    for item in wanted:
        if item.startswith("sector:"):
            sector = Sector.objects.get(slug=item.removeprefix("sector:"))
            found = live.filter(sectors__in=[sector, *sector.children.all()])
        else:
            found = live.filter(name=item)
        if not found.exists():
            raise LookupError(f"No published business for {item!r} in the query set")
        ids |= set(found.values_list("pk", flat=True))
    return ids


def ranked_ids(engine, q):
    """The ids of the first K results for q, as the directory page asks the engine."""

    query = params.parse({"q": [q]})
    search = queries.search if engine == "opensearch" else database.search
    return [hit.id for hit in search(query, K).hits]


def evaluate(engine, judged=None):
    judged = load_queries() if judged is None else judged
    names = dict(Business.objects.values_list("pk", "name"))
    totals = defaultdict(lambda: [0.0, 0.0, 0])
    misses = []
    for item in judged:
        relevant = relevant_ids(item.wanted)
        ranked = ranked_ids(engine, item.query)[:K]
        recall = len(relevant & set(ranked)) / min(K, len(relevant))
        rank = next((place for place, pk in enumerate(ranked, 1) if pk in relevant), None)
        for kind in (item.kind, "all"):
            totals[kind][0] += recall
            totals[kind][1] += 1 / rank if rank else 0.0
            totals[kind][2] += 1
        if recall < 1:
            missed = sorted(names[pk] for pk in relevant - set(ranked))
            misses.append((item.query, item.kind, recall, missed))
    averaged = {kind: (r / n, m / n, n) for kind, (r, m, n) in totals.items()}
    recall, mrr, count = averaged.pop("all")
    return Score(recall=recall, mrr=mrr, queries=count, by_kind=averaged, misses=misses)


def report(engine, score):
    lines = [
        f"{engine}: recall@{K} {score.recall:.1%}, MRR {score.mrr:.3f} over {score.queries} queries"
    ]
    for kind, (recall, mrr, count) in sorted(score.by_kind.items()):
        lines.append(f"  {kind:<12} recall@{K} {recall:6.1%}  MRR {mrr:.3f}  ({count})")
    return "\n".join(lines)
