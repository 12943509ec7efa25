"""Forms of the mentoring journey: the founder's request, the mentor's intake and both sides'
feedback. Plain language; every field says what it is for."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

from businesses.models import Business, Language, NeighbourhoodPage, Sector
from home.forms import (
    NamesChoiceField,
    NoBidiControlsMixin,
    PublicModelForm,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    first_name_field,
)
from programmes.mentoring import consent
from programmes.mentoring.models.requests import SELF_ASSESSMENT
from programmes.models import MatchRequest, Mentor, MentorMatch, Need, Stage

SCALE = [(str(n), str(n)) for n in range(1, 6)]


def self_assessment_fields():
    return {
        f"self_{key}": forms.ChoiceField(
            label=label,
            choices=SCALE,
            widget=forms.RadioSelect,
            help_text=_("1: klopt helemaal niet, 5: klopt helemaal."),
        )
        for key, label in SELF_ASSESSMENT
    }


class SavesParentalManyToManyMixin:
    """A ModelForm for a ClusterableModel that saves what it shows.

    A plain ModelForm hands a ParentalManyToManyField its values in `save_m2m()`, after the
    instance was saved, and such a field only keeps them in memory until the *next* save: the
    usual `form.save()`, or `save(commit=False)`, `instance.save()`, `form.save_m2m()`, never
    writes them (every mentor request lost its topics and languages so). As modelcluster's
    ClusterForm does, this form gives the instance those values before it is saved, so the
    instance's own save writes them, or its revision holds them; `save_m2m()` then writes them
    once more, for a caller that saved the instance some other way. tests/programmes/
    test_model_forms.py checks that every ModelForm of the project with such a field has this.
    """

    def parental_fields(self):
        return [
            field
            for field in self.instance._meta.many_to_many
            if isinstance(field, ParentalManyToManyField)
            and field.name in self.fields
            and field.name in self.cleaned_data
        ]

    def save(self, commit=True):
        instance = super().save(commit=False)
        for field in self.parental_fields():
            field.save_form_data(instance, self.cleaned_data[field.name])
        if commit:
            instance.save()
            self._save_m2m()
        return instance

    def _save_m2m(self):
        super()._save_m2m()
        if self.instance.pk:
            for field in self.parental_fields():
                getattr(self.instance, field.name).commit()


class SelfAssessmentMixin:
    def self_assessment(self):
        return {key: int(self.cleaned_data[f"self_{key}"]) for key, _label in SELF_ASSESSMENT}


class MatchRequestForm(SavesParentalManyToManyMixin, SelfAssessmentMixin, PublicModelForm):
    needs = NamesChoiceField(
        label=_("Waar wil je hulp bij?"),
        queryset=Need.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één onderwerp.")},
    )
    stage = SafeModelChoiceField(
        label=_("Waar sta je met je bedrijf?"),
        queryset=Stage.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    sector = SafeModelChoiceField(
        label=_("Wat voor bedrijf is het?"),
        queryset=Sector.objects.filter(parent__isnull=False).select_related("parent"),
        required=False,
        empty_label=_("Zeg ik liever niet"),
    )
    neighbourhood = SafeModelChoiceField(
        label=_("In welke wijk zit je?"),
        queryset=NeighbourhoodPage.objects.none(),
        required=False,
        empty_label=_("Ergens anders in de stad"),
    )
    languages = NamesChoiceField(
        label=_("In welke talen praat je graag?"),
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één taal.")},
    )
    first_name = first_name_field(_("De mentor ziet je voornaam. Je mag het leeg laten."))
    consent = forms.BooleanField(
        label=consent.REQUEST.text,
        error_messages={
            "required": _(
                "Zonder je toestemming kunnen we je aanvraag niet aan een mentor laten zien."
            )
        },
    )

    class Meta(PublicModelForm.Meta):
        model = MatchRequest
        fields = [
            "business",
            "needs",
            "stage",
            "sector",
            "neighbourhood",
            "languages",
            "shared_language_required",
            "goal",
            "urgency",
        ]
        labels = {
            "business": _("Voor welk bedrijf?"),
            "shared_language_required": _("De mentor moet een van deze talen spreken"),
            "goal": _("Wat wil je bereiken? Schrijf het in je eigen woorden."),
            "urgency": _("Hoe snel wil je beginnen?"),
        }
        widgets = {"goal": forms.Textarea(attrs={"rows": 5}), "urgency": forms.RadioSelect}

    def __init__(self, *args, founder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business"].queryset = Business.objects.filter(owner=founder).order_by("name")
        self.fields["business"].empty_label = _("Geen, of nog geen bedrijf")
        self.fields["business"].required = False
        self.fields["neighbourhood"].queryset = (
            NeighbourhoodPage.objects.live().filter(locale__language_code="nl").order_by("title")
        )
        self.fields["first_name"].initial = founder.first_name
        self.fields.update(self_assessment_fields())
        self.order_fields(
            [
                "first_name",
                *self.Meta.fields,
                *(f"self_{key}" for key, _label in SELF_ASSESSMENT),
                "consent",
            ]
        )


class IntakeForm(PublicModelForm):
    class Meta(PublicModelForm.Meta):
        model = MentorMatch
        fields = ["intake_goal", "intake_frequency"]
        labels = {
            "intake_goal": _("Wat hebben jullie afgesproken als doel?"),
            "intake_frequency": _("Hoe vaak spreken jullie af?"),
        }
        widgets = {
            "intake_goal": forms.Textarea(attrs={"rows": 4}),
            "intake_frequency": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True
        self.fields["intake_frequency"].choices = MentorMatch.FREQUENCIES


class FeedbackForm(NoBidiControlsMixin, forms.Form):
    rating = forms.ChoiceField(
        label=_("Hoe tevreden ben je over de begeleiding?"),
        choices=SCALE,
        widget=forms.RadioSelect,
        help_text=_("1: helemaal niet tevreden, 5: heel tevreden."),
    )
    comment = forms.CharField(
        label=_("Wat wil je erover kwijt?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )


class FounderFeedbackForm(SelfAssessmentMixin, FeedbackForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(self_assessment_fields())


class AnswerForm(NoBidiControlsMixin, forms.Form):
    note = forms.CharField(
        label=_("Wil je er iets bij zeggen?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=_("Bijvoorbeeld wanneer je kunt, of waarom het nu niet lukt."),
    )


class CloseForm(NoBidiControlsMixin, forms.Form):
    reason = forms.CharField(label=_("Waarom stop je?"), max_length=300)


class MentorProfileForm(SavesParentalManyToManyMixin, PublicModelForm):
    """What a mentor keeps up to date; moderators approve each change."""

    expertise = NamesChoiceField(
        label=_("Waar heb je ervaring mee?"),
        queryset=Need.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    languages = NamesChoiceField(
        label=_("Welke talen spreek je?"),
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = NamesChoiceField(
        label=_("Welke sectoren ken je goed?"),
        queryset=Sector.objects.filter(parent__isnull=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    stages = NamesChoiceField(
        label=_("Wie help je het liefst?"),
        queryset=Stage.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    neighbourhoods = SafeModelMultipleChoiceField(
        label=_("In welke wijken help je?"),
        queryset=NeighbourhoodPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Niets aangevinkt: de hele stad."),
    )

    class Meta(PublicModelForm.Meta):
        model = Mentor
        fields = [
            "bio",
            "expertise",
            "languages",
            "sectors",
            "stages",
            "neighbourhoods",
            "capacity",
            "is_active",
        ]
        labels = {
            "bio": _("Vertel kort wie je bent en waarmee je helpt"),
            "capacity": _("Hoeveel ondernemers kun je tegelijk helpen?"),
            "is_active": _("Ik ben beschikbaar voor nieuwe ondernemers"),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhoods"].queryset = (
            NeighbourhoodPage.objects.live().filter(locale__language_code="nl").order_by("title")
        )
