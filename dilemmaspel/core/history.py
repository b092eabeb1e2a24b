"""Looking back: how earlier sessions voted on a card, and a person's progress per theme."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.roster import SIDES
from dilemmaspel.core.session import SessionState


@dataclass
class CardHistory:
    """First votes on one card, summed over earlier group and beraad sessions.

    :func:`card_history` folds it from session states; the store keeps the same counts as a
    read model and builds it with :meth:`from_counts` (they must agree: tested).
    """

    sessions: int = 0
    rounds: int = 0
    tally: dict[str, int] = field(default_factory=dict)
    by_side: dict[str, dict[str, int]] = field(default_factory=lambda: {side: {} for side in SIDES})

    @property
    def votes(self) -> int:
        return sum(self.tally.values())

    @property
    def split_complete(self) -> bool:
        """Whether ``by_side`` covers every vote: only sessions revealed with names are split
        (an anonymous session's ballots are not linked to people, nor to their side)."""
        return sum(sum(side.values()) for side in self.by_side.values()) == self.votes

    @classmethod
    def from_counts(cls, sessions: int, rounds: int, counts: Iterable[tuple[str, str, int]]) -> "CardHistory":
        """The history from stored counts: (side, choice, votes) rows, which may repeat a pair
        and be negative (a session taken out again); pairs that sum to zero are left out. A
        side of ``""`` counts in the tally only (votes of anonymous sessions are not split)."""
        history = cls(sessions=sessions, rounds=rounds)
        for side, choice, votes in counts:
            history.tally[choice] = history.tally.get(choice, 0) + votes
            if side:
                by_side = history.by_side.setdefault(side, {})
                by_side[choice] = by_side.get(choice, 0) + votes
        history.tally = {choice: n for choice, n in history.tally.items() if n}
        history.by_side = {side: {c: n for c, n in choices.items() if n} for side, choices in history.by_side.items()}
        return history


def card_history(states: Iterable[SessionState], card_id: str) -> CardHistory:
    """How groups voted on ``card_id`` in the given (earlier) sessions; solo practice left out."""
    history = CardHistory()
    for state in states:
        if state.mode == "solo":
            continue
        rounds = [r for r in state.rounds if r.card is not None and r.card.id == card_id and r.revealed]
        if not rounds:
            continue
        history.sessions += 1
        for rnd in rounds:
            history.rounds += 1
            for vote in rnd.votes.values():
                history.tally[vote.choice] = history.tally.get(vote.choice, 0) + 1
                if state.settings.reveal != "named":
                    continue
                side = state.participants[vote.pid].side if vote.pid in state.participants else "none"
                history.by_side[side][vote.choice] = history.by_side[side].get(vote.choice, 0) + 1
    return history


@dataclass(frozen=True)
class ThemeProgress:
    theme: str
    name: str
    done: int
    total: int


def theme_progress(deck: Deck, practised: set[str]) -> list[ThemeProgress]:
    """Per theme of the deck: how many of its cards have been practised."""
    rows = []
    for theme, name in deck.deck.themes.items():
        cards = [c.id for c in deck.cards if c.theme == theme]
        if cards:
            rows.append(ThemeProgress(theme, name, sum(1 for c in cards if c in practised), len(cards)))
    return rows
