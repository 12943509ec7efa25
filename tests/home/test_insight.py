"""Small-cell suppression: no public count below 5, and none that the others give away."""

import pytest

from home.insight import HIDDEN, Chart, Figure, public_count, suppress_small


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([12, 7, 9], [12, 7, 9]),
        ([12, 3, 9], [12, HIDDEN, HIDDEN]),  # 3 alone would follow from the total: 9 goes too
        ([12, 3, 2, 9], [12, HIDDEN, HIDDEN, 9]),
        ([0, 40], [HIDDEN, HIDDEN]),
        ([4], [HIDDEN]),
        ([5], [5]),
        ([], []),
    ],
)
def test_small_counts_are_hidden_and_cannot_be_worked_out(counts, expected):
    assert suppress_small(counts) == expected


def test_a_lone_count():
    assert [public_count(n) for n in (0, 4, 5, 120)] == [HIDDEN, HIDDEN, 5, 120]
    assert str(HIDDEN) == "< 5"


def test_a_figure_gives_its_table_in_column_order():
    figure = Figure(
        key="sectoren",
        title="Sectoren",
        description="Bedrijven per sector",
        columns=[("sector", "Sector"), ("count", "Aantal")],
        rows=[{"count": 3, "sector": "Bakkerij"}],
        chart=Chart("bar", "sector", ["count"]),
    )
    assert figure.headings() == ["Sector", "Aantal"]
    assert figure.table() == [["Bakkerij", 3]]
