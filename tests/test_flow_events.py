"""Core rules of the new flow events: editing a person, deliberation step and time, latecomers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import ParticipantEdited, Settings, StepOpened, StepTimeUsed, event_from_json, event_to_json
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError, replay
from dilemmaspel.decks import load_library
from tests.conftest import DATA

LIB = load_library(None, [DATA / "mini.toml"])
MINI = LIB.deck("mini")
METHOD = LIB.method("zeven-stappen")


def engine(people: int = 4) -> Engine:
    eng = Engine(clock=lambda: "2026-01-01T10:00:00+00:00")
    eng.start("group", Settings(decks=["mini"], cards=2, method=METHOD, seed=7))
    for i in range(people):
        eng.add_participant(Participant(name=f"Lid {i}", side=("coalition", "opposition")[i % 2]))
    return eng


def test_editing_a_person_keeps_names_unique_and_is_replayed() -> None:
    eng = engine()
    eng.edit_participant("p2", Participant(name="Lid Twee", party="X", side="none"))
    assert eng.state.participants["p2"].name == "Lid Twee"
    with pytest.raises(RuleError, match="rule.duplicate_name"):
        eng.edit_participant("p1", Participant(name="lid  twee"))
    with pytest.raises(RuleError, match="rule.unknown_participant"):
        eng.edit_participant("p99", Participant(name="Niemand"))
    before = len(eng.sink.events)  # type: ignore[attr-defined]
    eng.edit_participant("p2", Participant(name="Lid Twee", party="X", side="none"))  # unchanged: no event
    assert len(eng.sink.events) == before  # type: ignore[attr-defined]
    assert replay(eng.sink.events).participants == eng.state.participants  # type: ignore[attr-defined]


def test_step_and_time_are_kept_only_while_deliberating() -> None:
    eng = engine()
    eng.form_groups(count=1)
    rnd = eng.deal(0, [MINI])
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, "A")
    eng.reveal(rnd.number)
    with pytest.raises(RuleError, match="rule.not_deliberating"):
        eng.open_step(rnd.number, 1)
    eng.start_deliberation(rnd.number)
    eng.open_step(rnd.number, 1)
    eng.record_step_time(rnd.number, 1, 125.7)
    eng.open_step(rnd.number, len(METHOD.steps))  # the conclusion page
    with pytest.raises(RuleError, match="rule.no_such_step"):
        eng.open_step(rnd.number, len(METHOD.steps) + 1)
    with pytest.raises(RuleError, match="rule.no_such_step"):
        eng.record_step_time(rnd.number, len(METHOD.steps), 3)
    state = replay(eng.sink.events)  # type: ignore[attr-defined]
    assert state.rounds[0].step == len(METHOD.steps) and state.rounds[0].step_seconds == {1: 125}
    eng.close_round(rnd.number)
    with pytest.raises(RuleError, match="rule.not_revealed"):
        eng.record_step_time(rnd.number, 1, 200)


@pytest.mark.parametrize("event", [
    StepOpened(round=0, step=2), StepTimeUsed(round=0, step=1, seconds=61),
    ParticipantEdited(pid="p1", participant=Participant(name="A")),
])
def test_new_events_round_trip(event) -> None:  # type: ignore[no-untyped-def]
    assert event_from_json(event_to_json(event)) == event


@given(sizes=st.lists(st.integers(1, 4), min_size=1, max_size=6), late=st.integers(1, 12))
def test_latecomers_always_join_a_smallest_group(sizes: list[int], late: int) -> None:
    eng = engine(sum(sizes))
    pids = list(eng.state.participants)
    groups, start = [], 0
    for size in sizes:
        groups.append(pids[start:start + size])
        start += size
    from dilemmaspel.core.events import GroupsFormed

    eng.emit(GroupsFormed(seed=1, groups=groups))
    for i in range(late):
        target = eng.state.smallest_group()
        assert target is not None
        smallest = min(len(g) for g in eng.state.groups)
        assert len(eng.state.groups[target]) == smallest
        pid = eng.add_participant(Participant(name=f"Laat {i}"), target)
        assert eng.state.group_of(pid) == target
    sizes_now = [len(g) for g in eng.state.groups]
    assert max(sizes_now) - min(sizes_now) <= max(max(sizes) - min(sizes), 1)


def test_a_latecomer_joins_a_table_that_can_still_vote_when_sizes_tie() -> None:
    eng = engine(6)
    eng.form_groups(count=2)
    rnd = eng.deal(0, [MINI])
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, "A")
    eng.reveal(rnd.number)  # group 1 is discussing, group 2 has not started
    assert eng.state.smallest_group() == 1


def test_an_edited_name_is_anonymised_like_the_first_one() -> None:
    from dilemmaspel.core.anonymise import anonymise

    eng = engine(3)
    eng.edit_participant("p2", Participant(name="Fatma Öztürk", side="opposition"))
    eng.form_groups(count=1)
    rnd = eng.deal(0, [MINI])
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, "A", "Net als Fatma Öztürk en Lid 1 denk ik dat.")
    out = anonymise(eng.sink.events)  # type: ignore[attr-defined]
    text = "\n".join(e.model_dump_json() for e in out)
    assert "Öztürk" not in text and "Fatma" not in text and "Lid 1" not in text
    state = replay(out)
    assert len({p.name for p in state.participants.values()}) == 3  # still three people, one number each
