"""Bad surroundings get a clear message, never a traceback: broken data dir, settings, decks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dilemmaspel.tui.app import load_settings, run_app
from dilemmaspel.tui.screens.start import StartScreen
from tests.conftest import DATA
from tests.tui_helpers import make_app, settle, until


def test_unusable_data_dir_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert run_app(blocker / "home") == 1
    err = capsys.readouterr().err
    assert "kan de datamap" in err and "Traceback" not in err


def test_broken_settings_file_is_ignored(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "settings.json").write_text("{not json", encoding="utf-8")
    assert load_settings(isolated_home) == {}
    (isolated_home / "settings.json").write_text("[1, 2]", encoding="utf-8")
    assert load_settings(isolated_home) == {}


async def test_broken_user_deck_is_reported_and_the_rest_still_loads(isolated_home: Path) -> None:
    decks = isolated_home / "decks"
    decks.mkdir(parents=True)
    shutil.copy(DATA / "broken" / "06-one-option.toml", decks / "kapot.toml")
    shutil.copy(DATA / "mini.toml", decks / "mini.toml")
    app = make_app(isolated_home)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, StartScreen)
        library = app.library
        assert "mini" in library.decks and "bestuurlijke-integriteit" in library.decks
        app.warm_up()  # reports the skipped deck from its own thread

        def reported() -> bool:
            return any("kapot.toml" in str(n.message) and "options" in str(n.message) for n in app._notifications)

        assert await until(pilot, reported)


async def test_language_switch_is_remembered(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert "Welcome to dilemmaspel" in str(app.screen.query_one("#welcome").content)
        footer_keys = [app.screen.active_bindings["n"].binding.description]
        assert footer_keys == ["New session"]
    assert load_settings(isolated_home)["language"] == "en"


async def test_an_unreadable_session_list_is_reported_when_the_start_screen_shows_and_again_on_return(
        isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import OptionList

    from dilemmaspel.store import Store, StoreError
    from tests.tui_helpers import record_notifications

    def broken(self: Store, status: str | None = None) -> list[object]:
        raise StoreError("schijf [/] onleesbaar")

    monkeypatch.setattr(Store, "sessions", broken)
    app = make_app(isolated_home)
    notes = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, lambda: any("schijf [/] onleesbaar" in n for n in notes))
        assert isinstance(app.screen, StartScreen)
        menu = app.screen.query_one("#menu", OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert "resume" not in ids and ids[0] == "new_group" and menu.highlighted == 0
        first = len(notes)
        await pilot.press("b")  # the decks, then back: the start screen reads the list again
        await settle(pilot)
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, StartScreen) and len(notes) > first)
