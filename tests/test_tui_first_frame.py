"""The start screen's light first frame looks and behaves like the real one (benchmarks/tui_startup.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer, Header, Static

from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store
from dilemmaspel.tui.screens.start import StartScreen
from dilemmaspel.tui.widgets.first_frame import KeyLine, TitleLine, use_real_chrome
from tests.conftest import ROOT
from tests.tui_helpers import make_app, settle, until

THEMES = ["textual-dark", "textual-light", "nord"]


def cells(strip: Strip) -> list[tuple[object, ...]]:
    """What a person sees in each cell: the character, its background and (if not blank) its look."""
    seen: list[tuple[object, ...]] = []
    for segment in strip:
        assert isinstance(segment, Segment)
        style = segment.style or Style()
        for char in segment.text:
            look = None if char == " " else (style.color, style.bold, style.dim, style.italic, style.underline, style.reverse)
            seen.append((char, style.bgcolor, look))
    return seen


def top_and_bottom(app: App[Any]) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    strips = app.screen._compositor.render_strips()
    return cells(strips[0]), cells(strips[-1])


def chrome(app: App[Any]) -> set[str]:
    """Which title and key line widgets the screen shows."""
    kinds = (Header, Footer, TitleLine, KeyLine)
    return {kind.__name__ for w in app.screen.children if w.display for kind in kinds if isinstance(w, kind)}


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_start_screen_looks_the_same_before_and_after_the_real_header_and_footer(
        isolated_home: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    set_language(language)
    calls: list[StartScreen] = []
    monkeypatch.setattr("dilemmaspel.tui.screens.start.use_real_chrome", calls.append)  # hold the stand-ins
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, StartScreen) and calls == [screen]
        for theme in THEMES:
            app.theme = theme
            await settle(pilot)
            assert chrome(app) == {"TitleLine", "KeyLine"}
            light = top_and_bottom(app)
            assert "dilemmaspel" in "".join(str(c[0]) for c in light[0])
            assert ("Nieuwe sessie" if language == "nl" else "New session") in "".join(str(c[0]) for c in light[1])

            use_real_chrome(screen)
            assert await until(pilot, lambda: chrome(app) == {"Header", "Footer"})
            await settle(pilot)
            assert top_and_bottom(app) == light, theme

            # back to the stand-ins for the next theme
            for real in screen.query(Header).results():
                await real.remove()
            for real in screen.query(Footer).results():
                await real.remove()
            await screen.mount(TitleLine(), KeyLine())
            await settle(pilot)


class Keys(Screen[None]):
    BINDINGS = [("a", "app.bell", "Alpha"), ("b", "app.bell", "Beta"), ("c", "app.bell", "Gamma"),
                ("x", "nothing", "Hidden")]

    def __init__(self, real: bool) -> None:
        super().__init__()
        self.real = real
        self.title, self.sub_title = "A title that is long enough to be centred", "and a sub-title"

    def compose(self) -> ComposeResult:
        yield Header() if self.real else TitleLine()
        yield Static("body")
        yield Footer(compact=True) if self.real else KeyLine()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "nothing" else True  # a disabled key is shown dimmed


class Plain(App[None]):
    """A plain Textual app: its command palette key shows at the right of the key line."""

    def __init__(self, real: bool) -> None:
        super().__init__()
        self.real = real

    def on_mount(self) -> None:
        self.push_screen(Keys(self.real))


@pytest.mark.parametrize("width", [80, 120])
async def test_key_line_and_title_line_paint_what_footer_and_header_paint(width: int) -> None:
    painted = []
    for real in (False, True):
        app = Plain(real)
        async with app.run_test(size=(width, 10)) as pilot:
            assert await until(pilot, lambda: isinstance(app.screen, Keys) and (not real or bool(app.screen.query_one(Footer).children)))
            await settle(pilot)
            painted.append(top_and_bottom(app))
    light, real_ = painted
    bottom = "".join(str(c[0]) for c in light[1])
    assert "Alpha" in bottom and "Hidden" in bottom and "palette" in bottom
    assert light == real_


async def test_the_start_screen_reads_the_sessions_once(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[object] = []
    original = Store.sessions

    def counting(self: Store, *args: Any, **kwargs: Any) -> Any:
        reads.append(args or kwargs)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "sessions", counting)
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert len(reads) == 1
        await pilot.press("b")  # the deck browser, and back: the list is read again
        assert not isinstance(app.screen, StartScreen)
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert len(reads) == 2


async def test_the_real_header_and_footer_take_over_and_keys_work(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, lambda: chrome(app) == {"Header", "Footer"})
        assert not app.screen.query(TitleLine) and not app.screen.query(KeyLine)
        await pilot.press("l")
        assert await until(pilot, lambda: "Welcome" in str(app.screen.query_one("#welcome").content))
        assert await until(pilot, lambda: chrome(app) == {"Header", "Footer"})  # the new start screen too
        assert "New session" in "".join(str(c[0]) for c in top_and_bottom(app)[1])


def test_the_start_screen_module_leaves_header_footer_and_table_for_later() -> None:
    """They load after the first frame (Header, Footer) or when there are sessions (DataTable)."""
    code = ("import sys\nimport dilemmaspel.tui.app, dilemmaspel.tui.screens.start\n"
            "print(sorted(m for m in ('textual.widgets._footer', 'textual.widgets._header', 'textual.widgets._data_table') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
