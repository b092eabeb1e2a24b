"""The end of a session: transcripts written, an anonymised export on offer."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Header, Static

from dilemmaspel.core.stats import anonymous
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.transcript import transcripts_dir, write_transcripts
from dilemmaspel.tui.base import SessionScreen, binding, literal
from dilemmaspel.tui.context import Live


class SummaryScreen(SessionScreen):
    """Writes the transcripts when shown and lists where they are."""

    BINDINGS = [
        binding("a", "anonymous", "key.anonymous_export"),
        binding("escape,enter", "start", "key.to_start"),
    ]

    def __init__(self, live: Live) -> None:
        super().__init__(live)
        self.written: list[Path] = []

    def compose(self) -> ComposeResult:
        state = self.live.state
        closed = sum(1 for r in state.rounds if r.phase == "closed")
        yield Header()
        with VerticalScroll(id="summary", classes="page"):
            yield Static(t("ui.summary.title"), classes="section-title")
            yield Static(t("ui.summary.facts", participants=len(state.participants), groups=len(state.groups),
                           rounds=len(state.rounds), closed=closed))
            yield Static("", id="files")
            private = "ui.summary.privacy_unlinked" if state.mode != "solo" and anonymous(state) else "ui.summary.privacy"
            yield Static(t(private), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(t("ui.summary.anonymous"), id="anonymous")
                yield Button(t("ui.summary.to_start"), id="start", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("ui.summary.subtitle")
        self.export(anonymised=False)

    def export(self, anonymised: bool) -> None:
        try:
            events = self.dapp.store.events(self.live.session_id)
            paths = write_transcripts(self.live.session_id, events, transcripts_dir(self.dapp.data_dir), anonymised=anonymised)
        except (StoreError, OSError) as exc:
            self.notify(t("ui.summary.failed", reason=getattr(exc, "strerror", None) or exc), severity="error", timeout=10)
            return
        self.written.extend(paths)
        lines = [t("ui.summary.files")] + [f"  {path}" for path in self.written]
        self.query_one("#files", Static).update(literal("\n".join(lines)))

    @on(Button.Pressed, "#anonymous")
    def action_anonymous(self) -> None:
        self.export(anonymised=True)
        self.notify(t("ui.summary.anonymous_done"))

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.dapp.to_start()
