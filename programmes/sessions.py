"""A programme's sessions in words, in the reader's language: "Elke eerste donderdag van de
maand, 19:00–21:30, Buurthuis De Leeuw" and "donderdag 7 januari 2027".

The weekday and the ordinal are msgids of their own (with a context), not Django's weekday names,
so each language can put them in a sentence as it should: Turkish writes "her ayın ilk perşembe
günü" in lower case, Arabic "يوم الخميس الأول من كل شهر"."""

from django.utils import formats
from django.utils.translation import gettext, ngettext, pgettext

from programmes.models.sessions import AMSTERDAM, ProgrammeSession


def weekday_name(day):
    return [
        pgettext("weekdag in een zin", "maandag"),
        pgettext("weekdag in een zin", "dinsdag"),
        pgettext("weekdag in een zin", "woensdag"),
        pgettext("weekdag in een zin", "donderdag"),
        pgettext("weekdag in een zin", "vrijdag"),
        pgettext("weekdag in een zin", "zaterdag"),
        pgettext("weekdag in een zin", "zondag"),
    ][day.weekday()]


def ordinal(nth):
    return {
        1: pgettext("de zoveelste weekdag van de maand", "eerste"),
        2: pgettext("de zoveelste weekdag van de maand", "tweede"),
        3: pgettext("de zoveelste weekdag van de maand", "derde"),
        4: pgettext("de zoveelste weekdag van de maand", "vierde"),
        -1: pgettext("de zoveelste weekdag van de maand", "laatste"),
    }[nth]


def long_date(day):
    """ "donderdag 7 januari 2027", in the order and words of the active language."""
    return formats.date_format(day, pgettext("datum met weekdag (Django-datumnotatie)", "l j F Y"))


def time_range(session):
    return f"{session.start_time:%H:%M}–{session.end_time:%H:%M}"


def rule_text(session):
    """ "Elke eerste donderdag van de maand", "Elke dinsdag", or the date itself."""
    weekday = weekday_name(session.date)
    if session.repeat == ProgrammeSession.WEEKLY:
        text = gettext("Elke %(weekday)s") % {"weekday": weekday}
    elif session.repeat == ProgrammeSession.FORTNIGHTLY:
        text = gettext("Elke twee weken op %(weekday)s") % {"weekday": weekday}
    elif session.repeat == ProgrammeSession.MONTHLY:
        text = gettext("Elke %(ordinal)s %(weekday)s van de maand") % {
            "ordinal": ordinal(session.nth),
            "weekday": weekday,
        }
    else:
        text = long_date(session.date)
        return text[:1].upper() + text[1:]
    return text


def limit_text(session):
    """ "tot en met 24 juni 2027", "8 keer", or "" for a session without an end."""
    if not session.repeat:
        return ""
    if session.count:
        return ngettext("%(count)s keer", "%(count)s keer", session.count) % {
            "count": session.count
        }
    if session.until:
        return gettext("tot en met %(date)s") % {
            "date": formats.date_format(session.until, "j F Y")
        }
    return ""


def sentence(session):
    """The whole session in one line, for agendas: rule, limit, times and place."""
    parts = [rule_text(session), limit_text(session), time_range(session), session.place]
    return ", ".join(part for part in parts if part)


def local(moment):
    return moment.astimezone(AMSTERDAM)


def iso_minutes(moment):
    """For <time datetime>: "2027-01-07T19:00" (local, without seconds or microseconds)."""
    return local(moment).strftime("%Y-%m-%dT%H:%M")


def describe(session):
    """A session as templates show it; session.next_start set by upcoming_sessions()."""
    return {
        "session": session,
        "rule": rule_text(session),
        "limit": limit_text(session),
        "times": time_range(session),
        "place": session.place,
        "online_url": session.online_url,
        "repeats": bool(session.repeat),
        "next_iso": iso_minutes(session.next_start),
        "next_text": long_date(local(session.next_start).date()),
    }
