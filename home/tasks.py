"""E-mail goes out through Django's tasks framework (portal/tasks.py), so a slow or absent mail
server never holds up a request: in production the queue sends it, and tries again later when
the server does not answer or answers "try later" (4xx)."""

import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from portal.tasks import TemporaryFailure


@task(takes_context=True)
def send_email(context, subject, body, to, html=None, from_email=None, reply_to=None):
    # The task's id names the message, in every attempt: a receiver (or the soak's count) can
    # tell a message sent twice from two messages.
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    headers = {"Message-ID": f"<{context.task_result.id}@{host}>"}
    message = EmailMultiAlternatives(
        subject, body, from_email, to, reply_to=reply_to, headers=headers
    )
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except smtplib.SMTPResponseException as error:
        if 400 <= error.smtp_code < 500:
            raise TemporaryFailure(
                f"mail server: {error.smtp_code} {error.smtp_error!r}"
            ) from error
        raise
    except smtplib.SMTPRecipientsRefused as error:
        if all(400 <= code < 500 for code, _message in error.recipients.values()):
            raise TemporaryFailure(f"mail server refused for now: {error.recipients}") from error
        raise
    except OSError as error:
        # Refused, timed out, disconnected: the server is away or busy.
        raise TemporaryFailure(f"mail server unreachable: {error}") from error
