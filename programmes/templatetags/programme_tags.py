from django import template
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from programmes.models import ProgrammeIndexPage, ProgrammePage, expired_q

register = template.Library()


@register.inclusion_tag("programmes/includes/featured.html", takes_context=True)
def featured_programmes(context, count=3):
    """Programmes from the focus categories, nearest deadline first, in the page's language."""
    today = timezone.localdate()
    language = (get_language() or "nl").split("-")[0]
    programmes = list(
        ProgrammePage.objects.live()
        .filter(category__is_focus=True, locale__language_code=language)
        .exclude(expired_q(today))
        .select_related("provider", "category")
        .prefetch_related("sessions")
        .order_by(F("deadline").asc(nulls_last=True), "title")[:count]
    )
    index = ProgrammeIndexPage.objects.live().filter(locale__language_code=language).first()
    return {"programmes": programmes, "index": index, "request": context.get("request")}


@register.inclusion_tag("programmes/includes/neighbourhood_contacts.html")
def neighbourhood_contacts(neighbourhood):
    """The municipality's contacts for a neighbourhood (in any language version of its page)."""
    from programmes.models import MunicipalContact

    contacts = MunicipalContact.objects.filter(
        neighbourhoods__translation_key=neighbourhood.translation_key
    ).distinct()
    return {"contacts": list(contacts)}


@register.simple_tag
def next_session(programme):
    """The programme's nearest session to come, in words (programmes.sessions.describe), or
    None. Reads programme.sessions.all(): lists prefetch them."""
    from programmes.sessions import describe

    upcoming = programme.upcoming_sessions()
    return describe(upcoming[0]) if upcoming else None
