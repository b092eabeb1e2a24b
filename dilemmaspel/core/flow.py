"""What comes next in a session: the answer screens use to route (and to resume)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dilemmaspel.core.session import RoundState, SessionState

StepKind = Literal["participants", "groups", "deal", "vote", "reveal", "discuss", "group_done", "finished"]


@dataclass(frozen=True)
class Next:
    """The next thing to do for one group: deal a card, let ``pid`` vote, reveal, discuss, ..."""

    kind: StepKind
    group: int | None = None
    round: RoundState | None = None
    pid: str | None = None


def next_for_group(state: SessionState, group: int) -> Next:
    """The next step of one group."""
    rnd = state.open_round(group)
    if rnd is None:
        if len(state.rounds_of(group)) >= state.settings.cards:
            return Next("group_done", group)
        return Next("deal", group)
    if rnd.voting_phase is not None:
        pid = state.next_voter(rnd)
        if pid is not None:
            return Next("vote", group, rnd, pid)
        return Next("reveal", group, rnd)
    return Next("discuss", group, rnd)


def next_step(state: SessionState) -> Next:
    """The first unfinished thing in the session (set-up first, then each group in turn)."""
    if state.finished:
        return Next("finished")
    if not state.groups:
        if state.mode == "group" and state.participants:
            return Next("groups")
        return Next("participants")
    for group in range(len(state.groups)):
        step = next_for_group(state, group)
        if step.kind != "group_done":
            return step
    return Next("finished")


def progress(state: SessionState, group: int) -> tuple[int, int]:
    """(card number being played or last played, cards planned) for a group."""
    played = len(state.rounds_of(group))
    return played, max(state.settings.cards, played)


def voted_count(state: SessionState, rnd: RoundState) -> tuple[int, int]:
    """(members who voted in the current or last phase, members voting)."""
    phase = rnd.voting_phase or (2 if rnd.revotes else 1)
    voters = state.voters(rnd)
    return sum(1 for pid in voters if pid in rnd.votes_in(phase)), len(voters)


def reveal_order(rnd: RoundState, phase: int, seed: int) -> list[str]:
    """The order in which reasoning is shown: by option, shuffled within (never voting order)."""
    import random

    votes = list(rnd.votes_in(phase).values())
    rng = random.Random(f"dilemmaspel-reveal:{seed}:{rnd.number}:{phase}")
    rng.shuffle(votes)
    order = {letter: i for i, letter in enumerate(list(rnd.letters) + ["other"])}
    votes.sort(key=lambda v: order.get(v.choice, 99))
    return [v.pid for v in votes]
