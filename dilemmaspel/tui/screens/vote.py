"""Secret voting, one member at a time: pass the laptop, choose, explain, confirm."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Center, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from dilemmaspel.core.cards import OPTION_LETTERS
from dilemmaspel.core.events import OTHER
from dilemmaspel.core.flow import voted_count
from dilemmaspel.core.session import RoundState, RuleError
from dilemmaspel.drafts import Draft, drafts_of
from dilemmaspel.i18n import t
from dilemmaspel.localtime import local_time
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import BaseScreen, RoundScreen, binding, literal
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


class PassScreen(RoundScreen):
    """'Pass the laptop to <name>': shows nothing of earlier votes.

    Dismisses with "vote" (the member is here), "absent" (after a yes) or "stop" (back to the card).
    """

    BINDINGS = [
        binding("enter", "vote", "key.i_am_here"),
        binding("a", "absent", "key.mark_absent"),
        binding("escape", "stop", "key.stop_voting"),
    ]

    def __init__(self, live: Live, rnd: RoundState, pid: str) -> None:
        super().__init__(live, rnd)
        self.pid = pid

    def compose(self) -> ComposeResult:
        name = self.live.state.name(self.pid)
        done, total = voted_count(self.live.state, self.rnd)
        phase = self.rnd.voting_phase
        yield TitleLine()
        with Center(id="pass"):
            with Vertical(id="pass-box"):
                yield Static(t("ui.pass.revote" if phase == 2 else "ui.pass.title"), classes="pass-title")
                yield Static(literal(name), id="pass-name")
                yield Static(t("ui.pass.progress", done=done, total=total), classes="pass-progress")
                yield Static(literal(t("ui.pass.hint", name=name)), classes="pass-hint")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.pass.subtitle")

    def action_vote(self) -> None:
        self.dismiss("vote")

    def action_absent(self) -> None:
        self.ask_absent()

    @work(exclusive=True)
    async def ask_absent(self) -> None:
        name = self.live.state.name(self.pid)
        if await self.ask(t("ui.pass.absent_confirm", name=name), t("ui.pass.absent_yes"), t("ui.pass.absent_no"), letters=False):
            self.dismiss("absent")

    def action_stop(self) -> None:
        self.dismiss("stop")


class VoteScreen(RoundScreen):
    """One member's secret vote: an option (or 'other' with own words) and written reasoning.

    The vote is committed when the member confirms; dismisses with True, or False on 'back'.
    """

    AUTO_FOCUS = ""  # on_mount focuses the field it starts in: auto-focusing the page first restyled it twice
    BINDINGS = [
        binding("ctrl+s", "confirm", "key.confirm_vote", priority=True),
        binding("escape", "back", "key.back"),
        binding("a", "pick('A')", "key.pick_a", show=False),
        binding("b", "pick('B')", "key.pick_b", show=False),
        binding("c", "pick('C')", "key.pick_c", show=False),
        binding("d", "pick('D')", "key.pick_d", show=False),
        binding("o", "pick('other')", "key.pick_other", show=False),
    ]

    DRAFT_DELAY = 0.3  # seconds after the last change before the draft is kept

    def __init__(self, live: Live, rnd: RoundState, pid: str) -> None:
        super().__init__(live, rnd)
        self.pid = pid
        self.phase = rnd.voting_phase or 1
        self._draft_timer = None
        self._restoring = False
        self._latest = ("", "", "")
        self.picked: str | None = None

    def compose(self) -> ComposeResult:
        rnd = self.rnd
        yield TitleLine()
        yield Static("", id="draft-note", classes="warning")
        yield Static(literal(rnd.question), classes="vote-question")
        with VerticalScroll(id="vote", classes="page"):
            options = [Option(literal(f"{letter}. {text}"), id=letter) for letter, text in zip(OPTION_LETTERS, rnd.options)]
            options.append(Option(t("ui.vote.other_option"), id=OTHER))
            yield OptionList(*options, id="choices")
            yield Static(t("ui.vote.no_choice"), id="chosen", classes="chosen")
            yield Input(placeholder=t("ui.vote.other_hint"), id="other", max_length=500)
            yield Label(t("ui.vote.reasoning"))
            yield TextArea(id="reasoning", soft_wrap=True, show_line_numbers=False)
        yield Static(t("ui.vote.keys"), classes="status-bar")
        yield KeyLine()

    def on_mount(self) -> None:
        name = self.live.state.name(self.pid)
        self.sub_title = t("ui.vote.subtitle", name=name)
        self.query_one("#other", Input).display = False
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = None
        choices.focus()
        self.query_one("#draft-note", Static).display = False
        draft = self.load_draft()
        if draft is not None:
            self.restore(draft)

    # --- the draft: kept with the session until the vote is cast or discarded ----------------

    def load_draft(self) -> Draft | None:
        try:
            draft = drafts_of(self.dapp.store).get(self.live.session_id, self.rnd.number, self.phase, self.pid)
        except StoreError as exc:
            self.fail(exc)
            return None
        return None if draft is None or draft.empty else draft

    def restore(self, draft: Draft) -> None:
        """Put back what the member had chosen and typed, and say so."""
        self._restoring = True
        choices = self.query_one("#choices", OptionList)
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        if draft.choice in ids:
            choices.highlighted = ids.index(draft.choice)
            self.set_choice(draft.choice)
        other = self.query_one("#other", Input)
        other.value = draft.other
        other.display = draft.choice == OTHER
        area = self.query_one("#reasoning", TextArea)
        area.text = draft.reasoning
        area.move_cursor(area.document.end)
        area.focus()
        note = self.query_one("#draft-note", Static)
        note.update(t("ui.vote.draft_restored", time=local_time(draft.saved_at)))
        note.display = True
        self.call_after_refresh(self._restored)

    def _restored(self) -> None:
        self._restoring = False

    @on(Input.Changed, "#other")
    @on(TextArea.Changed, "#reasoning")
    def draft_changed(self) -> None:
        if self._restoring:
            return
        self._latest = (self.choice or "", self.query_one("#other", Input).value, self.query_one("#reasoning", TextArea).text)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_DELAY, self.save_draft)

    def save_draft(self) -> None:
        """Keep the latest choice and text (read when they changed: the widgets may be gone now)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        choice, other, reasoning = self._latest
        try:
            drafts_of(self.dapp.store).save(self.live.session_id, self.rnd.number, self.phase, self.pid,
                                            choice, other, reasoning)
        except StoreError as exc:
            self.fail(exc)

    def discard_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        try:
            drafts_of(self.dapp.store).discard(self.live.session_id, self.rnd.number, self.phase, self.pid)
        except StoreError as exc:
            self.fail(exc)

    def on_unmount(self) -> None:
        if self._draft_timer is not None:  # typed just before closing: keep it
            self.save_draft()

    @property
    def choice(self) -> str | None:
        """The option the member chose (by letter, arrow keys or click); None before any choice."""
        return self.picked

    def pending_loss(self) -> str | None:
        """A choice or any text typed is lost when the member leaves without confirming."""
        other = self.query_one("#other", Input).value.strip()
        reasoning = self.query_one("#reasoning", TextArea).text.strip()
        if self.picked is None and not other and not reasoning:
            return None
        return t("ui.vote.loses", name=self.live.state.name(self.pid))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A letter chooses an option only while the list of options has the focus: typed
        anywhere else (after a Tab out of the reasoning, say) it is text, not a vote."""
        if action == "pick":
            return isinstance(self.focused, OptionList)
        return super().check_action(action, parameters)

    def on_key(self, event: events.Key) -> None:
        """Text typed where no text field has the focus goes into the reasoning, so none is lost."""
        if not event.is_printable or event.character is None or isinstance(self.focused, (Input, TextArea)):
            return
        if event.key in self.active_bindings:
            return  # a key of this screen (a letter on the list of options chooses)
        event.stop()
        event.prevent_default()
        area = self.query_one("#reasoning", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        area.insert(event.character)

    def action_pick(self, letter: str) -> None:
        choices = self.query_one("#choices", OptionList)
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        if letter in ids:
            choices.highlighted = ids.index(letter)
            self.set_choice(letter)
            self.chosen(letter)

    def set_choice(self, choice: str) -> None:
        """Record the member's choice and show it."""
        self.picked = choice
        self.query_one("#other", Input).display = choice == OTHER
        label = t("vote.other") if choice == OTHER else f"{choice}. {self.rnd.option_text(choice)}"
        self.query_one("#chosen", Static).update(literal(t("ui.vote.chosen", choice=label)))
        self.draft_changed()  # the choice is part of the draft

    @on(OptionList.OptionHighlighted, "#choices")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.highlighted != event.option_index:
            return  # stale: the list highlights its first option when built, before on_mount clears it
        self.set_choice(event.option.id or "")

    @on(OptionList.OptionSelected, "#choices")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self.set_choice(event.option.id or "")
        self.chosen(event.option.id or "")

    def chosen(self, letter: str) -> None:
        """After choosing, move on to the next field."""
        other = self.query_one("#other", Input)
        (other if letter == OTHER else self.query_one("#reasoning", TextArea)).focus()

    @on(Input.Submitted, "#other")
    def other_done(self) -> None:
        self.query_one("#reasoning", TextArea).focus()

    def action_confirm(self) -> None:
        self.confirm()

    @work(exclusive=True)
    async def confirm(self) -> None:
        choice = self.choice
        if choice is None:
            self.notify(t("ui.vote.choose_first"), severity="warning")
            self.query_one("#choices", OptionList).focus()
            return
        other = self.query_one("#other", Input).value.strip() if choice == OTHER else ""
        reasoning = self.query_one("#reasoning", TextArea).text.strip()
        if choice == OTHER and not other:
            self.notify(t("rule.other_empty"), severity="warning")
            self.query_one("#other", Input).focus()
            return
        if not reasoning and not self.live.state.settings.empty_reasoning:
            self.notify(t("rule.reasoning_required"), severity="warning")
            self.query_one("#reasoning", TextArea).focus()
            return
        label = other if choice == OTHER else f"{choice}. {self.rnd.option_text(choice)}"
        # The member asked to confirm: the highlighted button, and so Enter, confirms.
        if not await self.ask(t("ui.vote.confirm", choice=label), t("ui.vote.confirm_yes"), t("ui.vote.confirm_no"), default=True):
            return
        try:
            self.live.engine.vote(self.rnd.number, self.pid, choice, reasoning, other)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.discard_draft()
        self.dismiss(True)

    def action_back(self) -> None:
        self.leave()

    @work(exclusive=True, group="leave")
    async def leave(self) -> None:
        """Back to the pass screen; asks first when a choice or typed text would be thrown away."""
        loss = self.pending_loss()
        if loss and not await self.ask(t("ui.discard", what=loss), t("ui.discard_yes"), t("ui.vote.keep_voting")):
            return
        self.discard_draft()
        self.dismiss(False)


async def collect_votes(screen: BaseScreen, live: Live, rnd: RoundState) -> bool:
    """Ask every present member who has not voted yet, in turn. True when all have voted."""
    while True:
        pid = live.state.next_voter(rnd)
        if pid is None:
            return live.state.can_reveal(rnd)
        # Someone practising alone does not pass the laptop to anyone.
        answer = "vote" if live.state.mode == "solo" else await screen.app.push_screen_wait(PassScreen(live, rnd, pid))
        if answer == "stop":
            return False
        if answer == "absent":
            try:
                live.engine.set_absent(pid, True)
            except (RuleError, StoreError) as exc:
                screen.fail(exc)
                return False
            screen.notify(t("ui.pass.marked_absent", name=live.state.name(pid)))
            continue
        if not await screen.app.push_screen_wait(VoteScreen(live, rnd, pid)) and live.state.mode == "solo":
            return False
