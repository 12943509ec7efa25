"""Render an e-mail from templates and queue it (home.tasks.send_email).

Templates come in pairs: <prefix>_subject.txt and <prefix>_body.txt, rendered in the given
language (by default the site's), with the public address of the site in `site_url`.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from home.tasks import send_email


def send_templated_email(template_prefix, context, to, language=None):
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
    send_email.enqueue(subject=subject, body=body, to=recipients)
