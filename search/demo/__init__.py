"""Demo and benchmark steps of the search app: the vocabulary after the demo's businesses."""

from search.demo import data  # noqa: F401  (registers its step)
