"""Mixed groups: the balancing rules hold for any roster (property-based)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dilemmaspel.core.groups import GroupingError, form_groups, group_count, remix_seed, repeated_pairs, reshuffle_seed, same_grouping
from dilemmaspel.core.roster import Participant

PARTIES = ["A", "B", "C", "D", ""]


@st.composite
def rosters(draw: st.DrawFn, max_size: int = 40) -> list[Participant]:
    n = draw(st.integers(1, max_size))
    people = []
    for i in range(n):
        side = draw(st.sampled_from(["coalition", "opposition", "none"]))
        party = draw(st.sampled_from(PARTIES))
        people.append(Participant(name=f"P{i}", party=party, side=side))
    return people


@st.composite
def roster_and_k(draw: st.DrawFn, max_size: int = 40) -> tuple[list[Participant], int]:
    people = draw(rosters(max_size))
    return people, draw(st.integers(1, len(people)))


def _spread(counts: list[int], total: int, k: int) -> bool:
    return all(math.floor(total / k) <= c <= math.ceil(total / k) for c in counts)


def check_rules(people: list[Participant], groups: list[list[Participant]], k: int) -> None:
    assert len(groups) == k
    flat = [p.name for g in groups for p in g]
    assert sorted(flat) == sorted(p.name for p in people)  # 1. exactly one group each
    sizes = [len(g) for g in groups]
    assert max(sizes) - min(sizes) <= 1  # 2. sizes differ by at most one
    for side in ("coalition", "opposition", "none"):  # 3. each side spread
        total = sum(p.side == side for p in people)
        assert _spread([sum(p.side == side for p in g) for g in groups], total, k)
    for combo in {(p.side, p.party) for p in people}:  # 4. each (side, party) spread
        total = sum((p.side, p.party) == combo for p in people)
        assert _spread([sum((p.side, p.party) == combo for p in g) for g in groups], total, k)


@settings(max_examples=300, deadline=None)
@given(roster_and_k(), st.integers(0, 10_000))
def test_rules_hold_for_any_roster_and_group_count(case: tuple[list[Participant], int], seed: int) -> None:
    people, k = case
    check_rules(people, form_groups(people, count=k, seed=seed), k)


@settings(max_examples=200, deadline=None)
@given(rosters(), st.integers(1, 12), st.integers(0, 10_000))
def test_size_gives_ceil_groups_and_none_too_big(people: list[Participant], size: int, seed: int) -> None:
    groups = form_groups(people, size=size, seed=seed)
    k = math.ceil(len(people) / size)
    check_rules(people, groups, k)
    assert max(len(g) for g in groups) <= size


@settings(max_examples=100, deadline=None)
@given(roster_and_k(), st.integers(0, 10_000))
def test_same_seed_same_groups(case: tuple[list[Participant], int], seed: int) -> None:
    people, k = case
    assert form_groups(people, count=k, seed=seed) == form_groups(list(people), count=k, seed=seed)


def _partitions(n: int, k: int) -> Iterator[tuple[int, ...]]:
    """Every way to split n people into exactly k non-empty unlabelled groups, each once: a
    person joins one of the groups opened so far or opens the next one."""
    labels: list[int] = []

    def walk(opened: int) -> Iterator[tuple[int, ...]]:
        if len(labels) == n:
            if opened == k:
                yield tuple(labels)
            return
        if opened + (n - len(labels)) < k:
            return  # too few people left to open the groups still missing
        for label in range(min(opened + 1, k)):
            labels.append(label)
            yield from walk(max(opened, label + 1))
            labels.pop()

    yield from walk(0)


def _valid_groupings(people: list[Participant], k: int) -> set[frozenset[frozenset[str]]]:
    """Brute force: every partition of a small roster into k groups that obeys the rules."""
    found = set()
    for labels in _partitions(len(people), k):
        groups = [[p for p, label in zip(people, labels) if label == g] for g in range(k)]
        try:
            check_rules(people, groups, k)
        except AssertionError:
            continue
        found.add(frozenset(frozenset(p.name for p in g) for g in groups))
    return found


@settings(max_examples=60, deadline=None)
@given(roster_and_k(max_size=7), st.integers(0, 1_000))
def test_other_seeds_give_other_groupings_when_possible(case: tuple[list[Participant], int], seed: int) -> None:
    people, k = case
    valid = _valid_groupings(people, k)
    current = form_groups(people, count=k, seed=seed)
    nxt = reshuffle_seed(people, seed, count=k)
    if len(valid) > 1:
        assert nxt != seed
        assert not same_grouping(current, form_groups(people, count=k, seed=nxt))
        seen = {frozenset(frozenset(p.name for p in g) for g in form_groups(people, count=k, seed=s)) for s in range(20)}
        assert len(seen) > 1
        assert seen <= valid
    else:
        assert nxt == seed


def test_single_party_all_none_and_one_person() -> None:
    single = [Participant(name=f"P{i}", party="A", side="coalition") for i in range(7)]
    check_rules(single, form_groups(single, count=3, seed=1), 3)
    nobody_sides = [Participant(name=f"P{i}") for i in range(5)]
    check_rules(nobody_sides, form_groups(nobody_sides, size=2, seed=1), 3)
    one = [Participant(name="Solo")]
    assert form_groups(one, size=4) == [[one[0]]]


@pytest.mark.parametrize(
    ("people", "size", "count", "key"),
    [
        (0, 3, None, "groups.error.nobody"),
        (3, None, 4, "groups.error.too_many_groups"),
        (3, 0, None, "groups.error.bad_size"),
        (3, None, 0, "groups.error.bad_count"),
        (3, None, None, "groups.error.size_or_count"),
        (3, 2, 2, "groups.error.size_or_count"),
    ],
)
def test_impossible_requests_are_refused(people: int, size: int | None, count: int | None, key: str) -> None:
    with pytest.raises(GroupingError) as info:
        group_count(people, size, count)
    assert info.value.key == key


def test_parties_are_spread_in_a_realistic_council() -> None:
    council = (
        [Participant(name=f"A{i}", party="Groen Dorp", side="coalition") for i in range(6)]
        + [Participant(name=f"B{i}", party="Lokaal Sterk", side="coalition") for i in range(4)]
        + [Participant(name=f"C{i}", party="Samen Verder", side="opposition") for i in range(5)]
        + [Participant(name=f"D{i}", party="Nieuw", side="opposition") for i in range(2)]
        + [Participant(name="Griffier", side="none")]
    )
    groups = form_groups(council, size=5, seed=42)
    assert len(groups) == 4
    for group in groups:
        sides = Counter(p.side for p in group)
        assert sides["coalition"] in (2, 3) and sides["opposition"] in (1, 2)


def test_repeated_pairs_counts_pairs_seen_before() -> None:
    history = [[["A", "B", "C"], ["D", "E", "F"]]]
    assert repeated_pairs([["A", "B", "D"], ["C", "E", "F"]], history) == 2  # A-B and E-F
    assert repeated_pairs([["A", "D"], ["B", "E"], ["C", "F"]], history) == 0


@settings(max_examples=60, deadline=None)
@given(rosters(max_size=24), st.integers(2, 5), st.integers(0, 1_000))
def test_remix_keeps_the_rules_and_repeats_fewest_pairs(people: list[Participant], k: int, seed: int) -> None:
    assume(len(people) >= k)
    first = form_groups(people, count=k, seed=seed)
    history = [[[p.name for p in g] for g in first]]
    chosen = remix_seed(people, history, seed, count=k, tries=16)
    groups = form_groups(people, count=k, seed=chosen)
    check_rules(people, groups, k)
    score = repeated_pairs([[p.name for p in g] for g in groups], history)
    candidates = [form_groups(people, count=k, seed=s) for s in range(seed + 1, seed + 17)]
    others = [c for c in candidates if not same_grouping(first, c)]
    if others:
        assert not same_grouping(first, groups)
        assert score == min(repeated_pairs([[p.name for p in g] for g in c], history) for c in others)


def test_remix_in_a_realistic_council_avoids_old_pairs() -> None:
    council = [Participant(name=f"P{i}", party="ABCD"[i % 4], side="coalition" if i % 2 else "opposition") for i in range(16)]
    first = [[p.name for p in g] for g in form_groups(council, count=4, seed=1)]
    plain = repeated_pairs([[p.name for p in g] for g in form_groups(council, count=4, seed=2)], [first])
    remixed = repeated_pairs([[p.name for p in g] for g in form_groups(council, count=4, seed=remix_seed(council, [first], 1, count=4))], [first])
    assert remixed <= plain
    assert remixed <= 4  # with 64 tries, at most a few pairs meet again
