"""Who takes part: typed in one by one or imported from a CSV roster; corrected, removed, and
latecomers added at any time of the session (they join the smallest group)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Select, Static

from dilemmaspel.core.roster import Participant, name_key, read_roster
from dilemmaspel.core.session import RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.terminal import printable
from dilemmaspel.tui.base import SessionScreen, binding, cell, literal
from dilemmaspel.tui.dialogs.confirm import ConfirmDialog
from dilemmaspel.tui.dialogs.file_picker import FilePickerDialog
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


class ParticipantsScreen(SessionScreen):
    """Add, import, edit and remove participants; every change is saved at once."""

    BINDINGS = [
        binding("ctrl+o", "import_csv", "key.import"),
        binding("ctrl+e", "edit", "key.edit_person"),
        binding("delete", "remove", "key.remove"),
        binding("ctrl+n", "next", "key.to_groups"),
        binding("escape", "start", "key.back"),
    ]

    def __init__(self, live: Live) -> None:
        super().__init__(live)
        self.editing: str | None = None  # the pid whose details are in the form

    @property
    def running(self) -> bool:
        """Whether groups exist: newcomers then join a group at once."""
        return bool(self.live.state.groups)

    def binding_names(self) -> dict[str, str]:
        # A moreel beraad has no groups to go to: Ctrl+N goes on to the case.
        return {"key.to_groups": "key.to_beraad"} if self.live.state.mode == "beraad" else {}

    def compose(self) -> ComposeResult:
        yield TitleLine()
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
            yield Static("", id="editing", classes="hint")
            yield Static("", id="count", classes="progress")
            yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button(t("ui.participants.import"), id="import")
                yield Button(t("ui.participants.next"), id="next", variant="success")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.participants.subtitle")
        if self.live.state.mode == "beraad":
            self.query_one(".intro", Static).update(t("ui.participants.intro_beraad"))
            self.query_one("#next", Button).label = t("ui.participants.next_beraad")
        if self.running:
            self.query_one(".intro", Static).update(t("ui.participants.intro_running"))
            self.query_one("#next", Button).label = t("ui.participants.back_running")
        self.query_one("#editing", Static).display = False
        self.refresh_table()
        self.query_one("#name", Input).focus()

    def refresh_table(self, row: int | None = None) -> None:
        """Fill the table; the cursor goes to ``row`` (kept where it was when None)."""
        state = self.live.state
        table = self.query_one("#people", DataTable)
        keep = table.cursor_row if row is None else row
        table.clear(columns=True)  # new columns: their widths follow the content again
        columns = [t("ui.col.name"), t("ui.col.party"), t("ui.col.side"), t("ui.col.role")]
        table.add_columns(*([t("ui.col.group")] if self.running else []), *columns)
        for pid, person in state.participants.items():
            cells = [cell(person.name), cell(person.party), t(f"side.{person.side}"), cell(person.role)]
            group = state.group_of(pid)
            if self.running:
                cells.insert(0, cell(str(group + 1) if group is not None else "-"))
            table.add_row(*cells, key=pid)
        if table.row_count:
            table.move_cursor(row=max(0, min(keep, table.row_count - 1)))
        count = len(state.participants)
        self.query_one("#count", Static).update(t("ui.participants.count_edit", count=count))

    def clear_form(self) -> None:
        """Empty every field: nothing of the last person carries over to the next unseen."""
        for field in ("#name", "#party", "#role"):
            self.query_one(field, Input).value = ""
        self.query_one("#side", Select).value = "none"
        self.editing = None
        self.query_one("#add", Button).label = t("ui.participants.add")
        self.query_one("#editing", Static).display = False

    @on(Input.Submitted, "#new-person Input")
    @on(Button.Pressed, "#add")
    def add_person(self) -> None:
        """Add the person in the form (or save the changes to the one being edited)."""
        name_input = self.query_one("#name", Input)
        name = " ".join(name_input.value.split())
        if not name:
            self.notify(t("ui.participants.name_needed"), severity="warning")
            name_input.focus()
            return
        state = self.live.state
        try:
            person = Participant(
                name=name,
                party=self.query_one("#party", Input).value.strip(),
                side=str(self.query_one("#side", Select).value),  # type: ignore[arg-type]
                role=self.query_one("#role", Input).value.strip(),
            )
            if self.editing is not None:
                pid = self.editing
                self.live.engine.edit_participant(pid, person)
            else:
                group = state.smallest_group()
                pid = self.live.engine.add_participant(person, group)
                if group is not None:
                    self.notify(t("ui.participants.joined_group", name=name, number=group + 1))
        except (RuleError, StoreError, ValueError) as exc:
            self.fail(exc)
            return
        self.clear_form()
        self.refresh_table(row=list(state.participants).index(pid))
        name_input.focus()

    @on(DataTable.RowSelected, "#people")
    def action_edit(self) -> None:
        """Put the highlighted person in the form to correct them."""
        pid = self.selected_pid()
        if pid is None:
            return
        person = self.live.state.participants[pid]
        self.query_one("#name", Input).value = person.name
        self.query_one("#party", Input).value = person.party
        self.query_one("#side", Select).value = person.side
        self.query_one("#role", Input).value = person.role
        self.editing = pid
        self.query_one("#add", Button).label = t("ui.participants.save")
        editing = self.query_one("#editing", Static)
        editing.update(literal(t("ui.participants.editing", name=person.name)))
        editing.display = True
        self.query_one("#name", Input).focus()

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
        self.remove_person()

    @work(exclusive=True)
    async def remove_person(self) -> None:
        """Ask first; then remove the highlighted person, the cursor staying on the same row."""
        pid = self.selected_pid()
        if pid is None:
            return
        table = self.query_one("#people", DataTable)
        row = table.cursor_row
        name = self.live.state.name(pid)
        if not await self.app.push_screen_wait(ConfirmDialog(t("ui.participants.remove_confirm", name=name))):
            return
        try:
            self.live.engine.remove_participant(pid)
            from dilemmaspel.drafts import drafts_of

            drafts_of(self.dapp.store).discard_person(self.live.session_id, pid)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        if self.editing == pid:
            self.clear_form()
        self.refresh_table(row=row)
        table.focus()
        self.notify(t("ui.participants.removed", name=name))

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        state = self.live.state
        if self.running:
            self.leave_running()
            return
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

    def leave_running(self) -> None:
        """Back to where the session was: the overview once a card was dealt, else the groups."""
        if self.live.state.rounds or self.live.state.mode != "group":
            from dilemmaspel.tui.screens.play import PlayScreen

            self.dapp.show(PlayScreen(self.live))
        else:
            from dilemmaspel.tui.screens.groups import GroupsScreen

            self.dapp.show(GroupsScreen(self.live))

    def action_start(self) -> None:
        if self.editing is not None:
            self.clear_form()
            return
        if self.running:
            self.leave_running()
            return
        self.dapp.to_start()
