"""The filters of a neighbourhood's business list, with a count for every option.

Every count respects the other filters (so "Turks 12" means 12 results if you tick it). All
counts, and the number of results, are grouped queries sent together as one query, whatever
the number of businesses or options. A filter takes each value once and at most 20
(portal.parameters), so a URL cannot make its IN list long.
"""

import django_filters
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from businesses import lookups
from businesses.hours import open_now_q
from businesses.models import Business, Sector
from portal import parameters

PAGE_SIZES = (12, 24, 48)


def sector_q(slugs):
    """Businesses in any of these sectors; a main sector includes its subsectors."""
    ids = Sector.objects.filter(Q(slug__in=slugs) | Q(parent__slug__in=slugs)).values("id")
    # A subquery on its own, run once, rather than a lookup per business.
    through = Business.sectors.through.objects.filter(sector_id__in=ids)
    return Q(pk__in=through.values("business_id"))


def language_q(codes):
    """Businesses where any of these languages is spoken."""
    through = Business.languages.through.objects.filter(language__code__in=codes)
    return Q(pk__in=through.values("business_id"))


def sector_choices():
    return [(s.slug, s.name) for s in lookups.sectors()]


def language_choices():
    return [(language.code, language.code) for language in lookups.languages()]


def grouped_counts(**groups):
    """{name: {key: count}} for several (queryset, key, count) groupings, in one query.

    The groupings become one UNION ALL: one round trip instead of one per facet. Every part
    has the same three annotated columns, so their order in the SQL is the same too.
    """
    names = list(groups)
    parts = [
        queryset.order_by()
        .annotate(facet_group=Value(number), facet_key=key)
        .values("facet_group", "facet_key")
        .annotate(facet_count=count)
        .values_list("facet_group", "facet_key", "facet_count")
        for number, (queryset, key, count) in enumerate(groups.values())
    ]
    result = {name: {} for name in names}
    for number, key, n in parts[0].union(*parts[1:], all=True):
        result[names[number]][key] = n
    return result


class BusinessFilter(django_filters.FilterSet):
    sector = parameters.MultipleChoiceFilter(
        label=_("Sector"), choices=sector_choices, method="filter_sector"
    )
    taal = parameters.MultipleChoiceFilter(
        label=_("Taal"), choices=language_choices, method="filter_language"
    )
    open_nu = django_filters.ChoiceFilter(
        label=_("Nu open"), choices=[("1", _("Nu open"))], method="filter_open_now"
    )
    per_page = django_filters.TypedChoiceFilter(
        label=_("Per pagina"),
        choices=[(str(n), str(n)) for n in PAGE_SIZES],
        coerce=int,
        method="keep",
        empty_value=PAGE_SIZES[0],
    )

    class Meta:
        model = Business
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Friendly messages for stale bookmarks and hand-edited URLs.
        self.filters["sector"].extra["error_messages"] = {
            "invalid_choice": _("De sector %(value)s bestaat niet (meer).")
        }
        self.filters["taal"].extra["error_messages"] = {
            "invalid_choice": _("De taal %(value)s kennen we niet.")
        }
        self.filters["open_nu"].extra["error_messages"] = {
            "invalid_choice": _("Gebruik open_nu=1 om alleen bedrijven te zien die nu open zijn.")
        }

    def keep(self, queryset, name, value):
        return queryset

    def filter_sector(self, queryset, name, slugs):
        return queryset.filter(sector_q(slugs)) if slugs else queryset

    def filter_language(self, queryset, name, codes):
        return queryset.filter(language_q(codes)) if codes else queryset

    def filter_open_now(self, queryset, name, value):
        return queryset.filter(open_now_q()) if value == "1" else queryset

    @property
    def qs(self):
        # An unknown value gives an empty list with a message, never everything or an error.
        if self.is_bound and not self.form.is_valid():
            return self.queryset.none()
        return super().qs

    @property
    def page_size(self):
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("per_page") or PAGE_SIZES[0]
        return PAGE_SIZES[0]

    def queryset_without(self, name):
        """The results with every filter applied except `name`: the base for its counts."""
        queryset = self.queryset
        if self.is_bound and not self.form.is_valid():
            return queryset.none()
        for field, value in (self.form.cleaned_data if self.is_bound else {}).items():
            if field != name:
                queryset = self.filters[field].filter(queryset, value)
        return queryset

    def facets(self):
        """Options with counts for the form (sectors as a tree, languages, open now) and
        `total`, the number of results."""
        sectors = Business.sectors.through.objects.filter(
            business__in=self.queryset_without("sector")
        )
        languages = Business.languages.through.objects.filter(
            business__in=self.queryset_without("taal")
        )
        distinct_businesses = Count("business_id", distinct=True)
        counts = grouped_counts(
            leaf=(sectors, F("sector_id"), distinct_businesses),
            # A main sector counts each business once, however many of its subsectors it has.
            top=(sectors, Coalesce("sector__parent_id", "sector_id"), distinct_businesses),
            language=(languages, F("language_id"), distinct_businesses),
            # 1 for the businesses open now, 0 for the others: with "open now" ticked the
            # results are the first group, else both.
            open=(
                self.queryset_without("open_nu"),
                Case(When(open_now_q(), then=Value(1)), default=Value(0)),
                Count("pk"),
            ),
        )
        open_count = counts["open"].get(1, 0)
        open_applied = self.is_bound and self.form.is_valid() and self.form.cleaned_data["open_nu"]
        total = open_count if open_applied else sum(counts["open"].values())
        return {
            "total": total,
            "sectors": self._sector_tree(counts["leaf"], counts["top"], total),
            "languages": narrowing(
                [
                    {
                        "value": language.code,
                        "label": language.name,
                        "count": counts["language"].get(language.id, 0),
                        "selected": language.code in self._selected("taal"),
                    }
                    for language in lookups.languages()
                    if language.id in counts["language"] or language.code in self._selected("taal")
                ],
                total,
            ),
            "open_now": {"count": open_count, "selected": self._selected("open_nu") == ["1"]},
        }

    def _selected(self, name):
        return parameters.distinct(self.data.getlist(name)) if hasattr(self.data, "getlist") else []

    def _sector_tree(self, leaf_counts, top_counts, total):
        selected = set(self._selected("sector"))
        sectors = lookups.sectors()
        tree = []
        for top in (s for s in sectors if s.parent_id is None):
            children = narrowing(
                [
                    {
                        "value": s.slug,
                        "label": s.name,
                        "count": leaf_counts.get(s.id, 0),
                        "selected": s.slug in selected,
                    }
                    for s in sectors
                    if s.parent_id == top.id and (s.id in leaf_counts or s.slug in selected)
                ],
                total,
            )
            if top.id in top_counts or top.slug in selected or children:
                tree.append(
                    {
                        "value": top.slug,
                        "label": top.name,
                        "count": top_counts.get(top.id, 0),
                        "selected": top.slug in selected,
                        "children": children,
                    }
                )
        return tree


def narrowing(options, total):
    """The options worth ticking: not one that every result has while nothing of its group is
    chosen, as it would narrow nothing."""
    if not total or any(option["selected"] for option in options):
        return options
    return [option for option in options if option["count"] < total]
