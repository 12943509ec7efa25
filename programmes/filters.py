"""The filters of the programme index, with a count for every option.

Each option is a Q object (`option_q`), so a filter and its counts share one definition. A
programme without stages, sectors or neighbourhoods is for everyone: it matches every option of
that filter. The counts respect the other filters and, with the number found, take one query of
conditional counts. The options come from the cached lists of programmes.taxonomy. A filter
takes each value once and at most 20 (portal.parameters), so a URL cannot make the OR long.
"""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import parameters
from programmes.models import ProgrammePage, expired_q, open_q
from programmes.taxonomy import AUDIENCE, audience_of, taxonomy

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


FACETS = ["categorie", "fase", "sector", "taal", "wijk", "gratis", "open"]


class ProgrammeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="apply", max_length=100)
    # The choices of these five are set in __init__, from the cached lists.
    categorie = parameters.MultipleChoiceFilter(label=_("Categorie"), method="apply")
    fase = parameters.MultipleChoiceFilter(label=_("Fase"), method="apply")
    sector = parameters.MultipleChoiceFilter(label=_("Sector"), method="apply")
    taal = parameters.MultipleChoiceFilter(label=_("Taal"), method="apply")
    wijk = parameters.MultipleChoiceFilter(label=_("Wijk"), method="apply")
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

        The count of an option applies the other filters but not its own, so it tells what
        choosing that option would give. Counted in Python over the current list (a few hundred
        programmes at most) from two queries: its rows and its relations. As conditional counts
        in SQL, a hundred options with subqueries each took seconds to plan and run on
        PostgreSQL. `matched_options` says in Python what `option_q` says in SQL; a test holds
        each count against the list the option gives.
        """
        if self.is_bound and not self.form.is_valid():
            return 0, {}
        options = {
            name: [(value, label) for value, label in self.form.fields[name].choices if value]
            for name in FACETS
        }
        chosen = {name: set(self._values(name)) for name in FACETS if self._values(name)}
        text = self.condition("q", self.valid_data.get("q", ""))
        rows = self.base().filter(*([text] if text is not None else []))
        counts = {name: dict.fromkeys((value for value, _ in options[name]), 0) for name in FACETS}
        total = 0
        for matched in matched_options(rows):
            failing = [name for name, values in chosen.items() if not matched[name] & values]
            if not failing:
                total += 1
                counted = FACETS  # found: it counts for every option it matches
            elif len(failing) == 1:
                counted = failing  # found if that one filter were changed
            else:
                continue
            for name in counted:
                for value in matched[name] & counts[name].keys():
                    counts[name][value] += 1
        facets = {}
        for name in FACETS:
            selected = self._selected(name)
            facets[name] = [
                {
                    "value": value,
                    "label": label,
                    "count": counts[name][value],
                    "selected": str(value) in selected,
                }
                for value, label in options[name]
                if counts[name][value] or str(value) in selected
            ]
        return total, facets

    def _values(self, name):
        value = self.valid_data.get(name)
        return [v for v in (value if isinstance(value, list) else [value]) if v]

    def _selected(self, name):
        return parameters.distinct(self.data.getlist(name)) if hasattr(self.data, "getlist") else []


def matched_options(programmes):
    """For each programme of the queryset: {filter: the option values it matches}, as
    `option_q` decides. A programme without stages, sectors or neighbourhoods matches every
    option of that filter."""
    lists = taxonomy()
    slugs = {
        "stages": {stage.pk: stage.slug for stage in lists.stages},
        "languages": {language.pk: language.code for language in lists.languages},
        "neighbourhoods": {page.pk: page.slug for page in lists.neighbourhoods},
    }
    # A sector matches itself, its parent and its children: "Eten & drinken" and "Bakkerij".
    related = {sector.pk: {sector.slug} for sector in lists.sectors}
    for sector in lists.sectors:
        if sector.parent_id:
            related[sector.pk].add(sector.parent.slug)
            related.setdefault(sector.parent_id, set()).add(sector.slug)
    everyone = {
        "fase": set(slugs["stages"].values()),
        "sector": {slug for found in related.values() for slug in found},
        "wijk": set(slugs["neighbourhoods"].values()),
    }
    today = timezone.localdate()
    audience = audience_of(programmes)
    empty = {name: set() for name in AUDIENCE}
    rows = programmes.values_list("pk", "category__slug", "is_free", "deadline", "end_date")
    for pk, category, is_free, deadline, end_date in rows:
        chosen = audience.get(pk, empty)
        expired = (deadline and deadline < today) or (end_date and end_date < today)
        yield {
            "categorie": {category},
            "fase": named(chosen["stages"], slugs["stages"], everyone["fase"]),
            "sector": {slug for sector in chosen["sectors"] for slug in related.get(sector, ())}
            if chosen["sectors"]
            else everyone["sector"],
            "taal": named(chosen["languages"], slugs["languages"], set()),
            "wijk": named(chosen["neighbourhoods"], slugs["neighbourhoods"], everyone["wijk"]),
            "gratis": {"1"} if is_free else set(),
            "open": set() if expired else {"1"},
        }


def named(ids, names, without_any):
    """The option values of related ids; `without_any` when there are none at all."""
    return {names[i] for i in ids if i in names} if ids else without_any


def models_nulls_last(field):
    return F(field).asc(nulls_last=True)
