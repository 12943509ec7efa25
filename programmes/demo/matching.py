"""Benchmarks of the matching engine, run by `make bench`: the time to rank 10,000 mentors for one
request (with a baseline measured in the same run), and a simulation of many requests over a few
mentors that shows how the load spreads."""

import random
import statistics

from home.demo.timing import timed
from programmes.mentoring.matching import Candidate, Names, Wish, rank_mentors

NEEDS, SECTORS, STAGES, LANGUAGES, NEIGHBOURHOODS = (
    range(9),
    range(40),
    range(3),
    range(20),
    range(60),
)


def synthetic_mentors(count, rng, capacity=(1, 3)):
    return [
        Candidate(
            id=i,
            name=f"Mentor {i:05d}",
            expertise=frozenset(rng.sample(NEEDS, 3)),
            sectors=frozenset(rng.sample(SECTORS, rng.choice([0, 1, 2]))),
            stages=frozenset(rng.sample(STAGES, rng.choice([0, 1]))),
            languages=frozenset({0, *rng.sample(LANGUAGES, rng.choice([0, 1, 2]))}),
            neighbourhoods=frozenset(rng.sample(NEIGHBOURHOODS, rng.choice([0, 1, 2]))),
            capacity=rng.randint(*capacity),
            load=0,
        )
        for i in range(count)
    ]


def synthetic_wish(rng):
    return Wish(
        needs=frozenset(rng.sample(NEEDS, 2)),
        sector=rng.choice(SECTORS),
        stage=rng.choice(STAGES),
        neighbourhood=rng.choice(NEIGHBOURHOODS),
        languages=frozenset({0, rng.choice(LANGUAGES)}),
        shared_language_required=rng.random() < 0.2,
    )


NAMES = Names(
    needs={i: f"onderwerp {i}" for i in NEEDS},
    sectors={i: f"sector {i}" for i in SECTORS},
    stages={i: f"fase {i}" for i in STAGES},
    languages={i: f"taal {i}" for i in LANGUAGES},
    neighbourhoods={i: f"wijk {i}" for i in NEIGHBOURHOODS},
    districts={i: f"stadsdeel {i // 6}" for i in NEIGHBOURHOODS},
    dutch=0,
)


def rank_10000(repeat=30, seed=1):
    rng = random.Random(seed)
    mentors = synthetic_mentors(10_000, rng)
    wish = synthetic_wish(rng)
    # Baseline: sorting 10,000 tuples, the least any ranking of 10,000 candidates must do.
    keys = [(rng.random(), i) for i in range(10_000)]
    baseline, _ = timed(lambda: sorted(keys), repeat)
    median, p95 = timed(lambda: rank_mentors(wish, mentors, NAMES), repeat)
    return {"median_ms": median, "p95_ms": p95, "baseline_ms": baseline, "ratio": median / baseline}


def simulate(requests=500, mentors=60, seed=2, duration=(8, 20)):
    """Requests arrive one per day; a match lasts 8 to 20 days. Each request takes the engine's
    first proposal. Returns the peak and mean load per mentor and how many found no one."""
    rng = random.Random(seed)
    pool = {m.id: m for m in synthetic_mentors(mentors, rng, capacity=(1, 3))}
    load = dict.fromkeys(pool, 0)
    peak = dict.fromkeys(pool, 0)
    ending = []  # (day, mentor id)
    matched = unmatched = over = 0
    for day in range(requests):
        for end in [e for e in ending if e[0] <= day]:
            load[end[1]] -= 1
            ending.remove(end)
        candidates = [Candidate(**{**m.__dict__, "load": load[m.id]}) for m in pool.values()]
        ranked = rank_mentors(synthetic_wish(rng), candidates, NAMES, limit=1)
        if not ranked:
            unmatched += 1
            continue
        chosen = ranked[0].candidate.id
        load[chosen] += 1
        peak[chosen] = max(peak[chosen], load[chosen])
        over += load[chosen] > pool[chosen].capacity
        ending.append((day + rng.randint(*duration), chosen))
        matched += 1
    return {
        "matched": matched,
        "unmatched": unmatched,
        "max_load": max(peak.values()),
        "mean_peak_load": statistics.mean(peak.values()),
        "mentors_over_capacity": over,
        "mean_matches_per_mentor": matched / mentors,
    }
