"""Adding a programme's sessions to a calendar: the .ics files and the Google and Outlook links."""

from datetime import datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from tests.helpers import THURSDAY, parse

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


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
