"""Programmes as iCalendar (.ics): the application deadline and the programme's dates, so an
entrepreneur can put them in their own agenda. Written with the icalendar library."""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def programme_events(programme, request):
    url = request.build_absolute_uri(programme.url)
    host = request.get_host().split(":")[0]
    events = []
    if programme.deadline:
        event = Event()
        event.add("uid", f"programma-{programme.pk}-deadline@{host}")
        event.add("summary", _("Aanmelden sluit: %(title)s") % {"title": programme.title})
        event.add("dtstart", programme.deadline)
        event.add("dtend", programme.deadline + timedelta(days=1))
        events.append(event)
    if programme.start_date:
        event = Event()
        event.add("uid", f"programma-{programme.pk}@{host}")
        event.add("summary", programme.title)
        event.add("dtstart", programme.start_date)
        event.add("dtend", (programme.end_date or programme.start_date) + timedelta(days=1))
        events.append(event)
    for event in events:
        event.add("dtstamp", timezone.now())
        event.add("description", f"{programme.summary}\n\n{url}")
        event.add("url", url)
    return events


def calendar_response(programmes, name, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Ondernemersportaal//Programma's//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Programma's voor ondernemers"))
    for programme in programmes:
        for event in programme_events(programme, request):
            calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response
