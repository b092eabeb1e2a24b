"""An own case for a moreel beraad: a decision the group brings from its own practice."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from dilemmaspel.core.events import OwnCase
from dilemmaspel.i18n import t
from dilemmaspel.tui.base import BaseScreen, binding
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


class CaseScreen(BaseScreen):
    """Title, situation, dilemma question and up to four options; dismisses with an OwnCase or None."""

    BINDINGS = [
        binding("ctrl+n", "confirm", "key.continue", priority=True),
        binding("escape", "cancel", "key.back"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with VerticalScroll(id="case", classes="form"):
            yield Static(t("ui.case.intro"), classes="intro")
            yield Label(t("ui.case.title"))
            yield Input(placeholder=t("ui.case.title_hint"), id="case-title", max_length=200)
            yield Label(t("ui.case.situation"))
            yield TextArea(id="case-situation", soft_wrap=True)
            yield Label(t("ui.case.question"))
            yield Input(placeholder=t("ui.case.question_hint"), id="case-question", max_length=500)
            yield Label(t("ui.case.options"))
            for letter in "ABCD":
                yield Input(placeholder=t("ui.case.option_hint", letter=letter), id=f"case-option-{letter}", max_length=300)
            yield Button(t("ui.case.confirm"), variant="primary", id="confirm")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.case.subtitle")
        self.query_one("#case-title", Input).focus()

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        title = self.query_one("#case-title", Input).value.strip()
        question = self.query_one("#case-question", Input).value.strip()
        if not title or not question:
            self.notify(t("ui.case.missing"), severity="error")
            self.query_one("#case-title" if not title else "#case-question", Input).focus()
            return
        options = [self.query_one(f"#case-option-{letter}", Input).value.strip() for letter in "ABCD"]
        options = [option for option in options if option]
        if len(options) == 1:
            self.notify(t("ui.case.one_option"), severity="error")
            return
        situation = self.query_one("#case-situation", TextArea).text.strip()
        self.dismiss(OwnCase(title=title, situation=situation, question=question, options=options))

    def pending_loss(self) -> str | None:
        typed = [w.value for w in self.query(Input)] + [self.query_one("#case-situation", TextArea).text]
        return t("ui.case.loses") if any(text.strip() for text in typed) else None

    def action_cancel(self) -> None:
        self.leave()

    @work(exclusive=True, group="leave")
    async def leave(self) -> None:
        """Back to the set-up form; asks first when something was typed."""
        loss = self.pending_loss()
        if loss and not await self.ask(t("ui.discard", what=loss), t("ui.discard_yes"), t("ui.setup.keep")):
            return
        self.dismiss(None)
