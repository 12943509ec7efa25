"""How often a programme page was viewed and its "apply" link followed, per day.

Only the numbers: no visitor, cookie, IP address or time of day is kept. Written by
`programmes.counting` with one upsert per view or click.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeDayCount(models.Model):
    page = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programma"),
        on_delete=models.CASCADE,
        related_name="day_counts",
    )
    day = models.DateField(_("dag"))
    views = models.PositiveIntegerField(_("bekeken"), default=0)
    apply_clicks = models.PositiveIntegerField(_("naar aanmelden"), default=0)

    class Meta:
        verbose_name = _("bezoek aan een programma")
        verbose_name_plural = _("bezoek aan programma's")
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="one_count_per_programme_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="programme_count_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views} / {self.apply_clicks}"
