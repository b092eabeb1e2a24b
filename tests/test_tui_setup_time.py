"""Set-up sized for a real evening: the time there is, the estimate, minutes per step, cards proposed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store
from dilemmaspel.tui.app import SETTINGS_FILE
from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from tests.tui_helpers import all_text, fill, make_app, settle

FITS = {"nl": "Dat past in 2 u 30 min", "en": "That fits in 2 h 30 min"}
TOO_LONG = {"nl": "Dat is langer dan 2 u 30 min", "en": "That is longer than 2 h 30 min"}


async def waits_for(pilot, text: str, tries: int = 50) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if text in all_text(pilot.app):
            return True
        await pilot.pause(0.05)
    return False


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_the_time_there_is_proposes_the_cards_and_the_estimate_says_whether_it_fits(isolated_home: Path, language: str) -> None:
    set_language(language)
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SetupScreen("group"))
        await settle(pilot)
        assert app.screen.query_one("#cards", Input).value == "3"
        await fill(pilot, "#available", "150")
        # The seven steps take 68 minutes: with vote, discussion and re-vote one card fits.
        assert await waits_for(pilot, FITS[language])
        assert app.screen.query_one("#cards", Input).value == "1"
        await fill(pilot, "#cards", "2")
        assert await waits_for(pilot, TOO_LONG[language])


@pytest.mark.long
async def test_step_minutes_can_be_changed_go_into_the_session_and_are_remembered(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SetupScreen("group"))
        await settle(pilot)
        assert app.screen.query_one("#minutes-0", Input).value == "8"
        await fill(pilot, "#minutes-0", "3")
        await fill(pilot, "#minutes-4", "0")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)  # 0 minutes is refused, nothing is lost
        assert app.screen.query_one("#minutes-0", Input).value == "3"
        await fill(pilot, "#minutes-4", "12")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        method = app.screen.live.state.settings.method
        assert [s.minutes for s in method.steps] == [3, 10, 7, 10, 12, 10, 8]
    saved = json.loads((isolated_home / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert saved["step_minutes"]["zeven-stappen"] == [3, 10, 7, 10, 12, 10, 8]
    with Store(isolated_home) as store:
        state = store.load(store.sessions()[0].id)
        assert state.settings.method.steps[0].minutes == 3  # type: ignore[union-attr]

    app = make_app(isolated_home)  # the next evening starts from the trainer's own minutes
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SetupScreen("group"))
        await settle(pilot)
        assert app.screen.query_one("#minutes-0", Input).value == "3"
        assert app.screen.query_one("#minutes-4", Input).value == "12"


async def test_a_broken_minutes_setting_falls_back_to_the_method(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / SETTINGS_FILE).write_text(json.dumps({"step_minutes": {"zeven-stappen": ["x", 2]}}), encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SetupScreen("group"))
        await settle(pilot)
        assert app.screen.query_one("#minutes-0", Input).value == "8"


def test_durations_read_naturally() -> None:
    from dilemmaspel.tui.screens.setup import duration

    assert [duration(m) for m in (45, 60, 150, 240)] == ["45 min", "1 uur", "2 u 30 min", "4 uur"]
    set_language("en")
    assert [duration(m) for m in (45, 60, 150)] == ["45 min", "1 h", "2 h 30 min"]
