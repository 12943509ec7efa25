from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import SpamProtectedForm


class ReportForm(SpamProtectedForm):
    """'Report outdated information' on a profile: what is wrong, and optionally an e-mail address."""

    message = forms.CharField(
        label=_("Wat klopt er niet?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: het bedrijf is verhuisd, of de openingstijden zijn anders."),
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        help_text=_("Alleen als je antwoord wilt. We gebruiken het nergens anders voor."),
    )
