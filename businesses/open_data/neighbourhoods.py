"""The neighbourhoods both datasets of the businesses app are chosen by: which exist (live and
public, with every language version's slug) and the ?wijk= parameter that picks one of them.
Apart so the businesses and the figures per month read the one cached list the same way; read
as neighbourhoods.known(), neighbourhoods.chosen_neighbourhoods(wijk) and
neighbourhoods.choices() (the page's form)."""

from django.utils.translation import gettext as _
from ninja import Schema

from businesses.models import NeighbourhoodPage
from home import open_data
from home.open_data import OpenDataError, documented
from portal.page_cache import cached


def known():
    """The live, public Dutch neighbourhood pages: [{"translation_key", "slug", "title", "url",
    "page_ids" (of every live language version)}], by title; and {slug of any language
    version: translation key}."""

    def load():
        pages = NeighbourhoodPage.objects.live().public().order_by("title", "pk")
        versions = list(pages.values_list("pk", "slug", "translation_key"))
        dutch = [
            {
                "translation_key": str(page.translation_key),
                "slug": page.slug,
                "title": page.title,
                "url": page.url,
                "page_ids": [pk for pk, _s, key in versions if key == page.translation_key],
            }
            for page in pages.filter(locale__language_code="nl")
        ]
        slugs = {slug: str(key) for _pk, slug, key in versions}
        return dutch, slugs

    return cached("open-data:neighbourhoods", load)


def chosen_neighbourhoods(wijk):
    """The neighbourhoods a `wijk` parameter chooses: all when empty, else the one it names."""
    dutch, slugs = known()
    wijk = (wijk or "").strip()
    if not wijk:
        return dutch
    key = slugs.get(wijk)
    if key is None:
        raise OpenDataError(
            _("De wijk %(wijk)s kennen we niet. Kies een van: %(known)s.")
            % {"wijk": open_data.echo(wijk), "known": ", ".join(n["slug"] for n in dutch)}
        )
    return [n for n in dutch if n["translation_key"] == key]


def choices():
    return [(n["slug"], n["title"]) for n in known()[0]]


class WijkParams(Schema):
    """?wijk= (chosen_neighbourhoods checks it)."""

    # The docstring above is this schema's description in /api/openapi.json: keep it as it is.
    wijk: str = documented(
        {
            "type": "string",
            "pattern": open_data.SLUG_PATTERN,
            "example": "lombok",
            "description": (
                "Alleen deze wijk (slug, zoals in de webadressen: lombok); zonder: alle wijken. "
                "Een wijk die het portaal niet kent geeft 400."
            ),
        }
    )
