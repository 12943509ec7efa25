"""Open data: the datasets the portal publishes, their licence, and how they are served.

Each app describes its own datasets in its open_data module (found with autodiscover, as
personal_data.py is): their rows and how a request chooses them. home.open_data.endpoints turns
each description into the endpoints that serve it on the API (a django-ninja Router, registered
on home.open_data.api under /api/open-data/): a paginated JSON list and a CSV download that
streams (home.open_data.downloads), so 100,000 rows never sit in memory at once. The page
/open-data/ (and /en/open-data/) lists what is registered here, so the home app needs to know
no other app.

Everything published is public already (live, public pages and profiles) or an aggregate with
the small-cell rule of home.insight: counts below 5 show as "< 5".

The licence is CC0 1.0 (public domain dedication), as the Dutch government recommends for open
data: anyone may reuse the data without conditions. It is stated on the page, in every CSV
download's HTTP headers (`Link: <...>; rel="license"` and `X-License`) and in every JSON answer.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Field, Schema
from ninja.responses import Status

from portal import page_cache

LICENCE_ID = "CC0-1.0"
LICENCE_NAME = "CC0 1.0 Universal"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_TEXT = (
    f"{LICENCE_NAME} ({LICENCE_URL}): free to reuse for any purpose, without conditions. "
    "Vrij te gebruiken voor elk doel, zonder voorwaarden."
)

PER_PAGE = 100
MAX_PER_PAGE = 1000
MAX_DIGITS = 9  # a page number or page size longer than this is refused, not read
MAX_PAGE = 10**MAX_DIGITS - 1
CSV_CHUNK = 2000  # rows read from the database at a time while a download streams
LIST_SEPARATOR = "; "  # between the items of a list in one CSV cell


class OpenDataError(Exception):
    """Bad input: shown to whoever asked as a clear message, with a 400 or 404 status."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = str(message)
        self.status = status


class ErrorAnswer(Schema):
    detail: str


class Licence(Schema):
    id: str = LICENCE_ID
    name: str = LICENCE_NAME
    url: str = LICENCE_URL


ERROR_RESPONSES = {400: ErrorAnswer, 404: ErrorAnswer}


@dataclass(kw_only=True)
class Dataset:
    """A dataset: what the open-data page says about it, and what the API needs to serve it
    (home.open_data.endpoints.publish mounts its two endpoints from these fields)."""

    key: str  # the path and file name: /api/open-data/<key>/ and <key>.csv
    title: str
    description: str
    schema: type  # the ninja Schema of one row: its fields, in order, are the CSV columns
    json_url_name: str  # the API's url names (namespace "api")
    csv_url_name: str
    order: int = 50
    # The filters the page offers as a form: [(parameter, label, choices()), ...]
    filters: list = field(default_factory=list)
    # For the API (in Dutch, as the rest of its description):
    # select(request, **query parameters) gives the chosen rows as an endpoints.Selection, or
    # raises OpenDataError; `query` is the ninja Schema of those parameters (None: there are
    # none); the endpoints' summaries name the dataset as `summary` ("Open data: <summary>
    # (CSV)"); `api_description` describes both (the licence is added), each with its note.
    select: Callable
    query: type | None = None
    summary: str
    api_description: str
    json_note: str = " Per pagina 100 (per_page tot 1000); een pagina voorbij de laatste geeft 404."
    csv_note: str = ""
    answer: str  # the name of the JSON answer's schema in the OpenAPI description
    operation_id: str  # the operation ids are <operation_id>_json and <operation_id>_csv

    @property
    def fields(self):
        """(name, description) of each column, in the visitor's language."""
        return [
            (name, _(info.description) if info.description else "")
            for name, info in self.schema.model_fields.items()
        ]

    @property
    def json_url(self):
        return reverse(f"api:{self.json_url_name}")

    @property
    def csv_url(self):
        return reverse(f"api:{self.csv_url_name}")

    def filter_choices(self):
        return [(name, label, choices()) for name, label, choices in self.filters]


_datasets = {}


def register(dataset):
    _datasets[dataset.key] = dataset
    return dataset


def datasets():
    autodiscover_modules("open_data")
    return sorted(_datasets.values(), key=lambda d: (d.order, d.key))


# Parameters ---------------------------------------------------------------------------------
#
# The views read their query parameters as text and check them themselves (below, and the
# apps' own lookups), so a bad value gets the portal's answer in its own words, {"detail": ...}
# with 400, not django-ninja's generic 422. The OpenAPI schema still says what they accept:
# `documented` declares such a parameter with the schema of the values its view takes, and the
# patterns below are the ones the views match with.

# A month as the views read it: 2026-03 (year from 1900, month 01 to 12, ASCII digits).
MONTH = re.compile(r"(19[0-9]{2}|[2-9][0-9]{3})-(0[1-9]|1[0-2])")
# A neighbourhood as the portal names it in web addresses (its page's slug).
SLUG_PATTERN = "^[a-z0-9-]+$"


def documented(schema, default=""):
    """A query parameter field of a ninja Schema, read as text (the view checks it), with
    `schema` as its OpenAPI schema."""

    def replace(generated):
        generated.clear()
        generated.update(schema)

    return Field(default, json_schema_extra=replace)


def page_number_schema(description):
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_PAGE,
        "default": 1,
        "description": description,
    }


def month_schema(description):
    return {
        "type": "string",
        "pattern": f"^{MONTH.pattern}$",
        "example": "2026-03",
        "description": description,
    }


class PageParams(Schema):
    """?page= and ?per_page= of a JSON list (page_of checks them)."""

    page: str = documented(
        page_number_schema("Pagina, vanaf 1; een pagina voorbij de laatste geeft 404.")
    )
    per_page: str = documented(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PER_PAGE,
            "default": PER_PAGE,
            "description": f"Rijen per pagina, 1 tot en met {MAX_PER_PAGE}.",
        }
    )


def echo(value):
    """A value to repeat in an error message: letters, digits and dashes only, else "…". A
    message never sends back what someone typed as markup, not even as JSON or plain text."""
    text = str(value).strip()
    return f"'{text}'" if re.fullmatch(r"[\w-]{1,40}", text) else "…"


def parse_positive(value, default, name, maximum=None):
    """A whole number from 1 written in ASCII digits (at most MAX_DIGITS of them), else
    OpenDataError. (str.isdigit would let "²" through, which int() refuses.)"""
    if value in (None, ""):
        return default
    text = str(value).strip()
    if not re.fullmatch(f"[0-9]{{1,{MAX_DIGITS}}}", text) or int(text) < 1:
        raise OpenDataError(
            _("%(name)s moet een heel getal vanaf 1 zijn, niet %(value)s.")
            % {"name": name, "value": echo(value)}
        )
    number = int(text)
    if maximum is not None and number > maximum:
        raise OpenDataError(
            _("%(name)s mag hoogstens %(maximum)s zijn.") % {"name": name, "maximum": maximum}
        )
    return number


def parse_month(value, name):
    """'2026-03' as (2026, 3); None when empty; OpenDataError when it is not a month."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if MONTH.fullmatch(text):
        year, month = text.split("-")
        return int(year), int(month)
    raise OpenDataError(
        _("%(name)s moet een maand zijn als 2026-03 (jaar-maand), niet %(value)s.")
        % {"name": name, "value": echo(text)}
    )


@dataclass
class Page:
    number: int
    per_page: int
    count: int

    @property
    def pages(self):
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def offset(self):
        return (self.number - 1) * self.per_page

    @property
    def slice(self):
        return slice(self.offset, self.offset + self.per_page)


def page_of(count, page, per_page):
    """The requested page of `count` rows; beyond the last page is an error (404), so that a
    harvester that follows `next` stops, and one that counts pages is told where the end is.
    An empty selection has one empty page."""
    number = parse_positive(page, 1, "page")
    size = parse_positive(per_page, PER_PAGE, "per_page", maximum=MAX_PER_PAGE)
    result = Page(number, size, count)
    if number > result.pages:
        raise OpenDataError(
            ngettext(
                "Pagina %(page)s bestaat niet: deze selectie heeft %(pages)s pagina.",
                "Pagina %(page)s bestaat niet: deze selectie heeft %(pages)s pagina's.",
                result.pages,
            )
            % {"page": number, "pages": result.pages},
            status=404,
        )
    return result


def page_answer(request, page, results, params):
    """The JSON answer around one page of results, for a view that reads the query parameters
    `params`: the same for everyone, so the page cache may keep it, and its links to the next
    and previous page carry those parameters only, each once."""
    page_cache.declare_public(request, params)

    def link(number):
        query = [pair for pair in page_cache.query_pairs(request, params) if pair[0] != "page"]
        query.append(("page", str(number)))
        return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

    return {
        "licence": Licence(),
        "count": page.count,
        "page": page.number,
        "per_page": page.per_page,
        "pages": page.pages,
        "next": link(page.number + 1) if page.number < page.pages else None,
        "previous": link(page.number - 1) if page.number > 1 else None,
        "results": results,
    }


def error_answer(error):
    """An OpenDataError as the JSON answer {"detail": ...} with its status."""
    return Status(error.status, {"detail": error.message})


def error_response(error):
    """An OpenDataError as plain text, for the CSV downloads."""
    return HttpResponse(
        error.message + "\n", status=error.status, content_type="text/plain; charset=utf-8"
    )
