"""The one door through which the search app reads businesses (import-linter checks it: see
`[tool.importlinter]` in pyproject.toml and docs/architecture.md).

The directory (search/) indexes, filters and counts businesses. All it needs of them is here:

- the models it queries and indexes: Business, NeighbourhoodPage, Sector, Language;
- `lookups`: the small lists every directory page reads (sectors, languages, neighbourhoods),
  kept under the page cache's content version;
- `hours`: opening hours in the city's time (`local_now`, `is_open`, `open_now_of`,
  `open_now_q`, `schedules`);
- `narrowing(options, total)`: which facet options are worth offering.

Anything else of businesses the search app wants goes through this module first, so that a
change inside businesses has one place to keep working for its reader.
"""

from businesses import hours, lookups
from businesses.filters import narrowing
from businesses.models import Business, Language, NeighbourhoodPage, Sector

__all__ = [
    "Business",
    "Language",
    "NeighbourhoodPage",
    "Sector",
    "hours",
    "lookups",
    "narrowing",
]
