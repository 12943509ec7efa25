"""Query parameters that may repeat (?wijk=lombok&wijk=zuilen): at most MAX_VALUES different
values each.

Each value of a list filter becomes SQL (one more condition in an OR, one more item in an IN
list), and a URL may repeat a value as often as it likes: `wijk=lombok` 990 times made SQLite
give up after seconds ("Expression tree is too large"). So a value counts once, in the place it
first came, and values beyond the cap are left out without an error: nobody ticks more than 20
options of one filter, and a page that answers is better than an error page. The whole query
string is bounded by DATA_UPLOAD_MAX_NUMBER_FIELDS (portal/settings/base.py).

The public lists' filters use `MultipleChoiceFilter`, or `BoundedMultipleMixin` on a form
field; the directory's parser (search/params.py) uses `distinct`.
"""

import django_filters
from django_filters import fields

MAX_VALUES = 20


def distinct(values, limit=MAX_VALUES):
    """The first `limit` different values, in the order they came."""
    kept = []
    for value in values:
        if value not in kept:
            kept.append(value)
            if len(kept) == limit:
                break
    return kept


class BoundedMultipleMixin:
    """For a multiple choice form field: each value once, at most MAX_VALUES of them, before
    they are validated and used."""

    def to_python(self, value):
        return distinct(super().to_python(value))


class MultipleChoiceField(BoundedMultipleMixin, fields.MultipleChoiceField):
    pass


class MultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    """django-filter's MultipleChoiceFilter, with each value once and at most MAX_VALUES."""

    field_class = MultipleChoiceField
