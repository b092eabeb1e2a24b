"""How long a session takes: minutes per card from the method's steps, and how many cards fit.

Groups play at the same time, so a session lasts about as long as one group's cards. Per card:
reading it and the secret vote, the reveal and discussion, the re-vote when it is on, and the
deliberation steps when a method is used. Opening and closing (welcome, forming the groups, a
plenary round at the end) come once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dilemmaspel.core.methods import Method

VOTE_MINUTES = 5  # reading the card aloud and the secret vote
DISCUSS_MINUTES = 10  # the reveal, the reasoning, a "what if"
REVOTE_MINUTES = 3
OPENING_MINUTES = 15  # welcome and groups at the start, a plenary round at the end
UNTIMED_STEP_MINUTES = 5  # a step without a time box still takes time
MAX_STEP_MINUTES = 240


@dataclass(frozen=True)
class Estimate:
    """The expected length of a session, in minutes."""

    cards: int
    per_card: int
    overhead: int = OPENING_MINUTES

    @property
    def total(self) -> int:
        return self.overhead + self.cards * self.per_card


def step_minutes(method: Method | None) -> list[int]:
    """The minutes of each step of a method (a step without a time box counts as a few)."""
    return [step.minutes or UNTIMED_STEP_MINUTES for step in method.steps] if method else []


def minutes_per_card(steps: Sequence[int], revote: bool) -> int:
    """One card for one group: vote, discussion, re-vote (if on) and the deliberation steps."""
    return VOTE_MINUTES + DISCUSS_MINUTES + (REVOTE_MINUTES if revote else 0) + sum(steps)


def estimate(cards: int, steps: Sequence[int], revote: bool) -> Estimate:
    return Estimate(cards=max(0, cards), per_card=minutes_per_card(steps, revote))


def propose_cards(available: int, steps: Sequence[int], revote: bool) -> int:
    """The number of cards per group that fits in ``available`` minutes (at least one)."""
    per_card = minutes_per_card(steps, revote)
    return max(1, (available - OPENING_MINUTES) // per_card)


def with_step_minutes(method: Method, minutes: Sequence[int]) -> Method:
    """A copy of ``method`` whose steps have these time boxes (one figure per step)."""
    if len(minutes) != len(method.steps):
        raise ValueError("one figure per step")
    if any(not 1 <= m <= MAX_STEP_MINUTES for m in minutes):
        raise ValueError(f"minutes must be 1..{MAX_STEP_MINUTES}")
    steps = [step.model_copy(update={"minutes": m}) for step, m in zip(method.steps, minutes)]
    return method.model_copy(update={"steps": steps})
