"""Small helpers the tests share."""

import io
import re
import time

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from businesses.models import Business, Language, ProfileDraft, Sector
from businesses.selfservice import drafts
from home.forms import form_token
from home.insight import Neighbourhood
from programmes.mentoring import steps
from programmes.models import MatchRequest, MentorMatch, Need, Stage


def started(seconds_ago=10):
    """The token of a spam-protected form opened `seconds_ago` seconds ago (a new one each
    call: a token posts once)."""
    return form_token(time.time() - seconds_ago)


def image_bytes(size=(64, 48), image_format="JPEG", exif=None, mode="RGB"):
    from PIL import Image

    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new(mode, size, "orange").save(buffer, format=image_format, **options)
    return buffer.getvalue()


def download_my_data(client):
    """'Download mijn gegevens' as the person gets it: (the JSON, {name: bytes} of the ZIP)."""
    import json
    import zipfile

    from django.urls import reverse

    response = client.post(reverse("account_download_data"))
    assert response["Content-Type"] == "application/zip", response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("mijn-gegevens.json")), files


def url_patterns(patterns=None, prefix="", groups=0):
    """Every URL pattern of the site as (route, number of parameters, pattern), including
    those inside includes."""
    from django.urls import URLResolver, get_resolver

    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        count = groups + pattern.pattern.regex.groups
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, route, count)
        else:
            yield route, count, pattern


def form_values(html, selector="form"):
    """What a browser would post from the form in `html`, as it stands: a dict of lists."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").select_one(selector)
    values = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name, kind = field["name"], field.get("type", "text")
        if field.name == "textarea":
            value = [field.text]
        elif field.name == "select":
            value = [o.get("value", o.text) for o in field.select("option[selected]")]
        elif kind in ("checkbox", "radio"):
            value = [field.get("value", "on")] if field.has_attr("checked") else []
        elif kind in ("submit", "button", "file"):
            continue
        else:
            value = [field.get("value", "")]
        values.setdefault(name, []).extend(value)
    return values


# Business self-service: the profile's steps as a browser posts them --------------------


def step_url(draft, step):
    return reverse("profile_step", args=[draft.pk, step])


def step_data(lombok, **changes):
    """Valid answers for every step, as a browser would post them."""
    bakery = Sector.objects.get(slug="bakkerij")
    data = {
        "basis": {
            "name": "Bakkerij Anatolië",
            "neighbourhood": lombok.pk,
            "tagline": "Vers brood en baklava",
            "phone": "030 123 4567",
            "email": "info@anatolie.nl",
            "website": "https://anatolie.nl",
            "kvk_number": "12345678",
            "founded_year": "2015",
        },
        "adres": {
            "street": "Kanaalstraat",
            "house_number": "12",
            "house_number_addition": "",
            "postcode": "3531 CJ",
            "city": "Utrecht",
        },
        "locatie": {},  # the pin found (none: geocoding is off in tests; see test_geocoding.py)
        "openingstijden": {
            **{f"day{day}_opens_1": "08:00" for day in range(6)},
            **{f"day{day}_closes_1": "18:00" for day in range(6)},
            "day6_closed": "on",
        },
        "sector-talen": {
            "sectors": [bakery.pk],
            "languages": list(
                Language.objects.filter(code__in=["nl", "tr"]).values_list("pk", flat=True)
            ),
        },
        "fotos": {},
        "verhaal": {
            "story": "Mijn moeder bakte al in Kayseri.\n\nNu bak ik in Lombok.",
            "products": "brood, baklava",
        },
        "indienen": {"consent": "on"},
    }
    for step, values in changes.items():
        data[step.replace("_", "-")] = {**data[step.replace("_", "-")], **values}
    return data


def fill_in(client, draft, lombok, until="verhaal", **changes):
    """Post every step up to and including `until`, as a browser would."""
    data = step_data(lombok, **changes)
    for step in drafts.STEP_SLUGS:
        response = client.post(step_url(draft, step), data[step])
        assert response.status_code == 302, (step, response.content.decode()[:3000])
        if step == until:
            return response


def start(client):
    response = client.post(reverse("profile_start"))
    assert response.status_code == 302
    return ProfileDraft.objects.latest("pk")


def submitted_business(client, lombok, **changes):
    draft = start(client)
    fill_in(client, draft, lombok, until="indienen", **changes)
    return Business.objects.get(name=step_data(lombok, **changes)["basis"]["name"])


def act(moderator_client, business, action, comment=""):
    """A moderator takes a workflow action in the Wagtail admin."""
    state = drafts.workflow_state_of(business)
    url = reverse(
        "wagtailsnippets_businesses_business:workflow_action",
        args=[business.pk, action, state.current_task_state.pk],
    )
    response = moderator_client.post(url, {"comment": comment} if comment else {})
    # Wagtail's WorkflowAction answers a plain (non-XHR) POST with a redirect, always.
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def edit(owner, business, lombok, **basis):
    response = owner.post(reverse("profile_edit", args=[business.pk]))
    draft = ProfileDraft.objects.get(business=business)
    assert response["Location"] == step_url(draft, "basis")
    # What the profile says now is filled in already.
    html = owner.get(step_url(draft, "basis")).content.decode()
    assert f'value="{business.name}"' in html
    data = {**step_data(lombok)["basis"], "name": business.name, **basis}
    assert owner.post(step_url(draft, "basis"), data).status_code == 302
    assert owner.post(step_url(draft, "indienen"), {"consent": "on"}).status_code == 302
    return draft


# Claims: "Dit is mijn bedrijf" ------------------------------------------------------------

LISTING_EMAIL = "info@kapsalon-nour.nl"


def claim(client, business, **data):
    form = {
        "kvk_number": "87654321",
        "message": "Ik heb de zaak in 2021 overgenomen.",
        "consent": "on",
        "started": started(),
    }
    return client.post(reverse("business_claim", args=[business.pk]), {**form, **data})


def sent_code(to=LISTING_EMAIL):
    """The code in the last e-mail to `to`, as its reader sees it."""
    [*_, message] = [m for m in mail.outbox if m.to == [to]]
    return re.search(r"^\s+(\d{6})\s*$", message.body, re.MULTILINE).group(1)


def type_code(client, business, code):
    return client.post(
        reverse("business_claim", args=[business.pk]), {"action": "verify", "code": code}
    )


def claim_and_verify(client, business):
    claim(client, business)
    return type_code(client, business, sent_code())


def decide(moderator_client, claim_request, decision, comment=""):
    url = reverse("wagtailsnippets_businesses_claimrequest:edit", args=[claim_request.pk])
    return moderator_client.post(url, {"decision": decision, "staff_comment": comment})


def decision_page(moderator_client, claim_request):
    url = reverse("wagtailsnippets_businesses_claimrequest:edit", args=[claim_request.pk])
    return moderator_client.get(url).content.decode()


# The mentoring journey --------------------------------------------------------------------

SELF = {"self_next_step": "2", "self_money": "3", "self_customers": "2", "self_rules": "1"}


def request_data(neighbourhoods, **changes):
    return {
        "needs": [Need.objects.get(slug="marketing").pk, Need.objects.get(slug="vergunningen").pk],
        "stage": Stage.objects.get(slug="starter").pk,
        "neighbourhood": neighbourhoods["lombok"].pk,
        "languages": [Language.objects.get(code="tr").pk],
        "goal": "Meer klanten voor mijn kapsalon.",
        "urgency": "maand",
        "consent": "on",
        **SELF,
        **changes,
    }


def submit(client, neighbourhoods, **changes):
    response = client.post(reverse("mentor_request"), request_data(neighbourhoods, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return MatchRequest.objects.latest("pk")


def fill_mentor(mentor, load):
    """Give a mentor `load` active mentees."""
    for n in range(load):
        other = MatchRequest.objects.create(
            founder=mentor_user(n),
            stage=Stage.objects.first(),
            goal="x",
            status=MatchRequest.Status.ACTIVE,
        )
        MentorMatch.objects.create(request=other, mentor=mentor, status=MentorMatch.Status.ACTIVE)


def mentor_user(n):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        f"ander{n}-{timezone.now().timestamp()}", email=f"ander{n}@example.nl"
    )


def introduced(founder_client, moderator, neighbourhoods, mentor):
    request = submit(founder_client, neighbourhoods)
    steps.confirm(request, moderator, [mentor.pk])
    return steps.introduce(request, moderator)


# Staff figures ("Inzicht") ----------------------------------------------------------------


def rows(figure):
    return {row[figure.columns[0][0]]: row for row in figure.rows}


def in_lombok(neighbourhoods):
    page = neighbourhoods["lombok"]
    return Neighbourhood(id=page.pk, slug=page.slug, title=page.title)


# Programme sessions ----------------------------------------------------------------------

THURSDAY = 3


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)
