"""Unlinking ballots from people once an anonymous session is over.

While a session is open the store needs to know who cast which vote: one vote per person, and
the shift between a first vote and the re-vote. Afterwards nothing may link a person to a ballot
or a reasoning. :func:`unlink_ballots` rewrites a session's events so that:

- each vote carries a random ballot id per round instead of the participant id (a person's
  first vote and re-vote share the ballot id within the round, so the shift survives; nothing
  links ballots across rounds or to the roster);
- the votes of one round and phase are shuffled over the places they had in the event list, and
  lose the moment they were cast, so neither their order nor a time stamp follows the order in
  which people voted;
- personal conclusions keep only their last version, under a random id, also shuffled;
- a vote changed on a phone before the reveal keeps only its last version, in place of the first;
- every reveal keeps what the session published (its :mod:`disclosure`), because the splits by
  side cannot be computed once the link is gone;
- the first event says the ballots are unlinked, so a replay checks ballots instead of people.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from random import SystemRandom

from dilemmaspel.core.events import Event, PersonalConclusionSaved, SessionStarted, VoteCast, VoteChanged, VotesRevealed
from dilemmaspel.core.session import replay
from dilemmaspel.core.stats import round_disclosure

BALLOT_PREFIX = "ballot-"


def ballot_id() -> str:
    """A fresh random ballot id."""
    return BALLOT_PREFIX + secrets.token_hex(8)


def needs_unlinking(events: Sequence[Event]) -> bool:
    """Whether these are the events of an anonymous session whose votes still name people.

    Solo practice is left alone: one person's own votes are their progress, not a secret ballot.
    """
    first = events[0] if events else None
    return (isinstance(first, SessionStarted) and first.mode != "solo" and first.settings.reveal == "anonymous"
            and not first.ballots_unlinked)


def unlink_ballots(events: Sequence[Event]) -> list[Event | None]:
    """The events rewritten as described above, one entry per input event (None: dropped)."""
    if not needs_unlinking(events):
        return list(events)
    state = replay(events)
    published: dict[tuple[int, int], dict[str, object]] = {}
    for rnd in state.rounds:
        if not rnd.revealed or not rnd.votes:
            continue
        found = round_disclosure(state, rnd)
        published[(rnd.number, 1)] = {"disclosure": found.first.to_dict()}
        if found.second is not None:
            published[(rnd.number, 2)] = {
                "disclosure": found.second.to_dict(),
                "shift": found.shift.to_dict() if found.shift is not None else None,
            }
    ballots: dict[tuple[int, str], str] = {}
    out: list[Event | None] = []
    slots: dict[tuple[str, int, int], list[int]] = {}  # (kind, round, phase) -> positions
    last_personal: dict[tuple[int, str], int] = {}
    changed: dict[tuple[int, int, str], VoteChanged] = {}
    for index, event in enumerate(events):
        if isinstance(event, PersonalConclusionSaved):
            last_personal[(event.round, event.pid)] = index
        elif isinstance(event, VoteChanged):
            changed[(event.round, event.phase, event.pid)] = event
    for index, event in enumerate(events):
        match event:
            case SessionStarted():
                out.append(event.model_copy(update={"ballots_unlinked": True}))
            case VoteCast():
                ballot = ballots.setdefault((event.round, event.pid), ballot_id())
                update: dict[str, object] = {"pid": ballot, "at": ""}
                latest = changed.get((event.round, event.phase, event.pid))
                if latest is not None:
                    update.update(choice=latest.choice, other=latest.other, reasoning=latest.reasoning)
                out.append(event.model_copy(update=update))
                slots.setdefault(("vote", event.round, event.phase), []).append(index)
            case PersonalConclusionSaved():
                if last_personal[(event.round, event.pid)] != index:
                    out.append(None)
                    continue
                out.append(event.model_copy(update={"pid": ballot_id(), "at": ""}))
                slots.setdefault(("personal", event.round, 0), []).append(index)
            case VoteChanged():
                out.append(None)  # folded into the vote it changed
            case VotesRevealed():
                out.append(event.model_copy(update={"published": published.get((event.round, event.phase))}))
            case _:
                out.append(event)
    shuffle = SystemRandom().shuffle
    for positions in slots.values():
        contents = [out[i] for i in positions]
        shuffle(contents)
        for i, content in zip(positions, contents):
            out[i] = content
    return out
