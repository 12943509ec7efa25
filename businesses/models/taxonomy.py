"""Sectors and languages: small lists that staff keep, named in each language of the site."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class NamedInLanguages(models.Model):
    """A Dutch name (always) and one per other language of the site, each falling back to Dutch.

    Short names kept in one form, so that staff translate a sector in the same place they
    name it, and every list and filter shows it in the reader's language.
    """

    name_nl = models.CharField(_("naam (Nederlands)"), max_length=80)
    name_en = models.CharField(_("naam (Engels)"), max_length=80, blank=True)
    name_tr = models.CharField(_("naam (Turks)"), max_length=80, blank=True)
    name_ar = models.CharField(_("naam (Arabisch)"), max_length=80, blank=True)

    name_panels = [
        MultiFieldPanel(
            [FieldPanel(f"name_{code}") for code in ("nl", "en", "tr", "ar")],
            heading=_("Naam in elke taal"),
        )
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        code = (get_language() or "nl").split("-")[0]
        return getattr(self, f"name_{code}", "") or self.name_nl


class ListedInLanguages(NamedInLanguages):
    """An entry of a list staff put in order (`sort_order`), then by its Dutch name."""

    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_nl"]


class Sector(ListedInLanguages):
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

    panels = [
        *NamedInLanguages.name_panels,
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]

    class Meta(ListedInLanguages.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return super().__str__()

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


class Language(ListedInLanguages):
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
        *NamedInLanguages.name_panels,
        FieldPanel("native_name"),
        FieldPanel("sort_order"),
    ]

    class Meta(ListedInLanguages.Meta):
        verbose_name = _("taal")
        verbose_name_plural = _("talen")
