"""Model fields that take what people type and keep it in one form, and the fields several
models define alike (coordinates, the neighbourhoods something is for).

A KvK number is stored as its 8 digits and a postcode as "3531 CK", whichever way they were
typed ("1234 5678", "1234.5678", "3531ck"). The form field normalises too, so that every form
(the admin, the profile steps, the import) shows and stores the same thing.
"""

import re

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

from businesses.validators import normalise_postcode


def normalise_kvk_number(value):
    return re.sub(r"[\s.\-]", "", value or "")


class NormalisingFormField(forms.CharField):
    """A form field that hands on what was typed in the stored form (`normalise`)."""

    @staticmethod
    def normalise(value):
        return value

    def to_python(self, value):
        return self.normalise(super().to_python(value))


class NormalisingField(models.CharField):
    """A CharField kept in one form: its `form_class` normalises, and its form takes up to
    TYPED_LENGTH characters, the typed form being longer than the stored one."""

    form_class = NormalisingFormField
    TYPED_LENGTH = None

    def to_python(self, value):
        return self.form_class.normalise(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": self.form_class, "max_length": self.TYPED_LENGTH, **kwargs}
        )


class KvKNumberFormField(NormalisingFormField):
    normalise = staticmethod(normalise_kvk_number)


class KvKNumberField(NormalisingField):
    form_class = KvKNumberFormField
    # Room in the form for the spaces and dots people type between the 8 digits.
    TYPED_LENGTH = 16


class PostcodeFormField(NormalisingFormField):
    normalise = staticmethod(normalise_postcode)


class PostcodeField(NormalisingField):
    form_class = PostcodeFormField
    # "3531ck " is longer than the stored "3531 CK" before it is normalised.
    TYPED_LENGTH = 10


def coordinate_field(verbose_name, validator, **options):
    """A latitude or longitude in degrees, to 6 decimals (about 10 cm)."""
    return models.DecimalField(
        verbose_name, max_digits=8, decimal_places=6, validators=[validator], **options
    )


def neighbourhoods_field(related_name, help_text):
    """The neighbourhoods something is for, chosen among the Dutch pages (one per
    neighbourhood); none chosen means the whole city, as `help_text` tells staff."""
    return ParentalManyToManyField(
        "businesses.NeighbourhoodPage",
        verbose_name=_("wijken"),
        blank=True,
        related_name=related_name,
        limit_choices_to={"locale__language_code": "nl"},
        help_text=help_text,
    )
