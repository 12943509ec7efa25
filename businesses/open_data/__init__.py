"""Open data of the businesses app, found by autodiscover_modules("open_data") and mounted in
apps.py (`router`): the published business profiles (businesses.py) and the figures per
neighbourhood and month (months.py), both chosen by neighbourhood (neighbourhoods.py).

A package, one module a dataset, because each has its own rows, rules and filters; what they
share with every dataset of the portal (paging, errors, CSV, the OpenAPI description) is
home.open_data's. Importing the package registers both datasets.
"""

from businesses.open_data.businesses import BUSINESSES, BusinessRow
from businesses.open_data.months import MONTHS, MonthRow
from home.open_data.endpoints import publish

__all__ = ["BusinessRow", "MonthRow", "router"]

router = publish(BUSINESSES, MONTHS)
