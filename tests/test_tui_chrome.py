"""Every screen's title and key line: one widget each, painted as Textual's Header and Footer paint them."""

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

from dilemmaspel.store import Store
from dilemmaspel.tui.screens.start import StartScreen
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine
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


class Keys(Screen[None]):
    BINDINGS = [("a", "app.bell", "Alpha"), ("b", "app.bell", "Beta"), ("c", "app.bell", "Gamma"),
                ("x", "nothing", "Hidden")]

    def __init__(self, real: bool, palette: bool) -> None:
        super().__init__()
        self.real, self.palette = real, palette
        self.title, self.sub_title = "A title that is long enough to be centred", "and a sub-title"

    def compose(self) -> ComposeResult:
        yield Header() if self.real else TitleLine()
        yield Static("body")
        yield Footer(compact=True, show_command_palette=self.palette) if self.real else KeyLine(palette=self.palette)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "nothing" else True  # a disabled key is shown dimmed


class Plain(App[None]):
    """A plain Textual app: its command palette key shows at the right of the key line."""

    def __init__(self, real: bool, palette: bool = True) -> None:
        super().__init__()
        self.real, self.palette = real, palette
        self.rang = 0
        self.pressed: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(Keys(self.real, self.palette))

    def bell(self) -> None:
        self.rang += 1

    def action_bell(self) -> None:
        self.pressed.append("bell")


@pytest.mark.parametrize(("width", "palette"), [(80, True), (120, True), (80, False)])
async def test_key_line_and_title_line_paint_what_footer_and_header_paint(width: int, palette: bool) -> None:
    painted = []
    for real in (False, True):
        app = Plain(real, palette)
        async with app.run_test(size=(width, 10)) as pilot:
            assert await until(pilot, lambda: isinstance(app.screen, Keys) and (not real or bool(app.screen.query_one(Footer).children)))
            await settle(pilot)
            painted.append(top_and_bottom(app))
    light, real_ = painted
    bottom = "".join(str(c[0]) for c in light[1])
    assert "Alpha" in bottom and "Hidden" in bottom and ("palette" in bottom) == palette
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


async def test_a_click_on_a_key_presses_it_and_on_the_icon_opens_the_palette() -> None:
    from textual.command import CommandPalette

    app = Plain(real=False)
    async with app.run_test(size=(80, 10)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, Keys))
        await settle(pilot)
        bottom = "".join(str(c[0]) for c in top_and_bottom(app)[1])
        await pilot.click(KeyLine, offset=(bottom.index("Alpha"), 0))
        assert await until(pilot, lambda: app.pressed == ["bell"])
        await pilot.click(KeyLine, offset=(bottom.index("Hidden"), 0))  # disabled: only the bell
        assert await until(pilot, lambda: app.rang == 1)
        assert app.pressed == ["bell"]
        await pilot.click(KeyLine, offset=(bottom.index("Hidden") + 8, 0))  # after the keys: nothing
        await settle(pilot)
        assert app.pressed == ["bell"] and app.rang == 1
        await pilot.click(TitleLine, offset=(2, 0))
        assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_every_screen_has_the_one_widget_title_and_key_lines(isolated_home: Path) -> None:
    from dilemmaspel.tui.screens.help import HelpScreen
    from dilemmaspel.tui.screens.setup import SetupScreen

    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for make in (lambda: None, lambda: SetupScreen("group"), HelpScreen):
            screen = make()
            if screen is not None:
                app.push_screen(screen)
                assert await until(pilot, lambda: app.screen is screen)
                await settle(pilot)
            assert chrome(app) == {"TitleLine", "KeyLine"}
            top, bottom = ("".join(str(c[0]) for c in line) for line in top_and_bottom(app))
            assert "dilemmaspel" in top or app.screen.sub_title in top
            assert ("▏" in bottom) == isinstance(app.screen, StartScreen)  # the palette key
        await pilot.press("escape")
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.click(KeyLine, offset=(1, 0))  # the first key: a new session
        assert await until(pilot, lambda: type(app.screen).__name__ == "SetupScreen")


def test_the_app_leaves_textuals_header_footer_and_the_table_unloaded() -> None:
    """The start screen needs neither Header nor Footer, and DataTable only when there are sessions."""
    code = ("import sys\nimport dilemmaspel.tui.app, dilemmaspel.tui.screens.start\n"
            "print(sorted(m for m in ('textual.widgets._footer', 'textual.widgets._header', 'textual.widgets._data_table') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
