"""The lists programmes are described with: who offers them (Provider), what they are about
(Category) and for whom (Stage)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from businesses.models.taxonomy import ListedInLanguages, NamedInLanguages
from portal.models import optional_foreign_key


class Provider(models.Model):
    """An organisation that runs programmes: the municipality, a foundation, a bank, ..."""

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        KVK = "kvk", _("Kamer van Koophandel")
        STICHTING = "stichting", _("stichting")
        FINANCIER = "financier", _("microfinancier of bank")
        INCUBATOR = "incubator", _("incubator of accelerator")
        BIBLIOTHEEK = "bibliotheek", _("bibliotheek")
        ONDERWIJS = "onderwijs", _("school of hogeschool")
        VERENIGING = "vereniging", _("ondernemersvereniging")

    name = models.CharField(_("naam"), max_length=120, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    logo = optional_foreign_key("wagtailimages.Image", _("logo"))
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")

    def __str__(self):
        return self.name


class Category(ListedInLanguages):
    """What a programme helps with. Focus categories (creativity, innovation, ...) come first."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    is_focus = models.BooleanField(
        _("focus van het portaal"),
        default=False,
        help_text=_("Focuscategorieën staan bovenaan het overzicht en op de homepagina."),
    )

    panels = [
        *NamedInLanguages.name_panels,
        FieldPanel("slug"),
        FieldPanel("is_focus"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["-is_focus", "sort_order", "name_nl"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")


class Stage(ListedInLanguages):
    """Where an entrepreneur is: an idea, just started, or growing."""

    slug = models.SlugField(_("slug"), max_length=20, unique=True)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("fase")
        verbose_name_plural = _("fases")
