"""The first name: asked (not required) at sign-up, shown and changed in "Mijn account", in the
personal-data download; a mentor sees it with a request (tests/programmes/
test_mentoring_handovers.py)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.helpers import download_my_data

User = get_user_model()


def test_sign_up_asks_the_first_name_first_and_does_not_require_it(client, demo):
    html = client.get(reverse("account_signup")).content.decode()
    assert html.index('name="first_name"') < html.index('name="email"')
    # The field says once that it is optional: its label does, the help text need not.
    assert html.lower().count("niet verplicht") == 1
    data = {"email": "zonder@example.nl", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post(reverse("account_signup"), data).status_code == 302
    assert User.objects.get(email="zonder@example.nl").first_name == ""
    client.logout()
    data = {**data, "email": "met@example.nl", "first_name": "Yusuf\u202e"}
    assert client.post(reverse("account_signup"), data).status_code == 302
    assert User.objects.get(email="met@example.nl").first_name == "Yusuf"


def test_my_account_shows_and_changes_the_first_name_and_the_download_holds_it(owner, entrepreneur):
    html = owner.get(reverse("account_overview")).content.decode()
    assert "niet opgegeven" in html
    response = owner.post(reverse("account_name"), {"first_name": " Amira "}, follow=True)
    assert "Je voornaam is opgeslagen." in response.content.decode()
    assert "Amira" in owner.get(reverse("account_overview")).content.decode()
    entrepreneur.refresh_from_db()
    assert entrepreneur.first_name == "Amira"
    data, _files = download_my_data(owner)
    assert data["account"]["first_name"] == "Amira"
    assert owner.get(reverse("account_name")).status_code == 405
