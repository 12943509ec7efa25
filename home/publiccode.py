"""publiccode.yml (standard v0.4): what this software is, so that other public organisations can
find and reuse it. The description is the project's; the repository and whom to contact belong
to the installation (PUBLICCODE_URL, PUBLICCODE_CONTACT_NAME, PUBLICCODE_CONTACT_EMAIL in the
environment: docs/deploy.md). Served at /publiccode.yml; `manage.py publiccode` writes it for
the repository's root. Without PUBLICCODE_URL there is none: a made-up address helps nobody.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string

from portal import page_cache


def render_publiccode():
    context = {
        "repository_url": settings.PUBLICCODE_URL,
        "contact_name": settings.PUBLICCODE_CONTACT_NAME,
        "contact_email": settings.PUBLICCODE_CONTACT_EMAIL,
    }
    return render_to_string("home/publiccode.yml", context)


@page_cache.public()
def publiccode(request):
    if not settings.PUBLICCODE_URL:
        raise Http404("PUBLICCODE_URL is not set")
    return HttpResponse(render_publiccode(), content_type="application/yaml; charset=utf-8")
