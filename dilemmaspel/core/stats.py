"""Figures for a round: tally, split by side, majority, shifts and the party-line reading."""

from __future__ import annotations

import math
from dataclasses import dataclass

from dilemmaspel.core.events import OTHER
from dilemmaspel.core.roster import SIDES
from dilemmaspel.core.session import RoundState, SessionState


@dataclass(frozen=True)
class Shift:
    """A member who chose differently in the re-vote."""

    pid: str
    before: str
    after: str


@dataclass(frozen=True)
class PartyLine:
    """How strongly the chosen option follows coalition/opposition (Cramér's V, 0..1)."""

    v: float | None
    reading: str  # catalog key: stats.partyline.none|weak|moderate|strong|unknown
    voters: int


@dataclass(frozen=True)
class RoundStats:
    """Everything the reveal screen and the transcript show about one phase of a round."""

    phase: int
    total: int
    tally: dict[str, int]
    by_side: dict[str, dict[str, int]]
    majority: str | None
    majority_share: float
    party_line: PartyLine
    leaders: tuple[str, ...] = ()  # every option with the highest count (more than one on a tie)


def choices_of(rnd: RoundState) -> list[str]:
    """The options a vote can take in this round, in display order."""
    return list(rnd.letters) + [OTHER]


def round_stats(state: SessionState, rnd: RoundState, phase: int = 1) -> RoundStats:
    """Tally and splits of one phase's votes."""
    votes = rnd.votes_in(phase)
    options = choices_of(rnd)
    tally = {option: 0 for option in options}
    by_side = {side: {option: 0 for option in options} for side in SIDES}
    for vote in votes.values():
        tally[vote.choice] = tally.get(vote.choice, 0) + 1
        side = state.participants[vote.pid].side if vote.pid in state.participants else "none"
        by_side[side][vote.choice] = by_side[side].get(vote.choice, 0) + 1
    total = len(votes)
    top = max(tally.values()) if total else 0
    leaders = [option for option, count in tally.items() if count == top and count > 0]
    majority = leaders[0] if len(leaders) == 1 else None
    share = top / total if total else 0.0
    return RoundStats(phase, total, tally, by_side, majority, share, party_line(by_side), tuple(leaders))


def shifts(rnd: RoundState) -> list[Shift]:
    """Members whose re-vote differs from their first vote (by option or own text)."""
    changed: list[Shift] = []
    for pid, after in rnd.revotes.items():
        before = rnd.votes.get(pid)
        if before is None:
            continue
        if (before.choice, before.other.strip()) != (after.choice, after.other.strip()):
            changed.append(Shift(pid, before.choice, after.choice))
    return changed


def cramers_v(table: list[list[int]]) -> float | None:
    """Cramér's V of a contingency table; None when it is undefined (a single row or column)."""
    rows = [row for row in table if sum(row)]
    if len(rows) < 2:
        return None
    columns = [j for j in range(len(rows[0])) if sum(row[j] for row in rows)]
    if len(columns) < 2:
        return None
    matrix = [[row[j] for j in columns] for row in rows]
    n = sum(map(sum, matrix))
    row_sums = [sum(row) for row in matrix]
    col_sums = [sum(row[j] for row in matrix) for j in range(len(columns))]
    chi2 = 0.0
    for i, row in enumerate(matrix):
        for j, observed in enumerate(row):
            expected = row_sums[i] * col_sums[j] / n
            chi2 += (observed - expected) ** 2 / expected
    k = min(len(matrix), len(columns)) - 1
    return min(1.0, math.sqrt(chi2 / (n * k)))


MIN_PER_SIDE = 3
"""Fewer coalition or opposition voters than this and the party line is not read at all:
with two against two, chance alone looks like a perfect split."""


def party_line(by_side: dict[str, dict[str, int]]) -> PartyLine:
    """Cramér's V between coalition/opposition and the chosen option, with a plain reading."""
    table = [list(by_side["coalition"].values()), list(by_side["opposition"].values())]
    voters = sum(map(sum, table))
    if min(sum(table[0]), sum(table[1])) < MIN_PER_SIDE:
        return PartyLine(None, "stats.partyline.too_few", voters)
    v = cramers_v(table)
    if v is None:
        return PartyLine(None, "stats.partyline.unknown", voters)
    if v < 0.1:
        reading = "stats.partyline.none"
    elif v < 0.3:
        reading = "stats.partyline.weak"
    elif v < 0.5:
        reading = "stats.partyline.moderate"
    else:
        reading = "stats.partyline.strong"
    return PartyLine(v, reading, voters)
