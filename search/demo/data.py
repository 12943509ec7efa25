"""After the demo's businesses: the directory's vocabulary (search.vocabulary)."""

from home.demo.registry import demo_step
from search import vocabulary


@demo_step(order=90)
def load(stdout):
    stdout.write(f"Zoekwoorden: {vocabulary.refresh()}")
