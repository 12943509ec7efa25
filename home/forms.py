"""Shared form pieces: protection for forms the public can post without an account, names
without bidi controls, and a choice field for the portal's named lists.

Two quiet checks instead of a puzzle for the visitor: a field that people never see but bots
fill in (a honeypot), and a signed token that rejects forms sent faster than a person can type,
from a page older than a day, or a second time. Views add a rate limit (django-ratelimit).
"""

import secrets
import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal import parameters

MINIMUM_SECONDS = 3
MAXIMUM_AGE = 24 * 60 * 60
SALT = "portal.spam-protected-form"


def form_token(started=None):
    """The signed start time of one rendered form, with a random nonce of its own: the nonce
    lets a token be used once (see SpamProtectedForm.full_clean)."""
    started = time.time() if started is None else started
    return signing.dumps({"started": started, "nonce": secrets.token_urlsafe(16)}, salt=SALT)


# Bidi embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). In a name they turn
# the text after them around, also on the pages and in the e-mails that show the name:
# "Bakkerij\u202elive" reads "Bakkerijevil". A paragraph keeps them: in Arabic text an isolate
# can be meant.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# The <input> types of one line of text (not passwords, which are kept exactly as typed).
SINGLE_LINE_INPUTS = {"text", "email", "url", "search", "tel"}


def without_bidi_controls(text):
    return text.translate(BIDI_CONTROLS) if isinstance(text, str) else text


class NoBidiControlsMixin:
    """For every form the public and entrepreneurs post: single-line text fields (a CharField
    with a text-like <input>) lose their bidi controls before they are cleaned, so validation,
    the saved value and a re-rendered form all see the text without them. Textareas keep them."""

    def full_clean(self):
        if self.is_bound:
            self.data = self._without_bidi_controls(self.data)
        super().full_clean()

    def _without_bidi_controls(self, data):
        names = [
            self.add_prefix(name)
            for name, field in self.fields.items()
            if isinstance(field, forms.CharField)
            and getattr(field.widget, "input_type", None) in SINGLE_LINE_INPUTS
        ]
        names = [name for name in names if name in data]
        if not names:
            return data
        data = data.copy()
        for name in names:
            if hasattr(data, "setlist"):  # QueryDict, MultiValueDict
                data.setlist(name, [without_bidi_controls(v) for v in data.getlist(name)])
            else:
                data[name] = without_bidi_controls(data[name])
        return data


class SpamProtectedForm(NoBidiControlsMixin, forms.Form):
    # Named like a field bots love to fill; hidden from people and screen readers by the template.
    website_url = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.nonce = None
        if not self.is_bound:
            self.initial["started"] = form_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website_url"):
            raise forms.ValidationError(
                _("Je bericht lijkt op spam en is niet verstuurd."), code="spam"
            )
        try:
            token = signing.loads(cleaned.get("started") or "", salt=SALT, max_age=MAXIMUM_AGE)
            started, self.nonce = float(token["started"]), str(token["nonce"])
        except (signing.BadSignature, TypeError, KeyError, ValueError) as exc:
            # A token from before nonces (a bare number) counts as expired too.
            raise forms.ValidationError(
                _("Dit formulier is verlopen. Verstuur het nog een keer."), code="expired"
            ) from exc
        if time.time() - started < MINIMUM_SECONDS:
            raise forms.ValidationError(
                _("Dat ging erg snel. Controleer je bericht en verstuur het nog een keer."),
                code="too_fast",
            )
        return cleaned

    def full_clean(self):
        """A valid form uses up its token, so the same token cannot post twice (a bot replaying
        one page, or a second click). cache.add is atomic on the shared cache: of two posts at
        the same moment, one wins. The key lives as long as the token could."""
        super().full_clean()
        if not self.is_bound or self._errors or not self.nonce:
            return
        if not cache.add(f"{SALT}:used:{self.nonce}", True, timeout=MAXIMUM_AGE):
            message = _(
                "Je hebt dit formulier al verstuurd. Wil je het nog een keer sturen? "
                "Verstuur het dan opnieuw."
            )
            self.add_error(None, forms.ValidationError(message, code="used"))

    def refresh_timestamp(self):
        """On a re-rendered form, start the clock again with a new token, so a person can simply
        resend it."""
        data = self.data.copy()
        data["started"] = form_token(time.time() - MINIMUM_SECONDS)
        self.data = data


# The field says "(niet verplicht)" itself (home/includes/form_field.html).
FIRST_NAME_HELP = _("Een mentor ziet je voornaam als je hulp vraagt.")


def first_name_field(help_text=FIRST_NAME_HELP):
    """The first name a person may give (a mentor sees it with their request), never required."""
    return forms.CharField(
        label=_("Je voornaam"),
        max_length=150,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )


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
    """Django's, but an id too large for the database is an invalid choice, not a crash, and a
    repeated id counts once (at most MAX_VALUES of them: portal.parameters)."""

    def _check_values(self, value):
        value = parameters.distinct(value)
        if any(too_large_id(item) for item in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": next(item for item in value if too_large_id(item))},
            )
        return super()._check_values(value)


def safe_relation(db_field, **kwargs):
    """A model field's form field, with a relation as one of the Safe… fields above."""
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", SafeModelChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
    return db_field.formfield(**kwargs)


class PublicModelForm(NoBidiControlsMixin, forms.ModelForm):
    """A ModelForm the public fills in. Its Meta builds on PublicModelForm.Meta, so every
    relation it shows takes an impossible id as an invalid choice, not a crash."""

    class Meta:
        formfield_callback = safe_relation


class NamesChoiceField(SafeModelMultipleChoiceField):
    """Checkboxes labelled with each option's name in the visitor's language (sectors, languages,
    needs, stages), not the longer text of str()."""

    def label_from_instance(self, obj):
        return obj.name
