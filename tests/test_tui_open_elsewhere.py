"""Two windows on one session: the second is told at once and shows it read-only; a window
that loses the session to another writer switches to read-only too. Nothing is written twice."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from dilemmaspel.core.engine import Engine
from dilemmaspel.store import DB_NAME, Store, StoreSink
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.play import PlayScreen
from dilemmaspel.tui.screens.start import StartScreen
from tests import sessionfactory as factory
from tests.tui_helpers import make_app, record_notifications, settle

SIZE = (100, 34)


def _grouped_session(home: Path) -> str:
    """A group session with people in two groups, no card dealt yet."""
    with Store(home) as store:
        engine = factory.start(factory.engine_for(store))
        factory.add_people(engine, factory.ROSTER[:6])
        engine.form_groups(count=2)
        return factory.session_id(engine)


def _event_count(home: Path, session_id: str) -> int:
    with sqlite3.connect(home / DB_NAME) as db:
        return db.execute("SELECT count(*) FROM events WHERE session_id = ?", (session_id,)).fetchone()[0]


async def _resume_first(pilot: Any) -> None:
    app = pilot.app
    assert isinstance(app.screen, StartScreen)
    table = app.screen.query_one("#resume", DataTable)
    table.focus()
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, PlayScreen)


async def _deal_to_group_one(pilot: Any) -> None:
    """On the hub, Enter deals the first card to group 1: an event the engine must commit."""
    await pilot.press("enter")
    await settle(pilot)


async def test_a_second_window_is_told_at_once_and_shows_the_session_read_only(isolated_home: Path) -> None:
    session_id = _grouped_session(isolated_home)
    before = _event_count(isolated_home, session_id)
    with Store(isolated_home) as other_window:
        first = Live.resume(other_window, session_id, [factory.deck()])
        assert first.read_only is None  # the first window writes
        app = make_app(isolated_home, [factory.DECK_FILE])
        seen = record_notifications(app)
        async with app.run_test(size=SIZE) as pilot:
            await _resume_first(pilot)
            assert any("al geopend in een ander venster" in m for m in seen), seen
            live = app.screen.live  # type: ignore[attr-defined]
            assert live.read_only is not None
            seen.clear()
            await _deal_to_group_one(pilot)
            assert isinstance(app.screen, PlayScreen)  # nothing dealt, still the hub
            assert any("al geopend in een ander venster" in m for m in seen), seen
            assert live.state.rounds == []
        assert _event_count(isolated_home, session_id) == before
        # The first window carries on undisturbed.
        first.engine.deal(0, [factory.deck()])
        assert _event_count(isolated_home, session_id) == before + 1


async def test_a_window_whose_write_is_refused_switches_to_read_only(isolated_home: Path) -> None:
    session_id = _grouped_session(isolated_home)
    app = make_app(isolated_home, [factory.DECK_FILE])
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await _resume_first(pilot)
        live = app.screen.live  # type: ignore[attr-defined]
        assert live.read_only is None and not seen
        # Meanwhile another writer took the session (say the laptop slept past the lease and a
        # second window opened it) and marked someone absent.
        with sqlite3.connect(isolated_home / DB_NAME) as db:
            db.execute("DELETE FROM leases")
        with Store(isolated_home) as other_window:
            other = Live.resume(other_window, session_id, [factory.deck()])
            assert other.read_only is None
            other.engine.set_absent(other.state.groups[0][0], True)
            written = _event_count(isolated_home, session_id)
            await _deal_to_group_one(pilot)
            assert any("intussen elders gewijzigd" in m for m in seen), seen
            assert live.read_only is not None
            assert live.state.rounds == [] and not live.state.absent  # this window's state is unchanged
            seen.clear()
            await _deal_to_group_one(pilot)  # every later command is refused the same way
            assert any("intussen elders gewijzigd" in m for m in seen), seen
            assert _event_count(isolated_home, session_id) == written
            stored = other_window.read(session_id)
            assert stored.damage is None and stored.state.absent == {other.state.groups[0][0]}


async def test_leaving_the_app_lets_the_next_window_write(isolated_home: Path) -> None:
    session_id = _grouped_session(isolated_home)
    app = make_app(isolated_home, [factory.DECK_FILE])
    async with app.run_test(size=SIZE) as pilot:
        await _resume_first(pilot)
        with Store(isolated_home) as meanwhile:
            assert meanwhile.holder(session_id) is not None
    with Store(isolated_home) as later:
        assert later.holder(session_id) is None
        live = Live.resume(later, session_id, [factory.deck()])
        assert live.read_only is None
        live.engine.deal(0, [factory.deck()])
        assert isinstance(live.engine.sink, StoreSink) and isinstance(live.engine, Engine)
        assert later.load(session_id).rounds[0].group == 0
