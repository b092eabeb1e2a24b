"""F1: how the game works and which keys do what."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from dilemmaspel.i18n import t
from dilemmaspel.tui.base import BaseScreen, binding
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


class HelpScreen(BaseScreen):
    """The help text of the current language, scrolled with the arrow keys, PgUp/PgDn, Home/End."""

    BINDINGS = [
        binding("escape,f1,q", "close", "key.close"),
        binding("k", "keys", "key.help_keys"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with VerticalScroll(id="help-scroll"):
            yield Markdown(t("help.body"), id="help")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.help.subtitle")

    def on_screen_resume(self) -> None:
        """Each time it is shown (it is kept between showings): from the top, ready to scroll."""
        scroll = self.query_one("#help-scroll", VerticalScroll)
        scroll.scroll_home(animate=False)
        scroll.focus()

    def action_keys(self) -> None:
        """Jump to the list of keys (the last section of the help)."""
        self.query_one("#help-scroll", VerticalScroll).scroll_end(animate=False)

    def action_close(self) -> None:
        self.app.pop_screen()
