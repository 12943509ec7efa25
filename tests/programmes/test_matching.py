"""The matching engine on plain data: hard filters, scoring, tie-breaks, reasons, empty cases."""

from programmes.mentoring.matching import (
    Candidate,
    Contact,
    Names,
    Wish,
    best_contact,
    rank_mentors,
)

# ids: needs 1 marketing, 2 permits, 3 finance; sectors 10 food (main), 11 bakery (in food),
# 12 hairdresser; stages 20 starter, 21 growth; languages 30 Dutch, 31 Turkish, 32 Arabic;
# neighbourhoods 40 Lombok and 41 Oog in Al (district West), 42 Overvecht (district Noordoost).
NAMES = Names(
    needs={1: "Marketing en klanten", 2: "Vergunningen en regels", 3: "Financiën"},
    sectors={10: "Eten & drinken", 11: "Bakkerij", 12: "Kapper"},
    stages={20: "Net begonnen", 21: "Ik wil groeien"},
    languages={30: "Nederlands", 31: "Turks", 32: "Arabisch"},
    neighbourhoods={40: "Lombok", 41: "Oog in Al", 42: "Overvecht"},
    districts={40: "West", 41: "West", 42: "Noordoost"},
    dutch=30,
)
WISH = Wish(
    needs=frozenset({1, 2}),
    sector=11,
    sector_parent=10,
    stage=20,
    neighbourhood=40,
    languages=frozenset({30, 31}),
)


def mentor(id, name=None, **fields):
    defaults = {"languages": frozenset({30}), "capacity": 2}
    return Candidate(id=id, name=name or f"Mentor {id}", **{**defaults, **fields})


def names_of(ranked):
    return [r.candidate.name for r in ranked]


def test_the_best_fit_comes_first_with_its_reasons():
    best = mentor(
        1,
        "Ayla",
        expertise=frozenset({1, 2}),
        sectors=frozenset({10}),
        languages=frozenset({30, 31}),
        neighbourhoods=frozenset({40}),
        stages=frozenset({20}),
    )
    other = mentor(2, "Bram", expertise=frozenset({3}), neighbourhoods=frozenset({42}))
    [first, second] = rank_mentors(WISH, [other, best], NAMES)
    assert first.candidate.name == "Ayla"
    assert first.score == 4 * 2 + 2 + 3 + 3 + 1
    assert first.reasons == [
        "ervaring met marketing en klanten en vergunningen en regels",
        "kent de sector bakkerij",
        "actief in Lombok",
        "spreekt Turks en Nederlands",
        "helpt graag in de fase: net begonnen",
        "heeft nu ruimte (2 van 2 plekken vrij)",
    ]
    assert second.score == 1  # Dutch only, another district, no matching need
    assert second.reasons == ["spreekt Nederlands", "heeft nu ruimte (2 van 2 plekken vrij)"]


def test_neighbouring_and_city_wide_mentors():
    district = mentor(1, "West", neighbourhoods=frozenset({41}))
    city = mentor(2, "Stad")
    far = mentor(3, "Ver", neighbourhoods=frozenset({42}))
    ranked = rank_mentors(WISH, [far, district, city], NAMES)
    assert [(r.candidate.name, r.score) for r in ranked] == [("Stad", 2), ("West", 2), ("Ver", 1)]
    assert "actief in stadsdeel West" in ranked[1].reasons
    assert "helpt in de hele stad" in ranked[0].reasons


def test_hard_filters_leave_out_who_cannot_help_now():
    paused = mentor(1, expertise=frozenset({1, 2}), active=False)
    unvetted = mentor(2, expertise=frozenset({1, 2}), vetted=False)
    full = mentor(3, expertise=frozenset({1, 2}), capacity=2, load=2)
    available = mentor(4)
    assert names_of(rank_mentors(WISH, [paused, unvetted, full, available], NAMES)) == ["Mentor 4"]


def test_a_shared_language_can_be_required():
    wish = Wish(languages=frozenset({31}), shared_language_required=True)
    dutch_only = mentor(1)
    turkish = mentor(2, languages=frozenset({31}))
    assert names_of(rank_mentors(wish, [dutch_only, turkish], NAMES)) == ["Mentor 2"]
    relaxed = Wish(languages=frozenset({31}))
    assert set(names_of(rank_mentors(relaxed, [dutch_only, turkish], NAMES))) == {
        "Mentor 1",
        "Mentor 2",
    }


def test_load_spreads_the_work():
    busy = mentor(1, "Busy", expertise=frozenset({1}), capacity=3, load=2)
    free = mentor(2, "Free", expertise=frozenset({1}), capacity=3, load=0)
    ranked = rank_mentors(WISH, [busy, free], NAMES)
    assert names_of(ranked) == ["Free", "Busy"]
    assert ranked[0].score - ranked[1].score == 4
    assert "heeft nu ruimte (1 van 3 plekken vrij)" in ranked[1].reasons


def test_ties_break_on_load_then_name_then_id():
    same = {"expertise": frozenset({1})}
    a = mentor(5, "Anna", **same)
    b = mentor(3, "Anna", **same)
    c = mentor(4, "Bart", **same)
    assert [r.candidate.id for r in rank_mentors(WISH, [c, a, b], NAMES)] == [3, 5, 4]
    assert [r.candidate.id for r in rank_mentors(WISH, [b, c, a], NAMES)] == [3, 5, 4]


def test_the_limit_and_the_empty_case():
    many = [mentor(i) for i in range(10)]
    assert len(rank_mentors(WISH, many, NAMES, limit=3)) == 3
    assert rank_mentors(WISH, [], NAMES) == []
    assert rank_mentors(WISH, [mentor(1, active=False)], NAMES) == []


def test_the_contact_in_the_neighbourhood_who_knows_the_topic():
    city = Contact(1, "Startersloket", topics=frozenset({1, 2, 3}))
    local = Contact(2, "Wijkmanager Lombok", neighbourhoods=frozenset({40}), topics=frozenset({2}))
    elsewhere = Contact(
        3, "Wijkmanager Overvecht", neighbourhoods=frozenset({42}), topics=frozenset({1, 2})
    )
    assert best_contact(WISH, [city, local, elsewhere]).name == "Wijkmanager Lombok"
    assert (
        best_contact(Wish(neighbourhood=42, needs=frozenset({1})), [city, local]).name
        == "Startersloket"
    )
    assert best_contact(WISH, [elsewhere]) is None


def test_the_simulation_never_puts_a_mentor_over_capacity():
    from programmes.demo.matching import simulate

    result = simulate(requests=120, mentors=15, seed=7)
    assert result["mentors_over_capacity"] == 0
    assert result["max_load"] <= 3  # the largest capacity in the simulation
    assert result["matched"] + result["unmatched"] == 120
