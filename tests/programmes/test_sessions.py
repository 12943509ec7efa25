"""When and where a programme meets: sessions made in the admin, shown in words on the page and
the list, in the .ics (local times with TZID, RRULE, reminders) and as Google/Outlook links; and
no agenda at all for a programme with nothing to put in one."""

import re
from datetime import date, datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from icalendar import Calendar

from programmes.demo.data import first_day
from programmes.models import Category, ProgrammePage, ProgrammeSession, Provider

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
THURSDAY = 3


@pytest.fixture
def first_thursday(today):
    """The next first Thursday of a month, after today."""
    return first_day(today + timedelta(days=1), THURSDAY, 1)


@pytest.fixture
def netwerkavond(make_programme, first_thursday):
    programme = make_programme("Netwerkavond", live=False)
    programme.sessions = [
        ProgrammeSession(
            date=first_thursday,
            start_time=time(19),
            end_time=time(21, 30),
            place="Buurthuis De Leeuw, Kanaalstraat 12",
            repeat=ProgrammeSession.MONTHLY,
        )
    ]
    programme.save_revision().publish()
    return ProgrammePage.objects.get(pk=programme.pk)


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


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


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


# The .ics


def test_the_ics_has_local_times_a_rule_a_place_and_reminders(client, netwerkavond, first_thursday):
    calendar = parse(client.get("/programmas/netwerkavond/agenda/"))
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    (event,) = calendar.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert "DTSTART;TZID=Europe/Amsterdam:" in event.to_ical().decode()
    start = event.decoded("dtstart")
    assert (start.date(), start.time()) == (first_thursday, time(19))
    assert event.decoded("dtend").time() == time(21, 30)
    assert event["rrule"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TH"
    assert str(event["location"]) == "Buurthuis De Leeuw, Kanaalstraat 12"
    assert str(event["url"]) == "http://testserver/programmas/netwerkavond/"
    assert "Elke eerste donderdag van de maand" in str(event["description"])
    (reminder,) = event.walk("VALARM")
    assert str(reminder["action"]) == "DISPLAY" and str(reminder["description"])
    assert reminder.decoded("trigger") == -timedelta(hours=2)
    # Expanded with dateutil: the first Thursday of each month, at 19:00 in Amsterdam.
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    for occurrence in list(rule[:14]):
        assert occurrence.weekday() == THURSDAY and occurrence.day <= 7
        assert occurrence.astimezone(AMSTERDAM).hour == 19  # summer and winter time alike


def test_the_deadline_stays_a_whole_day_with_a_reminder(client, make_programme, today):
    make_programme("Subsidie", deadline=7)
    (event,) = parse(client.get("/programmas/subsidie/agenda/")).walk("VEVENT")
    assert event.decoded("dtstart") == today + timedelta(days=7)
    (reminder,) = event.walk("VALARM")
    assert str(reminder["action"]) == "DISPLAY"
    assert reminder.decoded("trigger") < timedelta(0)


def test_the_list_feed_has_sessions_and_leaves_open_ended_programmes_out(
    client, netwerkavond, make_programme
):
    make_programme("Doorlopend")
    make_programme("Met deadline", deadline=3)
    calendar = parse(client.get("/programmas/agenda/"))
    summaries = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert summaries == ["Aanmelden sluit: Met deadline", "Netwerkavond"]
    assert calendar.walk("VTIMEZONE")


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


# The links


def test_google_and_outlook_links(netwerkavond, first_thursday, rf):
    from programmes.calendar import agenda, deadline_links

    request = rf.get("/programmas/netwerkavond/")
    found = agenda(netwerkavond, request)
    (item,) = found["sessions"]
    google = urlsplit(item["links"]["google"])
    assert (google.scheme, google.netloc, google.path) == (
        "https", "calendar.google.com", "/calendar/render",
    )  # fmt: skip
    query = parse_qs(google.query)
    day = f"{first_thursday:%Y%m%d}"
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Netwerkavond"]
    assert query["dates"] == [f"{day}T190000/{day}T213000"]
    assert query["ctz"] == ["Europe/Amsterdam"]
    assert query["recur"] == ["RRULE:FREQ=MONTHLY;BYDAY=1TH"]
    assert query["location"] == ["Buurthuis De Leeuw, Kanaalstraat 12"]
    assert "http://testserver/programmas/netwerkavond/" in query["details"][0]
    assert " " not in item["links"]["google"]  # encoded
    outlook = urlsplit(item["links"]["outlook"])
    assert outlook.netloc == "outlook.live.com"
    query = parse_qs(outlook.query)
    offset = datetime.combine(first_thursday, time(19), AMSTERDAM).isoformat()
    assert query["startdt"] == [offset]
    assert query["subject"] == ["Netwerkavond"]
    assert query["location"] == ["Buurthuis De Leeuw, Kanaalstraat 12"]
    assert deadline_links(netwerkavond, "https://example.nl/") is None


# The editor


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def admin_form(programme_index):
    provider = Provider.objects.create(name="Ondernemersvereniging", kind="vereniging")

    def make(**session_fields):
        data = {
            "title": "Netwerkavond in Lombok",
            "slug": "netwerkavond-in-lombok",
            "summary": "Ondernemers ontmoeten elkaar.",
            "provider": provider.pk,
            "category": Category.objects.get(slug="netwerk").pk,
            "format": "netwerk",
            "is_free": "on",
            "apply_email": "info@example.nl",
            "last_checked": "2026-11-01",
            "body-count": "0",
            "action-publish": "publish",
            **management("sessions", 1),
        }
        session_data = {
            "date": "",
            "start_time": "19:00",
            "end_time": "21:30",
            "place": "Buurthuis De Leeuw, Kanaalstraat 12",
            "online_url": "",
            "repeat": "monthly",
            "until": "",
            "count": "",
            "ORDER": "1",
            "id": "",
            **session_fields,
        }
        data.update({f"sessions-0-{name}": value for name, value in session_data.items()})
        return data

    return make


def test_staff_add_a_session_in_the_admin(
    staff_client, programme_index, admin_form, first_thursday
):
    url = f"/admin/pages/add/programmes/programmepage/{programme_index.pk}/"
    html = staff_client.get(url).content.decode()
    assert "Bijeenkomsten" in html and "elke eerste donderdag" in html
    response = staff_client.post(url, admin_form(date=f"{first_thursday:%Y-%m-%d}"))
    assert response.status_code == 302, response.content.decode()[:3000]
    programme = ProgrammePage.objects.get(slug="netwerkavond-in-lombok", locale__language_code="nl")
    (saved,) = programme.sessions.all()
    assert saved.rrule == "FREQ=MONTHLY;BYDAY=1TH"
    html = staff_client.get("/programmas/netwerkavond-in-lombok/").content.decode()
    assert "Elke eerste donderdag van de maand" in html
    assert f'<time datetime="{first_thursday:%Y-%m-%d}T19:00">' in html

    # Edited: every week, four times.
    edit = f"/admin/pages/{programme.pk}/edit/"
    data = admin_form(date=f"{first_thursday:%Y-%m-%d}", repeat="weekly", count="4", id=saved.pk)
    data.update(management("sessions", 1, initial=1))
    response = staff_client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    (saved,) = ProgrammePage.objects.get(pk=programme.pk).sessions.all()
    assert saved.rrule == "FREQ=WEEKLY;COUNT=4;BYDAY=TH"
    assert "4 keer" in staff_client.get("/programmas/netwerkavond-in-lombok/").content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_time": "18:00"}, "De eindtijd moet na de begintijd liggen."),
        ({"repeat": "weekly", "until": "2027-01-01"}, "ligt vóór de eerste datum."),
        ({"start_time": "negen uur"}, None),
    ],
)
def test_the_admin_shows_session_errors(staff_client, programme_index, admin_form, fields, message):
    url = f"/admin/pages/add/programmes/programmepage/{programme_index.pk}/"
    response = staff_client.post(url, admin_form(date="2027-01-07", **fields))
    assert response.status_code == 200
    html = response.content.decode()
    if message:
        assert message in html.replace("&#x27;", "'")
    assert "w-field__errors" in html
    assert not ProgrammePage.objects.filter(slug="netwerkavond-in-lombok").exists()


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
