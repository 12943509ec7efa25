"""Journey: the mail server is down when a founder signs up → the page answers at once, the
confirmation mail waits in the queue and fails → a moderator finds it under Instellingen →
Achtergrondtaken and runs it again once the server is back → the mail arrives, once, and the
founder confirms the address with its link.

Production's queue (django-tasks-db) in the live server; `db_worker` runs between the steps,
as it would beside them. In Dutch and Arabic for the founder (staff work in Dutch), on a phone
and a desktop, with screenshots at each hand-over and axe on the founder's pages.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail

from tests.conftest import PASSWORD
from tests.home.test_task_queue import QUEUE, MailServer, work

from .conftest import admin_log_in, axe_violations, new_page, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SPAM_CHECK_SECONDS = 3  # home.forms.MINIMUM_SECONDS


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_mail_held_up_by_an_outage_reaches_the_founder(
    demo_site, browser, settings, language, width
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    settings.TASKS = QUEUE
    settings.TASK_RETRY_DELAYS = [0]
    settings.EMAIL_BACKEND = "tests.home.test_task_queue.FlakyMailBackend"
    MailServer.state = "down"
    base, prefix = demo_site.url, ("" if language == "nl" else f"/{language}")
    name = f"mail-outage-{language}-{width}"
    email = f"samira-{language}-{width}@example.nl"
    axe = {}

    # The founder signs up; the page does not wait for the mail server.
    founder = new_page(browser, width)
    founder.goto(f"{base}{prefix}/account/signup/")
    assert founder.locator("html").get_attribute("lang") == language
    founder.locator("#id_email").fill(email)
    founder.locator("#id_password1").fill(PASSWORD)
    founder.locator("#id_password2").fill(PASSWORD)
    time.sleep(SPAM_CHECK_SECONDS)
    founder.locator("main form button[type=submit]").first.click()
    founder.wait_for_url("**/account/confirm-email/")
    axe["bevestig je adres"] = axe_violations(founder)
    save_screenshot(founder, f"{name}-1-aangemeld")

    # The worker tries, the server is down: tried again, then left failed for staff.
    work()
    assert mail.outbox == []

    # A moderator finds the failed mail and runs it again once the server is back.
    moderator = get_user_model().objects.create_user(
        "moderator", email="moderator@gemeente.nl", password=PASSWORD, is_staff=True
    )
    moderator.groups.add(Group.objects.get(name="Moderatoren"))
    staff = new_page(browser, width)
    admin_log_in(staff, base, "moderator", PASSWORD)
    staff.goto(base + "/admin/achtergrondtaken/")
    row = staff.locator("tbody tr").filter(has_text="E-mail versturen").first
    assert "Mislukt" in row.inner_text()
    assert "Connection refused" in row.inner_text()
    assert email not in staff.content()  # what it was about, not to whom
    save_screenshot(staff, f"{name}-2-achtergrondtaken")
    MailServer.state = "up"
    row.get_by_role("link", name="E-mail versturen").click()  # the details, with the traceback
    staff.wait_for_url("**/achtergrondtaken/inspect/**")
    assert "ConnectionRefusedError" in staff.content()
    save_screenshot(staff, f"{name}-3-details")
    staff.get_by_role("link", name="Opnieuw uitvoeren").click()
    staff.wait_for_url("**/opnieuw/**")
    staff.get_by_role("button", name="Ja, opnieuw uitvoeren").click()
    staff.wait_for_url("**/admin/achtergrondtaken/")
    assert "De taak staat weer in de wachtrij" in staff.content()

    # The worker sends it; the founder reads it and confirms the address.
    work()
    work()
    assert [message.to for message in mail.outbox] == [[email]]
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[0].body).group(0)
    founder.goto(base + urlsplit(link).path)  # in the founder's language
    founder.locator("main form button[type=submit]").first.click()
    founder.wait_for_load_state()
    assert "/account/confirm-email/" not in founder.url
    assert founder.locator("html").get_attribute("lang") == language
    axe["bevestigd"] = axe_violations(founder)
    save_screenshot(founder, f"{name}-4-bevestigd")
    staff.goto(base + "/admin/achtergrondtaken/?status=SUCCESSFUL")
    assert (
        "Gelukt" in staff.locator("tbody tr").filter(has_text="E-mail versturen").first.inner_text()
    )
    save_screenshot(staff, f"{name}-5-gelukt")
    MailServer.state = "up"
    assert axe == dict.fromkeys(axe, [])
