"""Mixed groups: parties and coalition/opposition spread evenly over the groups.

The participants are sorted into strata by side and then by party, the strata are laid end to
end (each side's strata together) and dealt round-robin over the groups. Any run of consecutive
people dealt round-robin over K groups gives every group floor(L/K) or ceil(L/K) of them, so
group sizes, each side and each (side, party) combination are all spread as evenly as possible.
The seed shuffles people within their stratum, the order of the strata and the first group dealt
to, so another seed gives another grouping wherever the rules leave room for one.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import TypeVar

from dilemmaspel.core.roster import SIDES, Participant

P = TypeVar("P", bound=Participant)


class GroupingError(ValueError):
    """Groups cannot be formed as asked (no people, size < 1, more groups than people)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def group_count(people: int, size: int | None = None, count: int | None = None) -> int:
    """The number of groups: ``count``, or ceil(people / size) so no group exceeds ``size``."""
    if people < 1:
        raise GroupingError("groups.error.nobody")
    if (size is None) == (count is None):
        raise GroupingError("groups.error.size_or_count")
    if size is not None:
        if size < 1:
            raise GroupingError("groups.error.bad_size")
        return math.ceil(people / size)
    assert count is not None
    if count < 1:
        raise GroupingError("groups.error.bad_count")
    if count > people:
        raise GroupingError("groups.error.too_many_groups", groups=count, people=people)
    return count


def form_groups(
    participants: Sequence[P], size: int | None = None, count: int | None = None, seed: int = 0
) -> list[list[P]]:
    """Split ``participants`` into mixed groups (see the module docstring for the rules)."""
    k = group_count(len(participants), size, count)
    rng = random.Random(f"dilemmaspel-groups:{seed}")
    sequence: list[P] = []
    sides = list(SIDES)
    rng.shuffle(sides)
    for side in sides:
        strata: dict[str, list[P]] = {}
        for person in participants:
            if person.side == side:
                strata.setdefault(person.party, []).append(person)
        keys = sorted(strata)
        rng.shuffle(keys)
        for key in keys:
            members = strata[key]
            rng.shuffle(members)
            sequence.extend(members)
    start = rng.randrange(k)
    groups: list[list[P]] = [[] for _ in range(k)]
    for index, person in enumerate(sequence):
        groups[(start + index) % k].append(person)
    groups.sort(key=len, reverse=True)  # the larger groups first: stable, so still seeded
    return groups


def same_grouping(a: Sequence[Sequence[Participant]], b: Sequence[Sequence[Participant]]) -> bool:
    """Whether two groupings put the same people together (group order does not matter)."""
    def canon(groups: Sequence[Sequence[Participant]]) -> set[frozenset[str]]:
        return {frozenset(p.name for p in group) for group in groups}

    return canon(a) == canon(b)


def reshuffle_seed(
    participants: Sequence[Participant], seed: int, size: int | None = None, count: int | None = None, tries: int = 64
) -> int:
    """The next seed after ``seed`` that gives a different grouping (``seed`` if none does)."""
    current = form_groups(participants, size, count, seed)
    for candidate in range(seed + 1, seed + 1 + tries):
        if not same_grouping(current, form_groups(participants, size, count, candidate)):
            return candidate
    return seed


def repeated_pairs(groups: Sequence[Sequence[str]], history: Sequence[Sequence[Sequence[str]]]) -> int:
    """How many pairs of people in ``groups`` already sat together in an earlier grouping."""
    earlier = {frozenset((a, b)) for grouping in history for group in grouping for a in group for b in group if a < b}
    return sum(1 for group in groups for a in group for b in group if a < b and frozenset((a, b)) in earlier)


def remix_seed(
    participants: Sequence[Participant],
    history: Sequence[Sequence[Sequence[str]]],
    seed: int,
    size: int | None = None,
    count: int | None = None,
    tries: int = 64,
) -> int:
    """The seed after ``seed`` whose grouping repeats the fewest pairs from ``history`` (names).

    Every candidate is an ordinary mixed grouping, so all balancing rules still hold; among equal
    candidates the earliest seed wins, and the current grouping is never chosen again when
    another one exists.
    """
    current = form_groups(participants, size, count, seed)
    best_seed, best_score = seed, None
    for candidate in range(seed + 1, seed + 1 + tries):
        groups = form_groups(participants, size, count, candidate)
        if same_grouping(current, groups):
            continue
        score = repeated_pairs([[p.name for p in g] for g in groups], history)
        if best_score is None or score < best_score:
            best_seed, best_score = candidate, score
            if score == 0:
                break
    return best_seed
