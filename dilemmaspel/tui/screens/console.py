"""The trainer's console of a device session: the join QR, who joined, and every table at once.

Phones vote and deliberate through the room server; the trainer reveals, shows twists, opens a
re-vote, chooses table leads, releases claims, adds latecomers and moves everyone on from here.
It never shows anyone's vote or reasoning: the laptop's screen may be on the projector.
"""

from __future__ import annotations

import ssl
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Static

from dilemmaspel.core.flow import progress, voted_count
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import BaseModal, SessionScreen, binding, cell, literal
from dilemmaspel.tui.dialogs.choose import ChooseDialog
from dilemmaspel.tui.dialogs.confirm import ConfirmDialog
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine

if TYPE_CHECKING:
    from dilemmaspel.room.server import Room


class NameDialog(BaseModal):
    """Asks for a latecomer's name; dismisses with the name or None."""

    BINDINGS = [binding("escape", "cancel", "key.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("room.console.latecomer_name"), classes="dialog-question")
            yield Input(id="latecomer", max_length=80)
            yield Button(t("room.console.add"), variant="primary", id="add")

    def on_input_submitted(self) -> None:
        self.finish()

    def on_button_pressed(self) -> None:
        self.finish()

    def finish(self) -> None:
        name = " ".join(self.query_one("#latecomer", Input).value.split())
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TrainerNotes(BaseModal):
    """The trainer's material for one table's card: rules, reflection, prompts and twists.

    Only on the laptop's own screen (the projector shows the presenter page); no votes here.
    """

    BINDINGS = [binding("escape", "close", "key.back")]

    def __init__(self, rnd) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.rnd = rnd

    def compose(self) -> ComposeResult:
        from dilemmaspel.tui.widgets.card_view import CardView
        from dilemmaspel.tui.widgets.rules import rule_text

        rnd = self.rnd
        card = rnd.card
        with VerticalScroll(classes="dialog wide"):
            yield CardView(rnd, rnd.theme_name)
            if card is not None:
                if card.prompts:
                    yield Static(t("room.console.prompts"), classes="subsection")
                    yield Static(literal("\n".join(f"• {p}" for p in card.prompts)))
                if card.twists:
                    yield Static(t("room.console.twists"), classes="subsection")
                    yield Static(literal("\n".join(("✓ " if i < rnd.twists_shown else "· ") + twist
                                                    for i, twist in enumerate(card.twists))))
                if card.rules:
                    yield Static(t("ui.reveal.rules"), classes="subsection")
                    yield Static(literal("\n".join(rule_text(rule) for rule in card.rules)))
                if card.reflection:
                    yield Static(t("ui.reveal.reflection"), classes="subsection")
                    yield Static(literal(card.reflection.strip()))

    def action_close(self) -> None:
        self.dismiss(None)


def time_left(started_at: str, minutes: int | None, now: datetime | None = None) -> str:
    """``mm:ss`` left in a step (``-mm:ss`` when over), or "" without a time box."""
    if not minutes or not started_at:
        return ""
    try:
        start = datetime.fromisoformat(started_at)
    except ValueError:
        return ""
    moment = now or datetime.now(timezone.utc)
    left = int(start.timestamp() + minutes * 60 - moment.timestamp())
    sign = "-" if left < 0 else ""
    left = abs(left)
    return f"{sign}{left // 60:02d}:{left % 60:02d}"


class ConsoleScreen(SessionScreen):
    """All tables of a device session on one screen."""

    BINDINGS = [
        binding("n", "move_on", "key.room_move_on"),
        binding("r", "reveal", "key.room_reveal"),
        binding("R", "reveal_all", "key.room_reveal_all"),
        binding("t", "twist", "key.room_twist"),
        binding("T", "twist_all", "key.room_twist_all", show=False),
        binding("v", "revote", "key.room_revote"),
        binding("l", "lead", "key.room_lead"),
        binding("u", "release", "key.room_release"),
        binding("a", "latecomer", "key.room_latecomer"),
        binding("p", "laptop", "key.room_laptop", show=False),
        binding("g", "groups", "key.groups", show=False),
        binding("j", "toggle_qr", "key.room_qr", show=False),
        binding("o", "notes", "key.room_notes"),
        binding("e", "finish", "key.finish"),
        binding("escape", "leave", "key.room_leave"),
    ]

    class Changed(Message):
        """Something was committed (by a phone or here): re-render."""

    def __init__(self, live) -> None:  # type: ignore[no-untyped-def]
        super().__init__(live)
        self._pending = False
        self.qr_choice: bool | None = None  # None: shown until everyone has joined

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with Vertical(id="console"):
            with Horizontal(id="console-top"):
                yield Static("", id="console-qr")
                with VerticalScroll(id="console-side"):
                    yield Static("", id="console-problem", classes="hint")
                    yield Static("", id="console-url")
                    yield Static("", id="console-joined")
            yield DataTable(id="tables", cursor_type="row", zebra_stripes=True)
        yield KeyLine()

    def on_mount(self) -> None:
        table = self.query_one("#tables", DataTable)
        for key in ("table", "card", "phase", "voted", "step", "left", "joined", "lead"):
            table.add_column(t(f"room.console.col.{key}"), key=key)
        self.sub_title = self.live.state.settings.title or t(f"mode.{self.live.state.mode}")
        self.refresh_all()
        self.set_interval(1.0, self.refresh_tables)
        room = self.dapp.room
        if room is not None and room.engine is self.live.engine:
            room.on_change = self.room_changed
            self.show_join(room)
        else:
            self.open_room()

    @property
    def room(self) -> "Room | None":
        room = self.dapp.room
        return room if room is not None and room.engine is self.live.engine else None

    # --- the server -------------------------------------------------------------------------

    @work(exclusive=True, group="room")
    async def open_room(self) -> None:
        """Start the room server on the LAN address (the trainer picks one when there are several)."""
        from dilemmaspel.room.network import lan_addresses
        from dilemmaspel.room.options import RoomOptions
        from dilemmaspel.room.security import is_public_address
        from dilemmaspel.room.server import Room, RoomError

        await self.dapp.close_room()
        options = self.dapp.room_options or RoomOptions()
        host = options.bind
        if host is None:
            addresses = lan_addresses()
            if not addresses:
                self.show_problem(t("room.error.no_lan"))
                return
            host = addresses[0].address
            if len(addresses) > 1:
                index = await self.app.push_screen_wait(ChooseDialog(
                    t("room.console.pick_address"), [f"{a.address}  ({a.interface})" for a in addresses]))
                if index is None:
                    self.show_problem(t("room.console.no_address"))
                    return
                host = addresses[index].address
        context = None
        if options.tls_cert and options.tls_key:
            try:
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(options.tls_cert, options.tls_key)
            except (OSError, ssl.SSLError) as exc:
                self.show_problem(t("room.console.tls_failed", reason=getattr(exc, "strerror", None) or exc))
                return
        room = Room(self.live.engine, host=host, port=options.port,
                    allow_public=options.bind is not None and is_public_address(host),
                    ssl_context=context, on_change=self.room_changed)
        try:
            await room.start()
        except RoomError as exc:
            self.show_problem(t(exc.key, **exc.params))
            return
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.dapp.room = room
        self.show_problem("")
        self.show_join(room)
        self.refresh_all()

    def show_problem(self, text: str) -> None:
        problem = self.query_one("#console-problem", Static)
        problem.update(literal(text + ("\n" + t("room.console.way_on") if text else "")))
        problem.display = bool(text)

    def show_join(self, room: "Room") -> None:
        from dilemmaspel.room.qr import qr_lines
        from rich.text import Text

        qr = Text("\n".join(qr_lines(room.join_url)), style="black on white", no_wrap=True)
        self.query_one("#console-qr", Static).update(qr)
        self.query_one("#console-url", Static).update(literal(t(
            "room.console.join", url=room.join_url, code=room.code, code_url=room.code_url,
            presenter=room.presenter_url)))

    def room_changed(self) -> None:
        """Called after every committed event; renders once per burst."""
        if not self._pending:
            self._pending = True
            self.post_message(self.Changed())

    def on_console_screen_changed(self, _message: Changed) -> None:
        self._pending = False
        self.refresh_all()

    # --- rendering --------------------------------------------------------------------------

    def refresh_all(self) -> None:
        self.refresh_tables()
        self.refresh_people()
        state = self.live.state
        auto = len(state.claims) < len(state.participants) or not state.participants
        self.query_one("#console-qr", Static).display = auto if self.qr_choice is None else self.qr_choice

    def action_notes(self) -> None:
        """The trainer's material for the selected table's card (on the laptop only)."""
        group = self.selected_group()
        rnd = self.live.state.open_round(group) if group is not None else None
        if rnd is None:
            self.notify(t("room.console.no_card"), severity="warning")
            return
        self.app.push_screen(TrainerNotes(rnd))

    def action_toggle_qr(self) -> None:
        """Show or hide the QR code (it hides by itself once everyone has joined)."""
        self.qr_choice = not self.query_one("#console-qr", Static).display
        self.refresh_all()

    def refresh_tables(self) -> None:
        state = self.live.state
        table = self.query_one("#tables", DataTable)
        cursor = table.cursor_row
        table.clear()
        method = state.settings.method
        for group in range(len(state.groups)):
            rnd = state.open_round(group)
            played, planned = progress(state, group)
            members = state.groups[group]
            joined = sum(1 for pid in members if pid in state.claims)
            lead = state.leads.get(group)
            card = phase = voted = step = left = ""
            if rnd is None:
                phase = t("room.console.done") if played >= planned else t("room.console.no_card_yet")
            else:
                card = f"{played}/{planned} {rnd.title}"
                phase = t(f"room.page.phase.{rnd.phase}")
                done, total = voted_count(state, rnd)
                voted = t("room.console.voted", done=done, total=total)
                if rnd.deliberating and method is not None:
                    current = method.steps[min(rnd.current_step, len(method.steps) - 1)]
                    step = f"{min(rnd.current_step, len(method.steps) - 1) + 1}/{len(method.steps)} {current.title}"
                    left = time_left(rnd.step_at, current.minutes if state.settings.timeboxes else None)
            table.add_row(cell(t("room.page.table", number=group + 1)), cell(card), cell(phase), cell(voted),
                          cell(step), cell(left), cell(f"{joined}/{len(members)}"),
                          cell(state.name(lead) if lead in state.participants else ""), key=str(group))
        if state.groups:
            table.move_cursor(row=min(max(cursor, 0), len(state.groups) - 1))

    def refresh_people(self) -> None:
        state = self.live.state
        lines = [t("room.console.people_title", joined=len(state.claims), people=len(state.participants))]
        for group, members in enumerate(state.groups):
            names = ", ".join(("✓ " if pid in state.claims else "· ") + state.name(pid) for pid in members)
            lines.append(f"{t('room.page.table', number=group + 1)}: {names}")
        self.query_one("#console-joined", Static).update(literal("\n".join(lines)))

    # --- actions ----------------------------------------------------------------------------

    def selected_group(self) -> int | None:
        table = self.query_one("#tables", DataTable)
        if not self.live.state.groups or table.row_count == 0:
            return None
        return min(max(table.cursor_row, 0), len(self.live.state.groups) - 1)

    def attempt(self, action) -> bool:  # type: ignore[no-untyped-def]
        """Carry out one engine command; a refusal is shown, nothing is lost."""
        try:
            action()
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return False
        finally:
            self.refresh_all()
        return True

    def action_reveal(self) -> None:
        group = self.selected_group()
        rnd = self.live.state.open_round(group) if group is not None else None
        if rnd is None or rnd.voting_phase is None:
            self.notify(t("room.console.nothing_to_reveal"), severity="warning")
            return
        self.attempt(lambda: self.live.engine.reveal(rnd.number))

    def action_reveal_all(self) -> None:
        state = self.live.state
        ready = [rnd for g in range(len(state.groups)) if (rnd := state.open_round(g)) and state.can_reveal(rnd)]
        if not ready:
            self.notify(t("room.console.none_complete"), severity="warning")
            return
        for rnd in ready:
            if not self.attempt(lambda rnd=rnd: self.live.engine.reveal(rnd.number)):
                return
        self.notify(t("room.console.revealed", count=len(ready)))

    def _twistable(self, group: int) -> bool:
        rnd = self.live.state.open_round(group)
        return rnd is not None and rnd.revealed and rnd.twists_shown < len(rnd.twists)

    def action_twist(self) -> None:
        group = self.selected_group()
        if group is None or not self._twistable(group):
            self.notify(t("room.console.no_twist"), severity="warning")
            return
        rnd = self.live.state.open_round(group)
        assert rnd is not None
        self.attempt(lambda: self.live.engine.show_twist(rnd.number))

    def action_twist_all(self) -> None:
        groups = [g for g in range(len(self.live.state.groups)) if self._twistable(g)]
        if not groups:
            self.notify(t("room.console.no_twist"), severity="warning")
            return
        for group in groups:
            rnd = self.live.state.open_round(group)
            assert rnd is not None
            if not self.attempt(lambda rnd=rnd: self.live.engine.show_twist(rnd.number)):
                return

    def action_revote(self) -> None:
        group = self.selected_group()
        rnd = self.live.state.open_round(group) if group is not None else None
        if rnd is None:
            self.notify(t("room.console.no_card"), severity="warning")
            return
        self.attempt(lambda: self.live.engine.open_revote(rnd.number))

    @work(exclusive=True, group="dialog")
    async def action_move_on(self) -> None:
        """Close every revealed round and deal the next card to every table that has none."""
        state = self.live.state
        closing = [rnd for g in range(len(state.groups)) if (rnd := state.open_round(g)) and rnd.voting_phase is None]
        if closing and not await self.app.push_screen_wait(ConfirmDialog(t("room.console.move_on_confirm", count=len(closing)))):
            return
        for rnd in closing:
            if not self.attempt(lambda rnd=rnd: self.live.engine.close_round(rnd.number)):
                return
        dealt = 0
        for group in range(len(state.groups)):
            played, planned = progress(state, group)
            if state.open_round(group) is None and played < state.settings.cards:
                if not self.attempt(lambda group=group: self.live.engine.deal_next(group, self.live.decks)):
                    return
                dealt += 1
        if not closing and not dealt:
            self.notify(t("room.console.nothing_to_move"), severity="warning")

    @work(exclusive=True, group="dialog")
    async def action_lead(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        state = self.live.state
        members = state.groups[group]
        items = [t("room.console.no_lead")] + [state.name(pid) for pid in members]
        index = await self.app.push_screen_wait(ChooseDialog(t("room.console.pick_lead", number=group + 1), items))
        if index is None:
            return
        self.attempt(lambda: self.live.engine.choose_lead(group, None if index == 0 else members[index - 1]))

    @work(exclusive=True, group="dialog")
    async def action_release(self) -> None:
        state = self.live.state
        claimed = [pid for pid in state.participants if pid in state.claims]
        if not claimed:
            self.notify(t("room.console.nobody_joined"), severity="warning")
            return
        index = await self.app.push_screen_wait(ChooseDialog(t("room.console.pick_release"),
                                                             [state.name(pid) for pid in claimed]))
        if index is None:
            return
        pid = claimed[index]
        if self.attempt(lambda: self.live.engine.release(pid)):
            self.notify(t("room.console.released", name=state.name(pid)))

    @work(exclusive=True, group="dialog")
    async def action_latecomer(self) -> None:
        name = await self.app.push_screen_wait(NameDialog())
        if not name:
            return
        try:
            pid = self.live.engine.add_latecomer(Participant(name=name))
        except (RuleError, StoreError, ValueError) as exc:
            self.fail(exc)
            return
        finally:
            self.refresh_all()
        group = self.live.state.group_of(pid)
        self.notify(t("room.console.latecomer_added", name=name, number=(group or 0) + 1))

    def action_groups(self) -> None:
        """Re-mix the tables between two cards (phones follow their new table)."""
        if any(r.phase != "closed" for r in self.live.state.rounds):
            self.notify(t("rule.round_open"), severity="warning")
            return
        from dilemmaspel.tui.screens.groups import GroupsScreen

        self.dapp.show(GroupsScreen(self.live))  # the room keeps running meanwhile

    def action_laptop(self) -> None:
        """Pass the laptop after all (no network for the phones)."""
        from dilemmaspel.tui.screens.play import PlayScreen

        self.app.push_screen(PlayScreen(self.live))

    @work(exclusive=True, group="dialog")
    async def action_finish(self) -> None:
        if not await self.app.push_screen_wait(ConfirmDialog(t("ui.play.finish_confirm"))):
            return
        if not self.attempt(self.live.engine.finish):
            return
        await self.dapp.close_room()
        from dilemmaspel.tui.screens.summary import SummaryScreen

        self.dapp.show(SummaryScreen(self.live))

    async def action_leave(self) -> None:
        await self.dapp.close_room()
        self.dapp.to_start()
