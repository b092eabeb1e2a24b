"""Choose a CSV roster: browse the folders or type a path."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DirectoryTree, Input, Static

from dilemmaspel.i18n import t
from dilemmaspel.tui.base import BaseModal, binding


class CsvTree(DirectoryTree):
    """Folders and .csv/.txt files only; hidden files left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix.lower() in (".csv", ".txt"):
                    yield path
            except OSError:
                continue


class FilePickerDialog(BaseModal[Path | None]):
    """Dismisses with the chosen path, or None."""

    BINDINGS = [binding("escape", "cancel", "key.cancel")]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start or Path.cwd()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("ui.picker.title"), classes="dialog-question")
            yield CsvTree(self.start, id="tree")
            yield Input(placeholder=t("ui.picker.path"), id="path")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.picker.open"), variant="primary", id="open")
                yield Button(t("ui.cancel"), id="cancel")

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(event.path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self._open()
        else:
            self.dismiss(None)

    def _open(self) -> None:
        value = self.query_one("#path", Input).value.strip().strip('"')
        if value:
            self.dismiss(Path(value).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
