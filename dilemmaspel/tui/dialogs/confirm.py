"""A yes/no question, answered with a button, Enter on the highlighted one, or j/y and n/Esc."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from dilemmaspel.i18n import t
from dilemmaspel.tui.base import BaseModal, binding, literal
from dilemmaspel.tui.widgets.chrome import KeyLine


class ConfirmDialog(BaseModal[bool]):
    """Asks a question; dismisses with True (yes) or False (no / escape).

    ``default`` is the answer whose button is highlighted, so Enter gives it: True where the
    person expects to go on (confirming a vote), False where the question guards a change.
    ``letters=False`` takes away the j/y shortcut: for questions a letter key opens, where text
    typed into the wrong screen ("vrij" after an "r") must not answer yes by itself.
    """

    BINDINGS = [
        binding("j,y", "yes", "key.yes", key_display="key.yes_key"),
        binding("n", "no", "key.no", key_display="key.no_key"),
        binding("escape", "no", "key.cancel", id="cancel"),
        binding("left", "app.focus_previous", "key.previous", show=False, id="left"),
        binding("right", "app.focus_next", "key.next", show=False, id="right"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None, default: bool = False,
                 letters: bool = True) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes or t("ui.yes")
        self.no_label = no or t("ui.no")
        self.default = default
        self.letters = letters

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "yes":
            return self.letters
        return True

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label, variant="primary" if self.default else "default", id="yes")
                yield Button(self.no_label, variant="default" if self.default else "primary", id="no")
            keys = "ui.dialog.keys" if self.letters else "ui.dialog.keys_no_letters"
            yield Static(t(keys, yes=self.yes_label, no=self.no_label), classes="dialog-keys")
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
