"""Demo mentors (fictional people), one municipal contact per demo neighbourhood, and match
requests in every state, made through the same steps as real ones (their e-mails are dropped)."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils import timezone

from businesses.models import Language, NeighbourhoodPage, Sector
from home.demo.registry import demo_step
from programmes.mentoring import steps
from programmes.models import MatchRequest, Mentor, MunicipalContact, Need, Stage

FIRST = ["Ayşe", "Mohamed", "Fatima", "Kees", "Priya", "Jan", "Noura", "Emre", "Ingrid", "Samir", "Lotte", "Hamza",
         "Marieke", "Yusuf", "Sanne", "Abdi", "Ilse", "Tarik", "Wen", "Ruud", "Zeynep", "Omar"]  # fmt: skip
LAST = ["Yılmaz", "El Amrani", "Bakker", "de Vries", "Sharma", "Jansen", "Haddad", "Kaya", "Visser", "Benali",
        "Smit", "Ouali", "de Boer", "Demir", "Mulder", "Warsame", "Bos", "Aydın", "Li", "Dekker", "Çelik", "Saleh"]  # fmt: skip
BIOS = [
    "Had twintig jaar een bakkerij in Lombok. Helpt graag met prijzen, inkoop en personeel.",
    "Oud-accountant. Maakt cijfers begrijpelijk en helpt met de belastingdienst.",
    "Runt een webwinkel in stoffen. Weet alles van online verkopen en sociale media.",
    "Was ondernemer in de horeca en kent de vergunningen van de gemeente van binnen en buiten.",
    "Begeleidt starters bij hun eerste ondernemingsplan en een aanvraag voor een lening.",
]
ROLES = [
    "accountmanager ondernemers",
    "wijkmanager",
    "startersloket",
    "wijkmanager",
    "accountmanager ondernemers",
    "wijkmanager",
]


@demo_step(order=30)
def load(stdout):
    if Mentor.objects.exists():
        return
    rng = random.Random(5081)
    needs = list(Need.objects.all())
    sectors = list(Sector.objects.filter(parent__isnull=True))
    languages = {language.code: language for language in Language.objects.all()}
    neighbourhoods = list(
        NeighbourhoodPage.objects.filter(locale__language_code="nl").order_by("title")
    )
    stages = list(Stage.objects.all())
    today = timezone.localdate()
    for number in range(22):
        mentor = Mentor(
            name=f"{FIRST[number]} {LAST[number]}",
            email=f"mentor{number + 1}@example.nl",
            bio=BIOS[number % len(BIOS)],
            capacity=rng.choice([1, 2, 2, 3]),
            is_active=number % 11 != 10,
            vetted_at=today - timedelta(days=30 + number) if number != 21 else None,
        )
        mentor.expertise = rng.sample(needs, 3)
        mentor.sectors = rng.sample(sectors, rng.choice([0, 1, 2]))
        mentor.stages = rng.sample(stages, rng.choice([0, 1, 2]))
        spoken = ["nl"] + rng.sample(
            ["tr", "ar", "en", "zgh", "so", "pap", "pl"], rng.choice([0, 1, 2])
        )
        mentor.languages = [languages[c] for c in spoken if c in languages]
        mentor.neighbourhoods = (
            rng.sample(neighbourhoods, rng.choice([0, 1, 2])) if neighbourhoods else []
        )
        mentor.save()
        mentor.save_revision().publish()
    for number, neighbourhood in enumerate(neighbourhoods[:6]):
        contact = MunicipalContact(
            name=f"{FIRST[-1 - number]} {LAST[-1 - number]}",
            role=ROLES[number],
            department="Economische Zaken",
            email=f"wijk.{neighbourhood.slug}@example.nl",
            phone="14 030",
        )
        contact.neighbourhoods = [neighbourhood]
        contact.topics = rng.sample(needs, 4)
        contact.languages = [languages["nl"]] + (
            [languages["tr"]] if number % 2 else [languages["ar"]]
        )
        contact.save()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        make_requests(rng, needs, languages, neighbourhoods, stages)
    stdout.write(f"Mentoren: {Mentor.objects.count()}, aanvragen: {MatchRequest.objects.count()}")


def make_requests(rng, needs, languages, neighbourhoods, stages):
    User = get_user_model()
    staff = User.objects.filter(is_superuser=True).first() or User.objects.create_user(
        "demo-medewerker"
    )
    # How far each request gets: every state of the lifecycle appears.
    plan = [
        "requested",
        "proposed",
        "introduced",
        "accepted",
        "declined",
        "active",
        "completed",
        "completed",
        "closed",
        "active",
    ]
    for number, goal in enumerate(plan):
        founder, _created = User.objects.get_or_create(
            username=f"demo-ondernemer-{number + 1}",
            defaults={"email": f"ondernemer{number + 1}@example.nl", "first_name": FIRST[number]},
        )
        request = MatchRequest(
            founder=founder,
            stage=rng.choice(stages),
            sector=Sector.objects.filter(parent__isnull=False).order_by("?").first(),
            neighbourhood=neighbourhoods[number % len(neighbourhoods)] if neighbourhoods else None,
            goal="Ik wil meer klanten en weet niet goed hoe ik online moet beginnen.",
            self_assessment_start={"next_step": 2, "money": 3, "customers": 2, "rules": 2},
            created_at=timezone.now() - timedelta(days=60 - number * 5),
        )
        request.save()
        request.needs.set(rng.sample(needs, 2))
        request.languages.set([languages["nl"], languages[rng.choice(["tr", "ar", "en"])]])
        request.save()
        steps.submit(request, founder)
        if goal == "requested" or not request.proposals.exists():
            continue
        steps.confirm(
            request,
            staff,
            [p.mentor_id for p in request.proposals.all()],
            "Past goed bij de vraag.",
        )
        if goal == "proposed":
            continue
        match = steps.introduce(request, staff)
        if goal == "introduced":
            continue
        steps.answer(match, goal != "declined", "")
        if goal in ("accepted", "declined"):
            continue
        if goal == "closed":
            steps.close(request, staff, "De ondernemer is verhuisd naar een andere stad.")
            continue
        steps.record_intake(
            match,
            "Een webwinkel openen en de eerste tien klanten online vinden.",
            "twee-weken",
            f"{match.mentor.name} (mentor)",
        )
        if goal == "completed":
            steps.give_feedback(
                match,
                True,
                5,
                "Heel fijn, ik weet nu wat ik moet doen.",
                {"next_step": 4, "money": 4, "customers": 4, "rules": 3},
            )
            steps.give_feedback(match, False, 4, "Een harde werker, het ging goed.")
