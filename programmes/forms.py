"""The "Wat past bij mij?" questionnaire: five short questions, all in plain language.

Its choices come from the cached lists of programmes.taxonomy, so showing and checking the form
asks the database nothing; a cleaned answer is the object itself, as with ModelChoiceField.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import NoBidiControlsMixin
from portal.parameters import BoundedMultipleMixin
from programmes.taxonomy import taxonomy


class ListChoiceMixin:
    """Choices from a list of objects, each by one attribute (a slug, a code), labelled str()."""

    def __init__(self, *, key, empty_label=None, **kwargs):
        self.key, self.empty_label, self.objects = key, empty_label, {}
        super().__init__(**kwargs)

    def set_objects(self, objects):
        self.objects = {str(getattr(item, self.key)): item for item in objects}
        empty = [] if self.empty_label is None else [("", self.empty_label)]
        self.choices = empty + [(value, str(item)) for value, item in self.objects.items()]

    def prepare_value(self, value):
        # Initial answers may be objects (from the entrepreneur's business); submitted ones are
        # already their keys.
        if isinstance(value, (list, tuple)):
            return [self.prepare_value(item) for item in value]
        return getattr(value, self.key, value)


class ListChoiceField(ListChoiceMixin, forms.ChoiceField):
    """One object from the list. With an `empty_label` the question is optional: the empty
    choice is an answer ("Maakt niet uit")."""

    # Django's wording for a model choice: it does not repeat what was typed.
    default_error_messages = {
        "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
    }

    def __init__(self, *, empty_label=None, **kwargs):
        kwargs.setdefault("required", empty_label is None)
        super().__init__(empty_label=empty_label, **kwargs)

    def clean(self, value):
        return self.objects.get(super().clean(value))


class ListMultipleChoiceField(ListChoiceMixin, BoundedMultipleMixin, forms.MultipleChoiceField):
    def clean(self, value):
        return [self.objects[item] for item in super().clean(value)]


class QuestionnaireForm(NoBidiControlsMixin, forms.Form):
    fase = ListChoiceField(
        label=_("Waar sta je met je bedrijf?"),
        key="slug",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waar je staat: een idee, net begonnen of groeien.")},
    )
    behoefte = ListMultipleChoiceField(
        label=_("Waar zoek je hulp bij?"),
        key="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies er zoveel als je wilt."),
    )
    sector = ListChoiceField(
        label=_("Wat voor bedrijf is het?"),
        key="slug",
        empty_label=_("Maakt niet uit"),
    )
    wijk = ListChoiceField(
        label=_("In welke wijk?"),
        key="slug",
        empty_label=_("Ergens anders in de stad"),
    )
    taal = ListChoiceField(
        label=_("In welke taal leer je het liefst?"),
        key="code",
        empty_label=_("Nederlands is goed"),
    )
    kvk = forms.ChoiceField(
        label=_("Sta je ingeschreven bij de KvK?"),
        choices=[("", _("Weet ik niet")), ("ja", _("Ja")), ("nee", _("Nee, nog niet"))],
        required=False,
    )
    opgericht = forms.IntegerField(
        label=_("In welk jaar ben je begonnen?"),
        required=False,
        min_value=1900,
        help_text=_("Leeg laten als je nog niet begonnen bent."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lists = taxonomy()
        self.fields["fase"].set_objects(lists.stages)
        self.fields["behoefte"].set_objects(lists.categories)
        self.fields["sector"].set_objects(sector for sector in lists.sectors if sector.parent_id)
        self.fields["wijk"].set_objects(lists.live_neighbourhoods)
        self.fields["taal"].set_objects(lists.languages)

    def clean_opgericht(self):
        year = self.cleaned_data.get("opgericht")
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("Dat jaar ligt in de toekomst."))
        return year
