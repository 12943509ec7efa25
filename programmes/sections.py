"""What programmes add to the pages of lower apps (home.sections; registered in
wagtail_hooks.py): the featured programmes on the home page, the municipality's contacts on a
neighbourhood page."""

from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from programmes.models import MunicipalContact, ProgrammeIndexPage, ProgrammePage, expired_q


def featured_programmes(request, page, count=3):
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
    context = {"programmes": programmes, "index": index}
    return render_to_string("programmes/includes/featured.html", context, request=request)


def neighbourhood_contacts(request, neighbourhood):
    """The municipality's contacts for a neighbourhood (in any language version of its page)."""
    contacts = MunicipalContact.objects.filter(
        neighbourhoods__translation_key=neighbourhood.translation_key
    ).distinct()
    context = {"contacts": list(contacts)}
    return render_to_string(
        "programmes/includes/neighbourhood_contacts.html", context, request=request
    )
