"""Choosing cards: filters, seeded dealing without repeats, unpractised cards first."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from dilemmaspel.core.cards import Card, Deck


@dataclass(frozen=True)
class Filters:
    """Themes, bodies and roles to keep; an empty list keeps everything."""

    themes: Sequence[str] = ()
    bodies: Sequence[str] = ()
    roles: Sequence[str] = ()

    def keeps(self, card: Card) -> bool:
        if self.themes and card.theme not in self.themes:
            return False
        if self.bodies and not set(card.bodies) & set(self.bodies):
            return False
        if self.roles and not set(card.roles) & set(self.roles):
            return False
        return True


def eligible(decks: Sequence[Deck], filters: Filters) -> list[tuple[str, Card]]:
    """(deck id, card) pairs that pass the filters, in deck order."""
    return [(deck.id, card) for deck in decks for card in deck.cards if filters.keeps(card)]


def pick(
    candidates: Sequence[tuple[str, Card]],
    seed: int,
    draw: int,
    exclude: Collection[str] = (),
    prefer_not: Collection[str] = (),
) -> tuple[str, Card] | None:
    """Draw one card: never one in ``exclude``; cards outside ``prefer_not`` come first.

    The draw is fixed by ``seed`` and the draw number, so a resumed session deals the same.
    """
    pool = [c for c in candidates if c[1].id not in exclude]
    if not pool:
        return None
    fresh = [c for c in pool if c[1].id not in prefer_not]
    rng = random.Random(f"dilemmaspel-deal:{seed}:{draw}")
    return rng.choice(fresh or pool)
