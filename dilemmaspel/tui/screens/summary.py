"""The end of a session: the minutes written (Word, HTML, Markdown, JSON), an anonymised
version and the trainer's own copy (with the background appendix) on offer."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from dilemmaspel.core.stats import anonymous
from dilemmaspel.i18n import t
from dilemmaspel.i18n.oserror import os_error
from dilemmaspel.store import StoreError
from dilemmaspel.transcript import FORMATS, transcripts_dir, write_transcripts
from dilemmaspel.tui.base import SessionScreen, binding, literal
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


class SummaryScreen(SessionScreen):
    """Writes the transcripts when shown and lists where they are."""

    BINDINGS = [
        binding("a", "anonymous", "key.anonymous_export"),
        binding("t", "trainer_copy", "key.trainer_copy"),
        binding("escape,enter", "start", "key.to_start"),
    ]

    def __init__(self, live: Live) -> None:
        super().__init__(live)
        self.written: list[Path] = []

    def compose(self) -> ComposeResult:
        state = self.live.state
        closed = sum(1 for r in state.rounds if r.phase == "closed")
        yield TitleLine()
        with VerticalScroll(id="summary", classes="page"):
            yield Static(t("ui.summary.title"), classes="section-title")
            yield Static(t("ui.summary.facts", participants=len(state.participants), groups=len(state.groups),
                           rounds=len(state.rounds), closed=closed))
            yield Static("", id="files")
            private = "ui.summary.privacy_unlinked" if state.mode != "solo" and anonymous(state) else "ui.summary.privacy"
            yield Static(t(private), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(t("ui.summary.anonymous"), id="anonymous")
                yield Button(t("ui.summary.trainer_copy"), id="trainer")
                yield Button(t("ui.summary.to_start"), id="start", variant="primary")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.summary.subtitle")
        self.query_one("#files", Static).update(t("ui.summary.writing"))
        self.export(anonymised=False)

    @work(thread=True, group="export")
    def export(self, anonymised: bool = False, appendix: bool = False, done: str = "") -> None:
        """Write the files in a worker: a long evening's Word file takes a moment."""
        try:
            events = self.dapp.store.events(self.live.session_id)
            formats = [fmt for fmt in FORMATS if not (appendix and fmt == "json")]  # the JSON is written already
            paths = write_transcripts(self.live.session_id, events, transcripts_dir(self.dapp.data_dir),
                                      formats, anonymised=anonymised, appendix=appendix)
        except (StoreError, OSError) as exc:
            reason = os_error(exc) if isinstance(exc, OSError) else str(exc)
            self.app.call_from_thread(self.notify, t("ui.summary.failed", reason=reason), severity="error", timeout=10)
            return
        self.app.call_from_thread(self.show_written, paths, done)

    def show_written(self, paths: list[Path], done: str) -> None:
        self.written.extend(paths)
        lines = [t("ui.summary.files")] + [f"  {path}" for path in self.written]
        self.query_one("#files", Static).update(literal("\n".join(lines)))
        if done:
            self.notify(done)

    @on(Button.Pressed, "#anonymous")
    def action_anonymous(self) -> None:
        self.export(anonymised=True, done=t("ui.summary.anonymous_done"))

    @on(Button.Pressed, "#trainer")
    def action_trainer_copy(self) -> None:
        self.export(appendix=True, done=t("ui.summary.trainer_copy_done"))

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.dapp.to_start()
