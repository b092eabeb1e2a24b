"""Mixed groups: form, reshuffle, move a person by hand, mark someone absent."""

from __future__ import annotations

from collections import Counter

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Select, Static

from dilemmaspel.core.groups import GroupingError
from dilemmaspel.core.session import RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import SessionScreen, binding, cell, literal
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.dialogs.choose import ChooseDialog
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


def make_up(live: Live, group: int) -> str:
    """One line on a group's coalition/opposition and party make-up."""
    state = live.state
    people = [state.participants[pid] for pid in state.groups[group]]
    sides = Counter(p.side for p in people)
    parties = Counter(p.party for p in people if p.party)
    party_text = ", ".join(f"{party} {count}" for party, count in sorted(parties.items())) or "-"
    absent = sum(1 for pid in state.groups[group] if pid in state.absent)
    line = t("ui.groups.make_up", number=group + 1, size=len(people), coalition=sides["coalition"],
             opposition=sides["opposition"], none=sides["none"], parties=party_text)
    if absent:
        line += " " + t("ui.groups.absent_count", count=absent)
    return line


class GroupsScreen(SessionScreen):
    """Shows the mixed groups and lets the trainer adjust them before playing."""

    AUTO_FOCUS = ""  # on_mount focuses the field it starts in: auto-focusing the page first restyled it twice
    BINDINGS = [
        binding("r", "reshuffle", "key.reshuffle"),
        binding("m", "move", "key.move"),
        binding("a", "absent", "key.absent"),
        binding("p", "table_list", "key.table_list"),
        binding("ctrl+n", "play", "key.play"),
        binding("escape", "back", "key.to_participants"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with Vertical(id="groups", classes="page"):
            yield Static(t("ui.groups.intro"), classes="intro")
            with Horizontal(classes="row", id="group-form"):
                yield Select([(t("ui.groups.by_size"), "size"), (t("ui.groups.by_count"), "count")],
                             value="size", allow_blank=False, id="how")
                yield Input("5", type="integer", id="number", max_length=3)
                yield Button(t("ui.groups.form"), id="form", variant="primary")
            yield Static("", id="make-up", classes="make-up")
            yield DataTable(id="members", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button(t("ui.groups.reshuffle"), id="reshuffle")
                yield Button(t("key.table_list"), id="table-list")
                yield Button(t("ui.groups.play_on" if self.live.state.rounds else "ui.groups.play"), id="play", variant="success")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.groups.subtitle")
        if not self.live.state.groups:
            self.form()
        self.refresh_groups()
        self.query_one("#members", DataTable).focus()

    def request(self) -> dict[str, int] | None:
        raw = self.query_one("#number", Input).value.strip()
        if not raw.isdigit() or int(raw) < 1:
            self.notify(t("ui.groups.bad_number"), severity="error")
            return None
        return {str(self.query_one("#how", Select).value): int(raw)}

    @on(Button.Pressed, "#form")
    @on(Input.Submitted, "#number")
    def form(self) -> None:
        request = self.request()
        if request is None:
            return
        try:
            self.live.engine.form_groups(**request)
        except (GroupingError, RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.refresh_groups()

    def refresh_groups(self) -> None:
        state = self.live.state
        table = self.query_one("#members", DataTable)
        row = table.cursor_row
        table.clear(columns=True)  # new columns: their widths follow the content again
        table.add_columns(t("ui.col.group"), t("ui.col.name"), t("ui.col.party"), t("ui.col.side"), t("ui.col.role"), t("ui.col.present"))
        for number, members in enumerate(state.groups, start=1):
            for pid in members:
                person = state.participants[pid]
                present = t("ui.no") if pid in state.absent else t("ui.yes")
                table.add_row(str(number), cell(person.name), cell(person.party), t(f"side.{person.side}"),
                              cell(person.role), present, key=pid)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.show_make_up()

    @on(DataTable.RowHighlighted, "#members")
    def show_make_up(self) -> None:
        """The make-up of the highlighted person's group (every group fits the screen in turn)."""
        state = self.live.state
        pid = self.selected_pid()
        group = state.group_of(pid) if pid is not None else (0 if state.groups else None)
        lines = [t("ui.groups.summary", groups=len(state.groups), people=len(state.participants))]
        if group is not None:
            lines.append(make_up(self.live, group))
            self.call_after_refresh(self.show_whole_group, group)
        self.query_one("#make-up", Static).update(literal("\n".join(lines)))

    def show_whole_group(self, group: int) -> None:
        """Scroll so that every member of ``group`` is in view (when the table has the room)."""
        state = self.live.state
        if group >= len(state.groups):
            return
        table = self.query_one("#members", DataTable)
        first = sum(len(g) for g in state.groups[:group])
        last = first + len(state.groups[group]) - 1
        rows = table.scrollable_content_region.height - (table.header_height if table.show_header else 0)
        top = round(table.scroll_y)
        if last - first >= rows:
            return  # taller than the table: the cursor leads
        if last >= top + rows or first < top:
            table.scroll_to(y=first, animate=False)

    def selected_pid(self) -> str | None:
        table = self.query_one("#members", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(Button.Pressed, "#reshuffle")
    def action_reshuffle(self) -> None:
        self.reshuffle()

    @work(exclusive=True, group="change")
    async def reshuffle(self) -> None:
        """Mix the groups again, after a yes: the current grouping (and moves by hand) is lost."""
        request = self.request()
        if request is None:
            return
        if not await self.ask(t("ui.groups.reshuffle_confirm"), t("ui.groups.reshuffle_yes"), t("ui.no"), letters=False):
            return
        try:
            repeats = self.live.engine.reshuffle(**request)
        except (GroupingError, RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.refresh_groups()
        played = bool(self.live.state.rounds)
        self.notify(t("ui.groups.remixed", pairs=repeats) if played else t("ui.groups.reshuffled"))

    def action_move(self) -> None:
        self.move_member()

    @work
    async def move_member(self) -> None:
        pid = self.selected_pid()
        if pid is None:
            return
        state = self.live.state
        name = state.name(pid)
        choices = [t("ui.groups.group_label", number=g + 1, size=len(m)) for g, m in enumerate(state.groups)]
        current = state.group_of(pid) or 0
        target = await self.app.push_screen_wait(ChooseDialog(t("ui.groups.move_to", name=name), choices, highlighted=current))
        if target is None or target == current:
            return
        try:
            self.live.engine.move(pid, target)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.refresh_groups()

    def action_absent(self) -> None:
        self.toggle_absent()

    @work(exclusive=True, group="change")
    async def toggle_absent(self) -> None:
        """Mark the selected member absent, or present again, after a yes."""
        pid = self.selected_pid()
        if pid is None:
            return
        absent = pid not in self.live.state.absent
        name = self.live.state.name(pid)
        question = t("ui.groups.absent_confirm" if absent else "ui.groups.present_confirm", name=name)
        if not await self.ask(question, letters=False):
            return
        try:
            self.live.engine.set_absent(pid, absent)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.refresh_groups()

    @on(Button.Pressed, "#table-list")
    def action_table_list(self) -> None:
        """Write the table list (who sits where) as Markdown and CSV to the transcripts folder."""
        from dilemmaspel.tablelist import write_table_list
        from dilemmaspel.transcript import transcripts_dir

        state = self.live.state
        if not state.groups:
            self.notify(t("ui.groups.none_yet"), severity="warning")
            return
        folder = transcripts_dir(self.dapp.data_dir)
        try:
            paths = [write_table_list(self.live.session_id, state, folder, fmt) for fmt in ("md", "csv")]
        except OSError as exc:
            self.notify(t("ui.save_failed", reason=exc.strerror or exc), severity="error")
            return
        self.notify(t("ui.groups.table_list_saved", path="\n".join(str(p) for p in paths)), timeout=10)

    @on(Button.Pressed, "#play")
    def action_play(self) -> None:
        if not self.live.state.groups:
            self.notify(t("ui.groups.none_yet"), severity="warning")
            return
        if self.live.state.settings.devices:
            self.dapp.route(self.live)  # the console of all tables
            return
        from dilemmaspel.tui.screens.play import PlayScreen

        self.dapp.show(PlayScreen(self.live))

    def action_back(self) -> None:
        if self.live.state.settings.devices and self.live.state.groups:
            self.dapp.route(self.live)  # back to the console of all tables
            return
        if any(r for r in self.live.state.rounds):
            from dilemmaspel.tui.screens.play import PlayScreen

            self.dapp.show(PlayScreen(self.live))
            return
        from dilemmaspel.tui.screens.participants import ParticipantsScreen

        self.dapp.show(ParticipantsScreen(self.live))
