"""The first screen: what the app is for, what to do next, and unfinished sessions to resume.

It is the app's first frame, so it is kept light (``benchmarks/tui_startup.py``): the session
list is read once and the table of sessions is built only when there are some.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dilemmaspel.i18n import t
from dilemmaspel.store import SessionSummary, StoreError
from dilemmaspel.localtime import local_time
from dilemmaspel.tui.base import BaseScreen, binding, cell
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine

if TYPE_CHECKING:
    from textual.widgets import DataTable


class StartScreen(BaseScreen):
    """Menu and the list of sessions that can be resumed."""

    AUTO_FOCUS = "#menu"  # straight to the menu: focusing the page first restyles it twice
    BINDINGS = [
        binding("n", "new_group", "key.new_group"),
        binding("b", "browse", "key.browse"),
        binding("l", "language", "key.language"),
        binding("q", "app.quit", "key.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.unfinished: list[SessionSummary] = []
        self.title = "dilemmaspel"  # before the first frame, which shows them
        self.sub_title = t("ui.start.subtitle")
        self._composed_fresh = False  # the sessions were just read for compose: the first resume need not

    def compose(self) -> ComposeResult:
        # The menu is built with its final options, so the first frame is laid out once.
        failure = self._read_sessions()
        self._composed_fresh = True
        yield TitleLine()
        with VerticalScroll(id="start"):
            yield Static(t("ui.start.welcome"), id="welcome")
            yield Static(t("ui.start.intro"), id="intro")
            yield OptionList(*self._menu_options(), id="menu")
            box = Vertical(id="resume-box")
            box.display = bool(self.unfinished)
            yield box
        yield KeyLine(palette=True)
        if failure is not None:
            self.call_later(self.fail, failure)

    def on_mount(self) -> None:
        self.query_one("#menu", OptionList).highlighted = 0
        if self.unfinished:
            self._show_resume()

    def on_screen_resume(self) -> None:
        """The screen shows again: read the sessions (the first showing has just read them)."""
        if self._composed_fresh:
            self._composed_fresh = False
            return
        self.refresh_sessions()

    def _read_sessions(self) -> StoreError | None:
        try:
            self.unfinished = self.dapp.store.sessions(status="active")
        except StoreError as exc:
            self.unfinished = []
            return exc
        return None

    def _menu_options(self) -> list[Option]:
        items = [("new_group", "ui.start.new_group")]
        items += [(mode, f"ui.start.{mode}") for mode in self.dapp.extra_modes]
        if self.unfinished:
            items.append(("resume", "ui.start.resume"))
        items += [("browse", "ui.start.browse"), ("help", "ui.start.help"), ("language", "ui.start.language"), ("quit", "ui.start.quit")]
        return [Option(Content(t(label)), id=action) for action, label in items]

    def refresh_sessions(self) -> None:
        failure = self._read_sessions()
        if failure is not None:
            self.fail(failure)
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        menu.add_options(self._menu_options())
        menu.highlighted = 0
        box = self.query_one("#resume-box", Vertical)
        box.display = bool(self.unfinished)
        if not self.unfinished:
            box.remove_children()
            return
        self._show_resume()

    def _show_resume(self) -> None:
        """Fill the table of unfinished sessions (built the first time there are some)."""
        box = self.query_one("#resume-box", Vertical)
        from textual.widgets import DataTable

        if not box.children:  # built only when there is something to resume: a faster first screen
            box.mount(Static(t("ui.start.resume_title"), classes="section-title"),
                      DataTable(id="resume", cursor_type="row", zebra_stripes=True))
        table: DataTable[object] = self.query_one("#resume", DataTable)
        table.clear(columns=True)
        table.add_columns(t("ui.start.col.date"), t("ui.start.col.mode"), t("ui.start.col.title"), t("ui.start.col.progress"))
        for summary in self.unfinished:
            progress = t("ui.start.progress", participants=summary.participants, groups=summary.groups,
                         done=summary.closed_rounds, rounds=summary.rounds)
            table.add_row(
                local_time(summary.created_at),
                t(f"mode.{summary.mode}"),
                cell(summary.title or summary.decks or "-"),
                progress,
                key=summary.id,
            )

    @on(OptionList.OptionSelected, "#menu")
    def menu_selected(self, event: OptionList.OptionSelected) -> None:
        action = event.option.id
        if action == "resume":
            self.query_one("#resume").focus()
            return
        handlers = {
            "new_group": self.dapp.action_new_group,
            "browse": self.dapp.action_browse,
            "help": self.dapp.action_help,
            "language": self.dapp.action_language,
            "quit": self.app.exit,
        }
        handler = handlers.get(action or "")
        if handler is not None:
            handler()
        elif action in self.dapp.extra_modes:
            self.dapp.start_mode(action)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "resume":
            self.dapp.resume(str(event.row_key.value))

    def action_new_group(self) -> None:
        self.dapp.action_new_group()

    def action_browse(self) -> None:
        self.dapp.action_browse()

    def action_language(self) -> None:
        self.dapp.action_language()
