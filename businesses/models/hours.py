"""When a business is open: its weekly hours and the days that differ (holidays, closures)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from businesses import hours
from businesses.models.business import Business


class OpeningHours(models.Model):
    """A range in the weekly hours; several per day; `closes` not after `opens` runs past midnight."""

    business = ParentalKey(Business, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=hours.WEEKDAYS)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(
        _("open tot"), help_text=_("Een tijd vóór 'open vanaf' loopt door na middernacht.")
    )

    class Meta:
        ordering = ["weekday", "opens"]
        indexes = [models.Index(fields=["weekday", "opens", "closes", "business"])]  # open now
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self):
        return f"{self.get_weekday_display()} {hours.Range(self.opens, self.closes)}"


class SpecialDay(models.Model):
    """A date with other hours than usual: a holiday, a closing day, late opening."""

    business = ParentalKey(Business, on_delete=models.CASCADE, related_name="special_days")
    date = models.DateField(_("datum"))
    closed = models.BooleanField(_("de hele dag gesloten"), default=True)
    opens = models.TimeField(_("open vanaf"), null=True, blank=True)
    closes = models.TimeField(_("open tot"), null=True, blank=True)
    note = models.CharField(
        _("toelichting"), max_length=80, blank=True, help_text=_("Bijvoorbeeld: Koningsdag.")
    )

    class Meta:
        ordering = ["date", "opens"]
        indexes = [models.Index(fields=["date", "business"])]  # open now
        verbose_name = _("bijzondere dag")
        verbose_name_plural = _("bijzondere dagen")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.note}".strip()

    def clean(self):
        if self.closed and (self.opens or self.closes):
            raise ValidationError(
                {
                    "closed": _(
                        "Een gesloten dag heeft geen openingstijden. Haal het vinkje weg of de tijden."
                    )
                }
            )
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                {"opens": _("Vul in van hoe laat tot hoe laat het bedrijf open is.")}
            )
