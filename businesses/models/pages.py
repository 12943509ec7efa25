"""Neighbourhood pages: the editorial side of the directory, and the home of business URLs."""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from businesses.fields import coordinate_field
from businesses.validators import (
    validate_geojson_boundary,
    validate_latitude,
    validate_longitude,
)
from home.models import SectionIndexPage
from home.routing import CachedViewRestrictionsMixin, PublicPageMixin
from portal.folding import FoldedSearchMixin, FoldedText
from portal.models import optional_foreign_key


class NeighbourhoodIndexPage(PublicPageMixin, SectionIndexPage):
    """/wijken/: every neighbourhood with its number of published businesses, and a map."""

    introduction = RichTextField(_("inleiding"), features=["bold", "italic", "link"], blank=True)

    subpage_types = ["businesses.NeighbourhoodPage"]

    class Meta:
        verbose_name = _("wijkenoverzicht")
        verbose_name_plural = _("wijkenoverzichten")

    def neighbourhoods(self):
        """Live neighbourhood pages under this one, with `business_count` (one query)."""
        from businesses.models import Business

        # Businesses belong to one language version of a neighbourhood: count them all.
        counts = (
            Business.objects.filter(
                live=True, neighbourhood__translation_key=OuterRef("translation_key")
            )
            .order_by()
            .values("neighbourhood__translation_key")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return list(
            NeighbourhoodPage.objects.child_of(self)
            .live()
            .annotate(business_count=Coalesce(Subquery(counts), 0))
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        # businesses.views imports these models: its functions are imported when a page is
        # served, not when the models load (the circle left inside businesses).
        from businesses.views import map_config

        context = super().get_context(request, *args, **kwargs)
        neighbourhoods = self.neighbourhoods()
        context["neighbourhoods"] = neighbourhoods
        context["map"] = map_config(
            [
                {
                    "name": n.title,
                    "url": n.get_url(request),
                    "lat": float(n.latitude),
                    "lon": float(n.longitude),
                    "label": f"{n.business_count}",
                }
                for n in neighbourhoods
            ]
        )
        return context


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Wat"), max_length=80, help_text=_("Bijvoorbeeld: Inwoners"))
    value = blocks.CharBlock(
        label=_("Hoeveel of welke"), max_length=80, help_text=_("Bijvoorbeeld: 9.000")
    )

    class Meta:
        icon = "info-circle"
        label = _("Feit")


class NeighbourhoodPage(FoldedSearchMixin, CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """/wijken/<wijk>/: the neighbourhood, its published businesses, and their profiles."""

    district = models.CharField(
        _("stadsdeel"), max_length=80, help_text=_("Bijvoorbeeld: West, Zuidwest, Overvecht.")
    )
    introduction = models.TextField(_("inleiding"), max_length=1000, blank=True)
    hero_image = optional_foreign_key("wagtailimages.Image", _("afbeelding"))
    latitude = coordinate_field(_("breedtegraad van het midden"), validate_latitude)
    longitude = coordinate_field(_("lengtegraad van het midden"), validate_longitude)
    boundary = models.JSONField(
        _("grens (GeoJSON)"),
        null=True,
        blank=True,
        validators=[validate_geojson_boundary],
        help_text=_("Optioneel: een GeoJSON Polygon met punten als [lengtegraad, breedtegraad]."),
    )
    facts = StreamField([("fact", FactBlock())], verbose_name=_("feiten"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("district"),
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("boundary"),
            ],
            heading=_("Op de kaart"),
        ),
        FieldPanel("facts"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        FoldedText(),  # portal.folding: found without Turkish or Arabic keys
        index.FilterField("district"),
    ]
    parent_page_types = ["businesses.NeighbourhoodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def published_businesses(self):
        """Live businesses of this neighbourhood, whichever language version this page is."""
        from businesses.models import Business

        return Business.objects.filter(
            live=True, neighbourhood__translation_key=self.translation_key
        )

    @path("")
    def listing(self, request):
        from businesses.views import neighbourhood_listing

        return neighbourhood_listing(request, self)

    @path("<slug:business_slug>/")
    def business(self, request, business_slug):
        from businesses.views import business_profile

        return business_profile(request, self, business_slug)

    @path("<slug:business_slug>/melden/")
    def report(self, request, business_slug):
        from businesses.views import report_outdated_information

        return report_outdated_information(request, self, business_slug)
