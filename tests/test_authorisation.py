"""Who may open what: every URL that takes an id, a key or a token from the request, asked for by
each kind of person, with GET and POST, in every language.

The URLs come from the URL resolver: a new one that takes a parameter fails
`test_every_url_with_a_parameter_has_its_row` until it has its row in CASES. (Routes below a
Wagtail page, such as a business profile, are found by the page tree: the catch-all
`wagtail_serve` row stands for them; their own tests check drafts and private pages.) The
Wagtail admin is for staff only: `test_the_admin_is_closed_to_everyone_else` asks every admin
URL with a parameter as the people who are not staff.
"""

import re
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from programmes.models import MatchRequest, Mentor, MentorMatch, Stage
from tests.factories import BusinessFactory, NeighbourhoodFactory, NeighbourhoodIndexFactory
from tests.helpers import image_bytes, url_patterns

ROLES = ("anonymous", "other", "owner", "mentor", "staff")
LANGUAGES = ("nl", "en", "tr", "ar")
LOGIN = "login"  # a redirect to the log-in page


def urls_with_a_parameter():
    return [(route, pattern.name) for route, count, pattern in url_patterns() if count]


@dataclass
class Case:
    """One URL: how to make it from the objects of `world`, and the answer each person gets,
    as {role: (GET, POST)}; a number is the status, LOGIN a redirect to the log-in page."""

    name: str
    url: object
    expect: dict


def same_for_all(get, post):
    return dict.fromkeys(ROLES, (get, post))


def private(owner=(200, 200), staff=(404, 404)):
    """A page of the owner's own: anonymous people log in first; anyone else gets 404."""
    return {
        "anonymous": (LOGIN, LOGIN),
        "other": (404, 404),
        "owner": owner,
        "mentor": (404, 404),
        "staff": staff,
    }


def post_only(owner_post, others_post=404):
    """A view that changes things: GET is refused (405) for people logged in."""
    return {
        "anonymous": (LOGIN, LOGIN),
        "other": (405, others_post),
        "owner": (405, owner_post),
        "mentor": (405, others_post),
        "staff": (405, others_post),
    }


CASES = [
    Case(
        "profile_step",
        lambda w: reverse("profile_step", args=[w.draft.pk, "basis"]),
        private(owner=(200, 200)),  # POST without data: the step again, with its errors
    ),
    Case(
        "profile_discard",
        lambda w: reverse("profile_discard", args=[w.draft.pk]),
        post_only(owner_post=302),
    ),
    Case(
        "profile_draft_photo",
        lambda w: reverse("profile_draft_photo", args=[w.draft.pk, w.photo.pk]),
        private(owner=(200, 200), staff=(200, 200)),
    ),
    Case(
        "profile_edit",
        lambda w: reverse("profile_edit", args=[w.business.pk]),
        post_only(owner_post=302),
    ),
    Case(
        "business_claim",
        lambda w: reverse("business_claim", args=[w.business.pk]),
        # Anyone with an account may claim a listing (staff decide); its owner is sent back.
        {
            "anonymous": (LOGIN, LOGIN),
            "other": (200, 200),
            "owner": (302, 302),
            "mentor": (200, 200),
            "staff": (200, 200),
        },
    ),
    Case(
        "mentor_request_detail",
        lambda w: reverse("mentor_request_detail", args=[w.match_request.pk]),
        private(owner=(200, 200)),
    ),
    # The mentor's link is the mentor's key: whoever holds it acts for the mentor, without an
    # account (POST without an action changes nothing and says so).
    Case(
        "mentor_match",
        lambda w: reverse("mentor_match", args=[w.match.token]),
        same_for_all(200, 302),
    ),
    Case(
        "mentor_match",
        lambda w: reverse("mentor_match", args=[w.match.token[:-4] + "XXXX"]),
        same_for_all(404, 404),
    ),
    Case(
        "mentor_match",
        lambda w: reverse("mentor_match", args=[w.ended_match.token]),
        same_for_all(410, 410),
    ),
    # allauth's keys work for whoever holds them; a wrong one opens nothing.
    Case(
        "account_confirm_email",
        lambda w: reverse("account_confirm_email", args=[w.confirmation_key]),
        # Confirmed by whoever holds the key; only the address's owner stays logged in.
        {**same_for_all(200, LOGIN), "owner": (200, 302)},
    ),
    Case(
        "account_confirm_email",
        lambda w: reverse("account_confirm_email", args=["niet-de-sleutel"]),
        same_for_all(200, 404),
    ),
    Case(
        "account_reset_password_from_key",
        lambda w: reverse("account_reset_password_from_key", args=["1", "niet-de-sleutel"]),
        same_for_all(200, 200),
    ),
    Case(
        "wagtaildocs_serve",
        lambda w: reverse("wagtaildocs_serve", args=[w.document.pk, w.document.filename]),
        same_for_all(200, 200),
    ),
    Case(
        "wagtaildocs_serve",
        lambda w: reverse("wagtaildocs_serve", args=[w.document.pk + 1000, "ander.pdf"]),
        same_for_all(404, 404),
    ),
    Case(
        "wagtaildocs_authenticate_with_password",
        lambda w: reverse("wagtaildocs_authenticate_with_password", args=[999999]),
        same_for_all(404, 404),
    ),
    Case(
        "wagtailcore_authenticate_with_password",
        lambda w: reverse("wagtailcore_authenticate_with_password", args=[999999, w.home.pk]),
        same_for_all(404, 404),
    ),
    Case(
        "wagtail_serve",
        lambda w: reverse("wagtail_serve", args=[w.lombok.url.lstrip("/")]),
        same_for_all(200, 200),
    ),
]


class World:
    """Everything the cases point at, owned by `owner`."""

    def __init__(self, home, make_user, moderator):
        from tests.helpers import start

        self.home = home
        self.users = {
            "owner": make_user("amira@example.nl"),
            "other": make_user("nour@example.nl"),
            "mentor": make_user("ayla@example.nl"),
            "staff": moderator,
        }
        owner = self.users["owner"]
        self.lombok = NeighbourhoodFactory(
            parent=NeighbourhoodIndexFactory(parent=home), title="Lombok"
        )
        self.business = BusinessFactory(
            name="Toko Lombok",
            neighbourhood=self.lombok,
            owner=owner,
            latitude=None,
            longitude=None,
        )
        client = Client()
        client.force_login(owner)
        self.draft = start(client)
        self.photo = get_image_model().objects.create(
            title="Etalage",
            file=ContentFile(image_bytes(), name="etalage.jpg"),
            uploaded_by_user=owner,
        )
        self.draft.data = {"fotos": {"photos": [{"image": self.photo.pk, "alt_text": "Etalage"}]}}
        self.draft.save()
        mentor = Mentor.objects.create(
            name="Ayla Kaya", email="ayla@example.nl", bio="Mentor.", user=self.users["mentor"]
        )
        self.match_request = MatchRequest.objects.create(
            founder=owner, stage=Stage.objects.first(), goal="Meer klanten."
        )
        self.match = MentorMatch.objects.create(request=self.match_request, mentor=mentor)
        self.ended_match = MentorMatch.objects.create(
            request=self.match_request, mentor=mentor, status=MentorMatch.Status.DECLINED
        )
        unconfirmed = EmailAddress.objects.create(user=owner, email="amira@nieuw.nl")
        self.confirmation_key = EmailConfirmationHMAC(unconfirmed).key
        self.document = get_document_model().objects.create(
            title="Folder", file=ContentFile(b"%PDF-1.4 folder", name="folder.pdf")
        )

    def client(self, role):
        client = Client()
        if role != "anonymous":
            client.force_login(self.users[role])
        return client


@pytest.fixture
def world(home, make_user, moderator):
    return World(home, make_user, moderator)


def answer(response):
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def test_every_url_with_a_parameter_has_its_row():
    covered = {case.name for case in CASES}
    missing = [
        (route, name)
        for route, name in urls_with_a_parameter()
        if not route.startswith("admin/") and name not in covered
    ]
    assert missing == [], "add a row to CASES for each"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_who_may_open_what(world, case, language):
    with translation.override(language):
        url = case.url(world)
    if language != "nl":
        # Every page is in the language, but documents are served outside the prefixes.
        prefixed = not case.name.startswith("wagtaildocs")
        assert url.startswith(f"/{language}/") == prefixed, url
    answers = {}
    for role in ROLES:
        for method in ("get", "post"):
            cache.clear()  # no rate limit carries over
            with transaction.atomic():
                response = getattr(world.client(role), method)(url)
                answers[role, method] = answer(response)
                transaction.set_rollback(True)
    expected = {
        (role, method): case.expect[role][index]
        for role in ROLES
        for index, method in enumerate(("get", "post"))
    }
    assert answers == expected


def admin_url(route):
    """An admin route with a parameter, filled in with values that exist or not."""
    path = re.sub(r"<int:\w+>", "1", route)
    path = re.sub(r"<(?:str|slug|path):\w+>", "x", path)
    path = re.sub(r"<uuid:\w+>", "00000000-0000-0000-0000-000000000000", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)
    path = re.sub(r"\([^)]*\)", "1", path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


# The admin's own pages for people who forgot their password: open to everyone by design.
ADMIN_OPEN = ("admin/password_reset/confirm/",)


@pytest.mark.parametrize("role", ["anonymous", "other", "mentor"])
def test_the_admin_is_closed_to_everyone_else(world, role):
    client = world.client(role)
    opened = []
    elsewhere = []
    for route, _name in urls_with_a_parameter():
        if not route.startswith("admin/") or route.startswith(ADMIN_OPEN):
            continue
        url = admin_url(route)
        for method in ("get", "post"):
            with transaction.atomic():
                response = getattr(client, method)(url)
                transaction.set_rollback(True)
            if response.status_code not in (302, 403, 404, 405):
                opened.append((method, url, response.status_code))
            elif response.status_code == 302 and not response["Location"].startswith(
                "/admin/login/"
            ):
                elsewhere.append((method, url, response["Location"]))
    assert opened == []
    assert elsewhere == []  # every redirect is to the admin's login page
