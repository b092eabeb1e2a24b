"""What the app leaves out of its first frame (``benchmarks/tui_startup.py``), and that it comes
back in time: garbage collection is paused from the command line until the start screen's first
frame and never longer; the other screens' styles are read before the first of them opens."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dilemmaspel.cli import main
from dilemmaspel.tui.screens.start import StartScreen
from tests.tui_helpers import make_app, settle, until


@pytest.fixture
def collecting() -> Iterator[None]:
    """Whatever a test does to the collector, the next test finds it as it was."""
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    yield
    gc.enable()
    if gc.get_freeze_count() > frozen:  # the app froze its start-up: thaw, and freeze again only
        gc.unfreeze()                    # if the suite had frozen its own imports before
        if frozen:
            gc.freeze()
    gc.set_threshold(*thresholds)


def test_the_command_line_pauses_collection_while_the_app_starts(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path, collecting: None) -> None:
    import dilemmaspel.tui.app as tui_app

    during: list[bool] = []

    def fake_run_app(**kwargs: object) -> int:
        during.append(gc.isenabled())
        return 0

    monkeypatch.setattr(tui_app, "run_app", fake_run_app)
    assert main(["--data-dir", str(tmp_path)]) == 0
    assert during == [False]
    assert gc.isenabled()  # back on when the app has ended, however it ended


def test_collection_is_back_on_even_when_the_app_fails_to_start(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path, collecting: None) -> None:
    import dilemmaspel.tui.app as tui_app

    def broken_run_app(**kwargs: object) -> int:
        raise RuntimeError("no terminal")

    monkeypatch.setattr(tui_app, "run_app", broken_run_app)
    with pytest.raises(RuntimeError):
        main(["--data-dir", str(tmp_path)])
    assert gc.isenabled()


def test_subcommands_leave_collection_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str], collecting: None) -> None:
    assert main(["--data-dir", str(tmp_path), "sessions"]) == 0
    assert gc.isenabled()


async def test_the_first_frame_resumes_collection_and_freezes_what_start_up_built(isolated_home: Path,
                                                                                   collecting: None) -> None:
    app = make_app(isolated_home)
    gc.disable()  # as the command line leaves it
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, gc.isenabled)
        assert isinstance(app.screen, StartScreen)
        assert gc.get_freeze_count() > frozen


async def test_an_app_started_with_collection_on_does_not_freeze(isolated_home: Path, collecting: None) -> None:
    app = make_app(isolated_home)
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert gc.isenabled() and gc.get_freeze_count() <= frozen  # (frozen objects may still be freed)


def _screens_css_read(app: object) -> bool:
    from dilemmaspel.tui.app import DilemmaApp

    assert isinstance(app, DilemmaApp)
    return app.stylesheet.has_source(str(app.SCREENS_CSS.resolve()), "")


async def test_the_start_screen_alone_does_not_read_the_other_screens_styles(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert not _screens_css_read(app)


@pytest.mark.parametrize("key", ["n", "b", "f1", "ctrl+p"])
async def test_the_other_screens_styles_are_there_when_the_first_of_them_opens(isolated_home: Path, key: str) -> None:
    from textual.widgets import Label

    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press(key)
        await settle(pilot)
        assert not isinstance(app.screen, StartScreen)
        assert _screens_css_read(app)
        if key == "n":  # the set-up form's labels: ".form Label" in screens.tcss
            label = app.screen.query(".form Label").first(Label)
            assert label.styles.margin.top == 1 and label.styles.text_style.bold
