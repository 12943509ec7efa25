from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import (
    NeighbourhoodFactory,
    NeighbourhoodIndexFactory,
    ProgrammeFactory,
    ProgrammeIndexFactory,
    ProviderFactory,
)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def programme_index(home):
    return ProgrammeIndexFactory(parent=home)


@pytest.fixture
def neighbourhoods(home):
    index = NeighbourhoodIndexFactory(parent=home)
    return {
        name.lower(): NeighbourhoodFactory(
            parent=index,
            title=name,
            latitude=Decimal("52.090000"),
            longitude=Decimal("5.100000"),
        )
        for name in ("Lombok", "Overvecht")
    }


@pytest.fixture
def make_programme(programme_index, today):
    """make_programme(title, category="creativiteit", stages=[], sectors=[], languages=[],
    neighbourhoods=[pages], deadline=days or None, live=True, **fields)"""
    provider = ProviderFactory()

    def make(title, category="creativiteit", live=True, **fields):
        return ProgrammeFactory(
            parent=programme_index,
            title=title,
            category=category,
            provider=provider,
            publish=live,
            **fields,
        )

    return make


@pytest.fixture
def staff_client(client, home, django_user_model):
    """A moderator in the admin (made after the demo data, which resets the admin's password)."""
    client.force_login(
        django_user_model.objects.create_superuser("beheerder", "beheer@example.nl", "x")
    )
    return client
