"""The matching engine: from a founder's request and the candidate mentors to a ranked proposal,
plus the municipal contact who fits best. Pure functions on plain data (`Candidate`,
`Wish`), so the same code ranks 10,000 mentors quickly, runs in tests without a database and
explains itself.

1. Hard filters. A mentor is left out when not vetted, paused, at capacity, or (when the founder
   asks for it) without a language in common with the founder.
2. Score, each part with its reason in words:
   - every need the mentor has experience with: +4 ("ervaring met vergunningen en regels");
   - the founder's sector, or its main sector: +2 ("kent de sector bakkerij");
   - active in the founder's neighbourhood +3, in the same district +1 ("actief in Lombok");
     city-wide mentors +1;
   - a shared language other than Dutch +3, Dutch +1 ("spreekt Turks en Nederlands");
   - likes to help at the founder's stage +1 ("helpt graag starters");
   - current load: -2 per active mentee, so work spreads fairly ("heeft nu ruimte").
3. Ties: lower load first, then the name, then the id: the same input gives the same order.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

WEIGHTS = {
    "need": 4,
    "sector": 2,
    "neighbourhood": 3,
    "district": 1,
    "city_wide": 1,
    "language": 3,
    "dutch": 1,
    "stage": 1,
    "load": -2,
}


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    expertise: frozenset = frozenset()  # need ids
    sectors: frozenset = frozenset()  # sector ids
    stages: frozenset = frozenset()  # stage ids; empty: every stage
    languages: frozenset = frozenset()  # language ids
    neighbourhoods: frozenset = frozenset()  # neighbourhood ids; empty: the whole city
    capacity: int = 1
    load: int = 0  # active mentees now
    active: bool = True
    vetted: bool = True


@dataclass(frozen=True)
class Contact:
    id: int
    name: str
    topics: frozenset = frozenset()
    neighbourhoods: frozenset = frozenset()
    languages: frozenset = frozenset()


@dataclass(frozen=True)
class Wish:
    """What the founder asked for, as ids."""

    needs: frozenset = frozenset()
    sector: int | None = None
    sector_parent: int | None = None
    stage: int | None = None
    neighbourhood: int | None = None
    languages: frozenset = frozenset()
    shared_language_required: bool = False


@dataclass(frozen=True)
class Names:
    """Names for the reasons: {id: name} per kind, and the districts of neighbourhoods."""

    needs: dict = field(default_factory=dict)
    sectors: dict = field(default_factory=dict)
    stages: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)
    neighbourhoods: dict = field(default_factory=dict)
    districts: dict = field(default_factory=dict)  # neighbourhood id -> district name
    dutch: int | None = None  # the id of Dutch


@dataclass
class Ranked:
    candidate: Candidate
    score: int
    reasons: list


def eligible(candidate, wish):
    if not (candidate.vetted and candidate.active and candidate.load < candidate.capacity):
        return False
    return not (wish.shared_language_required and not candidate.languages & wish.languages)


def score(candidate, wish, names):
    total = WEIGHTS["need"] * len(candidate.expertise & wish.needs)
    if wish.sector is not None and candidate.sectors & {wish.sector, wish.sector_parent}:
        total += WEIGHTS["sector"]
    if not candidate.neighbourhoods:
        total += WEIGHTS["city_wide"]
    elif wish.neighbourhood in candidate.neighbourhoods:
        total += WEIGHTS["neighbourhood"]
    elif wish.neighbourhood is not None and same_district(candidate, wish, names):
        total += WEIGHTS["district"]
    shared = candidate.languages & wish.languages
    if shared - {names.dutch}:
        total += WEIGHTS["language"]
    elif shared:
        total += WEIGHTS["dutch"]
    if wish.stage is not None and wish.stage in candidate.stages:
        total += WEIGHTS["stage"]
    return total + WEIGHTS["load"] * candidate.load


def same_district(candidate, wish, names):
    district = names.districts.get(wish.neighbourhood)
    return district is not None and any(
        names.districts.get(n) == district for n in candidate.neighbourhoods
    )


def listing(items):
    """ "Turks en Nederlands", "Turks, Arabisch en Nederlands"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def reasons(candidate, wish, names):
    found = []
    needs = [names.needs[n] for n in sorted(candidate.expertise & wish.needs) if n in names.needs]
    if needs:
        found.append(_("ervaring met %(needs)s") % {"needs": listing(n.lower() for n in needs)})
    if wish.sector is not None and candidate.sectors & {wish.sector, wish.sector_parent}:
        found.append(
            _("kent de sector %(sector)s") % {"sector": names.sectors.get(wish.sector, "").lower()}
        )
    if wish.neighbourhood in candidate.neighbourhoods:
        found.append(
            _("actief in %(name)s") % {"name": names.neighbourhoods.get(wish.neighbourhood, "")}
        )
    elif (
        candidate.neighbourhoods
        and wish.neighbourhood is not None
        and same_district(candidate, wish, names)
    ):
        found.append(
            _("actief in stadsdeel %(district)s")
            % {"district": names.districts[wish.neighbourhood]}
        )
    elif not candidate.neighbourhoods:
        found.append(_("helpt in de hele stad"))
    shared = candidate.languages & wish.languages
    if shared:
        ordered = sorted(
            shared,
            key=lambda language: (language == names.dutch, names.languages.get(language, "")),
        )
        found.append(
            _("spreekt %(languages)s")
            % {"languages": listing(names.languages.get(language, "") for language in ordered)}
        )
    if wish.stage is not None and wish.stage in candidate.stages:
        found.append(
            _("helpt graag in de fase: %(stage)s")
            % {"stage": names.stages.get(wish.stage, "").lower()}
        )
    free = candidate.capacity - candidate.load
    found.append(
        _("heeft nu ruimte (%(free)s van %(capacity)s plekken vrij)")
        % {"free": free, "capacity": candidate.capacity}
    )
    return found


def rank_mentors(wish, candidates, names, limit=3):
    """The best `limit` mentors for the wish, each with a score and reasons."""
    scored = [(score(c, wish, names), c) for c in candidates if eligible(c, wish)]
    scored.sort(key=lambda item: (-item[0], item[1].load, item[1].name, item[1].id))
    return [Ranked(c, points, reasons(c, wish, names)) for points, c in scored[:limit]]


def best_contact(wish, contacts):
    """The municipal contact for this founder: in their neighbourhood if there is one, then the
    one who knows most of their needs, then a shared language; city-wide contacts as fallback."""

    def fit(contact):
        local = wish.neighbourhood in contact.neighbourhoods
        city_wide = not contact.neighbourhoods
        if not (local or city_wide):
            return None
        return (local, len(contact.topics & wish.needs), bool(contact.languages & wish.languages))

    scored = [(f, c) for c in contacts if (f := fit(c)) is not None]
    if not scored:
        return None
    scored.sort(key=lambda item: (item[0], -item[1].id), reverse=True)
    return scored[0][1]
