from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from businesses.models import Language
from home.insight import Period
from programmes import counting
from programmes.demo.data import first_day
from programmes.models import (
    MatchEvent,
    MatchRequest,
    Mentor,
    MentorMatch,
    MunicipalContact,
    Need,
    ProgrammePage,
    ProgrammeSession,
    Stage,
)
from tests.factories import (
    NeighbourhoodFactory,
    NeighbourhoodIndexFactory,
    ProgrammeFactory,
    ProgrammeIndexFactory,
    ProviderFactory,
)
from tests.helpers import THURSDAY


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


# The mentoring journey --------------------------------------------------------------------


@pytest.fixture
def mentors(neighbourhoods):
    dutch, turkish = Language.objects.get(code="nl"), Language.objects.get(code="tr")
    marketing, permits = Need.objects.get(slug="marketing"), Need.objects.get(slug="vergunningen")

    def make(name, needs, languages, capacity=2, **fields):
        mentor = Mentor(
            name=name,
            email=f"{name.split()[0].lower()}@example.nl",
            bio="Ervaren ondernemer.",
            capacity=capacity,
            vetted_at=timezone.localdate(),
            **fields,
        )
        mentor.expertise = needs
        mentor.languages = languages
        mentor.save()
        return mentor

    contact = MunicipalContact(
        name="Wijkmanager Lombok", role="wijkmanager", email="lombok@gemeente.nl"
    )
    contact.neighbourhoods = [neighbourhoods["lombok"]]
    contact.save()
    return {
        "ayla": make("Ayla Kaya", [marketing, permits], [dutch, turkish]),
        "bram": make("Bram de Vries", [marketing], [dutch]),
        "full": make("Carla Vol", [marketing, permits], [dutch, turkish], capacity=1),
    }


@pytest.fixture
def founder_client(owner):
    return owner


@pytest.fixture
def named_founder(entrepreneur):
    entrepreneur.first_name = "Amira"
    entrepreneur.save()
    return entrepreneur


# Staff figures ----------------------------------------------------------------------------


@pytest.fixture
def programmes(make_programme, neighbourhoods, english, today):
    """Creativity: open in Lombok, expired a few days ago (city-wide), expired long ago;
    funding: open, Overvecht only; premises: open, city-wide, with an English translation."""
    made = {
        "etalage": make_programme("Etalage", neighbourhoods=[neighbourhoods["lombok"]], deadline=9),
        "verlopen": make_programme("Verlopen", deadline=-3),
        "oud": make_programme("Oud", deadline=-400),
        "krediet": make_programme(
            "Krediet", category="financiering", neighbourhoods=[neighbourhoods["overvecht"]]
        ),
        "pand": make_programme("Pand", category="huisvesting"),
        "concept": make_programme("Concept", live=False),
    }
    index = made["pand"].get_parent().specific
    english_index = index.copy_for_translation(english)
    english_index.slug = "programmes"
    english_index.save_revision().publish()
    translation = made["pand"].copy_for_translation(english)
    translation.title = "Premises"
    translation.save_revision().publish()
    made["premises"] = ProgrammePage.objects.get(pk=translation.pk)
    day = today - timedelta(days=5)
    for name, views, clicks in (
        ("etalage", 40, 6),
        ("verlopen", 12, 1),
        ("oud", 3, 0),
        ("krediet", 25, 4),
        ("pand", 10, 2),
        ("premises", 5, 1),
    ):
        counting.count(made[name].pk, views=views, apply_clicks=clicks, day=day)
    # Before the period, and a month earlier within it.
    counting.count(made["etalage"].pk, views=100, apply_clicks=50, day=today - timedelta(days=400))
    counting.count(made["etalage"].pk, views=7, apply_clicks=1, day=today - timedelta(days=40))
    return made


@pytest.fixture
def period(today):
    return Period(start=today - timedelta(days=60), end=today)


# (neighbourhood, days ago, steps reached with their day after the request, status,
#  founder and mentor rating, self-assessment at the start and at the end)
JOURNEYS = [
    (
        "lombok",
        50,
        {"proposed": 1, "introduced": 3, "active": 10, "completed": 40},
        "completed",
        (4, 5),
        (2, 4),
    ),
    (
        "lombok",
        48,
        {"proposed": 2, "introduced": 4, "active": 12, "completed": 30},
        "completed",
        (5, 5),
        (1, 3),
    ),
    (
        "lombok",
        45,
        {"proposed": 1, "introduced": 2, "active": 5, "completed": 35},
        "completed",
        (3, 4),
        (3, 3),
    ),
    (
        "overvecht",
        44,
        {"proposed": 3, "introduced": 6, "active": 9, "completed": 33},
        "completed",
        (4, 3),
        (2, 5),
    ),
    (
        "overvecht",
        40,
        {"proposed": 1, "introduced": 2, "active": 4, "completed": 20},
        "completed",
        (5, 4),
        (2, 2),
    ),
    (
        "lombok",
        38,
        {"proposed": 2, "introduced": 5, "active": 7, "completed": 25},
        "completed",
        (2, None),
        (3, 4),
    ),
    ("lombok", 30, {"proposed": 4, "introduced": 8, "active": 11}, "active", None, None),
    ("lombok", 20, {"proposed": 1, "introduced": 3}, "closed", None, None),
    ("overvecht", 15, {"proposed": 5}, "proposed", None, None),
    ("lombok", 10, {}, "requested", None, None),
    ("lombok", 200, {"proposed": 1}, "proposed", None, None),  # before the period
]


@pytest.fixture
def journeys(neighbourhoods, make_user):
    mentor = Mentor.objects.create(name="Ayla", email="ayla@example.nl", bio="Mentor.")
    now = timezone.now()
    for n, (where, ago, steps, status, rating, assessment) in enumerate(JOURNEYS):
        created = now - timedelta(days=ago)
        start = end = {}
        if assessment:
            start = dict.fromkeys(("next_step", "money", "customers", "rules"), assessment[0])
            end = dict.fromkeys(("next_step", "money", "customers", "rules"), assessment[1])
            start["rules"] = 1
        request = MatchRequest.objects.create(
            founder=make_user(f"founder{n}@example.nl"),
            stage=Stage.objects.get(slug="starter"),
            neighbourhood=neighbourhoods[where],
            goal="Meer klanten.",
            status=status,
            created_at=created,
            self_assessment_start=start,
            self_assessment_end=end if status == "completed" else {},
        )
        MatchEvent.objects.create(
            request=request, status="requested", actor_label="x", created_at=created
        )
        for step, day in steps.items():
            MatchEvent.objects.create(
                request=request,
                status=step,
                actor_label="x",
                created_at=created + timedelta(days=day),
            )
        if "introduced" in steps:
            MentorMatch.objects.create(
                request=request,
                mentor=mentor,
                status={"completed": "completed", "active": "active"}.get(status, "closed"),
                founder_rating=rating[0] if rating else None,
                mentor_rating=rating[1] if rating else None,
            )
    # A decline and a second introduction: the first moment of each step counts.
    request = MatchRequest.objects.get(created_at=now - timedelta(days=30))
    MatchEvent.objects.create(request=request, status="introduced", actor_label="x", created_at=now)


# Programme sessions ----------------------------------------------------------------------


@pytest.fixture
def first_thursday(today):
    """The next first Thursday of a month, after today."""
    return first_day(today + timedelta(days=1), THURSDAY, 1)


@pytest.fixture
def netwerkavond(make_programme, first_thursday):
    programme = make_programme("Netwerkavond", live=False)
    programme.sessions = [
        ProgrammeSession(
            date=first_thursday,
            start_time=time(19),
            end_time=time(21, 30),
            place="Buurthuis De Leeuw, Kanaalstraat 12",
            repeat=ProgrammeSession.MONTHLY,
        )
    ]
    programme.save_revision().publish()
    return ProgrammePage.objects.get(pk=programme.pk)
