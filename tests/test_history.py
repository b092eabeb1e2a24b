"""Earlier votes on a card and progress per theme."""

from __future__ import annotations

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.core.history import card_history, theme_progress
from dilemmaspel.core.roster import Participant
from tests.test_session import MINI


def _session(mode: str, choices: str, reveal: str = "named") -> Engine:
    eng = Engine()
    eng.start(mode, Settings(decks=["mini"], cards=1, reveal=reveal))  # type: ignore[arg-type]
    for index, choice in enumerate(choices):
        eng.add_participant(Participant(name=f"P{index}", side="coalition" if index % 2 else "opposition"))
    eng.form_groups(count=1)
    rnd = eng.deal_card(0, MINI, "sponsor")
    for pid, choice in zip(eng.state.voters(rnd), choices):
        eng.vote(rnd.number, pid, choice)
    eng.reveal(rnd.number)
    return eng


def test_card_history_sums_group_sessions_and_skips_solo() -> None:
    states = [_session("group", "AAB").state, _session("beraad", "B").state, _session("solo", "C").state]
    history = card_history(states, "sponsor")
    assert history.sessions == 2 and history.rounds == 2
    assert history.tally == {"A": 2, "B": 2}
    for choice, count in history.tally.items():
        assert sum(history.by_side[side].get(choice, 0) for side in history.by_side) == count
    assert card_history(states, "kerstpakket").votes == 0
    assert history.split_complete


def test_anonymous_sessions_count_but_are_not_split_by_side() -> None:
    """Earlier anonymous votes are in the tally only: their ballots are not linked to a side."""
    states = [_session("group", "AAB").state, _session("group", "BB", reveal="anonymous").state]
    history = card_history(states, "sponsor")
    assert history.tally == {"A": 2, "B": 3}
    assert sum(history.by_side["coalition"].values()) + sum(history.by_side["opposition"].values()) == 3
    assert not history.split_complete


def test_unrevealed_rounds_are_not_counted() -> None:
    eng = Engine()
    eng.start("group", Settings(cards=1))
    eng.add_participant(Participant(name="A"))
    eng.form_groups(count=1)
    rnd = eng.deal_card(0, MINI, "sponsor")
    eng.vote(rnd.number, "p1", "A")
    assert card_history([eng.state], "sponsor").votes == 0


def test_theme_progress() -> None:
    rows = theme_progress(MINI, {"sponsor"})
    assert [(r.theme, r.done, r.total) for r in rows] == [("belangenverstrengeling", 1, 1), ("geschenken", 0, 1)]
