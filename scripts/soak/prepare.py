"""Setup step of `make soak` (scripts/soak.sh), after migrate, demo data and seed_bench: makes the
accounts the simulated entrepreneurs log in with (verified e-mail addresses, as login requires),
and writes bench/soak-fixture.json with what the simulated visitors ask for (pages, filters,
accounts) so the locustfile needs no database. Usage: prepare.py SUBMITTERS
"""

import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django

django.setup()

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from businesses.models import Business, Language, NeighbourhoodPage, Sector
from programmes.models import ProgrammePage

PASSWORD = "Soak-Zonnebloem-Kanaal-42"  # noqa: S105 (test accounts in a throw-away database)
# Each simulated entrepreneur logs in with a fresh account and submits one profile: the
# submission rate limit (10 an hour per account) holds for people, not for a load test.
SUBMITTER = "soak-submitter-{}@example.nl"


@transaction.atomic
def make_submitters(count):
    User = get_user_model()
    emails = [SUBMITTER.format(number) for number in range(count)]
    User.objects.filter(email__in=emails).delete()
    hashed = make_password(PASSWORD)  # hashed once: hashing thousands of times takes minutes
    users = User.objects.bulk_create(
        [User(username=email.split("@")[0], email=email, password=hashed) for email in emails]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    return emails


def main(count):
    rng = random.Random(8)
    neighbourhoods = list(
        NeighbourhoodPage.objects.live().filter(locale__language_code="nl").order_by("pk")
    )
    businesses = list(
        Business.objects.filter(live=True)
        .select_related("neighbourhood")
        .order_by("?")
        .only("slug", "neighbourhood__url_path")[:3000]
    )
    programmes = list(ProgrammePage.objects.live().filter(locale__language_code="nl"))
    fixture = {
        "password": PASSWORD,
        "submitters": make_submitters(count),
        "neighbourhoods": [page.url for page in neighbourhoods],
        "neighbourhood_slugs": [page.slug for page in neighbourhoods],
        "businesses": [b.get_url(neighbourhood=b.neighbourhood) for b in businesses],
        "programmes": [page.url for page in rng.sample(programmes, min(100, len(programmes)))],
        "sectors": list(Sector.objects.values_list("slug", flat=True)),
        "languages": list(Language.objects.values_list("code", flat=True)),
    }
    out = ROOT / "bench" / "soak-fixture.json"
    out.write_text(json.dumps(fixture, indent=1))
    print(
        f"soak: {count} entrepreneur accounts, {len(fixture['businesses'])} profiles, "
        f"{len(neighbourhoods)} neighbourhoods, {len(fixture['programmes'])} programmes "
        f"in {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
