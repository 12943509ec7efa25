"""Public views of neighbourhoods and business profiles, served through NeighbourhoodPage routes."""

import hashlib
import json
from contextlib import suppress

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from businesses import hours
from businesses.cards import business_cards
from businesses.figures import neighbourhood_figures
from businesses.filters import PAGE_SIZES, BusinessFilter
from businesses.forms import ReportForm
from businesses.models import BusinessPhoto, BusinessTag, OutdatedInfoReport, Sector
from businesses.notifications import notify_staff_of_report
from home.pagination import clamped_page
from portal import page_cache

# A card's photo in the widths its srcset offers (businesses/includes/business_card.html): for
# a card 301px wide on a phone of 375px (1x to 3x) and 384px on a screen of 1280px (1x, 2x).
CARD_RENDITIONS = tuple(
    f"fill-{size}|format-webp" for size in ("320x213", "480x320", "640x427", "800x533", "960x640")
)
PROFILE_RENDITIONS = ("fill-960x640|format-webp", "fill-480x320|format-webp", "fill-1200x630")


def map_config(markers, boundary=None):
    """What the map script needs, rendered with json_script; the page works without it."""
    return {"tiles": settings.PORTAL_MAP_TILE_URL, "markers": markers, "boundary": boundary}


def photos_prefetch(*renditions):
    Image = get_image_model()
    images = Image.objects.prefetch_renditions(*renditions)
    return Prefetch(
        "photos",
        queryset=BusinessPhoto.objects.select_related("image").prefetch_related(
            Prefetch("image", queryset=images)
        ),
    )


def card_data():
    """Everything a business card shows but "open now", in a fixed number of queries for any
    page size (prefetch_related lookups; businesses.cards reads them for the cards it renders)."""
    return ("sectors", "languages", photos_prefetch(*CARD_RENDITIONS))


def hours_special_days(today):
    from businesses.models import SpecialDay

    # "Open now" needs today and yesterday; the profile lists the coming weeks.
    return SpecialDay.objects.filter(date__gte=today - hours.timedelta(days=1))


class CountedPaginator(Paginator):
    """A Paginator told its count, when that came with other numbers (the facet counts)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count  # replaces the cached_property, and its COUNT query


def listing_facets(filterset, neighbourhood):
    """The counts beside a neighbourhood's businesses depend on the data, the filters, the
    language of the labels and, through "open now", the minute: kept for that minute under the
    content version, so the pages of one list, and its visitors that minute, count once.

    Returns the facets and the key they are kept under (None when the filters are not valid:
    then they are counted afresh), which also keys the rendered filter form."""
    if filterset.is_bound and not filterset.form.is_valid():
        return filterset.facets(), None
    chosen = sorted(
        (name, str(value))
        for name, value in (filterset.form.cleaned_data if filterset.is_bound else {}).items()
        if name != "per_page" and value not in (None, "", [])
    )
    digest = hashlib.sha256(repr(chosen).encode()).hexdigest()[:32]
    minute = hours.local_now().strftime("%Y%m%d%H%M")
    key = f"{neighbourhood.pk}:{get_language()}:{minute}:{digest}"
    return page_cache.cached(f"neighbourhood-facets:{key}", filterset.facets), key


def neighbourhood_listing(request, neighbourhood):
    page_cache.declare_public(request, [*BusinessFilter.base_filters, "page"])
    filterset = BusinessFilter(request.GET or None, queryset=neighbourhood.published_businesses())
    facets, facets_key = listing_facets(filterset, neighbourhood)
    paginator = CountedPaginator(
        filterset.qs.order_by("name", "pk"), filterset.page_size, facets["total"]
    )
    page = clamped_page(paginator, request.GET.get("page"))
    businesses = list(page.object_list)
    open_now = hours.open_now_of([b.pk for b in businesses])
    # Business.get_url(request, neighbourhood), with the neighbourhood's URL worked out once.
    neighbourhood_url = neighbourhood.get_url(request)
    for business in businesses:
        business.profile_url = f"{neighbourhood_url}{business.slug}/"
        business.open_now = open_now[business.pk]
    markers = [
        {
            "name": b.name,
            "url": b.profile_url,
            "lat": float(b.latitude),
            "lon": float(b.longitude),
            "label": b.address,
        }
        for b in businesses
        if b.has_location
    ]
    year = hours.local_now().year
    context = neighbourhood.get_context(request)
    context.update(
        {
            "filterset": filterset,
            "facets": facets,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "page_sizes": PAGE_SIZES,
            "businesses": businesses,
            "cards": business_cards(request, businesses, card_data()),
            "total": paginator.count,
            "query_string": page_cache.declared_query(request),
            "map": map_config(markers, boundary=neighbourhood.boundary),
            # The filter form as these facets and this page size show it (see the template).
            "filters_key": facets_key and f"{facets_key}:{filterset.page_size}",
            # "De wijk in cijfers" is kept as a fragment for the year: worked out only when
            # the fragment is missing.
            "figures_year": year,
            "figures": SimpleLazyObject(lambda: neighbourhood_figures(neighbourhood, year)),
        }
    )
    return TemplateResponse(request, "businesses/neighbourhood_page.html", context)


def get_live_business(neighbourhood, slug):
    today = hours.local_now().date()
    # The page is never stored whole (it has a form), but what it shows changes only with
    # content: the business and its related rows are kept under the content version.
    business = page_cache.cached(
        f"profile:{neighbourhood.translation_key}:{slug}:{today}",
        lambda: (
            with_profile_data(neighbourhood.published_businesses(), today).filter(slug=slug).first()
        ),
    )
    if business is None:
        # Drafts and businesses awaiting moderation are not public.
        raise Http404(_("Dit bedrijf bestaat niet of is nog niet gepubliceerd."))
    return business


def with_profile_data(queryset, today):
    """Everything a profile shows, in one query per relation."""
    return queryset.prefetch_related(
        # str(sector) names its main sector too.
        Prefetch("sectors", queryset=Sector.objects.select_related("parent")),
        "languages",
        "opening_hours",
        "links",
        "stories",
        Prefetch("tagged_items", queryset=BusinessTag.objects.select_related("tag")),
        Prefetch("special_days", queryset=hours_special_days(today)),
        photos_prefetch(*PROFILE_RENDITIONS),
    )


def profile_context(request, business, neighbourhood):
    weekly, specials = business.schedule()
    now = hours.local_now()
    open_range = hours.open_range_at(weekly, specials, now)
    url = business.get_url(request, neighbourhood=neighbourhood)
    story, other_stories = business.stories_for_reader(get_language())
    return {
        "page": neighbourhood,
        "neighbourhood": neighbourhood,
        "business": business,
        "business_url": url,
        "open_now": open_range is not None,
        "open_until": open_range[1].closes if open_range else None,
        "next_opening": None if open_range else hours.next_opening(weekly, specials, now),
        "week": hours.week_table(weekly, specials, now),
        "special_days": hours.upcoming_special_days(list(business.special_days.all()), now),
        "products": [item.tag for item in business.tagged_items.all()],
        "story": story,
        "other_stories": other_stories,
        "map": map_config(
            [
                {
                    "name": business.name,
                    "lat": float(business.latitude),
                    "lon": float(business.longitude),
                    "label": business.address,
                }
            ]
            if business.has_location
            else []
        ),
        # Worked out only when the head's fragment is missing (business_page.html).
        "json_ld": SimpleLazyObject(lambda: json_ld(request, business, url, weekly)),
    }


def business_profile(request, neighbourhood, slug, form=None):
    # Public, but its report form sets the CSRF cookie: never stored whole (see page_cache).
    page_cache.declare_public(request, ["gemeld"])
    business = get_live_business(neighbourhood, slug)
    context = neighbourhood.get_context(request)
    context.update(profile_context(request, business, neighbourhood))
    context["report_form"] = form or ReportForm(auto_id="melding_%s")
    context["reported"] = request.GET.get("gemeld") == "1"
    return TemplateResponse(request, "businesses/business_page.html", context)


def report_outdated_information(request, neighbourhood, slug):
    business = get_live_business(neighbourhood, slug)
    if request.method != "POST":
        return redirect(business.get_url(request, neighbourhood=neighbourhood) + "#melden")
    form = ReportForm(request.POST, auto_id="melding_%s")
    limited = is_ratelimited(request, group="report-outdated", key="ip", rate="5/h", increment=True)
    if limited:
        form.add_error(
            None, _("Je hebt net al een paar meldingen gestuurd. Probeer het over een uur opnieuw.")
        )
    if limited or not form.is_valid():
        form.refresh_timestamp()
        return business_profile(request, neighbourhood, slug, form=form)
    report = OutdatedInfoReport.objects.create(
        business=business, message=form.cleaned_data["message"], email=form.cleaned_data["email"]
    )
    notify_staff_of_report(report)
    messages.success(request, _("Dank je wel! Een medewerker van de gemeente kijkt ernaar."))
    return redirect(business.get_url(request, neighbourhood=neighbourhood) + "?gemeld=1#melden")


SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def json_ld(request, business, url, weekly):
    """schema.org LocalBusiness for search engines, as escaped JSON for a script element."""
    data = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": business.name,
        "url": request.build_absolute_uri(url),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": f"{business.street} {business.house_number}{business.house_number_addition}",
            "postalCode": business.postcode,
            "addressLocality": business.city,
            "addressCountry": "NL",
        },
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
                "opens": f"{r.opens:%H:%M}",
                "closes": f"{r.closes:%H:%M}",
            }
            for day, ranges in sorted(weekly.items())
            for r in ranges
        ],
        "knowsLanguage": [language.code for language in business.languages.all()],
    }
    if business.tagline:
        data["description"] = business.tagline
    if business.has_location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(business.latitude),
            "longitude": float(business.longitude),
        }
    if business.phone:
        data["telephone"] = str(business.phone)
    if business.email:
        data["email"] = business.email
    photos = list(business.photos.all())
    # A photo whose file went missing from the media storage is left out, as the {% image %}
    # tag leaves it out of the page, instead of failing the whole profile.
    with suppress(SourceImageIOError):
        if photos:
            data["image"] = request.build_absolute_uri(
                photos[0].image.get_rendition("fill-1200x630").url
            )
    same_as = [link.url for link in business.links.all()] + (
        [business.website] if business.website else []
    )
    if same_as:
        data["sameAs"] = same_as
    # Same escaping as json_script: the JSON cannot close the script element.
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
