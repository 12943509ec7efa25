"""The filters of a neighbourhood's business list, with a count for every option.

Every count respects the other filters (so "Turks 12" means 12 results if you tick it) and is
one grouped query, whatever the number of businesses or options.
"""

import django_filters
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from businesses.hours import open_now_q
from businesses.models import Business, Language, Sector

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
    return [(s.slug, s.name) for s in Sector.objects.all()]


def language_choices():
    return [(code, code) for code in Language.objects.values_list("code", flat=True)]


class BusinessFilter(django_filters.FilterSet):
    sector = django_filters.MultipleChoiceFilter(
        label=_("Sector"), choices=sector_choices, method="filter_sector"
    )
    taal = django_filters.MultipleChoiceFilter(
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
        """Options with counts for the form: sectors as a tree, languages, open now."""
        sector_base = self.queryset_without("sector")
        through = Business.sectors.through.objects.filter(business__in=sector_base)
        leaf_counts = dict(
            through.values("sector_id")
            .annotate(n=Count("business_id", distinct=True))
            .values_list("sector_id", "n")
        )
        top_counts = dict(
            through.annotate(top=Coalesce("sector__parent_id", "sector_id"))
            .values("top")
            .annotate(n=Count("business_id", distinct=True))
            .values_list("top", "n")
        )
        language_counts = dict(
            Business.languages.through.objects.filter(business__in=self.queryset_without("taal"))
            .values("language_id")
            .annotate(n=Count("business_id", distinct=True))
            .values_list("language_id", "n")
        )
        open_count = self.queryset_without("open_nu").filter(open_now_q()).count()
        return {
            "sectors": self._sector_tree(leaf_counts, top_counts),
            "languages": [
                {
                    "value": language.code,
                    "label": language.name,
                    "count": language_counts.get(language.id, 0),
                    "selected": language.code in self._selected("taal"),
                }
                for language in Language.objects.all()
                if language.id in language_counts or language.code in self._selected("taal")
            ],
            "open_now": {"count": open_count, "selected": self._selected("open_nu") == ["1"]},
        }

    def _selected(self, name):
        return self.data.getlist(name) if hasattr(self.data, "getlist") else []

    def _sector_tree(self, leaf_counts, top_counts):
        selected = set(self._selected("sector"))
        sectors = list(Sector.objects.all())
        tree = []
        for top in (s for s in sectors if s.parent_id is None):
            children = [
                {
                    "value": s.slug,
                    "label": s.name,
                    "count": leaf_counts.get(s.id, 0),
                    "selected": s.slug in selected,
                }
                for s in sectors
                if s.parent_id == top.id and (s.id in leaf_counts or s.slug in selected)
            ]
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
