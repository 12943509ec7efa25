import pytest

from tests.factories import BusinessFactory, NeighbourhoodFactory, NeighbourhoodIndexFactory
from tests.helpers import LISTING_EMAIL


@pytest.fixture
def index(home):
    return NeighbourhoodIndexFactory(parent=home)


def make_neighbourhood(index, name="Lombok", **fields):
    return NeighbourhoodFactory(parent=index, title=name, **fields)


@pytest.fixture
def lombok(index):
    return make_neighbourhood(index, "Lombok")


@pytest.fixture
def make_business(lombok):
    """make_business(name, sectors=[slugs], languages=[codes], hours=[(day, "09:00", "17:00")], live=True)"""

    def make(name="Bakkerij Test", neighbourhood=None, **fields):
        return BusinessFactory(name=name, neighbourhood=neighbourhood or lombok, **fields)

    return make


@pytest.fixture
def listing(make_business):
    return make_business("Kapsalon Nour", kvk_number="87654321", email=LISTING_EMAIL)


@pytest.fixture
def no_email_listing(make_business):
    return make_business("Toko Lombok", kvk_number="12345678")
