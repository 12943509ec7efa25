from datetime import time
from decimal import Decimal

import pytest

from businesses.models import (
    Business,
    Language,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    OpeningHours,
    Sector,
)


@pytest.fixture
def index(home):
    page = NeighbourhoodIndexPage(title="Wijken", slug="wijken")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_neighbourhood(index, name="Lombok", **fields):
    page = NeighbourhoodPage(
        title=name,
        slug=name.lower(),
        district="West",
        latitude=Decimal("52.091300"),
        longitude=Decimal("5.095800"),
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def lombok(index):
    return make_neighbourhood(index, "Lombok")


@pytest.fixture
def make_business(lombok):
    """make_business(name, sectors=[slugs], languages=[codes], hours=[(day, "09:00", "17:00")], live=True)"""

    def make(
        name="Bakkerij Test",
        neighbourhood=None,
        sectors=(),
        languages=(),
        hours=(),
        live=True,
        **fields,
    ):
        business = Business(
            name=name,
            neighbourhood=neighbourhood or lombok,
            street=fields.pop("street", "Kanaalstraat"),
            house_number=fields.pop("house_number", 10),
            postcode=fields.pop("postcode", "3531 CJ"),
            latitude=fields.pop("latitude", Decimal("52.091000")),
            longitude=fields.pop("longitude", Decimal("5.096000")),
            live=False,
            **fields,
        )
        business.sectors = list(Sector.objects.filter(slug__in=sectors))
        business.languages = list(Language.objects.filter(code__in=languages))
        business.opening_hours = [
            OpeningHours(
                weekday=day, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes)
            )
            for day, opens, closes in hours
        ]
        business.save()
        revision = business.save_revision()
        if live:
            revision.publish()
            business.refresh_from_db()
        return business

    return make
