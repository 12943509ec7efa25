"""The account page: overview, download my data, delete my account."""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from home.forms import NoBidiControlsMixin
from home.languages import choose_language, chosen_language
from home.privacy import erase_user, export_user


class LanguageForm(NoBidiControlsMixin, forms.Form):
    language = forms.ChoiceField(
        label=_("Taal van de e-mails die je van het portaal krijgt"),
        choices=settings.LANGUAGES,
    )


@login_required
def overview(request, language_form=None):
    initial = {"language": chosen_language(request.user)}
    return render(
        request,
        "home/account/overview.html",
        {
            "page_title": _("Mijn account"),
            "language_form": language_form or LanguageForm(initial=initial, auto_id="taal_%s"),
        },
    )


@login_required
@require_POST
def change_language(request):
    form = LanguageForm(request.POST, auto_id="taal_%s")
    if not form.is_valid():
        return overview(request, language_form=form)
    code = choose_language(request.user, form.cleaned_data["language"])
    messages.success(
        request,
        _("Je krijgt onze e-mails voortaan in het %(language)s.")
        % {"language": get_language_info(code)["name_translated"]},
    )
    return redirect("account_overview")


@login_required
@require_POST
def download_data(request):
    """All data held about the user, as a JSON file (GDPR art. 15 and 20)."""
    data = {"exported_at": timezone.now().isoformat(), **export_user(request.user)}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response


class DeleteAccountForm(NoBidiControlsMixin, forms.Form):
    password = forms.CharField(
        label=_("Je wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Ter controle dat jij het bent."),
    )
    confirm = forms.BooleanField(label=_("Ja, verwijder mijn account en mijn gegevens"))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


@login_required
def delete_account(request):
    """Remove the account; published profiles go offline and are handed to staff (logged)."""
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            erase_user(user, request)
            logout(request)
            user.delete()
        messages.success(request, _("Je account en je gegevens zijn verwijderd."))
        return redirect("/")
    return render(
        request, "home/account/delete.html", {"form": form, "page_title": _("Account verwijderen")}
    )
