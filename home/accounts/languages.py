"""The language a person chose for the portal's e-mails to them.

It is kept in Wagtail's user profile (`preferred_language`), the same field that sets the
admin's language for staff, so one choice covers both. A new account gets the language it
signed up in; "Mijn account" changes it.
"""

from django.conf import settings
from django.db.models.functions import Lower
from django.utils.translation import get_language, get_supported_language_variant
from wagtail.users.models import UserProfile


def site_language(code):
    """The site's language for code (en-gb counts as en), or None if the site has none."""
    try:
        return get_supported_language_variant((code or "").lower())
    except LookupError:
        return None


def chosen_language(user):
    profile = UserProfile.objects.filter(user=user).first()
    return site_language(profile.preferred_language if profile else "") or settings.LANGUAGE_CODE


def choose_language(user, code=None):
    """Keep code (by default the active language) as the user's language, if the site has it."""
    code = site_language(code or get_language())
    if code:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = code
        profile.save(update_fields=["preferred_language"])
    return code


def languages_of(addresses):
    """{address: language} for the addresses that belong to an account with a chosen language
    (compared without case, as people type their address differently)."""
    rows = (
        UserProfile.objects.filter(user__is_active=True)
        .exclude(preferred_language="")
        .annotate(address=Lower("user__email"))
        .filter(address__in={address.lower() for address in addresses})
    )
    return {
        address: site_language(code)
        for address, code in rows.values_list("address", "preferred_language")
        if site_language(code)
    }
