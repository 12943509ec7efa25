"""E-mails reach each person in the language they chose; the account page changes it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.users.models import UserProfile

from home.accounts.languages import choose_language, chosen_language
from home.email import send_templated_email

pytestmark = pytest.mark.django_db


def make_user(email, language=""):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="geheim-wachtwoord-123"
    )
    if language:
        UserProfile.objects.create(user=user, preferred_language=language)
    return user


def test_each_recipient_gets_the_mail_in_their_own_language(settings):
    make_user("ayse@example.nl", "tr")
    make_user("omar@example.nl", "ar")
    make_user("jan@example.nl")
    send_templated_email(
        "businesses/email/owner_published",
        {"business": type("B", (), {"name": "Bakkerij Anadolu", "url": "/b/"})(), "comment": ""},
        ["Ayse@Example.nl", "omar@example.nl", "jan@example.nl", "onbekend@example.nl"],
    )
    by_address = {tuple(message.to): message for message in mail.outbox}
    assert set(by_address) == {
        ("Ayse@Example.nl",),
        ("omar@example.nl",),
        ("jan@example.nl", "onbekend@example.nl"),
    }
    turkish, arabic, dutch = (
        by_address[("Ayse@Example.nl",)],
        by_address[("omar@example.nl",)],
        by_address[("jan@example.nl", "onbekend@example.nl")],
    )
    # Three different texts, each in its own script or spelling.
    assert len({turkish.subject, arabic.subject, dutch.subject}) == 3
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.subject + arabic.body)
    assert "Bakkerij Anadolu" in turkish.body and "Bakkerij Anadolu" in arabic.body


def test_a_language_the_site_does_not_offer_is_not_kept():
    user = make_user("pierre@example.nl")
    assert choose_language(user, "fr") is None
    assert chosen_language(user) == "nl"
    assert choose_language(user, "tr-TR") == "tr"
    assert chosen_language(user) == "tr"


def test_the_account_page_changes_the_language_of_the_mails(client):
    user = make_user("fatma@example.nl")
    client.force_login(user)
    page = client.get("/tr/account/")
    assert 'name="language"' in page.content.decode()
    response = client.post("/tr/account/taal/", {"language": "ar"}, follow=True)
    assert response.status_code == 200
    assert chosen_language(user) == "ar"
    # Something the site does not offer: the form again with an error, nothing saved.
    response = client.post("/tr/account/taal/", {"language": "xx"})
    assert response.status_code == 200
    assert next(f for f in response.context["setting_forms"] if f.key == "taal").errors
    assert chosen_language(user) == "ar"


def test_signing_up_keeps_the_language_of_the_sign_up_page(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "none"
    client.post(
        "/ar/account/signup/",
        {
            "email": "nadia@example.nl",
            "password1": "een-lang-wachtwoord-2026",
            "password2": "een-lang-wachtwoord-2026",
        },
    )
    user = get_user_model().objects.get(email="nadia@example.nl")
    assert chosen_language(user) == "ar"
