"""A stored stream that breaks the rules: reported with its first bad event, usable up to there
for viewing and export, and never a traceback (store, ``export``, ``sessions``, TUI resume)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable

from dilemmaspel.cli import main
from dilemmaspel.core.events import Event, event_to_json
from dilemmaspel.core.session import replay, replay_checked
from dilemmaspel.store import DB_NAME, DamagedSession, Store
from dilemmaspel.transcript import to_markdown, write_transcripts
from dilemmaspel.tui.screens.start import StartScreen
from tests import sessionfactory as factory
from tests.tui_helpers import make_app, record_notifications, settle

Capture = pytest.CaptureFixture[str]


def _rows(path: Path, session_id: str) -> list[tuple[int, str, str, str | None]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT seq, type, data, card_id FROM events WHERE session_id = ? ORDER BY seq",
                          (session_id,)).fetchall()


def _append_raw(path: Path, session_id: str, kind: str, data: str, card_id: str | None = None) -> int:
    """Write a row behind the store's back, as a second writer on the old schema or a hand edit did."""
    with sqlite3.connect(path) as db:
        seq = db.execute("SELECT max(seq) + 1 FROM events WHERE session_id = ?", (session_id,)).fetchone()[0]
        db.execute("INSERT INTO events VALUES (?, ?, '2026-03-14T19:31:00+00:00', ?, ?, ?)", (session_id, seq, kind, card_id, data))
    return int(seq)


def _voting(store: Store) -> str:
    """Three members, two of whom have voted."""
    engine = factory.start(factory.engine_for(store))
    factory.add_people(engine, factory.ROSTER[:3])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    for pid in engine.state.groups[0][:2]:
        engine.vote(rnd.number, pid, "A", f"Toelichting van {engine.state.name(pid)}")
    return factory.session_id(engine)


def duplicate_vote(path: Path, session_id: str) -> tuple[int, str]:
    """The same member's first vote once more (what two windows left behind)."""
    vote = next(row for row in _rows(path, session_id) if row[1] == "vote_cast")
    return _append_raw(path, session_id, "vote_cast", vote[2].replace('"choice":"A"', '"choice":"B"')), "vote_cast"


def repeated_round(path: Path, session_id: str) -> tuple[int, str]:
    """A card dealt under a round number that is already in use."""
    dealt = next(row for row in _rows(path, session_id) if row[1] == "card_dealt")
    return _append_raw(path, session_id, "card_dealt", dealt[2], dealt[3]), "card_dealt"


def unreadable_row(path: Path, session_id: str) -> tuple[int, str]:
    return _append_raw(path, session_id, "vote_cast", '{"type": "vote_cast", "round": 0, "pid": '), "vote_cast"


CORRUPTIONS = {"duplicate-vote": duplicate_vote, "repeated-round": repeated_round, "unreadable-json": unreadable_row}
REASONS = {"duplicate-vote": "heeft in deze stemronde al gestemd", "repeated-round": "klopt niet met de volgorde",
           "unreadable-json": "onleesbaar"}


@pytest.mark.parametrize("name", CORRUPTIONS)
def test_the_first_bad_event_is_reported_and_what_came_before_stays_usable(name: str, tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        session_id = _voting(store)
        good = store.events(session_id)
        bad_seq, bad_type = CORRUPTIONS[name](store.path, session_id)
        # A good-looking event after the bad one does not count either.
        _append_raw(store.path, session_id, "twist_shown", '{"type": "twist_shown", "round": 0, "index": 0}')

        stored = store.read(session_id)
        assert stored.damage is not None
        assert (stored.damage.seq, stored.damage.type) == (bad_seq, bad_type)
        assert REASONS[name] in stored.damage.reason()
        assert str(bad_seq) in stored.damage.message(session_id) and bad_type in stored.damage.message(session_id)
        assert stored.events == good and stored.seqs == list(range(1, len(good) + 1))
        assert stored.state == replay(good)
        assert stored.last_seq == bad_seq + 1
        with pytest.raises(DamagedSession) as raised:
            store.load(session_id)
        assert raised.value.stored.state == stored.state
        assert str(bad_seq) in str(raised.value)
        [summary] = store.sessions()
        assert summary.damage == stored.damage  # the list knows it from now on
        # The usable part exports as a normal transcript.
        paths = write_transcripts(session_id, stored.events, tmp_path / "out")
        assert {p.suffix for p in paths} == {".md", ".json"}
        assert len(json.loads(paths[1].read_text(encoding="utf-8"))["events"]) == len(good)


@pytest.mark.parametrize("name", CORRUPTIONS)
def test_the_commands_report_a_damaged_session_without_a_traceback(name: str, isolated_home: Path, capsys: Capture) -> None:
    with Store(isolated_home) as store:
        session_id = _voting(store)
        bad_seq, bad_type = CORRUPTIONS[name](store.path, session_id)
    code = main(["export", session_id[:6], "--out", str(isolated_home / "uit")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    assert f"gebeurtenis {bad_seq} ({bad_type})" in err and f"tot en met gebeurtenis {bad_seq - 1}" in err
    written = [Path(line) for line in out.splitlines()]
    assert {".md", ".json"} <= {p.suffix for p in written} and all(p.exists() for p in written)
    assert "Fatma Öztürk" in next(p for p in written if p.suffix == ".md").read_text(encoding="utf-8")
    assert main(["sessions"]) == 0
    out, err = capsys.readouterr()
    assert session_id in out and "beschadigd" in out and not err
    assert main(["export", session_id, "--format", "md", "--lang", "en", "--out", str(isolated_home / "en")]) == 1
    err = capsys.readouterr().err
    assert f"damaged at event {bad_seq}" in err and "Traceback" not in err


async def test_resuming_a_damaged_session_shows_it_read_only(isolated_home: Path) -> None:
    with Store(isolated_home) as store:
        session_id = _voting(store)
        bad_seq, _ = duplicate_vote(store.path, session_id)
    app = make_app(isolated_home, [factory.DECK_FILE])
    seen = record_notifications(app)
    async with app.run_test(size=(100, 34)) as pilot:
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#resume", DataTable)
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, StartScreen)
        assert any(f"beschadigd bij gebeurtenis {bad_seq}" in m for m in seen), seen
        live = app.screen.live  # type: ignore[attr-defined]
        assert live.read_only is not None
        assert len(live.state.rounds[0].votes) == 2 and live.state.rounds[0].phase == "voting"
    assert len(_rows(isolated_home / DB_NAME, session_id)) == bad_seq  # nothing written on top


# --- any damage, any stream -----------------------------------------------------------------


@pytest.fixture(scope="module")
def realistic() -> list[Event]:
    return factory.realistic_events()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_reordered_or_duplicated_stream_replays_to_a_consistent_prefix(realistic: list[Event], data: st.DataObject) -> None:
    """Duplicates, drops and swaps anywhere: replay stops at the first refused event, and what
    came before renders as a report."""
    events = list(realistic)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(events) - 1))
        j = data.draw(st.integers(0, len(events) - 1))
        action = data.draw(st.sampled_from(["duplicate", "drop", "swap"]))
        if action == "duplicate":
            events.insert(j, events[i])
        elif action == "drop" and len(events) > 1:
            del events[i]
        else:
            events[i], events[j] = events[j], events[i]
    result = replay_checked(events)
    assert result.state == replay(events[: result.applied])
    if result.broken is not None:
        assert result.broken.index == result.applied and result.broken.type == events[result.applied].type
    else:
        assert result.applied == len(events)
    to_markdown(result.state)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(1, 60), junk=st.binary(max_size=40))
def test_any_unreadable_row_is_damage_not_an_exception(realistic: list[Event], cut: int, junk: bytes, tmp_path_factory: Any) -> None:
    with Store(tmp_path_factory.mktemp("db")) as store:
        session_id = store.import_session(realistic[:cut])
        seq = _append_raw(store.path, session_id, "step_note_saved", junk.decode("latin-1"))
        stored = store.read(session_id)
        assert stored.damage is not None and stored.damage.seq == seq
        assert [event_to_json(e) for e in stored.events] == [event_to_json(e) for e in realistic[:cut]]
