"""The home app's part of a person's data: the account itself and their consents."""

from allauth.account.models import EmailAddress
from wagtail.models import ModelLogEntry, PageLogEntry

from home.accounts.languages import chosen_language
from home.models import Consent
from home.privacy import personal_data


@personal_data(section="account")
class AccountData:
    @staticmethod
    def export(user):
        return {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "language": chosen_language(user),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user)
            ],
            "consents": [
                {"purpose": c.purpose, "text": c.text, "given_at": c.given_at.isoformat()}
                for c in Consent.objects.filter(user=user)
            ],
        }

    @staticmethod
    def erase(user, request):
        # Deleting the user removes these rows too (CASCADE); nothing to hand over.
        Consent.objects.filter(user=user).delete()
        # Wagtail's history keeps what happened, but no longer who did it: its entries keep the
        # user's id after the account is gone (no database constraint), so it is cleared here.
        for entries in (ModelLogEntry, PageLogEntry):
            entries.objects.filter(user=user).update(user=None)
