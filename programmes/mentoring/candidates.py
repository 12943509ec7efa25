"""From the database to the matching engine's plain data (programmes.mentoring.matching): the
candidate mentors with their current load, the municipal contacts, the names of the lists, and
a request as the engine's Wish."""

from django.db.models import Count

from businesses.models import Language, NeighbourhoodPage, Sector
from programmes.mentoring import matching
from programmes.models import (
    Mentor,
    MentorMatch,
    MunicipalContact,
    Need,
    Stage,
)

BUSY = [MentorMatch.Status.INTRODUCED, MentorMatch.Status.ACCEPTED, MentorMatch.Status.ACTIVE]

# From the database to the engine's plain data ----------------------------------------------


def mentor_loads():
    return dict(
        MentorMatch.objects.filter(status__in=BUSY)
        .values("mentor_id")
        .annotate(n=Count("id"))
        .values_list("mentor_id", "n")
    )


RELATIONS = ("expertise", "sectors", "stages", "languages", "neighbourhoods")


def related_ids(field_name, mentors):
    """{mentor id: frozenset of ids} of one many-to-many field, read as plain pairs: with
    thousands of mentors, building a model instance per row would take most of the time."""
    field = Mentor._meta.get_field(field_name)
    pairs = field.remote_field.through.objects.filter(
        **{f"{field.m2m_field_name()}__in": mentors.values("pk")}
    ).values_list(field.m2m_field_name(), field.m2m_reverse_field_name())
    found = {}
    for mentor_id, other_id in pairs:
        found.setdefault(mentor_id, set()).add(other_id)
    return {mentor_id: frozenset(ids) for mentor_id, ids in found.items()}


def candidates(queryset=None):
    mentors = queryset if queryset is not None else Mentor.objects.filter(live=True)
    loads = mentor_loads()
    related = {name: related_ids(name, mentors) for name in RELATIONS}
    none = frozenset()
    return [
        matching.Candidate(
            id=pk,
            name=name,
            expertise=related["expertise"].get(pk, none),
            sectors=related["sectors"].get(pk, none),
            stages=related["stages"].get(pk, none),
            languages=related["languages"].get(pk, none),
            neighbourhoods=related["neighbourhoods"].get(pk, none),
            capacity=capacity,
            load=loads.get(pk, 0),
            active=is_active,
            vetted=vetted_at is not None,
        )
        for pk, name, capacity, is_active, vetted_at in mentors.values_list(
            "pk", "name", "capacity", "is_active", "vetted_at"
        )
    ]


def contacts():
    return [
        matching.Contact(
            id=c.pk,
            name=c.name,
            topics=frozenset(t.pk for t in c.topics.all()),
            neighbourhoods=frozenset(n.pk for n in c.neighbourhoods.all()),
            languages=frozenset(language.pk for language in c.languages.all()),
        )
        for c in MunicipalContact.objects.prefetch_related("topics", "neighbourhoods", "languages")
    ]


def names():
    neighbourhoods = NeighbourhoodPage.objects.filter(locale__language_code="nl").values_list(
        "pk", "title", "district"
    )
    return matching.Names(
        needs={n.pk: n.name for n in Need.objects.all()},
        sectors={s.pk: s.name for s in Sector.objects.all()},
        stages={s.pk: s.name for s in Stage.objects.all()},
        languages={language.pk: language.name for language in Language.objects.all()},
        neighbourhoods={pk: title for pk, title, _district in neighbourhoods},
        districts={pk: district for pk, _title, district in neighbourhoods},
        dutch=Language.objects.filter(code="nl").values_list("pk", flat=True).first(),
    )


def wish_for(request):
    return matching.Wish(
        needs=frozenset(n.pk for n in request.needs.all()),
        sector=request.sector_id,
        sector_parent=request.sector.parent_id if request.sector_id else None,
        stage=request.stage_id,
        neighbourhood=request.neighbourhood_id,
        languages=frozenset(language.pk for language in request.languages.all()),
        shared_language_required=request.shared_language_required,
    )


def contact_for(request):
    found = matching.best_contact(wish_for(request), contacts())
    return MunicipalContact.objects.filter(pk=found.id).first() if found else None


# The steps ------------------------------------------------------------------------------------
