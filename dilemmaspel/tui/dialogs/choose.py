"""Pick one item from a short list (e.g. the group to move someone to)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dilemmaspel.tui.base import BaseModal, binding, literal


class ChooseDialog(BaseModal):
    """Dismisses with the index of the chosen item, or None."""

    BINDINGS = [binding("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, items: Sequence[str]) -> None:
        super().__init__()
        self.question = question
        self.items = list(items)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question), classes="dialog-question")
            yield OptionList(*[Option(literal(item), id=str(i)) for i, item in enumerate(self.items)], id="choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
