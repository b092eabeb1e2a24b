"""Round figures: tally, side split, majority, shifts, party line."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from dilemmaspel.core.stats import cramers_v, party_line, round_stats, shift_table, shifts
from tests.test_session import MINI, engine


def _play(choices: dict[str, str], reveal: str = "anonymous") -> tuple[object, object]:
    eng = engine(reveal=reveal)
    rnd = eng.deal(0, [MINI])
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, choices[eng.state.name(pid)], "")
    eng.reveal(rnd.number)
    return eng, rnd


def test_tally_side_split_and_majority() -> None:
    eng, rnd = _play({"Ann": "A", "Cas": "A", "Bob": "B", "Dee": "A"}, reveal="named")
    stats = round_stats(eng.state, rnd)  # type: ignore[arg-type]
    assert stats.total == 4
    assert stats.tally["A"] == 3 and stats.tally["B"] == 1
    assert stats.by_side is not None
    assert stats.by_side["coalition"]["A"] == 2 and stats.by_side["opposition"]["B"] == 1
    assert stats.majority == "A" and stats.majority_share == 0.75


def test_anonymous_split_with_two_per_side_is_left_out() -> None:
    """Two against two: 'oppositie: B 1' would tell each opposition member the other's vote."""
    eng, rnd = _play({"Ann": "A", "Cas": "A", "Bob": "B", "Dee": "A"})
    stats = round_stats(eng.state, rnd)  # type: ignore[arg-type]
    assert stats.tally["A"] == 3 and stats.by_side is None
    assert stats.side_withheld == "disclosure.too_small"
    assert stats.party_line.v is None and stats.party_line.reading == "stats.partyline.withheld"


def test_tie_has_no_majority() -> None:
    eng, rnd = _play({"Ann": "A", "Cas": "B", "Bob": "A", "Dee": "B"}, reveal="named")
    stats = round_stats(eng.state, rnd)  # type: ignore[arg-type]
    assert stats.majority is None and stats.majority_share == 0.5 and stats.leaders == ("A", "B")
    # two coalition against two opposition voters is too few to read a party line from
    assert stats.party_line.v is None and stats.party_line.reading == "stats.partyline.too_few"


def test_perfect_party_line() -> None:
    line = party_line({"coalition": {"A": 3, "B": 0}, "opposition": {"A": 0, "B": 4}, "none": {"A": 1, "B": 0}})
    assert line.v == 1.0 and line.reading == "stats.partyline.strong" and line.voters == 7


def test_no_party_line_when_sides_agree() -> None:
    line = party_line({"coalition": {"A": 2, "B": 1}, "opposition": {"A": 4, "B": 2}, "none": {"A": 0, "B": 0}})
    assert line.v == 0.0 and line.reading == "stats.partyline.none"


def test_shifts_after_revote() -> None:
    eng, rnd = _play({"Ann": "A", "Cas": "A", "Bob": "B", "Dee": "B"}, reveal="named")
    eng.open_revote(rnd.number)  # type: ignore[attr-defined]
    for pid in eng.state.voters(rnd):  # type: ignore[attr-defined]
        eng.vote(rnd.number, pid, "A", "")  # type: ignore[attr-defined]
    eng.reveal(rnd.number)  # type: ignore[attr-defined]
    changed = shifts(rnd)  # type: ignore[arg-type]
    assert sorted(eng.state.name(s.pid) for s in changed) == ["Bob", "Dee"]  # type: ignore[attr-defined]
    assert all((s.before, s.after) == ("B", "A") for s in changed)


def test_party_line_undefined_without_both_sides() -> None:
    line = party_line({"coalition": {"A": 3, "B": 1}, "opposition": {"A": 0, "B": 0}, "none": {"A": 2, "B": 0}})
    assert line.v is None and line.reading == "stats.partyline.too_few"
    same = party_line({"coalition": {"A": 3, "B": 0}, "opposition": {"A": 3, "B": 0}, "none": {"A": 0, "B": 0}})
    assert same.v is None and same.reading == "stats.partyline.unknown"


@given(st.lists(st.lists(st.integers(0, 20), min_size=5, max_size=5), min_size=2, max_size=2))
def test_cramers_v_is_between_zero_and_one(table: list[list[int]]) -> None:
    v = cramers_v(table)
    if v is not None:
        assert 0.0 <= v <= 1.0 and not math.isnan(v)


def test_anonymous_shifts_are_counts_not_people() -> None:
    eng, rnd = _play({"Ann": "A", "Cas": "A", "Bob": "B", "Dee": "B"})
    eng.open_revote(rnd.number)  # type: ignore[attr-defined]
    for pid in eng.state.voters(rnd):  # type: ignore[attr-defined]
        eng.vote(rnd.number, pid, "A", "")  # type: ignore[attr-defined]
    eng.reveal(rnd.number)  # type: ignore[attr-defined]
    table = shift_table(eng.state, rnd)  # type: ignore[arg-type]
    assert table is not None and table.moves == (("B", "A", 2),) and table.changed == 2
