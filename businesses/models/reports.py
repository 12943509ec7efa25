"""A visitor's report that a profile is out of date, for staff to handle."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from businesses.models.business import Business


class OutdatedInfoReport(models.Model):
    """A visitor's note that a profile is out of date; staff handle it in the admin."""

    business = models.ForeignKey(
        Business, verbose_name=_("bedrijf"), on_delete=models.CASCADE, related_name="reports"
    )
    message = models.TextField(_("wat klopt er niet?"), max_length=2000)
    email = models.EmailField(
        _("je e-mailadres (als je antwoord wilt)"),
        blank=True,
        help_text=_("Wordt gewist zodra de melding is afgehandeld."),
    )
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    handled = models.BooleanField(_("afgehandeld"), default=False)

    class Meta:
        ordering = ["handled", "-created_at"]
        verbose_name = _("melding van verouderde informatie")
        verbose_name_plural = _("meldingen van verouderde informatie")

    def __str__(self):
        return f"{self.business}: {self.message[:60]}"

    def save(self, *args, **kwargs):
        # The address was only there to answer; once handled, it is not kept (data minimisation).
        if self.handled:
            self.email = ""
        super().save(*args, **kwargs)
