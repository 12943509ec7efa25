"""When and where a programme meets (ProgrammeSession): one date or a simple repeating rule,
in local time."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def nth_weekday(day):
    """Which weekday of its month a date is: 1 to 4, or -1 for the last one (a fifth)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


class ProgrammeSession(Orderable):
    """When and where a programme meets: one date, or a simple repeating rule staff understand,
    kept as an RFC 5545 RRULE (session.rrule) for agendas. Times are local (Europe/Amsterdam)."""

    ONCE, WEEKLY, FORTNIGHTLY, MONTHLY = "", "weekly", "fortnightly", "monthly"
    REPEATS = [
        (ONCE, _("eenmalig")),
        (WEEKLY, _("elke week")),
        (FORTNIGHTLY, _("elke twee weken")),
        (MONTHLY, _("elke maand op dezelfde weekdag (bijv. elke eerste donderdag)")),
    ]

    programme = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(_("datum"), help_text=_("Bij een herhaling: de eerste datum."))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    place = models.CharField(
        _("plaats"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: Buurthuis De Leeuw, Kanaalstraat 12."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    repeat = models.CharField(
        _("herhaling"), max_length=20, choices=REPEATS, default=ONCE, blank=True
    )
    until = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Leeg: zonder einddatum.")
    )
    count = models.PositiveSmallIntegerField(
        _("aantal keer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2)],
        help_text=_("In plaats van 'tot en met': hoe vaak in totaal."),
    )
    rrule = models.CharField(
        _("herhaalregel (RFC 5545)"), max_length=200, blank=True, editable=False
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online_url")]),
        FieldRowPanel([FieldPanel("repeat"), FieldPanel("until"), FieldPanel("count")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def __str__(self):
        return f"{self.date} {self.start_time}"

    @property
    def weekday_code(self):
        return WEEKDAY_CODES[self.date.weekday()]

    @property
    def nth(self):
        return nth_weekday(self.date)

    def build_rrule(self):
        """The RRULE (without "RRULE:") for the chosen repeat, from the date itself: "elke
        eerste donderdag" is the weekday and its place in the month of the first date, so the
        first date always matches. UNTIL is in UTC, as RFC 5545 wants with a TZID start."""
        if not self.repeat or not self.date:
            return ""
        rule = {"FREQ": "MONTHLY" if self.repeat == self.MONTHLY else "WEEKLY"}
        if self.repeat == self.FORTNIGHTLY:
            rule["INTERVAL"] = 2
        if self.repeat == self.MONTHLY:
            rule["BYDAY"] = f"{self.nth}{self.weekday_code}"
        else:
            rule["BYDAY"] = self.weekday_code
        if self.count:
            rule["COUNT"] = self.count
        elif self.until:
            last = datetime.combine(self.until, time(23, 59, 59), AMSTERDAM)
            rule["UNTIL"] = last.astimezone(ZoneInfo("UTC"))
        return vRecur(rule).to_ical().decode()

    def first_start(self):
        return datetime.combine(self.date, self.start_time, AMSTERDAM)

    def duration(self):
        return datetime.combine(self.date, self.end_time) - datetime.combine(
            self.date, self.start_time
        )

    def rule(self):
        """The occurrences as a dateutil rule (local, aware times), or None if it is once."""
        if not self.rrule:
            return None
        return rrulestr(self.rrule, dtstart=self.first_start())

    def next_occurrence(self, now=None):
        """The start of the next occurrence that has not ended yet, or None."""
        now = now or timezone.now()
        since = now - self.duration()
        rule = self.rule()
        if rule is None:
            start = self.first_start()
            return start if start > since else None
        return rule.after(since)

    def last_occurrence(self):
        rule = self.rule()
        if rule is None:
            return self.first_start()
        if not (self.count or self.until):
            return None
        return list(rule)[-1]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("De eindtijd moet na de begintijd liggen.")
        if not (self.place or self.online_url):
            errors["place"] = _("Vul een plaats in, een online link, of allebei.")
        if not self.repeat and (self.until or self.count):
            errors["repeat"] = _(
                "Een eenmalige bijeenkomst herhaalt niet: kies een herhaling, of laat 'tot en "
                "met' en 'aantal keer' leeg."
            )
        if self.until and self.count:
            errors["count"] = _("Vul 'tot en met' of 'aantal keer' in, niet allebei.")
        if self.until and self.date and self.until < self.date:
            errors["until"] = _("'Tot en met' ligt vóór de eerste datum.")
        if not errors and self.date and self.start_time and self.end_time:
            self.rrule = self.build_rrule()
            rule = self.rule()
            if rule is not None and rule.after(self.first_start(), inc=True) != self.first_start():
                errors["date"] = _("De eerste datum past niet bij de herhaling.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.rrule = self.build_rrule()
        super().save(*args, **kwargs)
