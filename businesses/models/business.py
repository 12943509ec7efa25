"""The business profile: public data an entrepreneur or staff keeps, moderated by staff.

A Business is a snippet, not a page: there can be 100,000 of them, created by the public and
in bulk. Wagtail's draft state, revisions, workflow, locking and preview give staff the same
moderation tools as for pages. The public URL comes from its neighbourhood page.

There is no field for ethnicity or origin, on purpose: that is special-category data under the
GDPR (art. 9). A business is described by what it offers and the languages spoken in it.
"""

from anyascii import anyascii
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from businesses import hours
from businesses.fields import KvKNumberField, PostcodeField, coordinate_field
from businesses.validators import (
    normalise_postcode,
    validate_founding_year,
    validate_kvk_number,
    validate_latitude,
    validate_longitude,
    validate_postcode,
)
from portal.folding import FoldedSearchMixin, FoldedText
from portal.models import optional_foreign_key

STORY_FEATURES = ["bold", "italic", "link", "ul", "ol"]
# Log actions (registered in wagtail_hooks.py): staff marked a business as stopped, or not.
CLOSED = "businesses.closed"
REOPENED = "businesses.reopened"


def make_slug(name):
    """A readable ASCII slug, also for names like "Bakkerij Yıldız" (bakkerij-yildiz)."""
    return slugify(anyascii(name))[:120]


class BusinessQuerySet(models.QuerySet):
    def awaiting_moderation(self):
        """Businesses with a workflow in progress.

        Wagtail keeps workflow states with a text object_id; cast it, so the lookup also works on
        PostgreSQL, which does not compare text with numbers.
        """
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.functions import Cast
        from wagtail.models import WorkflowState

        states = (
            WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(self.model),
                status=WorkflowState.STATUS_IN_PROGRESS,
            )
            .annotate(business_id=Cast("object_id", models.BigIntegerField()))
            .values("business_id")
        )
        return self.filter(pk__in=states)


class Business(
    FoldedSearchMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_("Het laatste deel van het webadres. Leeg: gemaakt van de naam."),
    )
    neighbourhood = models.ForeignKey(
        "businesses.NeighbourhoodPage",
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="businesses",
    )
    tagline = models.CharField(
        _("in één zin"),
        max_length=160,
        blank=True,
        help_text=_("Bijvoorbeeld: Vers brood, elke dag."),
    )
    story = RichTextField(_("het verhaal van de ondernemer"), features=STORY_FEATURES, blank=True)
    sectors = ParentalManyToManyField(
        "businesses.Sector", verbose_name=_("sectoren"), related_name="businesses", blank=True
    )
    products = ClusterTaggableManager(
        verbose_name=_("producten en diensten"), through="businesses.BusinessTag", blank=True
    )
    languages = ParentalManyToManyField(
        "businesses.Language",
        verbose_name=_("gesproken talen"),
        related_name="businesses",
        blank=True,
    )

    street = models.CharField(_("straat"), max_length=120)
    # Null only once an owner's account is deleted (the address may be their home); forms
    # still ask for it.
    house_number = models.PositiveIntegerField(_("huisnummer"), null=True)
    house_number_addition = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = PostcodeField(_("postcode"), max_length=7, validators=[validate_postcode])
    city = models.CharField(_("plaats"), max_length=80, default="Utrecht")
    latitude = coordinate_field(_("breedtegraad"), validate_latitude, null=True, blank=True)
    longitude = coordinate_field(_("lengtegraad"), validate_longitude, null=True, blank=True)
    # Who placed the pin: the geocoder (businesses.geocoding) fills in only what is empty and
    # never moves a pin that a person placed; "person" without coordinates means the owner
    # said the pin found was wrong, so a member of staff places it.
    location_source = models.CharField(
        _("plek bepaald door"),
        max_length=10,
        blank=True,
        choices=[("geocoder", _("de adreszoeker (PDOK)")), ("person", _("een persoon"))],
    )

    phone = PhoneNumberField(_("telefoon"), region="NL", blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    kvk_number = KvKNumberField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk_number]
    )
    founded_year = models.PositiveSmallIntegerField(
        _("opgericht in"), null=True, blank=True, validators=[validate_founding_year]
    )

    step_free_entrance = models.BooleanField(
        _("ingang zonder drempel of trap"),
        null=True,
        blank=True,
        choices=[(True, _("Ja")), (False, _("Nee"))],
    )
    accessibility_note = models.CharField(
        _("toegankelijkheid, toelichting"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: hellingbaan bij de zij-ingang, invalidentoilet aanwezig."),
    )
    owner = optional_foreign_key(settings.AUTH_USER_MODEL, _("eigenaar"), related_name="businesses")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True, db_index=True)
    declined_at = models.DateTimeField(
        _("laatste inzending afgewezen op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Gezet wanneer een moderator de laatste inzending definitief afwijst."),
    )
    closed_at = models.DateField(
        _("gestopt op"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_(
            "De dag waarop het bedrijf stopte. Gezet met 'Markeren als gestopt', dat het "
            "profiel ook offline haalt; wie het weer publiceert, heropent het."
        ),
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="business",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="business",
        for_concrete_model=False,
    )

    objects = BusinessQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("tagline", boost=2),
        index.SearchField("story"),
        index.SearchField("street"),
        index.RelatedFields(
            "sectors",
            [
                index.SearchField("name_nl", boost=2),
                index.SearchField("name_en"),
                index.SearchField("name_tr"),
                index.SearchField("name_ar"),
            ],
        ),
        index.RelatedFields("products", [index.SearchField("name", boost=2)]),
        index.RelatedFields("stories", [index.SearchField("text")]),
        FoldedText(),  # portal.folding: found without Turkish or Arabic keys
        index.FilterField("neighbourhood"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("bedrijf")
        verbose_name_plural = _("bedrijven")
        ordering = ["name"]
        # Wagtail adds these for snippets after migrating; declaring them lets the data
        # migration give them to the moderators on a fresh database.
        permissions = [
            ("publish_business", "Can publish bedrijf"),
            ("lock_business", "Can lock bedrijf"),
            ("unlock_business", "Can unlock bedrijf"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "slug"], name="business_slug_unique_in_neighbourhood"
            )
        ]
        indexes = [
            models.Index(fields=["neighbourhood", "live", "name"]),
            models.Index(fields=["latitude", "longitude"]),  # the directory's radius search
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.postcode = normalise_postcode(self.postcode)
        if not self.slug:
            self.slug = make_slug(self.name)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Vul beide coördinaten in, of geen van beide.")})
        if self.neighbourhood_id and self.slug:
            clash = Business.objects.filter(neighbourhood_id=self.neighbourhood_id, slug=self.slug)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"slug": _("In deze wijk heeft een ander bedrijf al dit webadres.")}
                )

    def save(self, *args, **kwargs):
        self.postcode = normalise_postcode(self.postcode)
        if not self.slug:
            self.slug = make_slug(self.name)
        super().save(*args, **kwargs)

    # Presentation --------------------------------------------------------------------------

    def with_content_json(self, content):
        # The owner is decided by staff (claims), not by revisions: restoring or publishing an
        # older revision must not hand the business back to someone else.
        obj = super().with_content_json(content)
        obj.owner_id = self.owner_id
        obj.declined_at = self.declined_at
        # Whether the business still trades is the row's state, not a revision's.
        obj.closed_at = self.closed_at
        return obj

    # Stopped trading ----------------------------------------------------------------------

    def close(self, day, user=None):
        """Mark the business as stopped on `day`: it goes offline and counts as closed in
        the figures (home.insight). Publishing it again reopens it (signals.on_published)."""
        from wagtail.log_actions import log

        type(self).objects.filter(pk=self.pk).update(closed_at=day)
        self.closed_at = day
        if self.live:
            self.unpublish(user=user)
        log(self, CLOSED, user=user, data={"closed_at": day.isoformat()})

    def reopen(self, user=None):
        """The business trades again: no longer counted as closed (it stays offline until
        it is published)."""
        from wagtail.log_actions import log

        type(self).objects.filter(pk=self.pk).update(closed_at=None)
        self.closed_at = None
        log(self, REOPENED, user=user)

    @property
    def address(self):
        number = "-".join(
            str(part) for part in (self.house_number, self.house_number_addition) if part
        )
        street = " ".join(part for part in (self.street, number) if part)
        return ", ".join(part for part in (street, f"{self.postcode} {self.city}".strip()) if part)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def get_url(self, request=None, neighbourhood=None):
        """The profile's URL under the neighbourhood page in the visitor's language."""
        page = neighbourhood or self.neighbourhood.localized
        return f"{page.get_url(request)}{self.slug}/"

    @property
    def url(self):
        return self.get_url()

    def stories_for_reader(self, language):
        """(the story to show, the others), each a (language code, html) pair: the story in the
        reader's language, else the Dutch one; the others are one click away."""
        stories = [(settings.LANGUAGE_CODE, self.story)] if self.story else []
        stories += [(story.language, story.text) for story in self.stories.all()]
        if not stories:
            return None, []
        first = next((story for story in stories if story[0] == language), stories[0])
        return first, [story for story in stories if story is not first]

    def schedule(self):
        """(weekly, specials) for businesses.hours; needs opening_hours and special_days."""
        return hours.as_schedule(self)

    def is_open(self, at=None):
        return hours.is_open(*self.schedule(), at=at)

    def get_preview_template(self, request, mode_name):
        return "businesses/business_page.html"

    def make_preview_request(self, request=None, preview_mode=None, extra_request_attrs=None):
        # Wagtail's workflow preview marks the request with the revision's id for its user bar,
        # which then looks the id up among *page* revisions: the preview's `page` is the
        # neighbourhood, the revision a business's. Without the mark the bar shows its page links.
        extra = {k: v for k, v in (extra_request_attrs or {}).items() if k != "revision_id"}
        return super().make_preview_request(request, preview_mode, extra)

    def get_preview_context(self, request, mode_name):
        from businesses.views import profile_context

        context = super().get_preview_context(request, mode_name)
        context.update(profile_context(request, self, self.neighbourhood.localized.specific))
        return context


def story_languages():
    """The site's languages besides Dutch, in which an owner may also tell their story."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
