"""Who helps founders: mentors (with what they know and where they are active) and the
municipality's contacts; and the needs founders ask help with."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from businesses.fields import neighbourhoods_field
from businesses.models.taxonomy import ListedInLanguages
from portal.models import optional_foreign_key


class Need(ListedInLanguages):
    """What a founder needs help with, and what a mentor or contact knows about."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)

    class Meta(ListedInLanguages.Meta):
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")


class Mentor(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A volunteer mentor. Staff vet them; a mentor with an account keeps their own entry, and
    their changes go through moderation like business profiles."""

    name = models.CharField(_("naam"), max_length=120)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor",
        help_text=_("Met een account houdt de mentor de eigen gegevens bij op het portaal."),
    )
    email = models.EmailField(_("e-mail"))
    photo = optional_foreign_key("wagtailimages.Image", _("foto"))
    bio = models.TextField(_("korte beschrijving"), max_length=800)
    expertise = ParentalManyToManyField(
        Need, verbose_name=_("ervaring met"), related_name="mentors"
    )
    sectors = ParentalManyToManyField(
        "businesses.Sector", verbose_name=_("sectoren"), blank=True, related_name="mentors"
    )
    stages = ParentalManyToManyField(
        "programmes.Stage",
        verbose_name=_("helpt graag in fase"),
        blank=True,
        related_name="mentors",
        help_text=_("Leeg: elke fase."),
    )
    languages = ParentalManyToManyField(
        "businesses.Language", verbose_name=_("talen"), related_name="mentors"
    )
    neighbourhoods = neighbourhoods_field("mentors", _("Leeg: de hele stad."))
    capacity = models.PositiveSmallIntegerField(
        _("hoeveel ondernemers tegelijk"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    is_active = models.BooleanField(
        _("beschikbaar"), default=True, help_text=_("Uit: de mentor pauzeert.")
    )
    vetted_at = models.DateField(_("gescreend op"), null=True, blank=True)
    vetted_by = optional_foreign_key(settings.AUTH_USER_MODEL, _("gescreend door"))

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="mentor",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="mentor",
        for_concrete_model=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldPanel("user"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_active")]),
                FieldRowPanel([FieldPanel("vetted_at"), FieldPanel("vetted_by")]),
            ],
            heading=_("Beschikbaarheid en screening"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("bio")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentoren")
        # Wagtail adds these for snippets after migrating; declaring them lets the data
        # migration give them to the moderators on a fresh database.
        permissions = [
            ("publish_mentor", "Can publish mentor"),
            ("lock_mentor", "Can lock mentor"),
            ("unlock_mentor", "Can unlock mentor"),
        ]

    def __str__(self):
        return self.name


class MunicipalContact(ClusterableModel):
    """Someone at the municipality an entrepreneur can call: shown on neighbourhood pages and
    proposed with every match."""

    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(
        _("functie"),
        max_length=120,
        help_text=_("Bijvoorbeeld: accountmanager ondernemers, wijkmanager, startersloket."),
    )
    department = models.CharField(_("afdeling"), max_length=120, blank=True)
    topics = ParentalManyToManyField(
        Need, verbose_name=_("onderwerpen"), blank=True, related_name="contacts"
    )
    neighbourhoods = neighbourhoods_field("contacts", _("Leeg: de hele stad."))
    languages = ParentalManyToManyField(
        "businesses.Language", verbose_name=_("talen"), blank=True, related_name="contacts"
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("contactpersoon van de gemeente")
        verbose_name_plural = _("contactpersonen van de gemeente")

    def __str__(self):
        return f"{self.name} ({self.role})"
