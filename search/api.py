"""/api/directory/: the directory as JSON, on the portal's API (home.open_data.api; mounted
in apps.py)."""

from ninja import Query, Router, Schema

from home.open_data import SLUG_PATTERN, documented
from portal import page_cache
from search import params, service

router = Router(tags=["Ondernemers"])


def listed(items, description):
    return documented({"type": "array", "items": items, "description": description}, default=[])


class DirectoryParams(Schema):
    """What the directory takes; search.params.parse reads the query string itself and never
    refuses a value (it drops, clamps or ignores it with a notice), so the schema says what a
    value should look like to count."""

    q: str = documented(
        {
            "type": "string",
            "description": f"Zoektekst; na {params.MAX_QUERY} tekens wordt hij afgekapt.",
        }
    )
    wijk: list[str] = listed(
        {"type": "string", "pattern": SLUG_PATTERN},
        "Wijk (slug, zoals in de webadressen: lombok); mag vaker. Een onbekende wijk geeft "
        "geen resultaten.",
    )
    sector: list[str] = listed(
        {"type": "string", "pattern": params.SECTOR_PATTERN},
        "Sector (slug: eten-drinken); mag vaker.",
    )
    taal: list[str] = listed(
        {"type": "string", "pattern": params.LANGUAGE_PATTERN},
        "Taal die er gesproken wordt (ISO 639-code: tr, ar, zgh); mag vaker.",
    )
    open_nu: str = documented(
        {"type": "string", "enum": ["1"], "description": "1: alleen wat nu open is."}
    )
    bij: str = documented(
        {
            "type": "string",
            "pattern": params.POINT_PATTERN,
            "example": "52.0907,5.1214",
            "description": "Zoek rond deze plek: breedte,lengte in graden (WGS 84).",
        }
    )
    straal: str = documented(
        {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": params.MAX_RADIUS_KM,
            "default": params.DEFAULT_RADIUS_KM,
            "description": (
                f"Straal rond 'bij' in km; meer dan {params.MAX_RADIUS_KM:g} telt als "
                f"{params.MAX_RADIUS_KM:g}."
            ),
        }
    )
    sort: str = documented(
        {
            "type": "string",
            "enum": list(params.SORTS),
            "description": "Volgorde; 'afstand' alleen met 'bij'.",
        }
    )
    page: str = documented(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": params.MAX_PAGE,
            "default": 1,
            "description": f"Pagina van {params.PAGE_SIZE} resultaten, 1 tot en met "
            f"{params.MAX_PAGE}; een grotere telt als {params.MAX_PAGE}.",
        }
    )


class FacetOption(Schema):
    value: str
    label: str
    count: int
    selected: bool


class Facets(Schema):
    wijk: list[FacetOption]
    sector: list[FacetOption]
    taal: list[FacetOption]


class Result(Schema):
    name: str
    url: str
    neighbourhood: str
    sectors: list[str]
    languages: list[str]
    open_now: bool
    lat: float | None
    lon: float | None
    distance_km: float | None
    snippet: str | None


class DirectoryAnswer(Schema):
    count: int
    page: int
    pages: int
    results: list[Result]
    facets: Facets
    engine: str
    notices: list[str]


@router.get("/directory/", response=DirectoryAnswer, summary="Ondernemers zoeken")
def directory(request, filters: Query[DirectoryParams]):
    """Parameters may repeat (wijk, sector, taal). Bad values never give an error: they are
    ignored with a notice, clamped, or give an empty answer."""
    page_cache.declare_public(request, params.NAMES)
    return service.directory(params.parse(request.GET), request)


@router.get("/directory/suggestions/", response=list[str], summary="Namen voor het zoekvak")
def suggestions(request, q: str = ""):
    """Up to 8 business names matching what is typed (at least 2 characters)."""
    page_cache.declare_public(request, ["q"])
    return service.suggestions(q)
