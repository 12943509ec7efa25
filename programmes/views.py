"""The programme index (filters, archive, calendar feed) and "Wat past bij mij?"."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from businesses.models import Business
from home.pagination import clamped_page
from portal import page_cache
from programmes import fit
from programmes.calendar import calendar_response
from programmes.filters import SORTS, ProgrammeFilter
from programmes.forms import QuestionnaireForm

PAGE_SIZE = 12
# Programmes with something to put in an agenda (see ProgrammePage.has_calendar).
CALENDAR_Q = Q(deadline__isnull=False) | Q(start_date__isnull=False) | Q(sessions__isnull=False)
FILTER_GROUPS = [
    ("open", _("Aanmelden")),
    ("gratis", _("Kosten")),
    ("categorie", _("Waarbij")),
    ("fase", _("Voor wie")),
    ("sector", _("Sector")),
    ("taal", _("Taal")),
    ("wijk", _("Wijk")),
]


class CountedPaginator(Paginator):
    """A paginator told how many there are, by the query that counts the filter options."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count  # instead of Paginator's own COUNT query


def listing(index, request):
    page_cache.declare_public(request, [*ProgrammeFilter.base_filters, "page"])
    filterset = ProgrammeFilter(request.GET or None, queryset=index.programmes())
    total, facets = filterset.counts()
    # A card shows its provider and category, nothing of the many-to-many relations.
    programmes = filterset.qs.select_related("provider", "category").prefetch_related("sessions")
    paginator = CountedPaginator(programmes, PAGE_SIZE, total)
    page = clamped_page(paginator, request.GET.get("page"))
    context = index.get_context(request)
    context.update(
        {
            "filterset": filterset,
            "filter_groups": [
                {"name": name, "legend": legend, "options": facets.get(name, [])}
                for name, legend in FILTER_GROUPS
            ],
            "sort_options": SORTS,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "programmes": list(page),
            "total": total,
            "query_string": page_cache.declared_query(request),
            "archive": filterset.archive,
            "today": timezone.localdate(),
            # The list's agenda link only when its feed would hold something.
            "has_calendar": bool(total) and filterset.qs.filter(CALENDAR_Q).exists(),
        }
    )
    return TemplateResponse(request, "programmes/programme_index_page.html", context)


def listing_calendar(index, request):
    page_cache.declare_public(request, ProgrammeFilter.base_filters)
    filterset = ProgrammeFilter(request.GET or None, queryset=index.programmes())
    programmes = filterset.qs.select_related("provider").prefetch_related("sessions")
    return calendar_response(list(programmes), index.slug, request)


def own_business(request):
    if not request.user.is_authenticated:
        return None
    return (
        Business.objects.filter(owner=request.user)
        .select_related("neighbourhood")
        .prefetch_related("sectors", "languages")
        .order_by("-live", "name")
        .first()
    )


def questionnaire(index, request):
    """GET with answers shows the results (a bookmarkable, shareable URL); errors keep them."""
    page_cache.declare_public(request, QuestionnaireForm.base_fields)
    today = timezone.localdate()
    answered = any(name in request.GET for name in QuestionnaireForm.base_fields)
    business = None if answered else own_business(request)
    if answered:
        form = QuestionnaireForm(request.GET)
    else:
        form = QuestionnaireForm(
            initial=fit.answers_from_business(business, today) if business else {}
        )
    results = None
    if answered and form.is_valid():
        data = form.cleaned_data
        answers = fit.Answers(
            stage=data["fase"],
            sector=data["sector"],
            neighbourhood=data["wijk"],
            language=data["taal"],
            needs=list(data["behoefte"]),
            has_kvk={"ja": True, "nee": False}.get(data["kvk"]),
            founded_year=data["opgericht"],
        )
        programmes = (
            index.programmes()
            .select_related("provider", "category")
            .prefetch_related("stages", "sectors", "languages", "neighbourhoods", "sessions")
            .order_by("pk")
        )
        results = fit.rank(programmes, answers, today)
    context = index.get_context(request)
    context.update({"form": form, "results": results, "prefilled_from": business, "today": today})
    return TemplateResponse(request, "programmes/questionnaire.html", context)
