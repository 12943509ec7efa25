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
    for code in ("nl", "en"):
        ensure_navigation(code, pages)


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


def ensure_navigation(code, pages):
    locale = Locale.objects.get(language_code=code)
    localized = {key: page.get_translation(locale) for key, page in pages.items()}
    if not MainMenu.objects.filter(locale=locale).exists():
        menu = MainMenu(locale=locale)
        menu.items = [MainMenuItem(link_page=localized["about"], sort_order=0)]
        menu.save()
    if not Footer.objects.filter(locale=locale).exists():
        footer = Footer(locale=locale, text=content.FOOTER_TEXT[code])
        # Privacy and accessibility statements have their own place in the footer.
        footer.links = [FooterLink(link_page=localized["about"], sort_order=0)]
        footer.save()
