"""/ondernemers/: the directory page, on the same service as the API."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from search import params, service


def directory(request):
    query = params.parse(request.GET)
    answer = service.directory(query, request)
    base = request.GET.copy()
    base.pop("page", None)
    groups = [("wijk", _("Wijk")), ("sector", _("Sector")), ("taal", _("Gesproken taal"))]
    context = {
        "query": query,
        "answer": answer,
        "groups": [
            {"name": name, "legend": legend, "options": answer["facets"][name]}
            for name, legend in groups
        ],
        "query_string": base.urlencode(),
        "page_title": _("Ondernemers zoeken"),
    }
    return render(request, "search/directory.html", context)
