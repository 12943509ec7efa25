"""The account page: overview, download my data, delete my account."""

import io
import json
import zipfile

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
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.images import get_image_model

from home.accounts.languages import choose_language, chosen_language
from home.forms import NoBidiControlsMixin, first_name_field
from home.privacy import erase_user, export_user, kept_after_erasure, photo_file_name


class SettingForm(NoBidiControlsMixin, forms.Form):
    """A setting on the account page, in a card of its own. Each kind reads its value with
    `initial_for(user)` and saves it with `save(user)`, which says in words what was saved."""

    key = ""  # the id of the card's heading ("naam-kop") and the field ids' prefix
    url_name = ""
    heading = ""
    button = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id=f"{self.key}_%s", **kwargs)


class NameForm(SettingForm):
    key, url_name = "naam", "account_name"
    heading, button = _("Je naam"), _("Naam opslaan")
    first_name = first_name_field()

    @staticmethod
    def initial_for(user):
        return {"first_name": user.first_name}

    def save(self, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.save(update_fields=["first_name"])
        return _("Je voornaam is opgeslagen.")


class LanguageForm(SettingForm):
    key, url_name = "taal", "account_language"
    heading, button = _("Taal"), _("Taal opslaan")
    language = forms.ChoiceField(
        label=_("Taal van de e-mails die je van het portaal krijgt"),
        choices=settings.LANGUAGES,
    )

    @staticmethod
    def initial_for(user):
        return {"language": chosen_language(user)}

    def save(self, user):
        code = choose_language(user, self.cleaned_data["language"])
        language = get_language_info(code)["name_translated"]
        return _("Je krijgt onze e-mails voortaan in het %(language)s.") % {"language": language}


@never_cache
@login_required
def overview(request, invalid_form=None):
    """The account page; `invalid_form` is a setting's form sent back with its errors."""
    setting_forms = [
        invalid_form
        if type(invalid_form) is form_class
        else form_class(initial=form_class.initial_for(request.user))
        for form_class in (NameForm, LanguageForm)
    ]
    context = {"page_title": _("Mijn account"), "setting_forms": setting_forms}
    return render(request, "home/account/overview.html", context)


@login_required
@require_POST
def change_setting(request, form_class):
    """Save one of the overview's settings (the URLs name the form: account_name, ...)."""
    form = form_class(request.POST)
    if not form.is_valid():
        return overview(request, invalid_form=form)
    messages.success(request, form.save(request.user))
    return redirect("account_overview")


@never_cache
@login_required
@require_POST
def download_data(request):
    """All data held about the user (GDPR art. 15 and 20): a ZIP with the data as JSON and the
    photos they uploaded, named as the JSON refers to them (home.privacy.photo_file_name)."""
    data = {"exported_at": timezone.now().isoformat(), **export_user(request.user)}
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mijn-gegevens.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
        for image in get_image_model().objects.filter(uploaded_by_user=request.user):
            with image.open_file() as photo:
                archive.writestr(photo_file_name(image), photo.read())
    response = HttpResponse(output.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="mijn-gegevens-{timezone.localdate():%Y-%m-%d}.zip"'
    )
    return response


class DeleteAccountForm(NoBidiControlsMixin, forms.Form):
    password = forms.CharField(
        label=_("Je wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Ter controle dat jij het bent."),
    )
    confirm = forms.BooleanField(label=_("Ja, verwijder mijn account en mijn gegevens"))

    def __init__(self, user, *args, too_many_tries=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.too_many_tries = too_many_tries

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.too_many_tries:
            raise forms.ValidationError(
                _("Je hebt het wachtwoord te vaak geprobeerd. Probeer het over een uur opnieuw."),
                code="too_many_tries",
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


@never_cache
@login_required
def delete_account(request):
    """Remove the account and the person's data; published profiles go offline and are handed
    to staff with only the business's public facts (logged). The page says what is kept."""
    # Counted before the password is checked: guessing it here is as slow as at log-in.
    too_many_tries = request.method == "POST" and is_ratelimited(
        request, group="account-delete", key="user", rate="5/h", increment=True
    )
    form = DeleteAccountForm(
        request.user,
        request.POST if request.method == "POST" else None,
        too_many_tries=too_many_tries,
    )
    kept = kept_after_erasure(request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            erase_user(user, request)
            logout(request)
            user.delete()
        messages.success(request, _("Je account en je gegevens zijn verwijderd."))
        for sentence in kept:
            messages.info(request, sentence)
        return redirect("/")
    return render(
        request,
        "home/account/delete.html",
        {"form": form, "kept": kept, "page_title": _("Account verwijderen")},
    )
