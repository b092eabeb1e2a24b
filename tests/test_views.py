"""Per-viewer views of a device session: nothing secret before the reveal, then only as allowed."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dilemmaspel.core.engine import Engine, ListSink
from dilemmaspel.core.events import Event
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError, SessionState, Vote
from dilemmaspel.core.views import PRESENTER, Viewer, led_round, presenter_view, roster_view, view_for
from tests.sessionfactory import deck, fixed_clock, start

DEVICE = "a" * 64
OTHER_DEVICE = "b" * 64


def device_session(people: int = 6, reveal: str = "anonymous", groups: int = 2) -> Engine:
    engine = Engine(ListSink(), clock=fixed_clock)
    start(engine, reveal=reveal, voting="devices")
    sides = ("coalition", "opposition", "none")
    for i in range(people):
        engine.add_participant(Participant(name=f"Persoon {i}", side=sides[i % 3]))
    engine.form_groups(count=groups)
    return engine


def dumped(view: dict) -> str:
    return json.dumps(view, ensure_ascii=False)


# --- engine subscribers and the new events ----------------------------------------------------


def test_subscribers_hear_every_committed_event_and_nothing_refused() -> None:
    engine = device_session()
    heard: list[Event] = []
    unsubscribe = engine.subscribe(heard.append)
    rnd = engine.deal(0, [deck()])
    with pytest.raises(RuleError):
        engine.reveal(rnd.number)
    assert [e.type for e in heard] == ["card_dealt"]
    unsubscribe()
    engine.deal(1, [deck()])
    assert len(heard) == 1


def test_subscriber_runs_after_the_commit() -> None:
    engine = device_session()
    seen: list[int] = []
    engine.subscribe(lambda event: seen.append(len(engine.sink.events)))  # type: ignore[attr-defined]
    before = len(engine.sink.events)  # type: ignore[attr-defined]
    engine.deal(0, [deck()])
    assert seen == [before + 1]


def test_claims_and_releases() -> None:
    engine = device_session()
    pid = engine.state.groups[0][0]
    other = engine.state.groups[0][1]
    engine.claim(pid, DEVICE)
    with pytest.raises(RuleError) as taken:
        engine.claim(pid, OTHER_DEVICE)
    assert taken.value.key == "rule.already_claimed"
    with pytest.raises(RuleError) as second:
        engine.claim(other, DEVICE)
    assert second.value.key == "rule.device_has_name"
    engine.release(pid)
    with pytest.raises(RuleError):
        engine.release(pid)
    engine.claim(pid, OTHER_DEVICE)
    assert engine.state.claims == {pid: OTHER_DEVICE}


def test_claims_need_a_device_session() -> None:
    engine = Engine(ListSink(), clock=fixed_clock)
    start(engine)
    pid = engine.add_participant(Participant(name="Els"))
    with pytest.raises(RuleError) as refused:
        engine.claim(pid, DEVICE)
    assert refused.value.key == "rule.not_devices"
    with pytest.raises(RuleError):
        engine.open_room(8080, "x" * 22, "y" * 22, "ABCD")


def test_latecomer_joins_the_smallest_table() -> None:
    engine = device_session(people=5)
    small = engine.state.smallest_group()
    pid = engine.add_latecomer(Participant(name="Laat"))
    assert engine.state.group_of(pid) == small


def test_table_lead_is_a_member_and_leaves_with_a_move() -> None:
    engine = device_session()
    a, b = engine.state.groups[0][0], engine.state.groups[1][0]
    with pytest.raises(RuleError):
        engine.choose_lead(0, b)
    engine.choose_lead(0, a)
    assert led_round(engine.state, a) is None  # no card yet
    rnd = engine.deal(0, [deck()])
    assert led_round(engine.state, a) is rnd
    assert led_round(engine.state, b) is None
    engine.choose_lead(0, None)
    assert led_round(engine.state, a) is None


def test_lead_dropped_when_moved() -> None:
    engine = device_session()
    a = engine.state.groups[0][0]
    engine.choose_lead(0, a)
    engine.move(a, 1)
    assert 0 not in engine.state.leads


def test_vote_change_until_the_reveal() -> None:
    engine = device_session(people=4, groups=1)
    rnd = engine.deal(0, [deck()])
    pids = engine.state.groups[0]
    with pytest.raises(RuleError) as nothing:
        engine.change_vote(rnd.number, pids[0], "B")
    assert nothing.value.key == "rule.no_vote_to_change"
    for pid in pids:
        engine.vote(rnd.number, pid, "A", "eerst")
    engine.change_vote(rnd.number, pids[0], "B", "later")
    assert rnd.votes[pids[0]].choice == "B" and rnd.ballot_version(1, pids[0]) == 2
    engine.reveal(rnd.number)
    with pytest.raises(RuleError):
        engine.change_vote(rnd.number, pids[0], "C")


def test_steps_move_and_start_the_deliberation() -> None:
    engine = device_session(people=4, groups=1)
    rnd = engine.deal(0, [deck()])
    for pid in engine.state.groups[0]:
        engine.vote(rnd.number, pid, "A")
    with pytest.raises(RuleError):
        engine.move_step(rnd.number, 1)
    engine.reveal(rnd.number)
    with pytest.raises(RuleError):
        engine.move_step(rnd.number, 99)
    assert not rnd.deliberating
    engine.move_step(rnd.number, 2)
    assert rnd.deliberating and rnd.step == 2 and rnd.step_at == fixed_clock()


def test_replay_rebuilds_the_device_state() -> None:
    from dilemmaspel.core.session import replay

    engine = device_session()
    pid = engine.state.groups[0][0]
    engine.open_room(8123, "j" * 22, "p" * 22, "KMZT")
    engine.claim(pid, DEVICE)
    engine.choose_lead(0, pid)
    again = replay(engine.sink.events)  # type: ignore[attr-defined]
    assert again.claims == engine.state.claims and again.leads == {0: pid}
    assert again.room is not None and again.room.port == 8123


# --- views --------------------------------------------------------------------------------------


def test_participant_sees_count_but_no_choice_before_reveal() -> None:
    engine = device_session(people=4, groups=1)
    rnd = engine.deal(0, [deck()])
    a, b, c, d = engine.state.groups[0]
    engine.vote(rnd.number, a, "B", "Geheime toelichting van A")
    engine.vote(rnd.number, b, "other", "Tweede geheim", other="Eigen woorden van B")
    view = view_for(engine.state, Viewer("participant", c), "nl")
    assert view["round"]["voted"] == 2 and view["round"]["voters"] == 4
    assert view["round"]["results"] == [] and view["round"]["mine"] is None
    text = dumped(view)
    assert "Geheim" not in text and "Eigen woorden" not in text
    mine = view_for(engine.state, Viewer("participant", a))
    assert mine["round"]["mine"]["choice"] == "B"
    assert "Tweede geheim" not in dumped(mine)
    assert "Geheim" not in dumped(presenter_view(engine.state))


def test_anonymous_reveal_has_no_names_named_reveal_has() -> None:
    for reveal in ("anonymous", "named"):
        engine = device_session(people=4, groups=1, reveal=reveal)
        rnd = engine.deal(0, [deck()])
        for i, pid in enumerate(engine.state.groups[0]):
            engine.vote(rnd.number, pid, "AB"[i % 2], f"Reden {i}")
        engine.reveal(rnd.number)
        view = view_for(engine.state, Viewer("participant", engine.state.groups[0][0]))
        result = view["round"]["results"][0]
        assert result["total"] == 4
        assert {row["option"]: row["count"] for row in result["tally"]}["A"] == 2
        reasons = result["reasons"]
        assert sorted(r["reasoning"] for r in reasons) == [f"Reden {i}" for i in range(4)]
        assert all(("name" in r) == (reveal == "named") for r in reasons)
        presenter = dumped(presenter_view(engine.state))
        assert "Reden" not in presenter and "Persoon" not in presenter


def test_other_table_sees_nothing_of_a_revealed_table() -> None:
    engine = device_session(people=6, groups=2)
    rnd = engine.deal(0, [deck()])
    engine.deal(1, [deck()])
    for pid in engine.state.groups[0]:
        engine.vote(rnd.number, pid, "A", f"Tafel een {pid}")
    engine.reveal(rnd.number)
    outsider = engine.state.groups[1][0]
    assert "Tafel een" not in dumped(view_for(engine.state, Viewer("participant", outsider)))
    presenter = presenter_view(engine.state)
    assert presenter["tables"][0]["round"]["results"][0]["total"] == 3
    assert presenter["tables"][1]["round"]["results"] == []
    assert presenter["totals"][0]["total"] == 3


def test_lead_view_and_roster() -> None:
    engine = device_session(people=4, groups=1)
    a, b = engine.state.groups[0][:2]
    engine.choose_lead(0, a)
    engine.claim(b, DEVICE)
    rnd = engine.deal(0, [deck()])
    for pid in engine.state.groups[0]:
        engine.vote(rnd.number, pid, "A")
    engine.reveal(rnd.number)
    engine.move_step(rnd.number, 0)
    engine.save_note(rnd.number, 0, "Notitie stap een")
    lead = view_for(engine.state, Viewer("participant", a))
    member = view_for(engine.state, Viewer("participant", b))
    assert lead["me"]["lead"] and lead["round"]["lead"]["notes"] == "Notitie stap een"
    assert "lead" not in member["round"] and member["round"]["steps"]["index"] == 0
    roster = roster_view(engine.state)
    claimed = {p["pid"]: p["claimed"] for table in roster for p in table["people"]}
    assert claimed[b] and not claimed[a]


# --- the property: nothing before the reveal ---------------------------------------------------

ACTIONS = ("vote", "change", "reveal", "twist", "revote", "close", "deal", "step", "personal")


def _secret(pid: str, rnd: int, phase: int, n: int) -> str:
    return f"SECRET-{pid}-r{rnd}-f{phase}-n{n}"


@st.composite
def sessions(draw: st.DrawFn) -> SessionState:
    people = draw(st.integers(2, 8))
    groups = draw(st.integers(1, min(3, people // 2)))
    engine = device_session(people=people, groups=groups, reveal=draw(st.sampled_from(["anonymous", "named"])))
    state = engine.state
    for group in range(groups):
        engine.deal(group, [deck()])
    counter = 0
    for _ in range(draw(st.integers(0, 40))):
        action = draw(st.sampled_from(ACTIONS))
        group = draw(st.integers(0, groups - 1))
        rnd = state.open_round(group)
        counter += 1
        try:
            if action == "deal":
                engine.deal(group, [deck()])
            elif rnd is None:
                continue
            elif action in ("vote", "change"):
                pid = draw(st.sampled_from(state.groups[group]))
                phase = rnd.voting_phase or 1
                choice = draw(st.sampled_from(list(rnd.letters) + ["other"]))
                secret = _secret(pid, rnd.number, phase, counter)
                other = "OWN" + secret if choice == "other" else ""
                if action == "vote":
                    engine.vote(rnd.number, pid, choice, secret, other=other)
                else:
                    engine.change_vote(rnd.number, pid, choice, secret, other=other)
            elif action == "reveal":
                engine.reveal(rnd.number)
            elif action == "twist":
                engine.show_twist(rnd.number)
            elif action == "revote":
                engine.open_revote(rnd.number)
            elif action == "close":
                engine.close_round(rnd.number)
            elif action == "step":
                engine.move_step(rnd.number, draw(st.integers(0, 3)))
            elif action == "personal":
                pid = draw(st.sampled_from(state.groups[group]))
                engine.save_personal(rnd.number, pid, f"PERSONAL-{pid}-{counter}")
        except RuleError:
            pass
    return state


def _viewers(state: SessionState) -> list[Viewer]:
    return [PRESENTER] + [Viewer("participant", pid) for pid in state.participants]


def _revealed_to(state: SessionState, viewer: Viewer, rnd_number: int, phase: int) -> bool:
    from dilemmaspel.core.views import phase_revealed

    rnd = state.rounds[rnd_number]
    if viewer.kind != "participant" or state.group_of(viewer.pid) != rnd.group:
        return False
    return state.open_round(rnd.group) is rnd and phase_revealed(rnd, phase)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_no_ballot_reaches_another_viewer_before_its_reveal(state: SessionState) -> None:
    for viewer in _viewers(state):
        view = view_for(state, viewer, "nl")
        text = dumped(view)
        if viewer.kind == "participant" and view.get("round") and state.settings.reveal == "anonymous":
            assert all("name" not in r for result in view["round"]["results"] for r in result["reasons"])
        if viewer.kind == "presenter":
            assert "SECRET" not in text and "PERSONAL" not in text and "Persoon" not in text
        for rnd in state.rounds:
            for phase in (1, 2):
                for pid, vote in rnd.votes_in(phase).items():
                    visible = vote.reasoning in text
                    if viewer.pid == pid and viewer.kind == "participant":
                        continue
                    if visible:
                        assert _revealed_to(state, viewer, rnd.number, phase), (viewer, rnd.number, phase)
        if viewer.kind == "participant":
            assert all(f"PERSONAL-{pid}-" not in text for pid in state.participants if pid != viewer.pid)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.data())
def test_unrevealed_ballots_do_not_change_any_other_view(state: SessionState, data: st.DataObject) -> None:
    """Non-interference: altering someone's unrevealed ballot changes no one else's view."""
    open_votes = [(rnd, phase, pid) for rnd in state.rounds for phase in (1, 2)
                  if rnd.voting_phase == phase for pid in rnd.votes_in(phase)]
    if not open_votes:
        return
    rnd, phase, pid = data.draw(st.sampled_from(open_votes))
    altered = copy.deepcopy(state)
    ballots = altered.rounds[rnd.number].votes_in(phase)
    choice = data.draw(st.sampled_from(list(rnd.letters)))
    ballots[pid] = Vote(pid, choice, "", "ALTERED")
    for viewer in _viewers(state):
        if viewer.kind == "participant" and viewer.pid == pid:
            continue
        assert view_for(state, viewer) == view_for(altered, viewer)


def test_settings_of_a_laptop_session_serialise_as_before() -> None:
    from dilemmaspel.core.events import Settings, event_from_json, event_to_json, SessionStarted

    laptop = SessionStarted(mode="group", settings=Settings(), started_at=fixed_clock())
    devices = SessionStarted(mode="group", settings=Settings(voting="devices"), started_at=fixed_clock())
    assert "voting" not in event_to_json(laptop)
    assert event_from_json(event_to_json(devices)).settings.voting == "devices"
    assert event_from_json(event_to_json(laptop)).settings.voting == "laptop"


def test_plenary_projector_splits_only_where_nobody_is_singled_out() -> None:
    engine = device_session(people=12, groups=1, reveal="named")
    rnd = engine.deal(0, [deck()])
    members = engine.state.groups[0]
    sides = {pid: engine.state.participants[pid].side for pid in members}
    for i, pid in enumerate(members):
        engine.vote(rnd.number, pid, "AB"[i % 2], "Reden")
    engine.reveal(rnd.number)
    result = presenter_view(engine.state)["tables"][0]["round"]["results"][0]
    assert result["split"] is not None and result["withheld"] is None  # 4 per side, mixed choices
    assert sum(sum(c.values()) for c in result["split"].values()) == 12
    engine.open_revote(rnd.number)
    for i, pid in enumerate(members):
        engine.vote(rnd.number, pid, "A" if i < 6 else "B", "")
    engine.reveal(rnd.number)
    second = presenter_view(engine.state)["tables"][0]["round"]["results"][1]
    assert second["phase"] == 2 and second["shift"] is not None
    assert "name" not in json.dumps(second) and sides  # counts only, never who moved


def test_small_table_split_is_withheld_on_the_projector() -> None:
    engine = device_session(people=4, groups=1)
    rnd = engine.deal(0, [deck()])
    for i, pid in enumerate(engine.state.groups[0]):
        engine.vote(rnd.number, pid, "AB"[i % 2])
    engine.reveal(rnd.number)
    result = presenter_view(engine.state)["tables"][0]["round"]["results"][0]
    assert result["split"] is None and result["withheld"] == "disclosure.too_small"


def test_finishing_an_anonymous_device_session_leaves_no_changed_vote_linked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dilemmaspel.core.events import VoteCast, VoteChanged
    from dilemmaspel.core.session import SessionState, apply_in_place, check
    from dilemmaspel.store import Store
    from tests.roomhelpers import device_engine

    with Store(tmp_path / "data") as store:
        engine = device_engine(store, people=4, groups=1, reveal="anonymous", cards=1)
        rnd = engine.deal(0, [deck()])
        pids = engine.state.groups[0]
        for pid in pids:
            engine.vote(rnd.number, pid, "A", f"eerste gedachte {pid}")
        engine.change_vote(rnd.number, pids[0], "B", "TWEEDE GEDACHTE")
        engine.reveal(rnd.number)
        engine.close_round(rnd.number)
        engine.finish()
        sid = engine.sink.session_id  # type: ignore[attr-defined]
        events = store.events(sid)
        assert not any(isinstance(e, VoteChanged) for e in events)
        votes = [e for e in events if isinstance(e, VoteCast)]
        assert all(e.pid not in pids for e in votes)
        assert sorted(e.reasoning for e in votes) == sorted(
            ["TWEEDE GEDACHTE"] + [f"eerste gedachte {pid}" for pid in pids[1:]])
        dump = (tmp_path / "data" / "dilemmaspel.sqlite3").read_bytes()
        assert f"eerste gedachte {pids[0]}".encode() not in dump  # the overwritten first version is gone
        state = SessionState()
        for event in events:  # still replays under the rules
            check(state, event)
            apply_in_place(state, event)
        assert {v.choice for v in state.rounds[0].votes.values()} == {"A", "B"}
