"""E-mail goes out through Django's tasks framework, so a slow mail server never holds up a
request (the immediate backend of development and tests sends at once)."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(subject, body, to, html=None, from_email=None, reply_to=None):
    message = EmailMultiAlternatives(subject, body, from_email, to, reply_to=reply_to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
