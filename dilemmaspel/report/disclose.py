"""What the minutes may print of a round's votes: the disclosure rule applied to one round.

Named sessions print everything. Anonymous sessions publish through
:mod:`dilemmaspel.core.disclosure`, the one place that decides what can be shown without
singling anyone out; the minutes split by side only, so that is the one attribute asked for.
"""

from __future__ import annotations

from dilemmaspel.core.disclosure import RoundDisclosure, disclose_round, disclose_round_all
from dilemmaspel.core.session import RoundState, SessionState
from dilemmaspel.core.stats import choices_of

SIDE = "side"


def round_disclosure(state: SessionState, rnd: RoundState) -> RoundDisclosure:
    """Both ballots of a round and the shifts between them, as far as they may be published."""
    first = {pid: vote.choice for pid, vote in rnd.votes.items()}
    second = {pid: vote.choice for pid, vote in rnd.revotes.items()} if rnd.revotes else None
    people = [*first, *(second or {})]
    sides = {pid: state.participants[pid].side if pid in state.participants else "none" for pid in people}
    rule = disclose_round_all if state.settings.reveal == "named" else disclose_round
    return rule(first, second, {SIDE: sides}, choices_of(rnd))
