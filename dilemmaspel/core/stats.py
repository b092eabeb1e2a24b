"""Figures for a round: tally, split by side, majority, shifts and the party-line reading.

In an anonymous session every figure comes from :mod:`dilemmaspel.core.disclosure`: a split
by side is ``None`` when the rule leaves it out (``side_withheld`` says why), and the party
line is only read from a split that is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dilemmaspel.core.disclosure import (
    Disclosure,
    RoundDisclosure,
    ShiftTable,
    disclose_round,
    disclose_round_all,
)
from dilemmaspel.core.events import OTHER
from dilemmaspel.core.roster import SIDES
from dilemmaspel.core.session import RoundState, SessionState

SIDE = "side"


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
    by_side: dict[str, dict[str, int]] | None  # None: left out in an anonymous session
    majority: str | None
    majority_share: float
    party_line: PartyLine
    leaders: tuple[str, ...] = ()  # every option with the highest count (more than one on a tie)
    side_withheld: str | None = None  # catalog key: why the split by side is left out


def choices_of(rnd: RoundState) -> list[str]:
    """The options a vote can take in this round, in display order."""
    return list(rnd.letters) + [OTHER]


def anonymous(state: SessionState) -> bool:
    """Whether the session's figures follow the disclosure rule (votes revealed without names)."""
    return state.settings.reveal != "named"


def round_disclosure(state: SessionState, rnd: RoundState) -> RoundDisclosure:
    """What may be published about a round's revealed votes (everything, when named).

    The re-vote and the shifts are included once the re-vote is revealed. A finished anonymous
    session no longer links ballots to people: it publishes what was frozen when it finished.
    """
    second_shown = bool(rnd.revotes) and rnd.phase in ("revoted", "closed")
    if 1 in rnd.published:
        first = Disclosure.from_dict(rnd.published[1]["disclosure"])  # type: ignore[arg-type]
        if not second_shown or 2 not in rnd.published:
            return RoundDisclosure(first)
        stored = rnd.published[2]
        shift = stored.get("shift")
        return RoundDisclosure(first, Disclosure.from_dict(stored["disclosure"]),  # type: ignore[arg-type]
                               ShiftTable.from_dict(shift) if shift else None)  # type: ignore[arg-type]
    options = choices_of(rnd)
    first_votes = {pid: vote.choice for pid, vote in rnd.votes.items()}
    second_votes = {pid: vote.choice for pid, vote in rnd.revotes.items()} if second_shown else None
    voters = set(first_votes) | set(second_votes or ())
    sides = {pid: state.participants[pid].side if pid in state.participants else "none" for pid in voters}
    disclose = disclose_round if anonymous(state) else disclose_round_all
    return disclose(first_votes, second_votes, {SIDE: sides}, options)


def round_stats(state: SessionState, rnd: RoundState, phase: int = 1) -> RoundStats:
    """Tally and splits of one phase's votes (as far as they may be published)."""
    options = choices_of(rnd)
    if phase == 2 and not (rnd.revotes and rnd.phase in ("revoted", "closed")):
        published = Disclosure(len(rnd.revotes), {option: 0 for option in options})  # not revealed: nothing shown
    else:
        found = round_disclosure(state, rnd)
        chosen = found.first if phase == 1 else found.second
        published = chosen if chosen is not None else Disclosure(0, {})
    tally = {option: 0 for option in options} | published.tally
    split = published.split(SIDE)
    by_side = None if split is None else {side: {option: 0 for option in options} | split.get(side, {}) for side in SIDES}
    total = published.voters
    top = max(tally.values()) if total else 0
    leaders = [option for option, count in tally.items() if count == top and count > 0]
    majority = leaders[0] if len(leaders) == 1 else None
    share = top / total if total else 0.0
    line = party_line(by_side) if by_side is not None else PartyLine(None, "stats.partyline.withheld", total)
    return RoundStats(phase, total, tally, by_side, majority, share, line, tuple(leaders), published.reason(SIDE))


def shift_table(state: SessionState, rnd: RoundState) -> ShiftTable | None:
    """The published shifts of a revealed re-vote (None before it is revealed)."""
    return round_disclosure(state, rnd).shift


def shifts(rnd: RoundState) -> list[Shift]:
    """Members whose re-vote differs from their first vote (by option or own text).

    Names who changed: only for sessions revealed with names. Anonymous sessions publish
    :func:`shift_table` (counts per move, never in voting order).
    """
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
