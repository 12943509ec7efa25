"""Render an e-mail from templates and queue it (home.tasks.send_email).

Templates come in pairs: <prefix>_subject.txt and <prefix>_body.txt, rendered with the public
address of the site in `site_url`, in each recipient's chosen language (home/accounts/languages.py): one
message per language, Dutch for addresses without an account or a choice.
"""

from collections import defaultdict

from django.conf import settings
from django.template import engines
from django.utils import translation

from home.accounts.languages import languages_of
from home.tasks import send_email


def send_templated_email(template_prefix, context, to, language=None):
    """language, when given, is used for every recipient instead of their own choice."""
    recipients = [address for address in to if address]
    chosen = {} if language else languages_of(recipients)
    by_language = defaultdict(list)
    for address in recipients:
        by_language[language or chosen.get(address.lower(), settings.LANGUAGE_CODE)].append(address)
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL, **context}
    text = engines["text"]  # plain text: nothing is escaped for HTML
    for code, addresses in by_language.items():
        with translation.override(code):
            subject = text.get_template(f"{template_prefix}_subject.txt").render(context)
            subject = " ".join(subject.split())
            body = text.get_template(f"{template_prefix}_body.txt").render(context)
        send_email.enqueue(subject=subject, body=body, to=addresses)
