"""No table gets a card that one of its members has already played, also after re-mixing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import CardDealt, Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError, SessionState, replay
from dilemmaspel.decks import load_library
from tests.conftest import DATA

LIB = load_library(None, [DATA / "mini3.toml"])
DECK = LIB.deck("mini3")
BIG = load_library().deck("bestuurlijke-integriteit")


def played_before(state: SessionState, pid: str) -> set[str]:
    """Worked out independently of the rule: cards of rounds in which ``pid`` has a vote."""
    return {r.card.id for r in state.rounds if r.card and (pid in r.votes or pid in r.revotes)}


def play(engine: Engine, group: int) -> str:
    rnd = engine.deal(group, [DECK])
    for pid in engine.state.voters(rnd):
        engine.vote(rnd.number, pid, "A")
    engine.reveal(rnd.number)
    engine.close_round(rnd.number)
    assert rnd.card is not None
    return rnd.card.id


def session(people: int = 12, groups: int = 3, same_card: bool = True, seed: int = 5) -> Engine:
    engine = Engine(clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("group", Settings(decks=[DECK.id], cards=3, same_card=same_card, seed=seed))
    for i in range(people):
        engine.add_participant(Participant(name=f"Lid {i}", party="ABC"[i % 3], side=("coalition", "opposition", "none")[i % 3]))
    engine.form_groups(count=groups)
    return engine


def test_remix_between_cards_never_deals_a_card_again_to_who_played_it() -> None:
    # The reproduction: 3 groups, same card for all, group 1 closes card 1, then G and R.
    engine = session()
    first = play(engine, 0)
    players = set(engine.state.rounds[0].votes)
    engine.reshuffle(count=3)
    for group in range(3):
        if players & set(engine.state.groups[group]):
            card = play(engine, group)
            assert card != first


def test_a_dealt_card_that_a_member_played_is_refused() -> None:
    engine = session()
    play(engine, 0)
    played = engine.state.rounds[0]
    engine.reshuffle(count=3)
    group = next(g for g in range(3) if set(engine.state.groups[g]) & set(played.votes))
    assert played.card is not None
    try:
        engine._dealt(group, DECK.id, played.card, DECK)
    except RuleError as exc:
        assert exc.key == "rule.card_repeated"
    else:
        raise AssertionError("a member got a card again")


OPS = st.lists(
    st.tuples(st.sampled_from(["play", "remix", "move", "latecomer", "absent"]), st.integers(0, 50)),
    min_size=1, max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, people=st.integers(4, 14), groups=st.integers(1, 4), same_card=st.booleans(), seed=st.integers(0, 999))
def test_no_member_ever_gets_a_card_twice(ops: list[tuple[str, int]], people: int, groups: int, same_card: bool, seed: int) -> None:
    engine = session(people, min(groups, people), same_card, seed)
    state = engine.state
    added = people
    for op, n in ops:
        try:
            if op == "play":
                group = n % len(state.groups)
                members = list(state.groups[group])
                before = {pid: played_before(state, pid) for pid in members}
                rnd = engine.deal(group, [DECK])
                assert rnd.card is not None
                for pid in members:
                    assert rnd.card.id not in before[pid], (pid, rnd.card.id)
                for pid in state.voters(rnd):
                    engine.vote(rnd.number, pid, "AB"[n % 2])
                if state.can_reveal(rnd):
                    engine.reveal(rnd.number)
                    engine.close_round(rnd.number)
                else:
                    return  # nobody present at this table: the round stays open
            elif op == "remix":
                engine.reshuffle(count=len(state.groups))
            elif op == "move":
                pid = list(state.participants)[n % len(state.participants)]
                engine.move(pid, (n // 7) % len(state.groups))
            elif op == "latecomer":
                added += 1
                engine.add_participant(Participant(name=f"Laat {added}"), state.smallest_group())
            elif op == "absent":
                pid = list(state.participants)[n % len(state.participants)]
                engine.set_absent(pid, pid not in state.absent)
        except RuleError as exc:
            assert exc.key in {"rule.no_cards_left", "rule.same_group", "rule.last_member", "rule.groups_incomplete"}, exc.key
    # The same holds for the stored history, replayed event by event.
    events = engine.sink.events  # type: ignore[attr-defined]
    for index, event in enumerate(events):
        if isinstance(event, CardDealt):
            before_state = replay(events[:index])
            for pid in before_state.groups[event.group]:
                assert event.card.id not in played_before(before_state, pid)


def test_same_card_for_all_still_holds_when_nobody_played_it() -> None:
    engine = Engine(clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("group", Settings(decks=[BIG.id], cards=2, same_card=True, seed=3))
    for i in range(9):
        engine.add_participant(Participant(name=f"Lid {i}"))
    engine.form_groups(count=3)
    cards = [engine.deal(g, [BIG]).card.id for g in range(3)]  # type: ignore[union-attr]
    assert len(set(cards)) == 1
