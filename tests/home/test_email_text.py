"""E-mails are plain text: what people typed arrives as they typed it, not escaped for HTML."""

from types import SimpleNamespace

from django.core import mail

from home.email import send_templated_email


def test_a_name_with_an_ampersand_arrives_as_written(db):
    business = SimpleNamespace(name='Bakker & Zonen "De Korenbloem"', url="/wijken/lombok/bakker/")

    send_templated_email(
        "businesses/email/owner_published", {"business": business}, ["a@example.nl"]
    )

    [message] = mail.outbox
    assert 'Bakker & Zonen "De Korenbloem"' in message.body
    assert "&amp;" not in message.body and "&quot;" not in message.body
