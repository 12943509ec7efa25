"""Demo content of the home app: the site, home page, about/privacy/accessibility pages in
Dutch, English, Turkish and Arabic, portal settings, menus. Run by `manage.py load_demo_data`."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Site

from home.demo import content
from home.demo.helpers import ensure_image, ensure_page, ensure_translation
from home.demo.images import municipality_logo, street_scene
from home.demo.registry import demo_step
from home.models import (
    Footer,
    FooterLink,
    MainMenu,
    MainMenuItem,
    PortalSettings,
    SocialLink,
)

# The languages the demo's home, about, privacy and accessibility pages are translated into.
TRANSLATIONS = ("en", "tr", "ar")


@demo_step(order=0)
def load(stdout):
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    ensure_site_address(site)
    images = {
        "hero": ensure_image(
            "Winkelstraat (illustratie)", street_scene(seed=2026), "winkelstraat.jpg"
        ),
        "logo": ensure_image("Logo gemeente (voorbeeld)", municipality_logo(), "logo.png"),
    }
    home = site.root_page.specific
    pages = {
        "about": ensure_page(home, content.ABOUT["nl"]),
        "privacy": ensure_page(home, content.PRIVACY["nl"]),
        "accessibility": ensure_page(home, content.ACCESSIBILITY["nl"]),
    }
    fill_home(home, content.HOME["nl"], images, pages)
    for code in TRANSLATIONS:
        locale = Locale.objects.get(language_code=code)
        ensure_home_translation(home, content.HOME[code], pages, locale)
        for key, texts in (
            ("about", content.ABOUT),
            ("privacy", content.PRIVACY),
            ("accessibility", content.ACCESSIBILITY),
        ):
            ensure_translation(pages[key], texts[code], locale)
    ensure_settings(site, images["logo"], pages)
    ensure_navigation(pages)


def home_fields(home, texts, hero, pages):
    home.title = home.draft_title = texts["title"]
    home.hero_heading = texts["hero_heading"]
    home.hero_text = texts["hero_text"]
    home.hero_image = hero
    home.introduction = texts["introduction"]
    home.calls_to_action = json.dumps(
        [
            {
                "type": "call_to_action",
                "value": {
                    "title": cta["title"],
                    "text": cta["text"],
                    "link_label": cta["link_label"],
                    "link": {"page": None, "url": cta["url"]},
                },
            }
            for cta in texts["calls_to_action"]
        ]
    )
    home.body = json.dumps(
        [
            {
                "type": "featured_pages",
                "value": {
                    "heading": texts["featured_heading"],
                    "introduction": texts["featured_introduction"],
                    "pages": [pages["about"].pk, pages["privacy"].pk],
                },
            }
        ]
    )


def fill_home(home, texts, images, pages):
    # The migration made an empty home page; a revision means someone edited it already.
    if home.latest_revision_id is not None:
        return
    home_fields(home, texts, images["hero"], pages)
    home.save()
    home.save_revision().publish()


def ensure_home_translation(home, texts, pages, locale):
    # The featured pages stay the Dutch ones: the block shows each in the reader's language.
    ensure_translation(
        home,
        texts,
        locale,
        fill=lambda translation, texts: home_fields(translation, texts, home.hero_image, pages),
    )


def ensure_site_address(site):
    """Point the site made by the migration at WAGTAILADMIN_BASE_URL, for absolute URLs."""
    if (site.hostname, site.port) != ("localhost", 80):
        return
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()


def ensure_settings(site, logo, pages):
    portal, created = PortalSettings.objects.get_or_create(site=site)
    if not created and portal.contact_email:
        return
    for field, value in content.MUNICIPALITY.items():
        setattr(portal, field, value)
    portal.logo = logo
    portal.privacy_page = pages["privacy"]
    portal.accessibility_page = pages["accessibility"]
    portal.social_links = [
        SocialLink(service=service, url=url, sort_order=i)
        for i, (service, url) in enumerate(content.SOCIAL_LINKS)
    ]
    portal.save()


def ensure_navigation(pages):
    """A main menu and a footer in every language: the Dutch ones, and the others as their
    translations (the same translation key, as wagtail-localize makes them), each footer with
    its own text."""
    dutch = Locale.objects.get(language_code="nl")
    menu = MainMenu.objects.filter(locale=dutch).first()
    if menu is None:
        menu = MainMenu(locale=dutch)
        menu.items = [MainMenuItem(link_page=pages["about"], sort_order=0)]
        menu.save()
    footer = Footer.objects.filter(locale=dutch).first()
    if footer is None:
        footer = Footer(locale=dutch, text=content.FOOTER_TEXT["nl"])
        # Privacy and accessibility statements have their own place in the footer.
        footer.links = [FooterLink(link_page=pages["about"], sort_order=0)]
        footer.save()
    for locale in Locale.objects.exclude(pk=dutch.pk):
        if not MainMenu.objects.filter(locale=locale).exists():
            translate_navigation(menu, "items", locale)
        if not Footer.objects.filter(locale=locale).exists():
            text = content.FOOTER_TEXT.get(locale.language_code, footer.text)
            translate_navigation(footer, "links", locale, text=text)


def translate_navigation(source, relation, locale, **fields):
    translation = source.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    # Each link points at the page in the menu's language (the menu would swap it anyway).
    for item in getattr(translation, relation).all():
        if item.link_page_id:
            item.link_page = item.link_page.get_translation_or_none(locale) or item.link_page
    translation.save()
