"""Who takes part: typed in one by one or imported from a CSV roster."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Footer, Header, Input, Select, Static

from dilemmaspel.core.roster import Participant, name_key, read_roster
from dilemmaspel.core.session import RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.terminal import printable
from dilemmaspel.tui.base import SessionScreen, binding, cell
from dilemmaspel.tui.dialogs.file_picker import FilePickerDialog


class ParticipantsScreen(SessionScreen):
    """Add, import and remove participants; every change is saved at once."""

    BINDINGS = [
        binding("ctrl+o", "import_csv", "key.import"),
        binding("delete", "remove", "key.remove"),
        binding("ctrl+n", "next", "key.to_groups"),
        binding("escape", "start", "key.to_start"),
    ]

    def binding_names(self) -> dict[str, str]:
        # A moreel beraad has no groups to go to: Ctrl+N goes on to the case.
        return {"key.to_groups": "key.to_beraad"} if self.live.state.mode == "beraad" else {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="participants", classes="page"):
            yield Static(t("ui.participants.intro"), classes="intro")
            with Horizontal(id="new-person", classes="row"):
                yield Input(placeholder=t("ui.participants.name"), id="name", max_length=80)
                yield Input(placeholder=t("ui.participants.party"), id="party", max_length=80)
                yield Select(
                    [(t("side.coalition"), "coalition"), (t("side.opposition"), "opposition"), (t("side.none"), "none")],
                    value="none", allow_blank=False, id="side",
                )
                yield Input(placeholder=t("ui.participants.role"), id="role", max_length=80)
                yield Button(t("ui.participants.add"), id="add", variant="primary")
            yield Static("", id="count", classes="progress")
            yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button(t("ui.participants.import"), id="import")
                yield Button(t("ui.participants.next"), id="next", variant="success")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("ui.participants.subtitle")
        if self.live.state.mode == "beraad":
            self.query_one(".intro", Static).update(t("ui.participants.intro_beraad"))
            self.query_one("#next", Button).label = t("ui.participants.next_beraad")
        self.refresh_table()
        self.query_one("#name", Input).focus()

    def refresh_table(self) -> None:
        table = self.query_one("#people", DataTable)
        table.clear(columns=True)  # new columns: their widths follow the content again
        table.add_columns(t("ui.col.name"), t("ui.col.party"), t("ui.col.side"), t("ui.col.role"))
        for pid, person in self.live.state.participants.items():
            table.add_row(cell(person.name), cell(person.party), t(f"side.{person.side}"), cell(person.role), key=pid)
        count = len(self.live.state.participants)
        self.query_one("#count", Static).update(t("ui.participants.count", count=count))

    @on(Input.Submitted, "#new-person Input")
    @on(Button.Pressed, "#add")
    def add_person(self) -> None:
        name_input = self.query_one("#name", Input)
        name = " ".join(name_input.value.split())
        if not name:
            self.notify(t("ui.participants.name_needed"), severity="warning")
            name_input.focus()
            return
        try:
            person = Participant(
                name=name,
                party=self.query_one("#party", Input).value.strip(),
                side=str(self.query_one("#side", Select).value),  # type: ignore[arg-type]
                role=self.query_one("#role", Input).value.strip(),
            )
            self.live.engine.add_participant(person, self.live.state.smallest_group())
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        for field in ("#name", "#role"):
            self.query_one(field, Input).value = ""
        self.refresh_table()
        self.query_one("#people", DataTable).move_cursor(row=len(self.live.state.participants) - 1)
        name_input.focus()

    @on(Button.Pressed, "#import")
    def action_import_csv(self) -> None:
        self.pick_roster()

    @work
    async def pick_roster(self) -> None:
        path = await self.app.push_screen_wait(FilePickerDialog(Path.cwd()))
        if path is not None:
            self.import_roster(Path(path))

    def import_roster(self, path: Path) -> None:
        """Add everyone from a roster; on any error nothing is added and every error is shown."""
        try:
            people, errors = read_roster(str(path), path.name)
        except Exception as exc:  # a safety net: never a crash dump, which would list the names
            self.notify(t("ui.participants.import_crashed", kind=type(exc).__name__),
                        title=t("ui.participants.import_failed"), severity="error", timeout=15)
            return
        if errors:
            shown = "\n".join(printable(str(e)) for e in errors[:8])
            more = t("ui.participants.more_errors", count=len(errors) - 8) if len(errors) > 8 else ""
            self.notify(shown + more, title=t("ui.participants.import_failed"), severity="error", timeout=15)
            return
        existing = {name_key(p.name) for p in self.live.state.participants.values()}
        added = skipped = 0
        try:
            for person in people:
                if name_key(person.name) in existing:
                    skipped += 1
                    continue
                self.live.engine.add_participant(person, self.live.state.smallest_group())
                added += 1
        except (RuleError, StoreError) as exc:
            self.fail(exc)
        # Fill the table once this screen is active again (the file dialog has only just closed).
        self.call_after_refresh(self.refresh_table)
        self.notify(t("ui.participants.imported", count=added, skipped=skipped))

    def selected_pid(self) -> str | None:
        table = self.query_one("#people", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_remove(self) -> None:
        if isinstance(self.focused, Input):
            return
        pid = self.selected_pid()
        if pid is None:
            return
        try:
            self.live.engine.remove_participant(pid)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.refresh_table()

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        state = self.live.state
        if state.mode == "beraad" or (state.settings.voting == "plenary" and state.participants):
            # A moreel beraad is one group, participants optional; a plenary is the whole room.
            try:
                if not state.groups:
                    self.live.engine.form_single_group()
            except (RuleError, StoreError) as exc:
                self.fail(exc)
                return
            self.dapp.route(self.live)
            return
        if not state.participants:
            self.notify(t("ui.participants.nobody"), severity="warning")
            return
        from dilemmaspel.tui.screens.groups import GroupsScreen

        self.dapp.show(GroupsScreen(self.live))

    def action_start(self) -> None:
        self.dapp.to_start()
