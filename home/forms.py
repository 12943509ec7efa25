"""Shared form pieces: protection for forms the public can post without an account, and a
choice field for the portal's named lists.

Two quiet checks instead of a puzzle for the visitor: a field that people never see but bots
fill in (a honeypot), and a signed timestamp that rejects forms sent faster than a person can
type or from a page older than a day. Views add a rate limit (django-ratelimit).
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

MINIMUM_SECONDS = 3
MAXIMUM_AGE = 24 * 60 * 60
SALT = "portal.spam-protected-form"


class SpamProtectedForm(forms.Form):
    # Named like a field bots love to fill; hidden from people and screen readers by the template.
    website_url = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=SALT)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website_url"):
            raise forms.ValidationError(
                _("Je bericht lijkt op spam en is niet verstuurd."), code="spam"
            )
        try:
            started = signing.loads(cleaned.get("started") or "", salt=SALT, max_age=MAXIMUM_AGE)
        except signing.BadSignature as exc:
            raise forms.ValidationError(
                _("Dit formulier is verlopen. Verstuur het nog een keer."), code="expired"
            ) from exc
        if time.time() - float(started) < MINIMUM_SECONDS:
            raise forms.ValidationError(
                _("Dat ging erg snel. Controleer je bericht en verstuur het nog een keer."),
                code="too_fast",
            )
        return cleaned

    def refresh_timestamp(self):
        """On a re-rendered form, start the clock again so a person can simply resend it."""
        data = self.data.copy()
        data["started"] = signing.dumps(time.time() - MINIMUM_SECONDS, salt=SALT)
        self.data = data


def too_large_id(value):
    """An id beyond 64 bits: SQLite raises OverflowError on it instead of finding nothing."""
    try:
        return abs(int(str(value))) >= 2**63
    except ValueError:
        return False


class SafeModelChoiceField(forms.ModelChoiceField):
    """Django's, but an id too large for the database is an invalid choice, not a crash."""

    def to_python(self, value):
        if too_large_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, but an id too large for the database is an invalid choice, not a crash."""

    def _check_values(self, value):
        if any(too_large_id(item) for item in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": next(item for item in value if too_large_id(item))},
            )
        return super()._check_values(value)


class NamesChoiceField(SafeModelMultipleChoiceField):
    """Checkboxes labelled with each option's name in the visitor's language (sectors, languages,
    needs, stages), not the longer text of str()."""

    def label_from_instance(self, obj):
        return obj.name
