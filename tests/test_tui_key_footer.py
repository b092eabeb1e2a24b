"""The key line rebuilds its keys only when what it shows changes."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input
from textual.widget import Widget

from dilemmaspel.tui.widgets.key_footer import KeyFooter


class KeysApp(App[None]):
    BINDINGS = [Binding("f2", "save", "Opslaan"), Binding("f3", "done", "Klaar")]

    def __init__(self) -> None:
        super().__init__()
        self.can_finish = True

    def compose(self) -> ComposeResult:
        yield Input(id="one")
        yield Input(id="two")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "done" and not self.can_finish else True

    def action_save(self) -> None:
        pass

    def action_done(self) -> None:
        pass


def keys_shown(app: App[None]) -> list[Widget]:
    return list(app.query_one(KeyFooter).query("FooterKey"))


async def test_moving_the_focus_keeps_the_keys_and_a_disabled_key_is_redrawn() -> None:
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        first = keys_shown(app)
        assert [key.description for key in first][:2] == ["Opslaan", "Klaar"]
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
        assert keys_shown(app) == first  # the very same widgets: nothing was rebuilt

        app.can_finish = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        now = keys_shown(app)
        assert now != first
        done = next(key for key in now if key.description == "Klaar")
        assert done.has_class("-disabled")


async def test_a_footer_that_was_out_of_focus_catches_up() -> None:
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.app_focus = False
        app.can_finish = False
        app.refresh_bindings()
        await pilot.pause()
        assert not next(key for key in keys_shown(app) if key.description == "Klaar").has_class("-disabled")
        app.app_focus = True
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert next(key for key in keys_shown(app) if key.description == "Klaar").has_class("-disabled")
