"""Sectors and languages: small lists that staff keep, named in Dutch and English."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class NamedInLanguages(models.Model):
    """A Dutch name (always) and an English one (falls back to Dutch)."""

    name_nl = models.CharField(_("naam (Nederlands)"), max_length=80)
    name_en = models.CharField(_("naam (Engels)"), max_length=80, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self):
        if (get_language() or "nl").startswith("en") and self.name_en:
            return self.name_en
        return self.name_nl


class Sector(NamedInLanguages):
    """What a business does, at most two levels deep: Eten & drinken › Bakkerij."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoort bij"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Leeg voor een hoofdsector."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name_nl"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name_nl"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("Een sector kan niet bij zichzelf horen.")})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Kies een hoofdsector: sectoren hebben hoogstens twee niveaus.")}
            )
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("Deze sector heeft zelf subsectoren en moet een hoofdsector blijven.")}
            )


class Language(NamedInLanguages):
    """A language spoken in a business, by its ISO 639 code (nl, tr, ar, zgh, pap, ...)."""

    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
                _("Gebruik een ISO 639-code van twee of drie kleine letters, zoals tr of zgh."),
            )
        ],
    )
    native_name = models.CharField(
        _("naam in de taal zelf"), max_length=80, blank=True, help_text=_("Bijvoorbeeld: Türkçe.")
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    panels = [
        FieldPanel("code"),
        FieldPanel("name_nl"),
        FieldPanel("name_en"),
        FieldPanel("native_name"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name_nl"]
        verbose_name = _("taal")
        verbose_name_plural = _("talen")

    def __str__(self):
        return self.name
