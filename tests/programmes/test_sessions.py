"""A programme's sessions: the repeat rule from what staff choose, what readers see, and the
demo's sessions."""

import re
from datetime import date, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError

from programmes.models import ProgrammePage, ProgrammeSession
from tests.helpers import THURSDAY, parse

pytestmark = pytest.mark.django_db


def session(**fields):
    values = {
        "date": date(2027, 1, 7),
        "start_time": time(19),
        "end_time": time(21, 30),
        "place": "Buurthuis De Leeuw",
        **fields,
    }
    return ProgrammeSession(**values)


def errors(item):
    with pytest.raises(ValidationError) as error:
        item.clean()
    return error.value.message_dict


# The rule, from what staff choose


def test_the_rule_is_built_from_the_first_date():
    assert session(repeat="monthly").build_rrule() == "FREQ=MONTHLY;BYDAY=1TH"
    # The fifth Thursday of a month is its last one: every month has a last Thursday.
    assert session(date=date(2027, 4, 29), repeat="monthly").build_rrule() == (
        "FREQ=MONTHLY;BYDAY=-1TH"
    )
    assert session(repeat="weekly", count=4).build_rrule() == "FREQ=WEEKLY;COUNT=4;BYDAY=TH"
    # "Tot en met" 30 June, the end of that day in Amsterdam, in UTC (RFC 5545 with a TZID).
    assert session(repeat="fortnightly", until=date(2027, 6, 30)).build_rrule() == (
        "FREQ=WEEKLY;UNTIL=20270630T215959Z;INTERVAL=2;BYDAY=TH"
    )
    assert session().build_rrule() == ""


def test_the_first_date_is_always_the_first_occurrence():
    for day in range(1, 32):
        item = session(date=date(2027, 3, day), repeat="monthly", until=date(2027, 12, 31))
        item.clean()
        assert rrulestr(item.rrule, dtstart=item.first_start())[0] == item.first_start()


def test_sessions_that_do_not_add_up_are_refused_in_dutch():
    assert (
        "De eindtijd moet na de begintijd liggen." in errors(session(end_time=time(18)))["end_time"]
    )
    assert "end_time" in errors(session(end_time=time(19)))
    assert "until" in errors(session(repeat="weekly", until=date(2027, 1, 6)))
    assert "count" in errors(session(repeat="weekly", until=date(2027, 3, 1), count=3))
    assert "repeat" in errors(session(count=3))
    assert "place" in errors(session(place=""))
    session(place="", online_url="https://meet.example.nl/les").clean()  # online only is fine


# What readers see


def test_the_page_says_when_and_where_in_words(client, netwerkavond, first_thursday):
    html = client.get("/programmas/netwerkavond/").content.decode()
    assert "Elke eerste donderdag van de maand" in html
    assert "Buurthuis De Leeuw, Kanaalstraat 12" in html
    assert re.search(r"19:00–21:30", html)
    when = f"{first_thursday:%Y-%m-%d}T19:00"
    assert f'Volgende: <time datetime="{when}">donderdag {first_thursday.day} ' in html
    # Links to add it to Google Calendar and Outlook, beside the .ics.
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "https://outlook.live.com/calendar/0/action/compose?" in html
    assert 'href="/programmas/netwerkavond/agenda/"' in html
    for link in re.findall(r'<a class="([^"]*)" href="https://(?:calendar|outlook)', html):
        assert "portal-target-link" in link  # 24 px or more to tap


def test_the_page_speaks_the_readers_language(
    client, programme_index, netwerkavond, english, first_thursday
):
    from home.demo.helpers import ensure_translation

    ensure_translation(programme_index, {"title": "Programmes", "slug": "programmes"}, english)
    translation = ensure_translation(
        netwerkavond, {"title": "Networking evening", "slug": "networking-evening"}, english
    )
    html = client.get(translation.url).content.decode()
    # The date in English (the sentence's msgids are translated in locale/, apart from this).
    assert (
        f"{first_thursday:%A} {first_thursday.day} {first_thursday:%B} {first_thursday.year}"
        in html
    )
    assert "Buurthuis De Leeuw" in html  # the session came with the translation


def test_the_list_shows_the_next_session(client, netwerkavond, first_thursday):
    html = client.get("/programmas/").content.decode()
    card = html.split('class="portal-card portal-programme-card"')[1].split("</li>")[0]
    assert "Elke eerste donderdag van de maand" in card
    assert f'<time datetime="{first_thursday:%Y-%m-%d}T19:00">' in card


def test_a_one_off_online_session(client, make_programme, today):
    programme = make_programme("Webinar", deadline=5, live=False)
    day = today + timedelta(days=10)
    programme.sessions = [
        ProgrammeSession(
            date=day,
            start_time=time(19, 30),
            end_time=time(20, 30),
            online_url="https://meet.example.nl/webinar",
        )
    ]
    programme.save_revision().publish()
    html = client.get("/programmas/webinar/").content.decode()
    assert 'href="https://meet.example.nl/webinar"' in html and "Online meedoen" in html
    assert f'<time datetime="{day:%Y-%m-%d}T19:30">' in html
    assert "Volgende:" not in html  # once: the date itself
    # The deadline has its own links too.
    assert "De sluitingsdatum in Google Agenda" in html
    event = next(
        e
        for e in parse(client.get("/programmas/webinar/agenda/")).walk("VEVENT")
        if "bijeenkomst" in str(e["uid"])
    )
    assert str(event["location"]) == "https://meet.example.nl/webinar"
    assert "rrule" not in event


def test_past_sessions_are_not_shown_as_next(client, make_programme, today):
    programme = make_programme("Geweest", live=False)
    programme.sessions = [
        ProgrammeSession(
            date=today - timedelta(days=30), start_time=time(10), end_time=time(11), place="Hier"
        )
    ]
    programme.save_revision().publish()
    html = client.get("/programmas/geweest/").content.decode()
    assert "De bijeenkomsten zijn voorbij." in html
    assert "Volgende:" not in html and "calendar.google.com" not in html


# Nothing to add


def test_an_open_ended_programme_has_no_agenda(client, make_programme):
    make_programme("Doorlopend")
    html = client.get("/programmas/doorlopend/").content.decode()
    assert "/programmas/doorlopend/agenda/" not in html
    assert "iCalendar" not in html
    assert "calendar.google.com" not in html and "outlook.live.com" not in html
    assert client.get("/programmas/doorlopend/agenda/").status_code == 404
    # Nor does a list of only such programmes offer its (empty) feed.
    assert "/programmas/agenda/" not in client.get("/programmas/").content.decode()


# The demo


def test_the_demo_netwerkavond_is_every_first_thursday(client, full_demo):
    programme = ProgrammePage.objects.get(
        title="Netwerkavond Ondernemen in Lombok", locale__language_code="nl"
    )
    assert programme.start_date is None and programme.end_date is None
    html = client.get(programme.url).content.decode()
    assert "Elke eerste donderdag van de maand, " in html and "19:00–21:30" in html
    assert "zaterdag" not in html
    (event,) = parse(client.get(programme.url + "agenda/")).walk("VEVENT")
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    assert all(day.weekday() == THURSDAY and day.day <= 7 for day in rule[:6])
    assert "Kanaalstraat" in str(event["location"])  # in Lombok


def test_the_demo_keeps_open_ended_programmes_without_an_agenda(client, full_demo):
    programmes = ProgrammePage.objects.live().filter(locale__language_code="nl")
    without = [p for p in programmes if not p.has_calendar]
    assert without
    assert client.get(without[0].url + "agenda/").status_code == 404
    with_sessions = [p for p in programmes if p.sessions.exists()]
    assert len(with_sessions) >= 5
    for programme in with_sessions:
        for item in programme.sessions.all():
            item.full_clean(exclude=["programme"])  # every demo session is valid
            if programme.start_date:
                assert programme.start_date == item.date
