"""Accounts (django-allauth): sign up, verify, log in, reset; the account page; export and delete."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

User = get_user_model()


def sign_up(client, email="nieuw@example.nl", password=PASSWORD, **extra):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, **extra},
    )


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_sign_up_verify_by_mail_and_land_on_my_business(client, demo):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.nl")
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["nieuw@example.nl"]
    assert message.subject == "Bevestig je e-mailadres"
    confirm = client.get(link_in(message))
    assert confirm.status_code == 200
    response = client.post(link_in(message))
    assert EmailAddress.objects.get(user=user).verified
    assert response["Location"] == reverse("my_businesses")
    assert client.get(reverse("my_businesses")).status_code == 200


def test_unverified_accounts_cannot_log_in(client, demo):
    sign_up(client)
    client.logout()
    mail.outbox.clear()
    response = client.post(
        reverse("account_login"), {"login": "nieuw@example.nl", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("my_businesses")).status_code == 302  # still not logged in


def test_weak_passwords_are_refused_and_the_address_is_kept(client, demo):
    response = sign_up(client, password="12345678")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit wachtwoord is te algemeen." in html
    assert "Dit wachtwoord bevat alleen cijfers." in html
    assert 'value="nieuw@example.nl"' in html
    assert not User.objects.filter(email="nieuw@example.nl").exists()


def test_sign_up_errors_are_in_english_on_the_english_site(client, demo):
    response = client.post(
        "/en/account/signup/", {"email": "nieuw@example.nl", "password1": "abc", "password2": "abc"}
    )
    assert "This password is too short" in response.content.decode()


def test_the_honeypot_stops_bots_signing_up(client, demo):
    sign_up(client, website_url="http://spam.example")
    assert not User.objects.filter(email="nieuw@example.nl").exists()
    assert not mail.outbox


def test_sign_ups_are_rate_limited(client, demo):
    for number in range(6):
        response = sign_up(client, email=f"nieuw{number}@example.nl")
        client.logout()
    assert response.status_code == 429
    assert User.objects.filter(email__startswith="nieuw").count() == 5


def test_failed_logins_are_rate_limited(client, entrepreneur):
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": "amira@example.nl", "password": "fout"})
    response = client.post(
        reverse("account_login"), {"login": "amira@example.nl", "password": PASSWORD}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_log_in_and_out(client, entrepreneur, demo):
    response = client.post(
        reverse("account_login"), {"login": "amira@example.nl", "password": PASSWORD}
    )
    assert response["Location"] == reverse("my_businesses")
    html = client.get("/").content.decode()
    assert reverse("account_overview") in html
    client.post(reverse("account_logout"))
    assert client.get(reverse("account_overview")).status_code == 302


def test_password_reset_by_mail(client, entrepreneur, demo):
    client.post(reverse("account_reset_password"), {"email": "amira@example.nl"})
    [message] = mail.outbox
    form_url = client.get(link_in(message))["Location"]
    new_password = "Nieuw-Wachtwoord-Lombok-7"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    entrepreneur.refresh_from_db()
    assert entrepreneur.check_password(new_password)


def test_password_resets_are_rate_limited(client, entrepreneur, demo):
    for _attempt in range(4):
        response = client.post(reverse("account_reset_password"), {"email": "amira@example.nl"})
    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_change_email_address(owner, entrepreneur, demo):
    response = owner.post(reverse("account_email"), {"action_add": "", "email": "amira@nieuw.nl"})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(
        user=entrepreneur, email="amira@nieuw.nl", verified=False
    ).exists()
    assert mail.outbox[-1].to == ["amira@nieuw.nl"]


def test_account_page(owner, demo):
    html = owner.get(reverse("account_overview")).content.decode()
    assert "amira@example.nl" in html
    for name in (
        "account_download_data",
        "account_delete",
        "account_email",
        "account_change_password",
        "my_businesses",
    ):
        assert reverse(name) in html
