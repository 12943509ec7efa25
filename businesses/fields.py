"""Model fields that take what people type and keep it in one form.

A KvK number is stored as its 8 digits and a postcode as "3531 CK", whichever way they were
typed ("1234 5678", "1234.5678", "3531ck"). The form field normalises too, so that every form
(the admin, the profile steps, the import) shows and stores the same thing.
"""

import re

from django import forms
from django.db import models

from businesses.validators import normalise_postcode


def normalise_kvk_number(value):
    return re.sub(r"[\s.\-]", "", value or "")


class KvKNumberFormField(forms.CharField):
    def to_python(self, value):
        return normalise_kvk_number(super().to_python(value))


class KvKNumberField(models.CharField):
    # Room in the form for the spaces and dots people type between the 8 digits.
    TYPED_LENGTH = 16

    def to_python(self, value):
        return normalise_kvk_number(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": KvKNumberFormField, "max_length": self.TYPED_LENGTH, **kwargs}
        )


class PostcodeFormField(forms.CharField):
    def to_python(self, value):
        return normalise_postcode(super().to_python(value))


class PostcodeField(models.CharField):
    # "3531ck " is longer than the stored "3531 CK" before it is normalised.
    TYPED_LENGTH = 10

    def to_python(self, value):
        return normalise_postcode(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": PostcodeFormField, "max_length": self.TYPED_LENGTH, **kwargs}
        )
