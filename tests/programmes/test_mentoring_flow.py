"""A match request from the founder's form to completion: every step, who may take it, the
mails, the log, reminders and the staff figures."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from businesses.models import Language
from programmes.mentoring import candidates, progress, steps
from programmes.models import (
    MatchEvent,
    MatchRequest,
    Mentor,
    MentorMatch,
    MunicipalContact,
    Need,
    Stage,
)
from tests.helpers import download_my_data

pytestmark = pytest.mark.django_db

SELF = {"self_next_step": "2", "self_money": "3", "self_customers": "2", "self_rules": "1"}


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


# The founder's request -----------------------------------------------------------------------


def test_asking_for_a_mentor_needs_an_account(client):
    response = client.get(reverse("mentor_request"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_the_form_keeps_every_answer_when_something_is_missing(
    founder_client, neighbourhoods, mentors
):
    data = request_data(neighbourhoods, consent="", needs=[])
    response = founder_client.post(reverse("mentor_request"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies minstens één onderwerp." in html and "Zonder je toestemming" in html
    assert "Meer klanten voor mijn kapsalon." in html
    soup = BeautifulSoup(html, "html.parser")
    turkish = soup.select_one(
        f'input[name=languages][value="{Language.objects.get(code="tr").pk}"]'
    )
    assert turkish.has_attr("checked")
    assert soup.select_one("input[name=stage][checked]")["value"] == str(
        Stage.objects.get(slug="starter").pk
    )
    assert soup.select_one("input[name=self_rules][checked]")["value"] == "1"
    assert not MatchRequest.objects.exists()


def test_a_request_gets_a_proposal_with_reasons_and_everyone_hears(
    founder_client, entrepreneur, neighbourhoods, mentors, moderator
):
    fill_mentor(mentors["full"], 1)
    request = submit(founder_client, neighbourhoods)
    assert request.founder == entrepreneur and request.status == MatchRequest.Status.REQUESTED
    assert request.self_assessment_start == {"next_step": 2, "money": 3, "customers": 2, "rules": 1}
    proposals = list(request.proposals.select_related("mentor"))
    assert [p.mentor.name for p in proposals] == ["Ayla Kaya", "Bram de Vries"]  # Carla is full
    assert "spreekt Turks" in proposals[0].reasons
    assert request.events.get().actor == entrepreneur
    founder_mail = [m for m in mail.outbox if m.to == ["amira@example.nl"]][0]
    assert "Wijkmanager Lombok" in founder_mail.body
    staff_mail = [m for m in mail.outbox if "moderator@gemeente.nl" in m.to][0]
    assert "Ayla Kaya" in staff_mail.body


def test_without_a_fitting_mentor_the_founder_is_told_kindly_and_staff_are_alerted(
    founder_client, neighbourhoods, mentors, moderator
):
    Mentor.objects.update(is_active=False)
    request = submit(founder_client, neighbourhoods)
    assert not request.proposals.exists()
    founder_mail = [m for m in mail.outbox if m.to == ["amira@example.nl"]][0]
    assert (
        "nog geen mentor die precies past" in founder_mail.body
        and "Wijkmanager Lombok" in founder_mail.body
    )
    assert any(
        "zonder passende mentor" in m.subject
        for m in mail.outbox
        if "moderator@gemeente.nl" in m.to
    )
    html = founder_client.get(reverse("mentor_request_detail", args=[request.pk])).content.decode()
    assert "Wijkmanager Lombok" in html


def test_founders_only_see_their_own_requests(
    client, founder_client, neighbourhoods, mentors, make_user
):
    request = submit(founder_client, neighbourhoods)
    client.force_login(make_user("someone@example.nl"))
    assert client.get(reverse("mentor_request_detail", args=[request.pk])).status_code == 404
    assert (
        client.post(
            reverse("mentor_request_detail", args=[request.pk]), {"stop-reason": "weg"}
        ).status_code
        == 404
    )
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.REQUESTED


# Staff -------------------------------------------------------------------------------------------


def test_the_queue_is_for_staff(founder_client, moderator_client):
    assert founder_client.get(reverse("mentoring_queue")).status_code in (302, 403)
    assert moderator_client.get(reverse("mentoring_queue")).status_code == 200


def test_staff_reorder_and_send_to_the_mentor_in_one_step(
    founder_client, moderator_client, moderator, neighbourhoods, mentors
):
    request = submit(founder_client, neighbourhoods)
    url = reverse("mentoring_request", args=[request.pk])
    html = moderator_client.get(url).content.decode()
    assert "Ayla Kaya" in html and "spreekt Turks" in html
    assert "Voorstellen aan mentor" in html and "Voorstel bevestigen" not in html
    # A full mentor cannot be chosen.
    fill_mentor(mentors["full"], 1)
    response = moderator_client.post(url, {"action": "introduce", "first": mentors["full"].pk})
    assert response.status_code == 200 and not request.events.filter(status="proposed").exists()
    mail.outbox.clear()
    response = moderator_client.post(
        url,
        {
            "action": "introduce",
            "first": mentors["bram"].pk,
            "second": mentors["ayla"].pk,
            "note": "Bram woont om de hoek.",
        },
        follow=True,
    )
    request.refresh_from_db()
    # One step: the choice is stored and the mentor is asked.
    assert request.status == MatchRequest.Status.INTRODUCED
    assert [p.mentor_id for p in request.proposals.all()] == [
        mentors["bram"].pk,
        mentors["ayla"].pk,
    ]
    event = request.events.get(status="proposed")
    assert event.actor == moderator and event.note == "Bram woont om de hoek."
    html = response.content.decode()
    assert "Verstuurd: Bram de Vries heeft een e-mail gekregen" in html
    assert "We wachten op het antwoord van de mentor." in html
    assert "Voorstellen aan mentor" not in html  # not twice while the mentor decides
    match = MentorMatch.objects.get(request=request)
    assert match.mentor == mentors["bram"] and match.status == MentorMatch.Status.INTRODUCED
    mentor_mail = [m for m in mail.outbox if m.to == ["bram@example.nl"]][0]
    assert f"/mentor/koppeling/{match.token}/" in mentor_mail.body
    assert "amira@example.nl" not in mentor_mail.body  # shared only after a yes
    assert [m for m in mail.outbox if m.to == ["amira@example.nl"]]


def introduced(founder_client, moderator, neighbourhoods, mentor):
    request = submit(founder_client, neighbourhoods)
    steps.confirm(request, moderator, [mentor.pk])
    return steps.introduce(request, moderator)


def test_a_mentor_at_capacity_is_never_introduced(
    founder_client, moderator, neighbourhoods, mentors
):
    request = submit(founder_client, neighbourhoods)
    steps.confirm(request, moderator, [mentors["full"].pk])
    fill_mentor(mentors["full"], 1)
    with pytest.raises(steps.CannotIntroduce):
        steps.introduce(request, moderator)
    assert not MentorMatch.objects.filter(request=request).exists()


# The mentor's link ---------------------------------------------------------------------------


def test_the_mentor_accepts_through_the_link_once(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    html = client.get(url).content.decode()
    assert "Meer klanten voor mijn kapsalon." in html and "amira@example.nl" not in html
    mail.outbox.clear()
    client.post(url, {"action": "accept", "note": "Ik bel deze week."})
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.ACCEPTED
    assert "ayla@example.nl" in [m for m in mail.outbox if m.to == ["amira@example.nl"]][0].body
    event = match.request.events.get(status="accepted")
    assert (
        event.actor is None
        and "Ayla Kaya" in event.actor_label
        and event.note == "Ik bel deze week."
    )
    # A used link changes nothing.
    response = client.post(url, {"action": "decline"}, follow=True)
    assert "Je hebt al geantwoord" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.ACCEPTED


def test_a_forged_link_says_so_and_changes_nothing(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    for token in ("nep", match.token[:-1] + ("x" if match.token[-1] != "x" else "y")):
        response = client.post(reverse("mentor_match", args=[token]), {"action": "accept"})
        assert response.status_code == 404
        assert "Deze link klopt niet" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.INTRODUCED


# The link ends with the match, or after MENTOR_LINK_DAYS: 410 with whom to ask, and nothing of
# the request (no name, e-mail address or goal of the founder).
PERSONAL = ("Amira", "amira@example.nl", "Meer klanten voor mijn kapsalon.", "kapsalon")


def link_gone(url):
    """The mentor's browser (no account) on an ended link: the page, checked."""
    from django.test import Client

    response = Client().get(url, follow=True)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Deze link werkt niet meer" in html and "niet meer zien" in html
    assert [text for text in PERSONAL if text in html] == []
    return html


@pytest.fixture
def named_founder(entrepreneur):
    entrepreneur.first_name = "Amira"
    entrepreneur.save()
    return entrepreneur


def test_a_mentor_who_declines_lands_on_the_ended_link_with_their_thanks(
    named_founder, founder_client, moderator, neighbourhoods, mentors
):
    from django.test import Client

    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    mentor = Client()
    assert "Amira" in mentor.get(url).content.decode()  # while it runs, the mentor sees the request
    response = mentor.post(url, {"action": "decline", "note": "Te druk nu."}, follow=True)
    assert response.redirect_chain == [(url, 302)] and response.status_code == 410
    html = response.content.decode()
    assert "Jammer, maar dank je wel voor je antwoord." in html
    assert "Deze link werkt niet meer" in html
    assert [text for text in PERSONAL if text in html] == []
    # The request's municipal contact is the one to ask.
    assert "Wijkmanager Lombok" in html and "lombok@gemeente.nl" in html
    # A later answer through the link changes nothing.
    assert mentor.post(url, {"action": "accept"}).status_code == 410
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.DECLINED
    link_gone(url)


def test_a_completed_match_ends_the_link(
    named_founder, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    steps.answer(match, True)
    steps.record_intake(match, "Tien nieuwe klanten.", "week", "Ayla Kaya (mentor)")
    steps.give_feedback(match, False, 4, "Goed gegaan.")
    url = reverse("mentor_match", args=[match.token])
    assert "Voor jou is er nu niets te doen" in founder_client.get(url).content.decode()
    steps.give_feedback(match, True, 5, "Super.", {})
    assert match.status == MentorMatch.Status.COMPLETED
    assert "Tien nieuwe klanten." not in link_gone(url)


def test_a_closed_request_ends_the_link(
    named_founder, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request.pk]),
        {"stop-reason": "Ik heb al hulp gevonden."},
    )
    assert "Ik heb al hulp gevonden." not in link_gone(reverse("mentor_match", args=[match.token]))


def test_an_old_link_ends_and_names_the_portals_contact_without_a_municipal_one(
    named_founder, founder_client, moderator, neighbourhoods, mentors, settings
):
    from home.models import PortalSettings

    settings.MENTOR_LINK_DAYS = 30
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    MentorMatch.objects.filter(pk=match.pk).update(created_at=timezone.now() - timedelta(days=29))
    assert founder_client.get(url).status_code == 200  # within the days, the link works
    MentorMatch.objects.filter(pk=match.pk).update(created_at=timezone.now() - timedelta(days=31))
    MunicipalContact.objects.all().delete()
    portal = PortalSettings.objects.get()
    portal.contact_email = "ondernemers@gemeente.nl"
    portal.save()
    html = link_gone(url)
    assert "ondernemers@gemeente.nl" in html and "Wijkmanager Lombok" not in html
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.INTRODUCED  # only the link ended


def test_links_last_a_year_by_default(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    assert match.link_works(now=match.created_at + timedelta(days=364))
    assert not match.link_works(now=match.created_at + timedelta(days=365))


def test_only_the_introduced_mentor_answers_for_their_introduction(
    client, founder_client, moderator, neighbourhoods, mentors, make_user
):
    first = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    other_founder = make_user("tweede@example.nl")
    from django.test import Client

    other_client = Client()
    other_client.force_login(other_founder)
    second = introduced(other_client, moderator, neighbourhoods, mentors["bram"])
    client.post(reverse("mentor_match", args=[second.token]), {"action": "accept"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == MentorMatch.Status.INTRODUCED and second.status == MentorMatch.Status.ACCEPTED
    # The founder's own account gives no power over the mentor's answer.
    founder_client.post(
        reverse("mentor_request_detail", args=[first.request.pk]), {"action": "accept"}
    )
    first.refresh_from_db()
    assert first.status == MentorMatch.Status.INTRODUCED


def test_a_decline_goes_back_to_staff_with_the_next_proposal(
    client, founder_client, moderator, neighbourhoods, mentors
):
    request = submit(founder_client, neighbourhoods)
    steps.confirm(request, moderator, [mentors["ayla"].pk, mentors["bram"].pk])
    match = steps.introduce(request, moderator)
    mail.outbox.clear()
    client.post(
        reverse("mentor_match", args=[match.token]), {"action": "decline", "note": "Te druk nu."}
    )
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.PROPOSED
    assert [p.mentor_id for p in request.proposals.all()] == [mentors["bram"].pk]
    assert "Te druk nu." in [m for m in mail.outbox if "moderator@gemeente.nl" in m.to][0].body
    assert steps.introduce(request, moderator).mentor == mentors["bram"]


def test_intake_and_feedback_from_both_sides_complete_the_match(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    client.post(url, {"action": "accept"})
    # The intake form keeps what was typed when something is missing.
    response = client.post(url, {"action": "intake", "intake_goal": "Tien nieuwe klanten."})
    assert response.status_code == 200 and "Tien nieuwe klanten." in response.content.decode()
    client.post(
        url,
        {
            "action": "intake",
            "intake_goal": "Tien nieuwe klanten.",
            "intake_frequency": "twee-weken",
        },
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.ACTIVE and match.request.status == MatchRequest.Status.ACTIVE
    client.post(url, {"action": "feedback", "rating": "4", "comment": "Goed gegaan."})
    detail = reverse("mentor_request_detail", args=[match.request.pk])
    response = founder_client.post(detail, {"rating": "9", **SELF})
    assert response.status_code == 200  # out of range: error, nothing saved
    founder_client.post(
        detail,
        {
            "rating": "5",
            "comment": "Super.",
            "self_next_step": "5",
            "self_money": "4",
            "self_customers": "4",
            "self_rules": "3",
        },
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.COMPLETED
    assert (match.founder_rating, match.mentor_rating) == (5, 4)
    assert match.request.status == MatchRequest.Status.COMPLETED
    assert match.request.self_assessment_end == {
        "next_step": 5,
        "money": 4,
        "customers": 4,
        "rules": 3,
    }
    steps = list(match.request.events.values_list("status", flat=True))
    assert steps == [
        "requested",
        "proposed",
        "introduced",
        "accepted",
        "active",
        "feedback",
        "feedback",
        "completed",
    ]


def test_the_founder_can_stop_with_a_reason(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request.pk]),
        {"stop-reason": "Ik heb al hulp gevonden."},
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.CLOSED
    assert (
        match.request.status == MatchRequest.Status.CLOSED
        and match.request.close_reason == "Ik heb al hulp gevonden."
    )


# Reminders and figures ----------------------------------------------------------------------------


def test_stalled_steps_get_a_reminder_once(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    MatchRequest.objects.filter(pk=match.request.pk).update(
        updated_at=timezone.now() - timedelta(days=6)
    )
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_match_reminders", stdout=out)
    assert "1" in out.getvalue()
    assert [m.to for m in mail.outbox] == [["ayla@example.nl"]]
    assert f"/mentor/koppeling/{match.token}/" in mail.outbox[0].body
    call_command("send_match_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # not again the next day
    assert MatchEvent.objects.filter(request=match.request, status="reminder").count() == 1


def test_figures_for_staff(founder_client, moderator, neighbourhoods, mentors):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    steps.answer(match, True)
    steps.record_intake(match, "Doel", "maand", "mentor")
    steps.give_feedback(match, True, 5, "", {})
    steps.give_feedback(match, False, 4, "")
    submit(founder_client, neighbourhoods)
    figures = progress.figures()
    assert figures["total"] == 2
    assert figures["proposed_within_5_days"] == 50
    assert figures["reached_active"] == 50 and figures["completed"] == 50
    assert figures["mean_rating"] == 4.5
    assert sum(row["n"] for row in figures["per_month"]) == 2


def test_the_founder_downloads_and_deletes_their_requests(
    founder_client, entrepreneur, moderator, neighbourhoods, mentors
):
    from tests.conftest import PASSWORD

    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    data, _files = download_my_data(founder_client)
    [exported] = data["mentoring"]["requests"]
    assert (
        exported["goal"] == "Meer klanten voor mijn kapsalon."
        and exported["matches"][0]["mentor"] == "Ayla Kaya"
    )
    founder_client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert not MatchRequest.objects.exists()
    assert not MentorMatch.objects.filter(pk=match.pk).exists()
    assert candidates.mentor_loads().get(mentors["ayla"].pk, 0) == 0


def test_the_download_holds_the_founders_words_not_the_mentors_or_the_staffs(
    client, founder_client, moderator, neighbourhoods, mentors
):
    import json

    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    MatchRequest.objects.filter(pk=match.request_id).update(staff_note="Intern: belt vaak")
    url = reverse("mentor_match", args=[match.token])
    client.post(url, {"action": "accept", "note": "Ik ken deze zaak al van vroeger."})
    client.post(
        url, {"action": "intake", "intake_goal": "Tien klanten.", "intake_frequency": "maand"}
    )
    client.post(url, {"action": "feedback", "rating": "2", "comment": "Slecht voorbereid."})
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request_id]),
        {"rating": "5", "comment": "Super geholpen.", **SELF},
    )
    data, _files = download_my_data(founder_client)
    text = json.dumps(data, ensure_ascii=False)
    for others in ("Intern", "ken deze zaak", "Tien klanten", "Slecht voorbereid"):
        assert others not in text
    [request] = data["mentoring"]["requests"]
    assert request["stage"] == str(Stage.objects.get(slug="starter"))
    assert request["urgency"] == "maand" and request["neighbourhood"] == "Lombok"
    assert request["matches"][0]["comment"] == "Super geholpen."
    # The mentor's own download holds what the mentor wrote.
    from tests.conftest import PASSWORD  # noqa: F401

    mentor_account = type(client)()
    user = mentor_user(99)
    mentors["ayla"].user = user
    mentors["ayla"].save()
    mentor_account.force_login(user)
    mentor_data, _files = download_my_data(mentor_account)
    [introduction] = mentor_data["mentoring"]["mentor"]["introductions"]
    assert introduction["comment"] == "Slecht voorbereid." and "Super geholpen" not in json.dumps(
        mentor_data
    )


def test_a_mentor_who_deletes_their_account_leaves_an_anonymous_entry(
    client, make_user, founder_client, moderator, moderator_client, neighbourhoods, mentors
):
    from wagtail.models import Revision

    from tests.conftest import PASSWORD

    ayla = mentors["ayla"]
    ayla.user = make_user("ayla@example.nl")
    ayla.save()
    ayla.save_revision().publish()
    match = introduced(founder_client, moderator, neighbourhoods, ayla)
    client.post(reverse("mentor_match", args=[match.token]), {"action": "accept"})
    client.force_login(ayla.user)
    response = client.get(reverse("account_delete"))
    assert "zonder je naam" in response.content.decode()
    client.post(reverse("account_delete"), {"password": PASSWORD, "confirm": "on"})
    ayla.refresh_from_db()
    assert (ayla.name, ayla.email, ayla.bio, ayla.is_active) == (
        "Mentor (account verwijderd)", "", "", False,
    )  # fmt: skip
    revisions = list(Revision.objects.for_instance(ayla))
    assert revisions
    for revision in revisions:
        assert "Ayla" not in str(revision.content) and "ayla@" not in str(revision.content)
    # The staff's queue still counts the introduction, without her name.
    queue = moderator_client.get(
        reverse("mentoring_request", args=[match.request_id])
    ).content.decode()
    assert "Ayla" not in queue and "Mentor (account verwijderd)" in queue


def test_a_mentor_keeps_their_entry_and_moderators_approve(
    client, make_user, mentors, moderator_client, neighbourhoods
):
    from wagtail.models import WorkflowState

    user = make_user("ayla@example.nl")
    ayla = mentors["ayla"]
    ayla.user = user
    ayla.save()
    ayla.save_revision().publish()
    client.force_login(user)
    html = client.get(reverse("mentor_profile")).content.decode()
    assert "Ervaren ondernemer." in html
    data = {
        "bio": "Nu ook hulp bij export.",
        "expertise": [n.pk for n in ayla.expertise.all()] + [Need.objects.get(slug="export").pk],
        "languages": [language.pk for language in ayla.languages.all()],
        "capacity": "3",
        "is_active": "on",
    }
    assert (
        client.post(reverse("mentor_profile"), {**data, "capacity": "0"}).status_code == 200
    )  # invalid: kept, nothing saved
    ayla.refresh_from_db()
    assert not ayla.has_unpublished_changes
    assert client.post(reverse("mentor_profile"), data).status_code == 302
    ayla.refresh_from_db()
    assert ayla.bio == "Ervaren ondernemer." and ayla.capacity == 2  # the live entry waits
    assert ayla.has_unpublished_changes
    state = WorkflowState.objects.get(
        object_id=str(ayla.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    url = reverse(
        "wagtailsnippets_programmes_mentor:workflow_action",
        args=[ayla.pk, "approve", state.current_task_state.pk],
    )
    assert moderator_client.post(url, {}).status_code in (200, 302)
    ayla.refresh_from_db()
    assert ayla.bio == "Nu ook hulp bij export." and ayla.capacity == 3
    assert ayla.expertise.filter(slug="export").exists()


def test_only_mentors_have_a_mentor_profile(founder_client):
    assert founder_client.get(reverse("mentor_profile")).status_code == 404


def test_only_staff_take_the_staff_steps(
    founder_client, moderator, neighbourhoods, mentors, make_user
):
    from django.contrib.auth.models import Group
    from django.test import Client

    request = submit(founder_client, neighbourhoods)
    url = reverse("mentoring_request", args=[request.pk])
    editor = make_user("redacteur@gemeente.nl", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    outsiders = [founder_client, Client()]
    for client in outsiders:
        for data in (
            {"action": "introduce", "first": mentors["ayla"].pk},
            {"action": "close", "reason": "weg"},
        ):
            assert client.post(url, data).status_code in (302, 403)
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.REQUESTED and request.events.count() == 1
    # Editors help moderators run the queue.
    editor_client = Client()
    editor_client.force_login(editor)
    editor_client.post(url, {"action": "introduce", "first": mentors["ayla"].pk})
    request.refresh_from_db()
    assert request.status == MatchRequest.Status.INTRODUCED


def test_steps_out_of_order_change_nothing(
    client, founder_client, moderator, neighbourhoods, mentors
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    url = reverse("mentor_match", args=[match.token])
    # No intake or feedback before the mentor said yes; no founder feedback before the intake.
    client.post(url, {"action": "intake", "intake_goal": "x", "intake_frequency": "week"})
    client.post(url, {"action": "feedback", "rating": "5"})
    founder_client.post(
        reverse("mentor_request_detail", args=[match.request.pk]), {"rating": "5", **SELF}
    )
    match.refresh_from_db()
    assert match.status == MentorMatch.Status.INTRODUCED
    assert (match.intake_goal, match.mentor_rating, match.founder_rating) == ("", None, None)
    # Staff cannot introduce twice while a mentor is deciding.
    staff_url = reverse("mentoring_request", args=[match.request.pk])
    from django.test import Client

    staff = Client()
    staff.force_login(moderator)
    staff.post(staff_url, {"action": "introduce", "first": mentors["bram"].pk})
    assert MentorMatch.objects.filter(request=match.request).count() == 1


# SQLite lets one writer in at a time.
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_members_recalculating_at_once_both_succeed(
    founder_client, neighbourhoods, mentors
):
    """Found by `make bench`: the second of two simultaneous recalculations broke the
    one-proposal-per-mentor rule (a 500). One staff member's recalculation is still open when
    the other's starts; the second waits for the first instead of colliding with it. The first
    commits only once PostgreSQL says the second is blocked by it: no timing is guessed."""
    import threading
    import time

    from django.db import transaction


    match_request = submit(founder_client, neighbourhoods)
    first_started, second_ready, second_waited = (threading.Event() for _ in range(3))
    second_backend, errors = [], []

    def first():
        try:
            with transaction.atomic():
                steps.propose(match_request)
                first_started.set()
                # Keep this transaction open until the other recalculation is blocked by it.
                second_ready.wait(10)
                deadline = time.monotonic() + 10
                with connection.cursor() as cursor:
                    while second_backend and not second_waited.is_set():
                        if time.monotonic() > deadline:
                            break
                        cursor.execute(
                            "SELECT pg_backend_pid() = ANY(pg_blocking_pids(%s))", second_backend
                        )
                        if cursor.fetchone()[0]:
                            second_waited.set()
        finally:
            connection.close()

    def second():
        first_started.wait(10)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                second_backend.append(cursor.fetchone()[0])
            second_ready.set()
            steps.propose(match_request)
        except Exception as error:  # whatever goes wrong, the assertion below shows it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert second_waited.is_set(), "the second recalculation never waited for the first"
    assert errors == []
    assert match_request.proposals.count() == 3


def test_a_reminder_never_sends_a_link_that_no_longer_works(
    founder_client, moderator, neighbourhoods, mentors, settings
):
    match = introduced(founder_client, moderator, neighbourhoods, mentors["ayla"])
    long_ago = timezone.now() - timedelta(days=settings.MENTOR_LINK_DAYS + 1)
    MentorMatch.objects.filter(pk=match.pk).update(created_at=long_ago)
    MatchRequest.objects.filter(pk=match.request.pk).update(updated_at=long_ago)
    mail.outbox.clear()
    call_command("send_match_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["moderator@gemeente.nl"]]
    assert match.token not in mail.outbox[0].body
    assert f"/admin/mentoraanvragen/{match.request.pk}/" in mail.outbox[0].body
