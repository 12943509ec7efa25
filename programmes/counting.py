"""Page views and "apply" clicks of programmes, counted on the server without cookies or IP
addresses: one upsert of a per-programme, per-day row (`ProgrammeDayCount`).

A view counts wherever the page comes from: the programme's view registers `count_view` with
the page cache (`portal.page_cache.count_every_view`), which runs it again for every visitor it
answers with the stored page. An "apply" link goes through `/programmas/<slug>/aanmelden/`
(the website) or `.../aanmelden/e-mail/` (a mailto: address), which counts and redirects; a
redirect is never stored, so that view always runs. Obvious crawlers (by User-Agent), HEAD
requests and previews in the admin do not count.
"""

from django.http import HttpResponseRedirect
from django.utils import timezone

from portal.counting import counts_as_visit, increment
from portal.page_cache import count_every_view
from programmes.models import ProgrammeDayCount


def count(page_id, views=0, apply_clicks=0, day=None):
    increment(
        ProgrammeDayCount,
        {"page": page_id, "day": day or timezone.localdate()},
        views=views,
        apply_clicks=apply_clicks,
    )


def count_view(request, page_id):
    """Run for every view of a programme page, by its view or by the page cache."""
    if counts_as_visit(request):
        count(page_id, views=1)


def counted_page(request, page, response):
    if getattr(request, "is_preview", False):
        return response
    return count_every_view(request, response, count_view, page.pk)


class MailtoRedirect(HttpResponseRedirect):
    allowed_schemes = ["mailto"]


def apply_redirect(page, request, via):
    """To the programme's own way of applying, counted; back to the page when there is none
    (left out, or the programme expired)."""
    if via == "e-mail" and page.apply_email and not page.is_expired:
        response = MailtoRedirect(f"mailto:{page.apply_email}")
    elif via == "website" and page.apply_url and not page.is_expired:
        response = HttpResponseRedirect(page.apply_url)
    else:
        return HttpResponseRedirect(page.get_url(request))
    if counts_as_visit(request):
        count(page.pk, apply_clicks=1)
    # Every click must reach the portal, so no browser or proxy keeps the redirect.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
