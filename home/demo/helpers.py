"""Building blocks for the demo data of every app: idempotent "ensure" functions that create
what is missing and leave what exists (and what staff changed) alone."""

import io
import json
import uuid

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from home.models import MainMenu, MainMenuItem, StandardPage


def get_locale(code):
    return Locale.objects.get(language_code=code)


def english():
    return get_locale("en")


def ensure_aliases(page):
    """An alias of page in every language that follows page's own (wagtail-localize's "sync
    from", set up by home/migrations/0006) and has no translation of it yet, as wagtail-localize
    makes for a page created in the admin. A parent without one gets an alias first."""
    synced = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id)
    for sync in synced.select_related("locale"):
        if not page.has_translation(sync.locale):
            page.copy_for_translation(sync.locale, copy_parents=True, alias=True)


def ensure_image(title, data, filename):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=filename))
        image._set_file_hash()
        image.file_size = len(data)
        image.save()
    return image


def ensure_page(parent, texts, translation_of=None):
    """A published StandardPage under parent, made from texts unless its slug exists.

    With translation_of, the new page is that page's translation in parent's language.
    """
    page = parent.get_children().filter(slug=texts["slug"]).first()
    if page is not None:
        return page.specific
    page = StandardPage(
        title=texts["title"],
        slug=texts["slug"],
        introduction=texts["introduction"],
        body=json.dumps(texts["body"]),
        locale=parent.locale,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def set_texts(page, texts):
    """Fill a page's fields from texts; lists are StreamField bodies in raw JSON form."""
    for field, value in texts.items():
        setattr(page, field, json.dumps(value) if isinstance(value, list) else value)
    page.draft_title = page.title


def ensure_translation(page, texts, locale=None, fill=set_texts):
    """page's translation into locale (English if not given), with its own texts, once.

    An existing translation is left alone: staff may have changed it. An alias only mirrors the
    Dutch page, so it becomes a real translation (the same page, under its translated slug).
    Without either, the page is copied into locale's tree with everything that is not text (its
    parent must be translated already). fill(translation, texts) puts the texts in place.
    """
    locale = locale or english()
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.alias_of_id is None:
        return translation.specific
    if translation is None:
        translation = page.specific.copy_for_translation(locale)
    translation = translation.specific
    translation.alias_of = None
    fill(translation, texts)
    translation.save()
    translation.save_revision().publish()
    return translation


def add_menu_item(page, sort_order):
    """Put `page` in the main menu of every language, once, linking to its version in that
    language; the items are translations of each other (one translation key)."""
    translations = {p.locale_id: p for p in page.get_translations(inclusive=True)}
    existing = MainMenuItem.objects.filter(link_page__in=translations.values()).first()
    translation_key = existing.translation_key if existing else uuid.uuid4()
    for menu in MainMenu.objects.all():
        if menu.items.filter(link_page__in=translations.values()).exists():
            continue
        link = translations.get(menu.locale_id, page)
        menu.items.add(
            MainMenuItem(
                link_page=link,
                sort_order=sort_order,
                locale_id=menu.locale_id,
                translation_key=translation_key,
            )
        )
        menu.save()


def add_menu_link(path, labels, sort_order):
    """Put a path on the site (a view that is not a page, such as the directory) in the main
    menu of every language, once, with the label in that language (`labels` by language code,
    Dutch for the others); the items are translations of each other. The menu shows the path
    in the visitor's language (home.navigation.localized_path)."""
    existing = MainMenuItem.objects.filter(link_url=path).first()
    translation_key = existing.translation_key if existing else uuid.uuid4()
    for menu in MainMenu.objects.select_related("locale"):
        if menu.items.filter(link_url=path).exists():
            continue
        label = labels.get(menu.locale.language_code, labels["nl"])
        menu.items.add(
            MainMenuItem(
                link_url=path,
                label=label,
                sort_order=sort_order,
                locale_id=menu.locale_id,
                translation_key=translation_key,
            )
        )
        menu.save()


def add_featured_section(home, heading, introduction, pages):
    """Put a "featured pages" section at the top of a home page, once (found by its heading)."""
    if home.has_unpublished_changes:
        return  # staff are editing a draft; leave the page to them
    if any(
        block.block_type == "featured_pages" and block.value["heading"] == heading
        for block in home.body
    ):
        return
    raw = list(home.body.get_prep_value())
    raw.insert(
        0,
        {
            "type": "featured_pages",
            "value": {
                "heading": heading,
                "introduction": introduction,
                "pages": [p.pk for p in pages],
            },
        },
    )
    home.body = json.dumps(raw)
    home.save_revision().publish()
