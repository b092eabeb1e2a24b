"""Pick one item from a short list (e.g. the group to move someone to)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dilemmaspel.tui.base import BaseModal, binding, literal
from dilemmaspel.tui.widgets.chrome import KeyLine


class ChooseDialog(BaseModal[int | None]):
    """Dismisses with the index of the chosen item, or None.

    ``highlighted`` is where the highlight starts: give the harmless item (the group someone is
    already in) so that a stray Enter changes nothing.
    """

    BINDINGS = [binding("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, items: Sequence[str], highlighted: int = 0) -> None:
        super().__init__()
        self.question = question
        self.items = list(items)
        self.start = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question), classes="dialog-question")
            yield OptionList(*[Option(literal(item), id=str(i)) for i, item in enumerate(self.items)], id="choices")
        yield KeyLine()

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = min(max(self.start, 0), max(len(self.items) - 1, 0))
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
