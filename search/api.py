"""/api/directory/: the directory as JSON, documented with OpenAPI (django-ninja)."""

from ninja import NinjaAPI, Query, Schema

from search import params, service

api = NinjaAPI(
    title="Ondernemersportaal – ondernemers",
    version="1",
    description="Zoek ondernemers op tekst, wijk, sector, taal, 'nu open' en afstand. Dezelfde zoekdienst als /ondernemers/.",
    urls_namespace="api",
)


class DirectoryParams(Schema):
    q: str = ""
    wijk: list[str] = []
    sector: list[str] = []
    taal: list[str] = []
    open_nu: str = ""
    bij: str = ""
    straal: str = ""
    sort: str = ""
    page: str = ""


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


@api.get("/directory/", response=DirectoryAnswer, summary="Ondernemers zoeken")
def directory(request, filters: Query[DirectoryParams]):
    """Parameters may repeat (wijk, sector, taal). Bad values never give an error: they are
    ignored with a notice, clamped, or give an empty answer."""
    return service.directory(params.parse(request.GET), request)


@api.get("/directory/suggestions/", response=list[str], summary="Namen voor het zoekvak")
def suggestions(request, q: str = ""):
    """Up to 8 business names matching what is typed (at least 2 characters)."""
    return service.suggestions(q)
