"""Session length and the proposed number of cards."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dilemmaspel.core import timing
from dilemmaspel.decks import load_library

SEVEN = load_library().method("zeven-stappen")


def test_the_seven_steps_take_68_minutes_and_a_card_with_them_more() -> None:
    steps = timing.step_minutes(SEVEN)
    assert sum(steps) == 68
    assert timing.minutes_per_card(steps, revote=True) == 68 + 5 + 10 + 3
    assert timing.estimate(3, steps, True).total == 15 + 3 * 86


def test_an_evening_of_two_and_a_half_hours_gets_one_card_with_the_method() -> None:
    steps = timing.step_minutes(SEVEN)
    assert timing.propose_cards(150, steps, True) == 1
    assert timing.propose_cards(150, [], True) == 7  # without deliberation: 18 minutes a card


@given(available=st.integers(0, 600), steps=st.lists(st.integers(1, 60), max_size=10), revote=st.booleans())
def test_the_proposal_fits_unless_not_even_one_card_does(available: int, steps: list[int], revote: bool) -> None:
    cards = timing.propose_cards(available, steps, revote)
    assert cards >= 1
    if cards > 1:
        assert timing.estimate(cards, steps, revote).total <= available
    assert timing.estimate(cards + 1, steps, revote).total > available


def test_changed_step_minutes_go_into_the_method() -> None:
    minutes = [3, 4, 5, 6, 7, 8, 9]
    method = timing.with_step_minutes(SEVEN, minutes)
    assert [s.minutes for s in method.steps] == minutes
    assert [s.minutes for s in SEVEN.steps] == [8, 10, 7, 10, 15, 10, 8]  # the library's copy untouched
    for bad in ([1] * 6, [0, 1, 1, 1, 1, 1, 1], [241] * 7):
        try:
            timing.with_step_minutes(SEVEN, bad)
        except ValueError:
            continue
        raise AssertionError(bad)
