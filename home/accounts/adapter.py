"""django-allauth, adapted to the portal: its e-mails go through the tasks framework, and a new
account is stored whole or not at all."""

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from home.accounts.languages import choose_language, languages_of
from home.forms import NoBidiControlsMixin, first_name_field
from home.tasks import send_email


class PortalAccountAdapter(DefaultAccountAdapter):
    def get_logout_redirect_url(self, request):
        # The home page in the language the person was reading.
        return reverse("wagtail_serve", args=[""])

    def send_mail(self, template_prefix, email, context):
        request = self.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        # In the language the person chose, if they did (a password reset asked for from an
        # English page still reaches a Turkish reader in Turkish); else the page's language.
        language = languages_of([email]).get(email.lower()) or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mime in getattr(message, "alternatives", [])
                if mime == "text/html"
            ),
            None,
        )
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            html=html,
            from_email=message.from_email,
        )


class AtomicSignupForm(NoBidiControlsMixin, SignupForm):
    """allauth saves the user and then, in a second statement, its e-mail address (its own
    table). A database that goes away in between (a restart, a failover, as in `make soak`)
    would keep an account without its address record, half a sign-up that the person cannot
    finish (the address was never recorded to verify) nor repeat (the e-mail is taken). One
    transaction keeps both or neither.

    The first name is asked, not required: a mentor sees it with a request (the consent text
    says so); allauth's adapter stores it on the User (save_user reads `first_name`)."""

    first_name = first_name_field()
    field_order = ["first_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth's honeypot says autocomplete="nope", which HTML does not know: "off" keeps a
        # browser from filling it in as well, and is valid.
        honeypot = self.fields.get(allauth_settings.SIGNUP_FORM_HONEYPOT_FIELD or "")
        if honeypot is not None:
            honeypot.widget.attrs["autocomplete"] = "off"

    def save(self, request):
        with transaction.atomic():
            user = super().save(request)
            # E-mails to the new account come in the language it signed up in.
            choose_language(user)
            return user
