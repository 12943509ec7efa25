"""Programmes in an agenda: as iCalendar (.ics, written with the icalendar library) and as "add
to Google Calendar / Outlook" links.

A programme gives the deadline for applying (an all-day event), its sessions (local times with
TZID Europe/Amsterdam, an RRULE when they repeat) and, when it has no sessions, its run from
start to end date (all-day). Sessions say when people actually meet, so a programme with
sessions leaves its run out: a six-week all-day block would only fill an agenda. Every event
has a reminder (VALARM). A programme with none of these has nothing to add: its page shows no
agenda links and its .ics answers 404 (ProgrammePage.calendar)."""

from datetime import timedelta
from urllib.parse import quote, urlencode

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vRecur

from programmes import sessions as words
from programmes.models.sessions import AMSTERDAM

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/action/compose"
SESSION_REMINDER = timedelta(hours=2)
# An all-day event starts at midnight: 15 hours before is 09:00 the day before.
DEADLINE_REMINDER = timedelta(hours=15)


def deadline_title(programme):
    return _("Aanmelden sluit: %(title)s") % {"title": programme.title}


def description(programme, url, line=""):
    return "\n\n".join(part for part in (line, programme.summary, url) if part)


def alarm(before, text):
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", text)
    reminder.add("trigger", -before)
    return reminder


def session_event(programme, session, url, host):
    event = Event()
    event.add("uid", f"programma-{programme.pk}-bijeenkomst-{session.pk}@{host}")
    event.add("summary", programme.title)
    start = session.first_start()
    event.add("dtstart", start)
    event.add("dtend", start + session.duration())
    if session.rrule:
        event.add("rrule", vRecur.from_ical(session.rrule))
    event.add("location", session.place or session.online_url)
    line = words.sentence(session)
    if session.place and session.online_url:
        line += "\n" + _("Online: %(url)s") % {"url": session.online_url}
    event.add("description", description(programme, url, line))
    event.add_component(
        alarm(SESSION_REMINDER, _("Over twee uur: %(title)s") % {"title": programme.title})
    )
    return event


def programme_events(programme, request):
    url = request.build_absolute_uri(programme.url)
    host = request.get_host().split(":")[0]
    events = []
    if programme.deadline:
        event = Event()
        event.add("uid", f"programma-{programme.pk}-deadline@{host}")
        event.add("summary", deadline_title(programme))
        event.add("dtstart", programme.deadline)
        event.add("dtend", programme.deadline + timedelta(days=1))
        event.add("description", description(programme, url))
        event.add_component(
            alarm(
                DEADLINE_REMINDER,
                _("Morgen sluit het aanmelden: %(title)s") % {"title": programme.title},
            )
        )
        events.append(event)
    sessions = list(programme.sessions.all())
    for session in sessions:
        events.append(session_event(programme, session, url, host))
    if programme.start_date and not sessions:
        event = Event()
        event.add("uid", f"programma-{programme.pk}@{host}")
        event.add("summary", programme.title)
        event.add("dtstart", programme.start_date)
        event.add("dtend", (programme.end_date or programme.start_date) + timedelta(days=1))
        event.add("description", description(programme, url))
        event.add_component(
            alarm(DEADLINE_REMINDER, _("Morgen begint: %(title)s") % {"title": programme.title})
        )
        events.append(event)
    for event in events:
        event.add("dtstamp", timezone.now())
        event.add("url", url)
    return events


def calendar_response(programmes, name, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Ondernemersportaal//Programma's//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Programma's voor ondernemers"))
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for programme in programmes:
        for event in programme_events(programme, request):
            calendar.add_component(event)
    calendar.add_missing_timezones()  # a VTIMEZONE for Europe/Amsterdam when a session uses it
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


# "Add to my agenda" links. Google Calendar takes local times with ctz and a recurrence; Outlook
# on the web takes times with their offset and has no recurrence, so its link adds the next
# time only (the page says so, and the .ics has the whole series).


def _url(base, params):
    return f"{base}?{urlencode(params, quote_via=quote)}"


def google_url(title, start, end, details, location="", rrule="", all_day=False):
    if all_day:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    else:
        dates = (
            f"{start.astimezone(AMSTERDAM):%Y%m%dT%H%M%S}/{end.astimezone(AMSTERDAM):%Y%m%dT%H%M%S}"
        )
    params = {"action": "TEMPLATE", "text": title, "dates": dates, "details": details}
    if location:
        params["location"] = location
    params["ctz"] = "Europe/Amsterdam"
    if rrule:
        params["recur"] = f"RRULE:{rrule}"
    return _url(GOOGLE, params)


def outlook_url(title, start, end, details, location="", all_day=False):
    if all_day:
        params = {"startdt": start.isoformat(), "enddt": end.isoformat(), "allday": "true"}
    else:
        params = {
            "startdt": start.astimezone(AMSTERDAM).isoformat(timespec="seconds"),
            "enddt": end.astimezone(AMSTERDAM).isoformat(timespec="seconds"),
        }
    return _url(
        OUTLOOK,
        {
            "subject": title,
            **params,
            "body": details,
            "location": location,
            "path": "/calendar/action/compose",
            "rru": "addevent",
        },
    )


def session_links(programme, session, url, now=None):
    """{"google": ..., "outlook": ...} for a session. Google gets the series from its first
    date; Outlook the next time it meets."""
    details = description(programme, url, words.sentence(session))
    location = session.place or session.online_url
    first = session.first_start()
    following = session.next_occurrence(now) or first
    return {
        "google": google_url(
            programme.title,
            first,
            first + session.duration(),
            details,
            location,
            rrule=session.rrule,
        ),
        "outlook": outlook_url(
            programme.title, following, following + session.duration(), details, location
        ),
    }


def deadline_links(programme, url):
    if not programme.deadline:
        return None
    title = deadline_title(programme)
    details = description(programme, url)
    end = programme.deadline + timedelta(days=1)
    return {
        "google": google_url(title, programme.deadline, end, details, all_day=True),
        "outlook": outlook_url(title, programme.deadline, end, details, all_day=True),
    }


def agenda(programme, request, now=None):
    """What the programme page shows of its dates: the sessions to come, each in words with
    its next date and agenda links, the deadline's links, and whether there is an .ics."""
    url = request.build_absolute_uri(programme.url)
    upcoming = []
    for session in programme.upcoming_sessions(now):
        upcoming.append(
            {**words.describe(session), "links": session_links(programme, session, url, now)}
        )
    return {
        "sessions": upcoming,
        "has_sessions": bool(programme.sessions.all()),
        "deadline_links": None if programme.is_expired else deadline_links(programme, url),
        "has_calendar": programme.has_calendar,
    }
