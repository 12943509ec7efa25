"""What one person hands over in the mentoring journey reaches the next, read through the page
the next person uses (issue 16): the founder's topics and languages in the staff's queue and
triage page and on the mentor's page; staff's one step that reaches the mentor; the founder's
page in words that match each state; overdue requests marked for staff; the first name."""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from programmes.mentoring import progress, steps
from programmes.models import MatchRequest, MentorMatch
from tests.factories import BusinessFactory
from tests.helpers import SELF, fill_mentor, request_data, submit

pytestmark = pytest.mark.django_db


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def scores(html):
    """[(mentor, score)] of the proposal as the triage page shows it."""
    return re.findall(r"<strong>([^<]+)</strong> \(score (-?\d+)\)", html)


@pytest.fixture
def shop(entrepreneur, neighbourhoods):
    return BusinessFactory(
        name="Kapsalon Amira",
        neighbourhood=neighbourhoods["lombok"],
        house_number=12,
        latitude=Decimal("52.091"),
        longitude=Decimal("5.096"),
        owner=entrepreneur,
    )


def test_the_founders_topics_and_languages_reach_staff_and_the_mentor(
    client, founder_client, moderator_client, neighbourhoods, mentors, shop
):
    """Failed before the fix: the triage page, the queue and the mentor's page showed no topics
    or languages, and recalculating dropped the scores (Turkish no longer counted)."""
    founder_client.post(
        reverse("mentor_request"),
        request_data(neighbourhoods, business=shop.pk, first_name="Amira"),
    )
    request = MatchRequest.objects.get()
    # Staff: the queue and the triage page.
    queue = text_of(moderator_client.get(reverse("mentoring_queue")))
    assert "Marketing" in queue and "Turks" in queue
    url = reverse("mentoring_request", args=[request.pk])
    html = moderator_client.get(url).content.decode()
    triage = text_of(moderator_client.get(url))
    assert re.search(r"Hulp bij Marketing[^.]*, Vergunningen", triage), triage[:2000]
    assert "Talen Turks" in triage and "Fase Net begonnen" in triage
    first = scores(html)
    assert first[0][0] == "Ayla Kaya"  # Turkish-speaking, marketing and permits
    # "Opnieuw berekenen" gives the same proposal with the same scores.
    moderator_client.post(url, {"action": "recalculate"})
    assert scores(moderator_client.get(url).content.decode()) == first
    # One step reaches the mentor.
    mail.outbox.clear()
    moderator_client.post(url, {"action": "introduce", "first": mentors["ayla"].pk})
    [message] = [m for m in mail.outbox if m.to == ["ayla@example.nl"]]
    for words in ("Amira", "Kapsalon Amira", "Marketing", "Vergunningen", "Net begonnen", "Turks"):
        assert words in message.body, words
    assert f"{shop.url}" in message.body and "amira@example.nl" not in message.body
    link = re.search(r"/mentor/koppeling/\S+/", message.body).group(0)
    response = client.get(link)
    page = text_of(response)
    for words in ("Ondernemer Amira", "Bedrijf Kapsalon Amira", "Fase Net begonnen", "Talen Turks"):
        assert words in page, words
    assert re.search(r"Hulp bij Marketing[^.]*, Vergunningen", page)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", string="Kapsalon Amira")["href"] == shop.url
    assert "amira@example.nl" not in page  # contact details only after a yes
    client.post(link, {"action": "accept"})
    assert "amira@example.nl" in text_of(client.get(link))


def test_the_mentor_sees_who_asks_without_a_name_or_a_profile(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduce(founder_client, moderator, neighbourhoods, mentors["ayla"])
    page = text_of(client.get(reverse("mentor_match", args=[match.token])))
    assert "een ondernemer (geen naam opgegeven)" in page and "nog geen bedrijf" in page


def introduce(founder_client, moderator, neighbourhoods, mentor, **changes):
    request = submit(founder_client, neighbourhoods, **changes)
    return steps.propose_to_mentor(request, moderator, [mentor.pk])


# The founder's page, in every state ---------------------------------------------------------


def founders_page(founder_client, request):
    response = founder_client.get(reverse("mentor_request_detail", args=[request.pk]))
    soup = BeautifulSoup(response.content, "html.parser")
    status = soup.select_one("dd[data-state]")
    section = soup.select_one("section[data-state]")
    assert status["data-state"] == section["data-state"]
    return status["data-state"], status.get_text(strip=True), text_of(response)


# Words that belong to one state only: no page says them in another.
ONLY = {
    "introduced": "Zodra die ja zegt",
    "accepted": "heeft ja gezegd",
    "requested": "We hebben je aanvraag ontvangen.",
    "declined": "kan je nu niet helpen",
    "no-answer": "heeft niet geantwoord",
    "closed": "Deze aanvraag is gestopt.",
    "completed": "Jullie hebben de begeleiding afgerond",
}


def assert_state(founder_client, request, key, status, *words):
    found, shown, page = founders_page(founder_client, request)
    assert (found, shown) == (key, status)
    for text in words:
        assert text in page, text
    for other, text in ONLY.items():
        if other != key:
            assert text not in page, (key, text)
    return page


def test_the_founders_page_says_what_happened_and_what_comes_next_in_every_state(
    client, founder_client, moderator, neighbourhoods, mentors
):
    """Failed before the fix: after the mentor's yes the page still said "Zodra die ja zegt"
    and "voorgesteld aan mentor" beside a timeline that said yes."""
    request = submit(founder_client, neighbourhoods)
    assert_state(
        founder_client, request, "requested", "Ontvangen", "Binnen 5 werkdagen hoor je van ons."
    )
    MatchRequest.objects.filter(pk=request.pk).update(
        updated_at=timezone.now() - timedelta(days=10)
    )
    assert_state(founder_client, request, "late", "Ontvangen, het duurt langer", "Sorry!")
    steps.confirm(request, moderator, [mentors["ayla"].pk])
    assert_state(
        founder_client, request, "proposed", "Mentor gekozen", "een mentor voor je gekozen"
    )
    match = steps.introduce(request, moderator)
    assert_state(founder_client, request, "introduced", "Wacht op de mentor", "Zodra die ja zegt")
    link = reverse("mentor_match", args=[match.token])
    client.post(link, {"action": "accept"})
    page = assert_state(
        founder_client,
        request,
        "accepted",
        "De mentor zegt ja",
        "Ayla Kaya heeft ja gezegd",
        "ayla@example.nl",
        "de mentor zegt ja",  # the timeline agrees
    )
    assert "voorgesteld aan mentor" not in page
    client.post(
        link, {"action": "intake", "intake_goal": "Tien klanten.", "intake_frequency": "week"}
    )
    assert_state(founder_client, request, "active", "Loopt", "Vertel hieronder hoe het ging")
    founder_client.post(
        reverse("mentor_request_detail", args=[request.pk]), {"rating": "5", **SELF}
    )
    assert_state(founder_client, request, "active-rated", "Bijna afgerond", "reactie van je mentor")
    client.post(link, {"action": "feedback", "rating": "4"})
    assert_state(founder_client, request, "completed", "Afgerond", "niets meer te gebeuren")


def test_the_founders_page_after_a_no_an_old_link_and_a_stop(
    client, founder_client, moderator, neighbourhoods, mentors, settings
):
    match = introduce(founder_client, moderator, neighbourhoods, mentors["ayla"])
    request = match.request
    client.post(reverse("mentor_match", args=[match.token]), {"action": "decline"})
    assert_state(
        founder_client, request, "declined", "We zoeken een andere mentor", "vraagt een andere"
    )
    match = steps.propose_to_mentor(request, moderator, [mentors["bram"].pk])
    MentorMatch.objects.filter(pk=match.pk).update(
        created_at=timezone.now() - timedelta(days=settings.MENTOR_LINK_DAYS + 1)
    )
    assert_state(
        founder_client,
        request,
        "no-answer",
        "De mentor heeft niet geantwoord",
        "zoekt een andere mentor",
    )
    founder_client.post(
        reverse("mentor_request_detail", args=[request.pk]), {"stop-reason": "Al geholpen."}
    )
    page = assert_state(
        founder_client, request, "closed", "Gestopt", "Reden: Al geholpen.", "Opnieuw een mentor"
    )
    assert "bram@example.nl" not in page  # a mentor who never said yes stays unnamed
    listing = text_of(founder_client.get(reverse("mentor_request")))
    assert "Aanvraag van" in listing and ": gestopt" in listing


def test_staff_ask_another_mentor_when_the_link_expired_unanswered(
    founder_client, moderator, moderator_client, neighbourhoods, mentors, settings
):
    match = introduce(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentoring_request", args=[match.request.pk])
    assert "Voorstellen aan mentor" not in moderator_client.get(url).content.decode()
    MentorMatch.objects.filter(pk=match.pk).update(
        created_at=timezone.now() - timedelta(days=settings.MENTOR_LINK_DAYS + 1)
    )
    assert "Voorstellen aan mentor" in moderator_client.get(url).content.decode()
    moderator_client.post(url, {"action": "introduce", "first": mentors["bram"].pk})
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.CLOSED
    assert match.request.current_match.mentor == mentors["bram"]


def test_nothing_is_sent_when_no_chosen_mentor_has_room(
    founder_client, moderator, moderator_client, neighbourhoods, mentors
):
    request = submit(founder_client, neighbourhoods)
    with pytest.raises(steps.CannotIntroduce):
        fill_mentor(mentors["full"], 1)
        steps.propose_to_mentor(request, moderator, [mentors["full"].pk])
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.REQUESTED
    assert not request.events.filter(status="proposed").exists()


# Overdue ------------------------------------------------------------------------------------


def at(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=10)))


def test_overdue_counts_working_days():
    monday = date(2025, 3, 3)
    request = MatchRequest(status=MatchRequest.Status.REQUESTED, updated_at=at(monday))
    assert not progress.is_overdue(request, today=monday + timedelta(days=7))  # next Monday: 5
    assert progress.is_overdue(request, today=monday + timedelta(days=8))  # Tuesday: 6
    friday = date(2025, 3, 7)
    request.updated_at = at(friday)
    assert not progress.is_overdue(request, today=friday + timedelta(days=7))
    assert progress.is_overdue(request, today=friday + timedelta(days=10))
    request.status = MatchRequest.Status.INTRODUCED  # with the mentor, no longer waiting on staff
    assert not progress.is_overdue(request, today=friday + timedelta(days=30))


def test_overdue_requests_are_marked_in_the_queue_and_first_on_the_dashboard(
    founder_client, moderator_client, neighbourhoods, mentors, make_user
):
    from django.contrib.auth.models import Group, Permission
    from django.test import Client

    old = submit(founder_client, neighbourhoods, goal="Al lang aan het wachten.")
    MatchRequest.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - timedelta(days=12),
        created_at=timezone.now() - timedelta(days=12),
    )
    new = submit(founder_client, neighbourhoods)
    queue = moderator_client.get(reverse("mentoring_queue")).content.decode()
    soup = BeautifulSoup(queue, "html.parser")
    rows = {
        row.select_one("a").get_text(): row.get_text(" ")
        for row in soup.select("table.listing tbody tr")
        if row.select_one("a")
    }
    assert "te laat" in rows[str(old)] and "te laat" not in rows[str(new)]
    assert "1 aanvraag wacht langer dan 5 werkdagen op een mentor" in text_of(
        moderator_client.get(reverse("mentoring_queue"))
    )
    only = text_of(moderator_client.get(reverse("mentoring_queue"), {"te_laat": "on"}))
    assert str(old) in only and str(new) not in only
    assert "te laat" in text_of(moderator_client.get(reverse("mentoring_request", args=[old.pk])))
    # The dashboard: the panel with the requests that wait, the overdue first and marked.
    dashboard = BeautifulSoup(
        moderator_client.get(reverse("wagtailadmin_home")).content, "html.parser"
    )
    panel = dashboard.select_one("#mentor-requests-section, #mentor-requests")
    assert panel is not None, "no mentor requests panel on the dashboard"
    panel = panel.find_parent("section") or panel
    rows = [row.get_text(" ") for row in panel.select("tbody tr")]
    assert str(old) in rows[0] and "te laat" in rows[0]
    assert str(new) in rows[1] and "te laat" not in rows[1]
    # Staff who cannot triage do not get it.
    other = make_user("redactie@gemeente.nl", is_staff=True)
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    other.groups.add(group)
    outsider = Client()
    outsider.force_login(other)
    html = outsider.get(reverse("wagtailadmin_home")).content.decode()
    assert str(old) not in html and "Mentoraanvragen die op jullie wachten" not in html


def test_the_dashboard_panel_comes_right_after_the_tasks_to_moderate():
    from programmes.mentoring.admin import MentorRequestsPanel

    assert MentorRequestsPanel.order == 215


# The first name ----------------------------------------------------------------------------


def test_the_request_form_asks_the_first_name_and_keeps_it_on_the_account(
    founder_client, entrepreneur, neighbourhoods, mentors
):
    html = founder_client.get(reverse("mentor_request")).content.decode()
    assert 'name="first_name"' in html
    submit(founder_client, neighbourhoods, first_name="Amira")
    entrepreneur.refresh_from_db()
    assert entrepreneur.first_name == "Amira"
    assert "Amira" in text_of(founder_client.get(reverse("account_overview")))
