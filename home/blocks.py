"""StreamField blocks shared by the portal's pages.

Each block renders with NL Design System (Utrecht) classes from its own template in
home/templates/home/blocks/.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock

from home.navigation import localized_pages

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def validate_link(value):
    """A link is an absolute http(s) URL or a path on this site ("/mentor-aanvragen/")."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class LinkStructValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page is not None and page.live:
            return page.localized.url
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to a URL; exactly one of the two."""

    page = blocks.PageChooserBlock(required=False, label=_("Pagina"))
    url = blocks.CharBlock(
        required=False,
        label=_("Of een adres"),
        help_text=_("Een volledig webadres (https://...) of een pad op deze site (/programmas/)."),
        validators=[validate_link],
    )

    class Meta:
        value_class = LinkStructValue
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Kies een pagina óf vul een adres in (één van beide).")
                    ),
                }
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        label=_("Niveau"),
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "home/blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Afbeelding"))
    caption = blocks.CharBlock(required=False, label=_("Onderschrift"), max_length=250)
    attribution = blocks.CharBlock(required=False, label=_("Fotograaf of bron"), max_length=120)

    class Meta:
        icon = "image"
        label = _("Afbeelding met onderschrift")
        template = "home/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(required=False, label=_("Wie zei dit"), max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "home/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(required=False, label=_("Tekst"), max_length=400)
    link = LinkBlock()
    link_label = blocks.CharBlock(label=_("Tekst op de knop"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = "home/blocks/call_to_action_block.html"


class PortalTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "home/blocks/table_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks an editor can use on any content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Alinea"),
        icon="pilcrow",
        template="home/blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    table = PortalTableBlock(
        table_options={"startRows": 3, "startCols": 3},
    )


class FeaturedPagesValue(blocks.StructValue):
    def live_pages(self):
        return localized_pages(self["pages"])


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kop"), max_length=120)
    introduction = blocks.TextBlock(required=False, label=_("Inleiding"), max_length=400)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pagina's"), min_num=1, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("Uitgelichte pagina's")
        template = "home/blocks/featured_pages_block.html"
        value_class = FeaturedPagesValue


class HomeStreamBlock(BaseStreamBlock):
    featured_pages = FeaturedPagesBlock()
