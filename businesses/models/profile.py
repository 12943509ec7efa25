"""What a profile shows beside its fields: photos, the story in other languages, links and
the tags of its products and services."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import (
    Orderable,
)

from businesses.models.business import STORY_FEATURES, Business, story_languages
from businesses.validators import (
    validate_social_url,
)


class BusinessPhoto(Orderable):
    business = ParentalKey(Business, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("foto"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("beschrijving voor wie de foto niet ziet"),
        max_length=200,
        help_text=_("Wat staat er op de foto? Bijvoorbeeld: de etalage met verse baklava."),
    )
    caption = models.CharField(_("onderschrift"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("foto")
        verbose_name_plural = _("foto's")

    def __str__(self):
        return self.alt_text


class BusinessStory(Orderable):
    """The owner's story in another language of the site, beside the Dutch one (`story`)."""

    business = ParentalKey(Business, on_delete=models.CASCADE, related_name="stories")
    language = models.CharField(_("taal"), max_length=8, choices=story_languages)
    text = RichTextField(_("verhaal"), features=STORY_FEATURES)

    class Meta(Orderable.Meta):
        verbose_name = _("verhaal in een andere taal")
        verbose_name_plural = _("verhalen in andere talen")
        constraints = [
            models.UniqueConstraint(fields=["business", "language"], name="one_story_per_language")
        ]

    def __str__(self):
        return self.get_language_display()


class BusinessLink(Orderable):
    """A social media profile; the address must belong to the chosen service."""

    SERVICES = [
        ("instagram", "Instagram"),
        ("facebook", "Facebook"),
        ("tiktok", "TikTok"),
        ("linkedin", "LinkedIn"),
        ("x", "X"),
        ("youtube", "YouTube"),
        ("whatsapp", "WhatsApp"),
    ]
    business = ParentalKey(Business, on_delete=models.CASCADE, related_name="links")
    service = models.CharField(_("dienst"), max_length=20, choices=SERVICES)
    url = models.URLField(_("adres"))

    class Meta(Orderable.Meta):
        verbose_name = _("sociale media")
        verbose_name_plural = _("sociale media")

    def __str__(self):
        return self.get_service_display()

    def clean(self):
        try:
            validate_social_url(self.service, self.url)
        except ValidationError as error:
            raise ValidationError({"url": error}) from error


class BusinessTag(TaggedItemBase):
    content_object = ParentalKey(Business, on_delete=models.CASCADE, related_name="tagged_items")
