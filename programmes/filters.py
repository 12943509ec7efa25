"""The filters of the programme index, with a count for every option.

Each option is a Q object (`option_q`), so a filter and its counts share one definition. A
programme without stages, sectors or neighbourhoods is for everyone: it matches every option of
that filter. Counts respect the other filters and take one query per filter (conditional counts).
"""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from businesses.models import Language, NeighbourhoodPage, Sector
from programmes.models import Category, ProgrammePage, Stage, expired_q, open_q

SORTS = [
    ("", _("Focus eerst")),
    ("deadline", _("Sluit het eerst")),
    ("nieuw", _("Nieuwste eerst")),
]


def through_exists(field, **lookups):
    through = ProgrammePage._meta.get_field(field).remote_field.through
    return Exists(through.objects.filter(programmepage_id=OuterRef("pk"), **lookups))


def for_everyone(field):
    return ~through_exists(field)


def option_q(name, value):
    """The programmes an option of filter `name` selects."""
    if name == "categorie":
        return Q(category__slug=value)
    if name == "fase":
        return through_exists("stages", stage__slug=value) | for_everyone("stages")
    if name == "sector":
        # A programme for "Eten & drinken" is also for bakeries, and the other way round.
        related = (
            Q(sector__slug=value) | Q(sector__parent__slug=value) | Q(sector__children__slug=value)
        )
        return Exists(
            ProgrammePage.sectors.through.objects.filter(
                Q(programmepage_id=OuterRef("pk")) & related
            )
        ) | for_everyone("sectors")
    if name == "taal":
        return through_exists("languages", language__code=value)
    if name == "wijk":
        return through_exists("neighbourhoods", neighbourhoodpage__slug=value) | for_everyone(
            "neighbourhoods"
        )
    if name == "gratis":
        return Q(is_free=True)
    if name == "open":
        return open_q(timezone.localdate())
    raise ValueError(name)


def choices(model, value_field):
    def make():
        return [(getattr(item, value_field), item.name) for item in model.objects.all()]

    return make


def neighbourhood_choices():
    pages = NeighbourhoodPage.objects.live().filter(locale__language_code="nl").order_by("title")
    return [(page.slug, page.title) for page in pages]


FACETS = ["categorie", "fase", "sector", "taal", "wijk", "gratis", "open"]


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_text", max_length=100)
    categorie = django_filters.MultipleChoiceFilter(
        label=_("Categorie"), choices=choices(Category, "slug"), method="filter_options"
    )
    fase = django_filters.MultipleChoiceFilter(
        label=_("Fase"), choices=choices(Stage, "slug"), method="filter_options"
    )
    sector = django_filters.MultipleChoiceFilter(
        label=_("Sector"), choices=choices(Sector, "slug"), method="filter_options"
    )
    taal = django_filters.MultipleChoiceFilter(
        label=_("Taal"), choices=choices(Language, "code"), method="filter_options"
    )
    wijk = django_filters.MultipleChoiceFilter(
        label=_("Wijk"), choices=neighbourhood_choices, method="filter_options"
    )
    gratis = django_filters.ChoiceFilter(
        label=_("Gratis"), choices=[("1", _("Alleen gratis"))], method="filter_options"
    )
    open = django_filters.ChoiceFilter(
        label=_("Aanmelden kan nog"),
        choices=[("1", _("Alleen als aanmelden nog kan"))],
        method="filter_options",
    )
    archief = django_filters.ChoiceFilter(
        label=_("Archief"), choices=[("1", _("Verlopen programma's"))], method="keep"
    )
    sortering = django_filters.ChoiceFilter(
        label=_("Sorteren"), choices=SORTS[1:], method="keep", empty_label=SORTS[0][1]
    )

    class Meta:
        model = ProgrammePage
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        messages = {
            "categorie": _("De categorie %(value)s bestaat niet."),
            "fase": _("Kies als fase idee, starter of groei."),
            "sector": _("De sector %(value)s bestaat niet (meer)."),
            "taal": _("De taal %(value)s kennen we niet."),
            "wijk": _("De wijk %(value)s kennen we niet."),
            "gratis": _("Gebruik gratis=1 om alleen gratis programma's te zien."),
            "open": _("Gebruik open=1 om alleen programma's te zien waarvoor aanmelden nog kan."),
            "archief": _("Gebruik archief=1 voor verlopen programma's."),
            "sortering": _("Sorteer op deadline of nieuw."),
        }
        for name, message in messages.items():
            self.filters[name].extra["error_messages"] = {"invalid_choice": message}

    def keep(self, queryset, name, value):
        return queryset

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(summary__icontains=value)
            | Q(provider__name__icontains=value)
        )

    def filter_options(self, queryset, name, value):
        values = value if isinstance(value, list) else [value]
        values = [v for v in values if v]
        if not values:
            return queryset
        return queryset.filter(reduce(or_, (option_q(name, v) for v in values)))

    @property
    def valid_data(self):
        return self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}

    @property
    def archive(self):
        return self.valid_data.get("archief") == "1"

    def base(self):
        """Live programmes, current or (in the archive) expired."""
        today = timezone.localdate()
        queryset = self.queryset
        return (
            queryset.filter(expired_q(today))
            if self.archive
            else queryset.exclude(expired_q(today))
        )

    @property
    def qs(self):
        # Unknown values give an empty list with a message, never everything or an error.
        if self.is_bound and not self.form.is_valid():
            return self.queryset.none()
        queryset = self.base()
        for name, value in self.valid_data.items():
            queryset = self.filters[name].filter(queryset, value)
        return self.sorted(queryset)

    def sorted(self, queryset):
        sort = self.valid_data.get("sortering", "")
        if sort == "nieuw":
            return queryset.order_by("-first_published_at", "pk")
        if sort == "deadline":
            return queryset.order_by(models_nulls_last("deadline"), "title")
        # Focus categories first; within them the nearest deadline.
        return queryset.order_by(
            "-category__is_focus", "category__sort_order", models_nulls_last("deadline"), "title"
        )

    def queryset_without(self, name):
        queryset = self.base()
        for field, value in self.valid_data.items():
            if field != name:
                queryset = self.filters[field].filter(queryset, value)
        return queryset

    def facets(self):
        """For every filter: its options with counts, in one query per filter."""
        if self.is_bound and not self.form.is_valid():
            return {}
        result = {}
        for name in FACETS:
            options = [(value, label) for value, label in self.form.fields[name].choices if value]
            counts = self.queryset_without(name).aggregate(
                **{
                    f"o{i}": Count("pk", filter=option_q(name, value))
                    for i, (value, _label) in enumerate(options)
                }
            )
            selected = self._selected(name)
            result[name] = [
                {
                    "value": value,
                    "label": label,
                    "count": counts[f"o{i}"],
                    "selected": str(value) in selected,
                }
                for i, (value, label) in enumerate(options)
                if counts[f"o{i}"] or str(value) in selected
            ]
        return result

    def _selected(self, name):
        return self.data.getlist(name) if hasattr(self.data, "getlist") else []


def models_nulls_last(field):
    return F(field).asc(nulls_last=True)
