"""Journey: a founder asks for a mentor (topics, stage, languages, first name) → staff see them in
the queue and on the triage page of the Wagtail admin, and the proposal uses them (Turkish ticked
and required: Turkish-speaking mentors) → staff send it to the mentor in one step → the mentor
opens the link from the e-mail and sees topics, stage, languages, the business with a link and
the founder's first name → says yes → the founder's page says so, in words that match.

Each person reads only their own pages (and the mentor their e-mail): the data are never read
back from the database. In Dutch and Arabic, on a phone and a desktop, with a screenshot at each
hand-over and axe on every public page. The expected words come from the translations of the
language under test (gettext), so the test holds before and after a translation changes.
"""

import re

import pytest
from django.core import mail
from django.utils import translation

from tests.conftest import PASSWORD

from .conftest import admin_log_in, axe_violations, new_page, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FOUNDER = "hatice@example.nl"
ADMIN_PASSWORD = "demo-wachtwoord-123"


def words(language, text, **values):
    with translation.override(language):
        return translation.gettext(text) % values if values else translation.gettext(text)


def main_text(page):
    return " ".join(page.locator("main").inner_text().split())


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_founder_gets_a_mentor_who_knows_what_they_asked(demo_site, browser, language, width):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from businesses.models import Business, Language
    from programmes.models import Need, Stage

    base, prefix = demo_site.url, ("" if language == "nl" else f"/{language}")
    locale = "nl-NL" if language == "nl" else "ar"
    name = f"mentoring-{language}-{width}"
    # Set-up: an account without a first name that owns a published listing, and the ids of the
    # choices to tick (the form's labels are in the language under test).
    founder = get_user_model().objects.create_user("hatice", email=FOUNDER, password=PASSWORD)
    EmailAddress.objects.create(user=founder, email=FOUNDER, verified=True, primary=True)
    business = Business.objects.filter(live=True, owner__isnull=True).order_by("pk").first()
    Business.objects.filter(pk=business.pk).update(owner=founder)
    needs = list(Need.objects.filter(slug__in=["marketing", "vergunningen"]))
    starter = Stage.objects.get(slug="starter")
    turkish = Language.objects.get(code="tr")
    with translation.override(language):
        need_names = [need.name for need in needs]
        stage_name, turkish_name = starter.name, turkish.name
    with translation.override("nl"):
        admin_needs = [need.name for need in needs]
        admin_stage, admin_turkish = starter.name, turkish.name
    goal = f"Mijn kapsalon online laten groeien ({name})."
    axe = {}

    # 1. The founder logs in and asks for a mentor.
    page = new_page(browser, width, locale)
    page.goto(f"{base}{prefix}/account/login/?next={prefix}/mentor-aanvragen/")
    page.locator("#id_login").fill(FOUNDER)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/mentor-aanvragen/")
    assert page.locator("html").get_attribute("lang") == language
    axe["aanvraagformulier"] = axe_violations(page)
    page.locator("input[name=first_name]").fill("Hatice")
    assert page.locator("select[name=business]").input_value() == str(business.pk)
    for need in needs:
        page.locator(f"input[name=needs][value='{need.pk}']").check()
    page.locator(f"input[name=stage][value='{starter.pk}']").check()
    ticked = page.locator("input[name=languages]:checked")
    while ticked.count():
        ticked.first.uncheck()  # the business's languages are ticked for the founder; only Turkish
    page.locator(f"input[name=languages][value='{turkish.pk}']").check()
    page.locator("input[name=shared_language_required]").check()
    page.locator("textarea[name=goal]").fill(goal)
    for question in ("next_step", "money", "customers", "rules"):
        page.locator(f"input[name=self_{question}][value='2']").check()
    page.locator("input[name=consent]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/mentor-aanvragen/\d+/$"))
    number = re.search(r"/mentor-aanvragen/(\d+)/$", page.url).group(1)
    founder_page = page.url
    shown = main_text(page)
    for text in (*need_names, stage_name, turkish_name):
        assert text in shown, text
    assert page.locator("dd[data-state]").get_attribute("data-state") == "requested"
    axe["aanvraag verstuurd"] = axe_violations(page)
    save_screenshot(page, f"{name}-1-founder-sent")

    # 2. Staff see it in the queue and on the triage page, and the proposal uses it.
    admin = new_page(browser, width, "nl-NL")
    admin_log_in(admin, base, "admin", ADMIN_PASSWORD)
    panel = admin.locator("#mentor-requests-section, #mentor-requests").first
    assert panel.get_by_role("link", name=f"Aanvraag {number}").count() == 1
    panel.scroll_into_view_if_needed()
    save_screenshot(admin, f"{name}-2-staff-dashboard")
    admin.goto(base + "/admin/mentoraanvragen/")
    row = admin.locator("table.listing tbody tr").filter(
        has=admin.get_by_role("link", name=f"Aanvraag {number}", exact=True)
    )
    row_text = row.inner_text()
    for text in (*admin_needs, admin_stage, admin_turkish):
        assert text in row_text, text
    row.get_by_role("link", name=f"Aanvraag {number}", exact=True).click()
    admin.wait_for_load_state()
    triage = " ".join(admin.locator("main").inner_text().split())
    for text in (*admin_needs, admin_stage, f"Talen {admin_turkish}", "gedeelde taal nodig"):
        assert text in triage, text
    proposals = admin.locator("#voorstel > li").all_inner_texts()
    assert proposals and all("spreekt Turks" in proposal for proposal in proposals), proposals
    mentor_name = admin.locator("#voorstel > li strong").first.inner_text()
    save_screenshot(admin, f"{name}-3-staff-triage")

    # 3. One step sends it to the mentor.
    admin.get_by_role("button", name="Voorstellen aan mentor").click()
    admin.wait_for_load_state()
    sent = " ".join(admin.locator("main").inner_text().split())
    assert f"Verstuurd: {mentor_name} heeft een e-mail gekregen" in sent
    assert admin.get_by_role("button", name="Voorstellen aan mentor").count() == 0
    save_screenshot(admin, f"{name}-4-staff-sent")

    # 4. The mentor opens the link in the e-mail and decides with what they need.
    [message] = [m for m in mail.outbox if goal in m.body and "/mentor/koppeling/" in m.body]
    for text in ("Hatice", business.name, *admin_needs, admin_stage, admin_turkish):
        assert text in message.body, text
    link = re.search(r"/mentor/koppeling/\S+/", message.body).group(0)
    mentor = new_page(browser, width, locale)
    mentor.goto(f"{base}{prefix}{link}")
    assert mentor.locator("html").get_attribute("lang") == language
    facts = main_text(mentor)
    for text in ("Hatice", business.name, *need_names, stage_name, turkish_name, goal):
        assert text in facts, text
    business_link = mentor.locator("main a", has_text=business.name)
    assert business_link.count() == 1
    assert FOUNDER not in facts  # the e-mail address only after a yes
    axe["mentor: voorstel"] = axe_violations(mentor)
    save_screenshot(mentor, f"{name}-5-mentor-decides")
    mentor.locator("button[name=action][value=accept]").click()
    mentor.wait_for_load_state()
    assert FOUNDER in main_text(mentor)
    axe["mentor: ja gezegd"] = axe_violations(mentor)
    # The business link leads to the public profile.
    mentor.goto(base + business_link.get_attribute("href"))
    assert business.name in mentor.locator("h1").inner_text()

    # 5. The founder's page says the mentor said yes, and nothing that contradicts it.
    page.goto(founder_page)
    assert page.locator("dd[data-state]").get_attribute("data-state") == "accepted"
    shown = main_text(page)
    assert words(language, "%(name)s heeft ja gezegd en helpt je graag.", name=mentor_name) in shown
    assert words(language, "de mentor zegt ja") in shown
    for stale in (
        "Zodra die ja zegt, krijg je een e-mail met de contactgegevens.",
        "We hebben je aanvraag voorgelegd aan een mentor.",
    ):
        assert words(language, stale) not in shown, stale
    assert page.locator('main a[href^="mailto:"]').filter(has_text="@").count() >= 1
    axe["aanvraag: mentor zegt ja"] = axe_violations(page)
    save_screenshot(page, f"{name}-6-founder-accepted")
    assert axe == {key: [] for key in axe}
