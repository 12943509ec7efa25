"""/ondernemers/: the directory page, on the same service as the API."""

import logging
import re
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page

from businesses.directory import narrowing
from home.forms import SpamProtectedForm
from home.navigation import active_locale
from home.pagination import clamped_page
from portal import page_cache
from portal.folding import fold
from search import params, recording, service, vocabulary
from search.models import QueryDayCount, SearchFeedback

logger = logging.getLogger(__name__)


@page_cache.public(*params.NAMES)
def directory(request):
    query = params.parse(request.GET)
    first_page = query.page == 1  # asked for: the service may move a page past the end back
    answer = service.directory(query, request)
    groups = [("wijk", _("Wijk")), ("sector", _("Sector")), ("taal", _("Gesproken taal"))]
    context = {
        "query": query,
        "answer": answer,
        "groups": [
            {
                "name": name,
                "legend": legend,
                "options": narrowing(answer["facets"][name], answer["count"]),
            }
            for name, legend in groups
        ],
        "query_string": page_cache.declared_query(request),
        "feedback_form": FeedbackForm(initial={"q": query.q, "count": answer["count"]}),
        "page_title": _("Ondernemers zoeken"),
        "meta_description": _(
            "Vind ondernemers in de wijken: zoek op naam, product, branche, gesproken taal en "
            "wie er nu open is."
        ),
    }
    response = render(request, "search/directory.html", context)
    return recording.counted(
        request,
        response,
        QueryDayCount.DIRECTORY,
        query.q,
        neighbourhood=query.wijk[0] if len(query.wijk) == 1 else "",
        found=answer["count"],
        first_page=first_page,
    )


class FeedbackForm(SpamProtectedForm):
    found = forms.TypedChoiceField(choices=[("1", "ja"), ("0", "nee")], coerce=lambda v: v == "1")
    q = forms.CharField(required=False, max_length=500)
    comment = forms.CharField(
        # The form field template adds "(niet verplicht)" to every optional field.
        label=gettext_lazy("Wat zocht je?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    count = forms.IntegerField(required=False, min_value=0)


@require_POST
def feedback(request):
    """ "Vond je wat je zocht?" — kept without personal data, for staff to add synonyms."""
    form = FeedbackForm(request.POST)
    limited = is_ratelimited(
        request, group="search-feedback", key="ip", rate="20/h", increment=True
    )
    if form.is_valid() and not limited:
        data = form.cleaned_data
        SearchFeedback.objects.create(
            query=data["q"],
            found=data["found"],
            comment=data["comment"],
            result_count=data["count"] or 0,
        )
        messages.success(request, _("Dank je wel voor je reactie!"))
    else:
        messages.info(request, _("Je reactie is niet bewaard. Probeer het later nog eens."))
    return redirect(f"{reverse('directory')}?{urlencode({'q': request.POST.get('q', '')[:200]})}")


@page_cache.public("q", "page")
def site_search(request):
    """/zoeken/: the site's pages (Wagtail's search backend), in the visitor's language."""

    q = params.clean_text(request.GET.get("q", ""))
    # Only words reach the backend: quotes, stars and brackets are query syntax to SQLite's
    # full-text search and would be an error there. Folded (portal.folding), they match the
    # pages' folded_text too: "istanbul" finds "İstanbul", "احمد" finds "أحمد".
    words = " ".join(re.findall(r"\w+", fold(q)))
    # The results show only what every page has (title, description, address): no query per
    # page type for their own fields.
    pages = Page.objects.live().public().filter(locale=active_locale())

    def search(backend="default"):
        results = pages.search(words, operator="and", backend=backend) if words else pages.none()
        page = clamped_page(Paginator(results, 10), request.GET.get("page"))
        page.object_list = list(page.object_list)  # ask the backend here, not in the template
        return page

    backend = "default"
    try:
        page = search()
    except Exception as error:  # the engine's connection, timeout or error, as in search.engine
        # With a search engine the database backend stays beside it, with its own index
        # (portal/settings/environment.py): it answers while the engine is away, as the
        # directory's database engine does; so does the suggestion below.
        if "database" not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.warning(
            "site search: search engine unavailable, answering from the database: %s", error
        )
        backend = "database"
        page = search(backend)
    suggestion = None
    if words and page.paginator.count < service.FEW:
        # "Bedoelde je …?": the words as the directory's vocabulary knows them, when the pages
        # have more of those.
        corrected = vocabulary.corrected(q)
        if corrected and corrected != words:
            found = pages.search(corrected, operator="and", backend=backend).count()
            if found > page.paginator.count:
                suggestion = {"q": corrected, "count": found}
    context = {
        "q": q,
        "suggestion": suggestion,
        "page_obj": page,
        "query_string": urlencode({"q": q}),
        "page_title": _("Zoeken op de site"),
    }
    response = render(request, "search/site_search.html", context)
    return recording.counted(
        request,
        response,
        QueryDayCount.SITE,
        q,
        found=page.paginator.count,
        first_page=request.GET.get("page", "1") in ("", "1"),
    )
