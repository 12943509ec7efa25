"""Synthetic programmes and mentors for benchmarks and load tests (`manage.py seed_bench`).

Programmes are pages, so each is added to the page tree (a few hundred take seconds); mentors
are bulk-inserted with their relations, as thousands of them would otherwise take minutes.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from businesses.demo.bench import batches, index_page, insert
from businesses.models import Language, NeighbourhoodPage, Sector
from home.demo.registry import bench_step
from programmes.models import Category, Mentor, Need, ProgrammeIndexPage, ProgrammePage, Provider
from programmes.models import Stage as ProgrammeStage

FORMATS = list(ProgrammePage.Format.values)
TOPICS = ["ontwerp", "webwinkel", "subsidie", "netwerk", "etalage", "marketing", "lening"]


def seed_programmes(rng, count, progress):
    index = index_page(ProgrammeIndexPage, "Programma's", "programmas")
    provider, _created = Provider.objects.get_or_create(
        name="Stichting Meetwerk", defaults={"kind": "stichting", "email": "info@example.nl"}
    )
    categories = list(Category.objects.all())
    stages = list(ProgrammeStage.objects.all())
    sectors = list(Sector.objects.filter(parent__isnull=True))
    languages = list(Language.objects.all())
    neighbourhoods = list(NeighbourhoodPage.objects.filter(locale__language_code="nl"))
    start = ProgrammePage.objects.filter(slug__startswith="bench-programma-").count()
    today = timezone.localdate()
    for number in range(start, start + count):
        topic = rng.choice(TOPICS)
        free = rng.random() < 0.7
        programme = ProgrammePage(
            title=f"Programma {topic} {number}",
            slug=f"bench-programma-{number}",
            summary=f"Synthetisch programma over {topic} voor de benchmark.",
            provider=provider,
            category=rng.choice(categories),
            format=rng.choice(FORMATS),
            is_free=free,
            cost_amount=None if free else rng.choice([25, 50, 150]),
            deadline=today + timedelta(days=rng.randint(-60, 120)) if rng.random() < 0.8 else None,
            apply_email="aanmelden@example.nl",
            live=True,
        )
        programme.stages = rng.sample(stages, rng.randint(0, 2))
        programme.sectors = rng.sample(sectors, rng.randint(0, 2))
        programme.languages = rng.sample(languages, rng.randint(0, 3))
        programme.neighbourhoods = rng.sample(neighbourhoods, min(len(neighbourhoods), 2))
        index.add_child(instance=programme)
        progress.update(1)


def seed_mentors(rng, count, progress):
    needs = list(Need.objects.values_list("id", flat=True))
    sectors = list(Sector.objects.values_list("id", flat=True))
    stages = list(ProgrammeStage.objects.values_list("id", flat=True))
    languages = list(Language.objects.values_list("id", flat=True))
    dutch = Language.objects.filter(code="nl").values_list("id", flat=True).first()
    neighbourhoods = list(
        NeighbourhoodPage.objects.filter(locale__language_code="nl").values_list("id", flat=True)
    )
    start = Mentor.objects.filter(email__startswith="bench-mentor-").count()
    today = timezone.localdate()
    for chunk in batches(range(start, start + count), 1000):
        with transaction.atomic():
            created = Mentor.objects.bulk_create(
                Mentor(
                    name=f"Mentor {number:05d}",
                    email=f"bench-mentor-{number}@example.nl",
                    bio="Synthetische mentor voor de benchmark.",
                    capacity=rng.randint(1, 3),
                    is_active=rng.random() < 0.9,
                    vetted_at=today,
                    live=True,
                )
                for number in chunk
            )
            relate = {
                "expertise": lambda: rng.sample(needs, 3),
                "sectors": lambda: rng.sample(sectors, rng.randint(0, 2)),
                "stages": lambda: rng.sample(stages, rng.randint(0, 1)),
                "languages": lambda: {dutch, *rng.sample(languages, rng.randint(0, 2))} - {None},
                "neighbourhoods": lambda: rng.sample(neighbourhoods, min(len(neighbourhoods), 1)),
            }
            for name, pick in relate.items():
                field = Mentor._meta.get_field(name)
                rows = [(mentor.pk, other) for mentor in created for other in pick()]
                insert(
                    field.remote_field.through,
                    [field.m2m_column_name(), field.m2m_reverse_name()],
                    rows,
                )
        progress.update(len(chunk))


@bench_step(order=20)
def seed(options, rng, progress):
    """seed_bench's programmes and mentors."""
    with progress(options["programmes"], "programma's") as bar:
        seed_programmes(rng, options["programmes"], bar)
    with progress(options["mentors"], "mentoren") as bar:
        seed_mentors(rng, options["mentors"], bar)
    return f"{options['programmes']} programma's, {options['mentors']} mentoren"
