"""Demo and benchmark data of the programmes app: data (providers, programmes, contacts),
mentoring (mentors and requests), translations (steps of load_demo_data); bench (seed_bench)
and matching (synthetic mentors for bench_matching)."""

from programmes.demo import data, mentoring, translations  # noqa: F401  (they register steps)
