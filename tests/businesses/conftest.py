import pytest

from tests.factories import BusinessFactory, NeighbourhoodFactory, NeighbourhoodIndexFactory


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
