"""Finishing an anonymous session removes the person-ballot link, in the database and in exports."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmaspel.core.events import PersonalConclusionSaved, VoteCast, event_to_json
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import SessionState, apply_in_place, check, replay
from dilemmaspel.core.stats import round_stats, shift_table
from dilemmaspel.core.unlink import BALLOT_PREFIX, unlink_ballots
from dilemmaspel.store import Store
from dilemmaspel.transcript import load_json, to_json
from tests import sessionfactory as factory


def _linked_votes(store: Store, sid: str) -> list[str]:
    """The vote events as they were committed while the session was open."""
    return [event_to_json(e) for e in store.events(sid) if isinstance(e, (VoteCast, PersonalConclusionSaved))]


def _checked(events: list) -> SessionState:  # type: ignore[type-arg]
    state = SessionState()
    for event in events:
        check(state, event)
        apply_in_place(state, event)
    return state


def test_finishing_unlinks_every_ballot_in_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data) as store:
        engine = factory.engine_for(store)
        # Play the evening up to the end, remembering what the open session stored.
        sid_holder: dict[str, list[str]] = {}
        original_finish = engine.finish

        def finish() -> None:
            sid_holder["votes"] = _linked_votes(store, factory.session_id(engine))
            original_finish()

        engine.finish = finish  # type: ignore[method-assign]
        sid = factory.realistic_session(store, engine, reveal="anonymous")
        linked = sid_holder["votes"]
        assert any('"pid":"p' in text for text in linked)
        events = store.events(sid)
        state = replay(events)
        people = set(state.participants)
        votes = [e for e in events if isinstance(e, VoteCast)]
        assert votes and all(e.pid.startswith(BALLOT_PREFIX) and e.pid not in people for e in votes)
        personal = [e for e in events if isinstance(e, PersonalConclusionSaved)]
        assert personal and all(e.pid not in people for e in personal)
        # Within a round the re-vote keeps its ballot id; nothing is shared across rounds.
        by_round: dict[int, set[str]] = {}
        for e in votes:
            by_round.setdefault(e.round, set()).add(e.pid)
        first = {e.pid for e in votes if e.round == 0 and e.phase == 1}
        assert {e.pid for e in votes if e.round == 0 and e.phase == 2} == first
        rounds = list(by_round.values())
        assert all(not (a & b) for i, a in enumerate(rounds) for b in rounds[i + 1:])
        # Replay with the rules still works, and publishes what the open session published.
        checked = _checked(events)
        assert checked.finished and checked.ballots_unlinked
        rnd = checked.rounds[0]
        assert round_stats(checked, rnd, 1).tally == round_stats(engine.state, engine.state.rounds[0], 1).tally == {"A": 1, "B": 2, "C": 1, "other": 1}
        table = shift_table(checked, rnd)
        assert table is not None and table.changed == 2
        # No row of any table (events, and any read model) holds a person next to a vote.
        names = [p.name for p in state.participants.values()]
        for (table_name,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in store.db.execute(f"SELECT * FROM {table_name}").fetchall():  # noqa: S608
                cells = [str(cell) for cell in row]
                text = " ".join(cells)
                person = any(cell == pid or f'"{pid}"' in cell for pid in people for cell in cells)
                if table_name != "events":  # (an event's free text may mention someone; that is no link)
                    person = person or any(name in text for name in names)
                vote = any(word in text for word in ("vote_cast", '"choice"', "personal_conclusion", "reasoning"))
                vote = vote or any(cell in {"A", "B", "C", "D", "other"} for cell in cells)
                assert not (person and vote), (table_name, text)
    # Nor do the bytes on disk (database and WAL) hold the linked events any more.
    raw = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    for text in linked:
        assert text.encode() not in raw
    assert b'"type":"vote_cast","round":0,"pid":"p' not in raw


def test_a_named_session_keeps_its_names(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        sid = factory.realistic_session(store)
        assert not store.unlink_ballots(sid)
        votes = [e for e in store.events(sid) if isinstance(e, VoteCast)]
        assert all(e.pid in replay(store.events(sid)).participants for e in votes)


def test_unlinking_twice_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        sid = factory.realistic_session(store, reveal="anonymous")
        before = [event_to_json(e) for e in store.events(sid)]
        assert not store.unlink_ballots(sid)
        assert [event_to_json(e) for e in store.events(sid)] == before


def test_ballot_ids_are_fresh_each_time() -> None:
    events = factory_events("anonymous", finish=False)
    one = [e.pid for e in unlink_ballots(events) if isinstance(e, VoteCast)]
    two = [e.pid for e in unlink_ballots(events) if isinstance(e, VoteCast)]
    assert set(one).isdisjoint(two)


def factory_events(reveal: str, finish: bool = True) -> list:  # type: ignore[type-arg]
    """The realistic evening's events (optionally without the final SessionFinished)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp)) as store:
        engine = factory.engine_for(store)
        if not finish:
            engine.finish = lambda: None  # type: ignore[method-assign]
        sid = factory.realistic_session(store, engine, reveal=reveal)
        return store.events(sid)


def test_the_json_of_an_open_anonymous_session_links_no_name_to_a_vote() -> None:
    """Issue 13: participants[].name plus rounds[].votes[].pid named every vote."""
    events = factory_events("anonymous", finish=False)
    document = json.loads(to_json("s1", events))
    names = {p["id"]: p["name"] for p in document["participants"]}
    for rnd in document["rounds"]:
        for vote in rnd["votes"] + rnd["revotes"]:
            assert "pid" not in vote and vote["ballot"] not in names
        assert all(pid not in names for pid in rnd["personal_conclusions"])
    for event in document["events"]:
        if event["type"] in ("vote_cast", "personal_conclusion_saved"):
            assert event["pid"] not in names
    # Still a complete, loadable transcript.
    _, loaded = load_json(json.dumps(document))
    assert replay(loaded).rounds[0].phase == "closed"


def test_the_json_of_a_named_session_still_names_the_votes() -> None:
    events = factory_events("named")
    document = json.loads(to_json("s1", events))
    names = {p["id"] for p in document["participants"]}
    assert all(vote["pid"] in names for vote in document["rounds"][0]["votes"])


def test_the_report_the_summary_screen_writes_links_nothing(tmp_path: Path) -> None:
    """Issue 13: the summary screen offered the linking JSON as 'het verslag'."""
    from dilemmaspel.transcript import write_transcripts

    events = factory_events("anonymous")
    paths = write_transcripts("s1", events, tmp_path, ("md", "json"))
    document = json.loads(next(p for p in paths if p.suffix == ".json").read_text(encoding="utf-8"))
    names = {p["id"] for p in document["participants"]}
    assert names and all("pid" not in v for r in document["rounds"] for v in r["votes"])
    markdown = next(p for p in paths if p.suffix == ".md").read_text(encoding="utf-8")
    for person in factory.ROSTER:  # named in the list of participants, never next to a vote
        for line in markdown.splitlines():
            if line.startswith("- ") and " - " in line and ": " in line:
                assert person.name not in line, line


SIDES = ("coalition", "opposition", "none")


@st.composite
def anonymous_sessions(draw: st.DrawFn) -> list:  # type: ignore[type-arg]
    """A random anonymous session played through the engine: rounds, re-votes, conclusions."""
    engine = factory.start(factory.engine_for(None), reveal="anonymous", cards=3)
    n = draw(st.integers(2, 8))
    for index in range(n):
        engine.add_participant(Participant(name=f"Lid{index} Achternaam{index}", side=draw(st.sampled_from(SIDES))))
    engine.form_groups(count=draw(st.integers(1, 2)) if n >= 4 else 1)
    for _ in range(draw(st.integers(1, 3))):
        group = draw(st.integers(0, len(engine.state.groups) - 1))
        if engine.state.open_round(group) is not None or len(engine.state.rounds_of(group)) >= 3:
            continue
        rnd = engine.deal(group, [factory.deck()])
        for pid in engine.state.present(group):
            engine.vote(rnd.number, pid, draw(st.sampled_from(rnd.letters)), draw(st.sampled_from(["", "omdat"])))
        engine.reveal(rnd.number)
        if draw(st.booleans()):
            engine.open_revote(rnd.number)
            for pid in engine.state.present(group):
                engine.vote(rnd.number, pid, draw(st.sampled_from(rnd.letters)), "")
            engine.reveal(rnd.number)
        engine.start_deliberation(rnd.number)
        for pid in engine.state.groups[group]:
            if draw(st.booleans()):
                engine.save_personal(rnd.number, pid, "eerste versie")
                engine.save_personal(rnd.number, pid, f"laatste versie van {engine.state.name(pid)}")
        engine.close_round(rnd.number)
    engine.finish()
    return list(engine.sink.events)  # type: ignore[attr-defined]


@settings(max_examples=100, deadline=None)
@given(anonymous_sessions())
def test_unlinked_sessions_replay_with_the_rules_and_publish_the_same(events: list) -> None:  # type: ignore[type-arg]
    linked = replay(events)
    unlinked_events = [e for e in unlink_ballots(events) if e is not None]
    state = _checked(unlinked_events)
    assert state.ballots_unlinked and state.finished
    for before, after in zip(linked.rounds, state.rounds):
        assert not (set(after.votes) | set(after.revotes)) & set(linked.participants)
        assert set(after.revotes) <= set(after.votes)  # a re-vote keeps its ballot id
        for phase in (1, 2):
            old, new = round_stats(linked, before, phase), round_stats(state, after, phase)
            assert (old.tally, old.by_side, old.side_withheld) == (new.tally, new.by_side, new.side_withheld)
        assert shift_table(linked, before) == shift_table(state, after)
        assert sorted(after.personal.values()) == sorted(before.personal.values())
        assert not set(after.personal) & set(linked.participants)
