"""The deliberation resumes where the group left it: step, time used per step, notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store
from dilemmaspel.tui.screens import deliberation
from dilemmaspel.tui.screens.deliberation import DeliberationScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.widgets.timer import TimeBox
from tests.test_tui_snapshots import build
from tests.tui_helpers import make_app, settle, shows

PROGRESS = {"nl": "Stap {n} van 7", "en": "Step {n} of 7"}


async def stored_notes(pilot, home: Path, session_id: str, text: str, tries: int = 200) -> bool:  # type: ignore[no-untyped-def]
    """Whether another connection (as after a crash) already finds ``text`` in the step notes."""
    for _ in range(tries):
        with Store(home) as other:
            if any(text == note for rnd in other.load(session_id).rounds for note in rnd.notes.values()):
                return True
        await pilot.pause(0.05)
    return False


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_leave_at_step_two_and_come_back_at_step_two_with_the_clock_going_on(isolated_home: Path, language: str) -> None:
    set_language(language)
    store, live = build(isolated_home, language, voted=5, reveal=True)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RevealScreen(live, live.state.rounds[0]))
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DeliberationScreen)
        assert await shows(pilot, PROGRESS[language].format(n=1))
        await pilot.press("ctrl+n")
        assert await shows(pilot, PROGRESS[language].format(n=2))
        box = app.screen.query_one("#timer", TimeBox)
        box.elapsed_before = 125  # as if two minutes had gone by on step 2
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, RevealScreen)
        rnd = live.state.rounds[0]
        assert rnd.step == 1 and rnd.step_seconds[1] >= 125
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DeliberationScreen)
        assert await shows(pilot, PROGRESS[language].format(n=2))
        assert app.screen.query_one("#timer", TimeBox).elapsed >= 125  # not restarted
        await pilot.press("ctrl+q")
        await settle(pilot)
    with Store(isolated_home) as reopened:
        rnd = reopened.load(live.session_id).rounds[0]
    assert rnd.step == 1 and rnd.step_seconds[1] >= 125


async def test_notes_are_saved_while_typing_and_on_leave(isolated_home: Path) -> None:
    assert deliberation.SAVE_DELAY <= 0.3
    store, live = build(isolated_home, voted=5, reveal=True)
    rnd = live.state.rounds[0]
    live.engine.start_deliberation(rnd.number)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DeliberationScreen(live, rnd))
        await settle(pilot)
        await pilot.press(*"wie beslist")
        # Saved without leaving the page: a crash now keeps it.
        assert await stored_notes(pilot, isolated_home, live.session_id, "wie beslist")
        area = app.screen.query_one("#notes", TextArea)
        area.insert(" en waarom")
        await pilot.press("escape")  # leaving saves at once, whatever the delay
        await settle(pilot)
        with Store(isolated_home) as other:
            assert other.load(live.session_id).rounds[0].notes[0] == "wie beslist en waarom"


async def test_a_step_reopened_after_its_time_ran_out_shows_the_overrun_without_ringing_again(isolated_home: Path) -> None:
    store, live = build(isolated_home, voted=5, reveal=True)
    rnd = live.state.rounds[0]
    live.engine.start_deliberation(rnd.number)
    live.engine.open_step(rnd.number, 0)
    minutes = live.state.settings.method.steps[0].minutes or 1  # type: ignore[union-attr]
    live.engine.record_step_time(rnd.number, 0, minutes * 60 + 14)
    app = make_app(isolated_home)
    app.store = store
    bells: list[bool] = []
    app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DeliberationScreen(live, rnd))
        await settle(pilot)
        box = app.screen.query_one("#timer", TimeBox)
        assert box.has_class("over") and box.elapsed >= minutes * 60 + 14
        assert not bells
