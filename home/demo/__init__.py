"""Demo content of the home app (data: the site, its pages, settings and menus; content:
their texts; images), and the helpers and step registry every app's demo uses."""

from home.demo import data  # noqa: F401  (registers its step)
