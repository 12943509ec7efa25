"""The cards of a neighbourhood's list of businesses, kept as HTML under the content version.

A card shows what changes only with content (the photo, name, tagline, address, sectors and
languages of the business, the address of its profile), in the reader's language, and "open
now", which changes with the clock. Each card is kept whole for the state of "open now" it was
rendered with, under the page cache's content version (portal.page_cache), which every committed
change of public content renews: a changed business, photo, sector or neighbourhood shows at
once, and the clock only chooses which of the two versions of a card is shown.

The cards of a page come from the cache in one round trip; only those missing are rendered, and
only their sectors, languages and photos are read from the database. A card holds nothing
personal and no form, so it is the same for every visitor, logged in or not. Off with the page
cache (PAGE_CACHE_SECONDS = 0, development and tests): then every card is rendered.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import page_cache

TEMPLATE = "businesses/includes/business_card.html"


def card_key(version, business, language, host, first):
    # The first card's photo may be on the first screen, so it alone loads eagerly.
    return f"card:{version}:{business.pk}:{language}:{host}:{int(business.open_now)}:{int(first)}"


def business_cards(request, businesses, prefetch):
    """The HTML of each business's card, in order. Each business has `profile_url` and
    `open_now`; `prefetch` reads what a card shows (prefetch_related lookups), for the cards
    that have to be rendered."""

    keep = settings.PAGE_CACHE_SECONDS > 0
    version = page_cache.version() if keep else ""
    language, host = get_language(), request.get_host()
    keys = [
        card_key(version, business, language, host, index == 0)
        for index, business in enumerate(businesses)
    ]
    stored = cache.get_many(keys) if keep else {}
    missing = [
        (index, business, key)
        for index, (business, key) in enumerate(zip(businesses, keys, strict=True))
        if key not in stored
    ]
    if missing:
        prefetch_related_objects([business for _index, business, _key in missing], *prefetch)
        template = get_template(TEMPLATE)
        fresh = {
            key: template.render({"business": business, "first": index == 0})
            for index, business, key in missing
        }
        if keep:
            cache.set_many(fresh, timeout=settings.PAGE_CACHE_SECONDS)
        stored.update(fresh)
    # Rendered here with autoescaping, or read back from what was rendered so.
    return [mark_safe(stored[key]) for key in keys]  # noqa: S308
