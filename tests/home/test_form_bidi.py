"""Single-line text in the portal's forms loses its bidi controls; paragraphs keep them."""

import pytest
from django import forms
from django.http import QueryDict

from businesses.forms import ReportForm
from businesses.selfservice import forms as selfservice_forms
from home.accounts.adapter import AtomicSignupForm
from home.accounts.views import DeleteAccountForm, LanguageForm
from home.forms import NoBidiControlsMixin, SpamProtectedForm
from programmes.forms import QuestionnaireForm
from programmes.mentoring import forms as mentoring_forms
from search.views import FeedbackForm

CONTROLS = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
# Next to the controls, and not controls themselves: the marks LRM and RLM, the paragraph
# separator, the narrow no-break space and the invisible times.
NEIGHBOURS = ["\u200e", "\u200f", "\u2029", "\u202f", "\u2065", "\u206a"]


class ExampleForm(NoBidiControlsMixin, forms.Form):
    name = forms.CharField(max_length=20)
    email = forms.EmailField(required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    phone = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    story = forms.CharField(required=False, widget=forms.Textarea)
    password = forms.CharField(required=False, widget=forms.PasswordInput)


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_single_line_fields_drop_each_bidi_control(control):
    form = ExampleForm(
        {
            "name": f"Bakkerij{control}evil",
            "email": f"info{control}@example.nl",
            "website": f"https://bakkerij{control}.example.nl",
            "phone": f"{control}030 123 45 67",
            "search": f"brood{control}",
            "story": f"خبز {control}Lombok{control}",
            "password": f"geheim{control}",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Bakkerijevil"
    assert form.cleaned_data["email"] == "info@example.nl"
    assert form.cleaned_data["website"] == "https://bakkerij.example.nl"
    assert form.cleaned_data["phone"] == "030 123 45 67"
    assert form.cleaned_data["search"] == "brood"
    # A paragraph and a password stay exactly as typed.
    assert form.cleaned_data["story"] == f"خبز {control}Lombok{control}"
    assert form.cleaned_data["password"] == f"geheim{control}"


def test_only_the_bidi_controls_go():
    name = "Bakkerij" + "".join(NEIGHBOURS) + "".join(CONTROLS) + "Yıldız"
    form = ExampleForm({"name": name})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Bakkerij" + "".join(NEIGHBOURS) + "Yıldız"


def test_they_go_before_validation_and_from_the_re_rendered_form():
    """A control does not count towards max_length, and an error shows the text without it."""
    form = ExampleForm({"name": "\u202e" * 30 + "Kapsalon", "email": "x"})
    assert not form.is_valid()
    assert "name" not in form.errors and "email" in form.errors
    assert 'value="Kapsalon"' in str(form["name"])


def test_prefixed_and_repeated_values():
    data = QueryDict(mutable=True)
    data.setlist("bedrijf-name", ["Eerste\u2066", "Laatste\u2067"])
    form = ExampleForm(data, prefix="bedrijf")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Laatste"


def test_the_public_forms_have_it():
    """Every form the public and entrepreneurs post gets it from its base class, so a new form
    does too when it builds on them."""

    public = [
        SpamProtectedForm,
        ReportForm,
        FeedbackForm,
        QuestionnaireForm,
        AtomicSignupForm,
        LanguageForm,
        DeleteAccountForm,
        *(
            value
            for module in (selfservice_forms, mentoring_forms)
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, forms.BaseForm)
            and value.__module__ == module.__name__
        ),
    ]
    assert len(public) > 15
    assert [form for form in public if not issubclass(form, NoBidiControlsMixin)] == []
