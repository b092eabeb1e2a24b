"""F1: how the game works and which keys do what."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Markdown

from dilemmaspel.i18n import t
from dilemmaspel.tui.base import BaseScreen, binding


class HelpScreen(BaseScreen):
    """The help text of the current language."""

    BINDINGS = [binding("escape,f1,q", "close", "key.close")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Markdown(t("help.body"), id="help")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("ui.help.subtitle")
        self.query_one("#help", Markdown).focus()

    def action_close(self) -> None:
        self.app.pop_screen()
