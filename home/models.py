"""Editorial pages, site settings and navigation shared by the whole portal."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from portal import page_cache
from portal.folding import FoldedSearchMixin, FoldedText
from portal.models import optional_foreign_key

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock, CallToActionBlock, HomeStreamBlock
from .routing import CachedViewRestrictionsMixin, PublicPageMixin, SiteRootMixin


class HomePage(
    FoldedSearchMixin, SiteRootMixin, PublicPageMixin, CachedViewRestrictionsMixin, Page
):
    """The front page: a hero, two calls to action and sections chosen by editors."""

    hero_heading = models.CharField(_("kop"), max_length=120)
    hero_text = models.TextField(_("tekst onder de kop"), max_length=400, blank=True)
    hero_image = optional_foreign_key("wagtailimages.Image", _("afbeelding"))
    introduction = RichTextField(_("inleiding"), features=RICH_TEXT_FEATURES, blank=True)
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("oproepen tot actie"),
        help_text=_("Bijvoorbeeld: meld je bedrijf aan, en: vind een mentor."),
        blank=True,
        max_num=2,
    )
    body = StreamField(HomeStreamBlock(), verbose_name=_("secties"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Bovenaan de pagina"),
        ),
        FieldPanel("introduction"),
        FieldPanel("calls_to_action"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        FoldedText(),  # portal.folding: found without Turkish or Arabic keys
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")


class StandardPage(FoldedSearchMixin, PublicPageMixin, CachedViewRestrictionsMixin, Page):
    """A content page: about the portal, privacy statement, accessibility statement, ..."""

    introduction = models.TextField(_("inleiding"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        FoldedText(),  # portal.folding: found without Turkish or Arabic keys
    ]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")


class SectionIndexPage(FoldedSearchMixin, CachedViewRestrictionsMixin, Page):
    """The one index page of a section, right below the home page (/wijken/, /programmas/).
    Each section defines its own `introduction`, the one field editors fill in here."""

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [FoldedText()]  # portal.folding
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """What the municipality fills in once: its name, logo, contact details and statements."""

    municipality_name = models.CharField(
        _("naam van de gemeente"), max_length=80, default="Gemeente"
    )
    logo = optional_foreign_key("wagtailimages.Image", _("logo"))
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_address = models.TextField(_("postadres"), max_length=300, blank=True)
    contact_hours = models.CharField(_("bereikbaar"), max_length=120, blank=True)
    privacy_page = optional_foreign_key("wagtailcore.Page", _("privacyverklaring"))
    accessibility_page = optional_foreign_key("wagtailcore.Page", _("toegankelijkheidsverklaring"))

    panels = [
        FieldPanel("municipality_name"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_address"),
                FieldPanel("contact_hours"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("social_links", heading=_("Sociale media"), label=_("Link")),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
    ]
    # The brand and the footer show these on every page.
    select_related = ["logo", "privacy_page", "accessibility_page"]

    class Meta:
        verbose_name = _("instellingen van het portaal")

    @classmethod
    def for_site(cls, site):
        # Wagtail keeps the settings only for the rest of a request; every page reads them, and
        # they are content, so they are kept under the content version for all requests.
        load = super().for_site
        return page_cache.cached(f"portal-settings:{site.pk if site else None}", lambda: load(site))


class SocialLink(Orderable):
    SERVICES = [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
        ("x", "X"),
        ("youtube", "YouTube"),
        ("mastodon", "Mastodon"),
        ("other", _("Anders")),
    ]
    settings = ParentalKey(PortalSettings, on_delete=models.CASCADE, related_name="social_links")
    service = models.CharField(_("dienst"), max_length=20, choices=SERVICES)
    url = models.URLField(_("adres"))

    panels = [FieldPanel("service"), FieldPanel("url")]


def validate_link(value):
    """A web address, or a path on this site ("/ondernemers/", for a view that is not a page)."""
    if value.startswith("/") and not value.startswith("//"):
        if any(character.isspace() for character in value):
            raise ValidationError(_("Een pad op deze site heeft geen spaties."))
        return
    URLValidator()(value)


class LinkFields(models.Model):
    """A labelled link to a page of the site, a path on the site or a URL, for menus."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # A path ("/ondernemers/") is shown in the visitor's language ("/ar/ondernemers/"):
    # home.navigation.localized_path.
    link_url = models.CharField(
        _("of een adres"),
        max_length=200,
        blank=True,
        validators=[validate_link],
        help_text=_("Een webadres (https://…) of een pad op deze site, zoals /ondernemers/."),
    )
    label = models.CharField(
        _("tekst"), max_length=60, blank=True, help_text=_("Leeg: de titel van de pagina.")
    )

    panels = [PageChooserPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.text

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Kies een pagina óf vul een adres in (één van beide)."))
        if self.link_url and not self.label:
            raise ValidationError({"label": _("Een link naar een adres heeft een tekst nodig.")})

    @property
    def href(self):
        return self.link_page.localized.url if self.link_page_id else self.link_url

    @property
    def text(self):
        return self.label or (
            self.link_page.localized.title if self.link_page_id else self.link_url
        )


class PerLanguage(TranslatableMixin, ClusterableModel):
    """A snippet kept once per language (the menu, the footer), named after its language."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale})"


class TranslatableLink(TranslatableMixin, Orderable, LinkFields):
    """A link in a PerLanguage snippet. Translatable, so that wagtail-localize offers its text
    for translation with the snippet; a new link takes its snippet's language."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class MainMenu(PerLanguage):
    """The main navigation in the header; one per language."""

    panels = [InlinePanel("items", heading=_("Menu-items"), label=_("Item"), max_num=8)]

    class Meta(PerLanguage.Meta):
        verbose_name = _("hoofdmenu")
        verbose_name_plural = _("hoofdmenu's")


class MainMenuItem(TranslatableLink):
    menu = ParentalKey(MainMenu, on_delete=models.CASCADE, related_name="items")


class Footer(PerLanguage):
    """The text and links in the footer; one per language."""

    text = RichTextField(_("tekst"), features=["bold", "italic", "link"], blank=True)

    panels = [
        FieldPanel("text"),
        InlinePanel("links", heading=_("Links"), label=_("Link"), max_num=12),
    ]

    class Meta(PerLanguage.Meta):
        verbose_name = _("voettekst")
        verbose_name_plural = _("voetteksten")


class FooterLink(TranslatableLink):
    footer = ParentalKey(Footer, on_delete=models.CASCADE, related_name="links")


class Consent(models.Model):
    """A person's consent, with the exact text they agreed to and when (GDPR art. 7)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    purpose = models.CharField(_("doel"), max_length=60)
    text = models.TextField(_("tekst waarmee is ingestemd"))
    given_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self):
        return f"{self.user} – {self.purpose} ({self.given_at:%Y-%m-%d})"


class Insight(models.Model):
    """No table: only the permission to see "Inzicht", the staff reports in the admin
    (home.insight). A data migration gives it to the Moderatoren group; superusers have it
    anyway, and admins can give it to other groups under Settings → Groups."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_insight", "Can view Inzicht (reports)")]
        verbose_name = _("inzicht")

    def __str__(self):
        return str(self._meta.verbose_name)
