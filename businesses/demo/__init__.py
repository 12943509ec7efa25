"""Demo and benchmark data of the businesses app: data (neighbourhoods and businesses, a
step of load_demo_data), translations (their Turkish and Arabic), bench (seed_bench)."""

from businesses.demo import data, translations  # noqa: F401  (they register their steps)
