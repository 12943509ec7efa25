"""/api/: the portal's JSON API, documented with OpenAPI at /api/docs (django-ninja).

The apps above home add their own routers in their AppConfig.ready() (`add_router`): the
directory search (search), the open data of businesses and programmes. So this module names
none of them, and /api/docs lists whatever is installed.
"""

from ninja import NinjaAPI

from home.open_data import LICENCE_TEXT
from home.open_data.docs import PortalSwagger

api = NinjaAPI(
    title="Ondernemersportaal – ondernemers en open data",
    version="1",
    description=(
        "Zoek ondernemers op tekst, wijk, sector, taal, 'nu open' en afstand: dezelfde zoekdienst "
        "als /ondernemers/.\n\n"
        "Open data (/api/open-data/): de gepubliceerde ondernemers, de steunprogramma's en cijfers "
        "per wijk en maand, als JSON per pagina en als CSV-bestand; uitleg op /open-data/. "
        "Aantallen onder de 5 staan er als '< 5'. "
        f"Licentie van de open data: {LICENCE_TEXT}"
    ),
    urls_namespace="api",
    # Swagger UI from the portal's own static files, under the site's CSP (not from a CDN).
    docs=PortalSwagger(),
)


def add_router(prefix, router):
    """Mount an app's router under /api/<prefix>; called once, from the app's ready()."""
    api.add_router(prefix, router)
