"""A sign-up is stored whole or not at all: allauth writes the user and its e-mail address in two
statements, and PostgreSQL may go away in between (`make soak` restarts it while people sign
up; this was seen in allauth's code while writing the soak's check for half-saved records)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import OperationalError

from tests.conftest import PASSWORD


def test_a_database_failure_after_the_user_row_leaves_no_account(client, demo, monkeypatch):
    def database_gone(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    # The moment between the two statements: the user row is written, its address is not.
    monkeypatch.setattr("allauth.account.forms.setup_user_email", database_gone)
    with pytest.raises(OperationalError):
        client.post(
            "/account/signup/",
            {"email": "half@example.nl", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert not get_user_model().objects.filter(email="half@example.nl").exists()
    assert not EmailAddress.objects.filter(email="half@example.nl").exists()
