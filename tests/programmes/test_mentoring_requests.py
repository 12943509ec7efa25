"""The start of a match request: the founder's form, and staff choosing a mentor and
introducing them in one step; only staff take the staff's steps."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.urls import reverse

from businesses.models import Language
from programmes.mentoring import steps
from programmes.models import (
    MatchRequest,
    Mentor,
    MentorMatch,
    Stage,
)
from tests.helpers import fill_mentor, request_data, submit

pytestmark = pytest.mark.django_db


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


def test_a_mentor_at_capacity_is_never_introduced(
    founder_client, moderator, neighbourhoods, mentors
):
    request = submit(founder_client, neighbourhoods)
    steps.confirm(request, moderator, [mentors["full"].pk])
    fill_mentor(mentors["full"], 1)
    with pytest.raises(steps.CannotIntroduce):
        steps.introduce(request, moderator)
    assert not MentorMatch.objects.filter(request=request).exists()


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
