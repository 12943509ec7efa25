"""The portal says "je" to everyone, also where the words come from Django or allauth; and
it keeps the language a person reads in when they log in and out."""

import re

from bs4 import BeautifulSoup
from django.urls import reverse

FORMAL = re.compile(r"\b(u|uw|Uw|U)\b")


def visible_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return soup.main.get_text(" ", strip=True)


def test_sign_up_speaks_informally_also_about_passwords(client, demo):
    page = client.get(reverse("account_signup"))
    assert "Je wachtwoord" in visible_text(page)
    assert not FORMAL.findall(visible_text(page))

    response = client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.nl", "password1": "12345678", "password2": "12345678"},
    )
    text = visible_text(response)
    assert "wachtwoord" in text
    assert not FORMAL.findall(text), FORMAL.findall(text)


def test_changing_the_password_speaks_informally(client, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "niet-het-oude", "password1": "x", "password2": "x"},
    )
    text = visible_text(response)
    assert not FORMAL.findall(text), FORMAL.findall(text)


def test_logging_in_and_out_keeps_the_language_of_the_page(client, demo, entrepreneur):
    from tests.conftest import PASSWORD

    response = client.post(
        "/ar/account/login/", {"login": entrepreneur.email, "password": PASSWORD}
    )
    assert response["Location"] == "/ar/mijn-bedrijf/"
    page = client.get("/ar/mijn-bedrijf/")
    logout = BeautifulSoup(page.content, "html.parser").select_one("form.portal-logout")
    assert logout["action"] == "/ar/account/logout/"

    response = client.post(logout["action"])
    assert response["Location"] == "/ar/"
