"""What the minutes may print of a round's splits and shifts.

Named sessions print everything. Anonymous sessions ask :mod:`dilemmaspel.core.disclosure`,
the one place that decides what can be published without singling anyone out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dilemmaspel.core.roster import SIDES
from dilemmaspel.core.session import RoundState, SessionState
from dilemmaspel.core.stats import choices_of, shifts


@dataclass(frozen=True)
class Split:
    """Counts per side and option, or the catalog key of why they are left out."""

    withheld: str = ""
    sides: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class ShiftTable:
    """How many moved from one choice to another in the re-vote, or why that is left out."""

    withheld: str = ""
    voters: int = 0
    moves: tuple[tuple[str, str, int], ...] = ()


def side_split(state: SessionState, rnd: RoundState, phase: int) -> Split:
    votes = rnd.votes_in(phase)
    options = tuple(o for o in choices_of(rnd) if any(v.choice == o for v in votes.values()))
    counts = {side: {o: 0 for o in options} for side in SIDES}
    for vote in votes.values():
        person = state.participants.get(vote.pid)
        counts[person.side if person else "none"][vote.choice] += 1
    sides = tuple(side for side in SIDES if sum(counts[side].values()))
    if state.settings.reveal != "named":
        return Split(withheld="minutes.split_withheld")
    return Split(sides=sides, options=options, counts=counts)


def shift_table(state: SessionState, rnd: RoundState) -> ShiftTable:
    voters = len([pid for pid in rnd.revotes if pid in rnd.votes])
    moves: dict[tuple[str, str], int] = {}
    for s in shifts(rnd):
        moves[(s.before, s.after)] = moves.get((s.before, s.after), 0) + 1
    if state.settings.reveal != "named":
        return ShiftTable(withheld="minutes.shift_withheld", voters=voters)
    return ShiftTable(voters=voters, moves=tuple((b, a, n) for (b, a), n in sorted(moves.items())))
