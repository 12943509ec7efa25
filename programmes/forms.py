"""The "Wat past bij mij?" questionnaire: five short questions, all in plain language."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from businesses.models import Language, NeighbourhoodPage, Sector
from home.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from programmes.models import Category, Stage


class QuestionnaireForm(forms.Form):
    fase = SafeModelChoiceField(
        label=_("Waar sta je met je bedrijf?"),
        queryset=Stage.objects.all(),
        widget=forms.RadioSelect,
        to_field_name="slug",
        empty_label=None,
        error_messages={"required": _("Kies waar je staat: een idee, net begonnen of groeien.")},
    )
    behoefte = SafeModelMultipleChoiceField(
        label=_("Waar zoek je hulp bij?"),
        queryset=Category.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
        required=False,
        help_text=_("Kies er zoveel als je wilt."),
    )
    sector = SafeModelChoiceField(
        label=_("Wat voor bedrijf is het?"),
        queryset=Sector.objects.filter(parent__isnull=False).select_related("parent"),
        to_field_name="slug",
        required=False,
        empty_label=_("Maakt niet uit"),
    )
    wijk = SafeModelChoiceField(
        label=_("In welke wijk?"),
        queryset=NeighbourhoodPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Ergens anders in de stad"),
    )
    taal = SafeModelChoiceField(
        label=_("In welke taal leer je het liefst?"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
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
        self.fields["wijk"].queryset = (
            NeighbourhoodPage.objects.live().filter(locale__language_code="nl").order_by("title")
        )

    def clean_opgericht(self):
        year = self.cleaned_data.get("opgericht")
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("Dat jaar ligt in de toekomst."))
        return year
