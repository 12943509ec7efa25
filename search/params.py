"""The directory's parameters, read from a query string and made safe.

Whatever a visitor or a script sends, the result is a valid DirectoryQuery: text is trimmed,
stripped of control and zero-width characters and cut to 200 characters; a repeated `wijk`,
`sector` or `taal` keeps each value once and at most 20 of them; a malformed `bij` or
`straal` is dropped with a notice; numbers are clamped. Unknown slugs stay in the query, so they
give an empty (not a wider) answer.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.parameters import distinct

# What `parse` reads of a query string (the page cache keys a directory page on these).
NAMES = ("q", "wijk", "sector", "taal", "open_nu", "bij", "straal", "sort", "page")
PAGE_SIZE = 20
MAX_PAGE = 500  # beyond this nobody is browsing; deep pages are costly on every engine
MAX_QUERY = 200
DEFAULT_RADIUS_KM = 2.0
MAX_RADIUS_KM = 50.0
SORTS = ("relevantie", "naam", "afstand")
# What a value looks like to count (the API's schema says so; parse keeps any value and an
# unknown one gives an empty answer): a sector's slug, a language's ISO 639 code (as
# businesses.models.Language checks it), and a point as breedte,lengte.
SECTOR_PATTERN = "^[a-zA-Z0-9_-]+$"
LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"
POINT_PATTERN = r"^-?[0-9]{1,2}(\.[0-9]+)?,-?[0-9]{1,3}(\.[0-9]+)?$"
# Characters that are not shown but change a string: zero-width, direction marks, BOM.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@dataclass
class DirectoryQuery:
    q: str = ""
    wijk: list = field(default_factory=list)
    sector: list = field(default_factory=list)
    taal: list = field(default_factory=list)
    open_nu: bool = False
    bij: tuple | None = None  # (lat, lon)
    straal: float = DEFAULT_RADIUS_KM
    sort: str = "relevantie"
    page: int = 1
    notices: list = field(default_factory=list)

    @property
    def offset(self):
        return (self.page - 1) * PAGE_SIZE

    def filters(self):
        """The filters as a dict, for the facets: each facet ignores its own."""
        return {"wijk": self.wijk, "sector": self.sector, "taal": self.taal}


def clean_text(value):
    value = INVISIBLE.sub("", value or "")
    value = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C" or ch in " ")
    return " ".join(value.split())[:MAX_QUERY]


def clean_list(values):
    """Each value once, in the order they came, at most MAX_VALUES (portal.parameters)."""
    cleaned = (clean_text(value)[:60] for value in values)
    return distinct(value for value in cleaned if value)


def parse_point(value):
    try:
        lat, lon = (float(part) for part in value.split(","))
    except (ValueError, AttributeError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return (lat, lon)


def parse(data):
    """A DirectoryQuery from a QueryDict (or a plain dict of lists)."""

    def getlist(name):
        return data.getlist(name) if hasattr(data, "getlist") else list(data.get(name, []))

    def get(name):
        values = getlist(name)
        return values[-1] if values else ""

    query = DirectoryQuery(
        q=clean_text(get("q")),
        wijk=clean_list(getlist("wijk")),
        sector=clean_list(getlist("sector")),
        taal=clean_list(getlist("taal")),
        open_nu=get("open_nu") == "1",
    )
    if get("bij"):
        query.bij = parse_point(get("bij"))
        if query.bij is None:
            query.notices.append(_("De plek in 'bij' klopt niet; we zoeken overal."))
    if get("straal"):
        try:
            radius = float(get("straal"))
            if radius != radius or radius <= 0:  # NaN or not positive
                raise ValueError
            query.straal = min(radius, MAX_RADIUS_KM)
        except ValueError:
            query.notices.append(
                _("De straal klopt niet; we gebruiken %(km)s km.") % {"km": DEFAULT_RADIUS_KM}
            )
    sort = get("sort")
    query.sort = sort if sort in SORTS else ("relevantie" if query.q else "naam")
    if query.sort == "afstand" and query.bij is None:
        query.sort = "relevantie" if query.q else "naam"
    try:
        query.page = min(max(int(get("page") or 1), 1), MAX_PAGE)
    except ValueError:
        query.page = 1
    return query
