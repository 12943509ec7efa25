"""The filters of the programme index, with a count for every option.

Each option is a Q object (`option_q`), so a filter and its counts share one definition. A
programme without stages, sectors or neighbourhoods is for everyone: it matches every option of
that filter. The counts respect the other filters and, with the number found, take one query of
conditional counts. The options come from the cached lists of programmes.taxonomy.
"""

from functools import reduce
from operator import and_, or_

import django_filters
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import ProgrammePage, expired_q, open_q
from programmes.taxonomy import taxonomy

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


def all_of(conditions):
    conditions = list(conditions)
    return reduce(and_, conditions) if conditions else None


FACETS = ["categorie", "fase", "sector", "taal", "wijk", "gratis", "open"]


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="apply", max_length=100)
    # The choices of these five are set in __init__, from the cached lists.
    categorie = django_filters.MultipleChoiceFilter(label=_("Categorie"), method="apply")
    fase = django_filters.MultipleChoiceFilter(label=_("Fase"), method="apply")
    sector = django_filters.MultipleChoiceFilter(label=_("Sector"), method="apply")
    taal = django_filters.MultipleChoiceFilter(label=_("Taal"), method="apply")
    wijk = django_filters.MultipleChoiceFilter(label=_("Wijk"), method="apply")
    gratis = django_filters.ChoiceFilter(
        label=_("Gratis"), choices=[("1", _("Alleen gratis"))], method="apply"
    )
    open = django_filters.ChoiceFilter(
        label=_("Aanmelden kan nog"),
        choices=[("1", _("Alleen als aanmelden nog kan"))],
        method="apply",
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
        # Labels in the visitor's language, read once per request.
        lists = taxonomy()
        options = {
            "categorie": [(category.slug, category.name) for category in lists.categories],
            "fase": [(stage.slug, stage.name) for stage in lists.stages],
            "sector": [(sector.slug, sector.name) for sector in lists.sectors],
            "taal": [(language.code, language.name) for language in lists.languages],
            "wijk": [(page.slug, page.title) for page in lists.live_neighbourhoods],
        }
        for name, choices in options.items():
            self.filters[name].extra["choices"] = choices

    def keep(self, queryset, name, value):
        return queryset

    def apply(self, queryset, name, value):
        condition = self.condition(name, value)
        return queryset if condition is None else queryset.filter(condition)

    def condition(self, name, value):
        """The Q object of a filter's cleaned value; None when it leaves everything in."""
        if name == "q":
            value = value.strip()
            if not value:
                return None
            return (
                Q(title__icontains=value)
                | Q(summary__icontains=value)
                | Q(provider__name__icontains=value)
            )
        if name not in FACETS:
            return None  # archief and sortering choose the base list and the order
        values = [v for v in (value if isinstance(value, list) else [value]) if v]
        return reduce(or_, (option_q(name, v) for v in values)) if values else None

    def conditions(self):
        """{filter: Q} for the filters the visitor set."""
        found = {name: self.condition(name, value) for name, value in self.valid_data.items()}
        return {name: condition for name, condition in found.items() if condition is not None}

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
        return self.sorted(self.base().filter(*self.conditions().values()))

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

    def counts(self):
        """The number of programmes found and, for every filter, its options with their counts.

        All in one query: conditional counts over the base list. The count of an option applies
        the other filters but not its own, so it tells what choosing that option would give.
        """
        if self.is_bound and not self.form.is_valid():
            return 0, {}
        conditions = self.conditions()
        aggregates = {"total": Count("pk", filter=all_of(conditions.values()))}
        options = {}
        for name in FACETS:
            options[name] = [
                (value, label) for value, label in self.form.fields[name].choices if value
            ]
            others = [condition for field, condition in conditions.items() if field != name]
            for i, (value, _label) in enumerate(options[name]):
                aggregates[f"{name}_{i}"] = Count(
                    "pk", filter=all_of([*others, option_q(name, value)])
                )
        counts = self.base().aggregate(**aggregates)
        facets = {}
        for name in FACETS:
            selected = self._selected(name)
            facets[name] = [
                {
                    "value": value,
                    "label": label,
                    "count": counts[f"{name}_{i}"],
                    "selected": str(value) in selected,
                }
                for i, (value, label) in enumerate(options[name])
                if counts[f"{name}_{i}"] or str(value) in selected
            ]
        return counts["total"], facets

    def _selected(self, name):
        return self.data.getlist(name) if hasattr(self.data, "getlist") else []


def models_nulls_last(field):
    return F(field).asc(nulls_last=True)
