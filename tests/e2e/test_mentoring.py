"""A founder asks for a mentor; staff send it to a mentor in the admin, in one step; the mentor accepts through the link
in the e-mail, records the intake; both finish with feedback. axe checks every public form."""

import re

import pytest
from django.core import mail

from tests.conftest import PASSWORD

from .conftest import admin_log_in, axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page, url, email):
    page.goto(url + "/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_from_request_to_completed_match(demo_site, browser):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from programmes.models import MatchRequest, MentorMatch

    founder = get_user_model().objects.create_user(
        "hatice", email="hatice@example.nl", password=PASSWORD, first_name="Hatice"
    )
    EmailAddress.objects.create(
        user=founder, email="hatice@example.nl", verified=True, primary=True
    )
    found = {}
    page = browser.new_context(locale="nl-NL").new_page()
    log_in(page, demo_site.url, "hatice@example.nl")

    page.goto(demo_site.url + "/mentor-aanvragen/")
    found["aanvraagformulier"] = axe_violations(page)
    page.get_by_label("Marketing en klanten").check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert page.get_by_label("Marketing en klanten").is_checked()
    found["aanvraagformulier met fouten"] = axe_violations(page)
    page.get_by_label("Net begonnen").check()
    page.get_by_label("Turks").check()
    page.get_by_label("Wat wil je bereiken?").fill("Mijn naaiatelier online laten groeien.")
    for question in ("next_step", "money", "customers", "rules"):
        page.locator(f"input[name=self_{question}][value='2']").check()
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_url("**/mentor-aanvragen/*/")
    found["aanvraag"] = axe_violations(page)
    request = MatchRequest.objects.get(founder=founder)

    # Staff send the proposal to the mentor in one step in the Wagtail admin.
    admin = browser.new_context(locale="nl-NL").new_page()
    admin_log_in(admin, demo_site.url, "admin", "demo-wachtwoord-123")
    admin.goto(demo_site.url + f"/admin/mentoraanvragen/{request.pk}/")
    admin.get_by_role("button", name="Voorstellen aan mentor").click()
    admin.wait_for_load_state()
    match = MentorMatch.objects.get(request=request)

    # The mentor opens the link from the e-mail, without an account.
    [message] = [m for m in mail.outbox if m.to == [match.mentor.email] and "koppeling" in m.body]
    link = re.search(r"/mentor/koppeling/\S+/", message.body).group(0)
    mentor = browser.new_context(locale="nl-NL").new_page()
    mentor.goto(demo_site.url + link)
    found["mentor: voorstel"] = axe_violations(mentor)
    mentor.get_by_role("button", name="Ja, ik help graag").click()
    mentor.wait_for_load_state()
    found["mentor: intake"] = axe_violations(mentor)
    mentor.get_by_label("Wat hebben jullie afgesproken als doel?").fill(
        "Een webwinkel en tien nieuwe klanten."
    )
    mentor.get_by_label("elke twee weken").check()
    mentor.get_by_role("button", name="Afspraken bewaren").click()
    mentor.wait_for_load_state()
    found["mentor: afronden"] = axe_violations(mentor)
    mentor.locator("input[name=rating][value='5']").check()
    mentor.get_by_label("Wat wil je erover kwijt?").fill("Fijne samenwerking.")
    mentor.get_by_role("button", name="Versturen").click()
    mentor.wait_for_load_state()
    assert "Voor jou is er nu niets te doen" in mentor.content()

    # The founder finishes with feedback and the same self-assessment as at the start.
    page.reload()
    assert match.mentor.email in page.content()
    page.locator("input[name=rating][value='4']").check()
    for question in ("next_step", "money", "customers", "rules"):
        page.locator(f"input[name=self_{question}][value='4']").check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    assert "afgerond" in page.content().lower()
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.COMPLETED
    assert request.self_assessment_end == {"next_step": 4, "money": 4, "customers": 4, "rules": 4}

    # The match is over: the mentor's link now says so, with whom to ask, and no request.
    response = mentor.goto(demo_site.url + link)
    assert response.status == 410 and "Deze link werkt niet meer" in mentor.content()
    assert request.goal not in mentor.content()
    found["mentor: link afgelopen"] = axe_violations(mentor)
    for language, prefix in (("nl", ""), ("ar", "/ar")):
        for width in (375, 1280):
            mentor.set_viewport_size({"width": width, "height": 800})
            assert mentor.goto(f"{demo_site.url}{prefix}{link}").status == 410
            assert mentor.locator("html").get_attribute("lang") == language
            assert request.goal not in mentor.content()
            found[f"mentor: link afgelopen ({language}, {width})"] = axe_violations(mentor)
            save_screenshot(mentor, f"mentor-link-afgelopen-{language}-{width}")
    mentor.goto(demo_site.url + "/mentor/koppeling/verzonnen-link/")
    found["mentor: onbekende link"] = axe_violations(mentor)
    assert found == {name: [] for name in found}
