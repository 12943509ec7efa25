"""/open-data/: the page that lists every dataset."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.open_data import LICENCE_NAME, LICENCE_URL, datasets
from portal import page_cache


@page_cache.public()
def open_data_page(request):
    """/open-data/: every dataset, its columns, its licence and its downloads."""
    return TemplateResponse(
        request,
        "home/open_data.html",
        {
            "page_title": _("Open data"),
            "datasets": datasets(),
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
        },
    )
