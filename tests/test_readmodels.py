"""The read models answer exactly what replaying every stored session would, for any history."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dilemmaspel.core.history import card_history
from dilemmaspel.core.roster import Participant, name_key
from dilemmaspel.core.session import SessionState
from dilemmaspel.store import Store
from tests import sessionfactory as factory

CARDS = ("sponsor", "kerstpakket", "geheim-stuk")
NAMES = ("Wim Ödegaard", "wim odegaard", "Anna Smit", "Bo", "Cas de Wit")

rounds = st.lists(st.tuples(st.lists(st.sampled_from("ABC"), min_size=4, max_size=4), st.booleans(), st.booleans()),
                  max_size=3)
sessions = st.lists(
    st.tuples(st.sampled_from(["group", "beraad", "solo"]),
              st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["coalition", "opposition", "none"])),
                       min_size=1, max_size=4, unique_by=lambda p: name_key(p[0])),
              rounds, st.booleans(), st.sampled_from(["named", "anonymous"])),
    min_size=1, max_size=5,
)


def play(store: Store, mode: str, people: list[tuple[str, str]], plan: list[Any], finish: bool, reveal: str) -> str:
    """Play a session; a finished anonymous one has its ballots unlinked by the sink."""
    engine = factory.start(factory.engine_for(store), mode=mode, cards=3, reveal=reveal)
    if mode == "solo":
        people = people[:1]
    factory.add_people(engine, [Participant(name=n, side=s) for n, s in people])  # type: ignore[arg-type]
    if mode == "group":
        engine.form_groups(count=1)
    else:
        engine.form_single_group()
    for choices, reveal, close in plan:
        rnd = engine.deal(0, [factory.deck()])
        for pid, choice in zip(engine.state.voters(rnd), choices):
            engine.vote(rnd.number, pid, choice)
        if not reveal:
            break  # the round stays open: nothing more can be dealt to this group
        engine.reveal(rnd.number)
        if not close:
            break
        engine.close_round(rnd.number)
    if finish and all(r.phase == "closed" for r in engine.state.rounds):
        engine.finish()
    return factory.session_id(engine)


def practised(states: list[SessionState], person: str) -> set[str]:
    """What the first release computed by replaying every solo session."""
    key, cards = name_key(person), set()
    for state in states:
        if state.mode != "solo":
            continue
        pids = {pid for pid, p in state.participants.items() if name_key(p.name) == key}
        cards |= {r.card.id for r in state.rounds if r.card is not None and pids & set(r.votes)}
    return cards


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(history=sessions, forget=st.integers(0, 5))
def test_read_models_match_a_full_replay(history: list[Any], forget: int, tmp_path_factory: Any) -> None:
    with Store(tmp_path_factory.mktemp("history")) as store:
        ids = [play(store, *entry) for entry in history]
        if forget < len(ids):
            assert store.delete_session(ids.pop(forget)).existed
        states = {sid: store.load(sid) for sid in ids}
        for card in CARDS:
            assert store.card_history(card) == card_history(states.values(), card), card
            for left_out in ids:
                rest = [state for sid, state in states.items() if sid != left_out]
                assert store.card_history(card, left_out) == card_history(rest, card)
        for name in NAMES:
            assert store.practised_cards(name) == practised(list(states.values()), name), name
        for summary in store.sessions():
            state = states[summary.id]
            assert (summary.participants, summary.groups, summary.rounds, summary.closed_rounds) == (
                len(state.participants), len(state.groups), len(state.rounds),
                sum(1 for r in state.rounds if r.phase == "closed"))
            assert summary.status == ("finished" if state.finished else "active")
        assert {s.id for s in store.sessions()} == set(ids)
