from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from businesses.models import Language, NeighbourhoodIndexPage, NeighbourhoodPage, Sector
from programmes.models import Category, ProgrammeIndexPage, ProgrammePage, Provider, Stage


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def programme_index(home):
    index = ProgrammeIndexPage(title="Programma's", slug="programmas")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def neighbourhoods(home):
    index = NeighbourhoodIndexPage(title="Wijken", slug="wijken")
    home.add_child(instance=index)
    pages = {}
    for name in ("Lombok", "Overvecht"):
        page = NeighbourhoodPage(
            title=name,
            slug=name.lower(),
            district="West",
            latitude=Decimal("52.090000"),
            longitude=Decimal("5.100000"),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        pages[name.lower()] = page
    return pages


@pytest.fixture
def make_programme(programme_index, today):
    """make_programme(title, category="creativiteit", stages=[], sectors=[], languages=[],
    neighbourhoods=[pages], deadline=days or None, live=True, **fields)"""
    provider = Provider.objects.create(name="Stichting Test", kind="stichting")

    def make(
        title,
        category="creativiteit",
        stages=(),
        sectors=(),
        languages=(),
        neighbourhoods=(),
        deadline=None,
        live=True,
        **fields,
    ):
        programme = ProgrammePage(
            title=title,
            summary=f"Over {title}.",
            provider=provider,
            category=Category.objects.get(slug=category),
            format=fields.pop("format", "workshops"),
            deadline=None if deadline is None else today + timedelta(days=deadline),
            apply_email="aanmelden@example.nl",
            live=False,
            **fields,
        )
        programme.stages = list(Stage.objects.filter(slug__in=stages))
        programme.sectors = list(Sector.objects.filter(slug__in=sectors))
        programme.languages = list(Language.objects.filter(code__in=languages))
        programme.neighbourhoods = list(neighbourhoods)
        programme_index.add_child(instance=programme)
        revision = programme.save_revision()
        if live:
            revision.publish()
            programme.refresh_from_db()
        return programme

    return make


@pytest.fixture
def staff_client(client, home, django_user_model):
    """A moderator in the admin (made after the demo data, which resets the admin's password)."""
    client.force_login(
        django_user_model.objects.create_superuser("beheerder", "beheer@example.nl", "x")
    )
    return client
