"""Between rounds: every group's progress and what comes next for it."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dilemmaspel.core.flow import Next, next_for_group, next_step, progress, voted_count
from dilemmaspel.core.session import RoundState, RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import SessionScreen, binding, literal
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


class PlayScreen(SessionScreen):
    """The session hub: pick a group to continue, regroup, or finish the session."""

    BINDINGS = [
        binding("g", "groups", "key.groups"),
        binding("p", "participants", "key.participants"),
        binding("e", "finish", "key.finish"),
        binding("q", "app.quit", "key.quit"),
    ]

    def __init__(self, live: Live) -> None:
        super().__init__(live)
        self.last_group: int | None = None  # the group last continued from here
        self.closed_rounds = sum(1 for r in live.state.rounds if r.phase == "closed")

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with Vertical(id="play", classes="page"):
            yield Static("", id="play-title", classes="intro")
            yield OptionList(id="group-list")
            yield Static("", id="play-hint", classes="hint")
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_list()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "groups":
            return self.live.state.mode == "group"
        if action == "participants":
            return self.live.state.mode != "solo"
        return True

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def describe(self, step: Next) -> str:
        state = self.live.state
        group = step.group or 0
        played, planned = progress(state, group)
        own_case = state.mode == "beraad" and state.settings.case is not None
        if step.kind == "deal":
            return t("ui.play.open_case") if own_case else t("ui.play.deal", number=played + 1, total=planned)
        if step.round is not None and step.kind in ("vote", "reveal", "discuss"):
            rnd = step.round
            what = t("ui.card.own_case") if rnd.case is not None else t("ui.round.card", number=played, total=planned)
            if step.kind == "vote":
                done, total = voted_count(state, rnd)
                key = "ui.play.revote" if rnd.voting_phase == 2 else "ui.play.vote"
                return t(key, what=what, done=done, voters=total, title=rnd.title)
            return t(f"ui.play.{step.kind}", what=what, title=rnd.title)
        if own_case:
            return t("ui.play.case_done")
        return t("ui.play.done" if played != 1 else "ui.play.done_one", total=played)

    def refresh_list(self) -> None:
        state = self.live.state
        settings = state.settings
        title = settings.title or t(f"mode.{state.mode}")
        self.sub_title = title
        one_group = state.mode != "group"
        self.query_one("#play-title", Static).update(literal(t("ui.play.title_one" if one_group else "ui.play.title", title=title)))
        menu = self.query_one("#group-list", OptionList)
        highlighted = menu.highlighted
        menu.clear_options()
        for group in range(len(state.groups)):
            step = next_for_group(state, group)
            names = ", ".join(state.name(pid) for pid in state.groups[group]) or t("ui.play.no_participants")
            if one_group:
                label = literal(f"{self.describe(step)}\n   {names}")
            else:
                label = literal(f"{t('ui.play.group', number=group + 1)}: {self.describe(step)}\n   {names}")
            menu.add_option(Option(label, id=str(group)))
        everything_done = next_step(state).kind == "finished"
        if everything_done:
            menu.add_option(Option(t("ui.play.finish_now"), id="finish"))
        hint = t("ui.play.hint_done") if everything_done else t("ui.play.hint_one" if one_group else "ui.play.hint")
        self.query_one("#play-hint", Static).update(hint)
        if menu.option_count:
            closed = sum(1 for r in state.rounds if r.phase == "closed")
            if highlighted is None or closed > self.closed_rounds:
                # A round was just closed (or the hub is new): on to the next group with something to do.
                start = 0 if self.last_group is None else self.last_group + 1
                highlighted = self.next_open_group(start)
            self.closed_rounds = closed
            menu.highlighted = highlighted
        menu.focus()

    def next_open_group(self, start: int) -> int:
        """The menu index of the first group from ``start`` on (wrapping) that has something to do;
        the 'finish' item when no group has."""
        state = self.live.state
        count = len(state.groups)
        for offset in range(count):
            group = (start + offset) % count
            if next_for_group(state, group).kind != "group_done":
                return group
        return self.query_one("#group-list", OptionList).option_count - 1

    @on(OptionList.OptionSelected, "#group-list")
    def group_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "finish":
            self.action_finish()
            return
        self.continue_group(int(event.option.id or 0))

    def continue_group(self, group: int) -> None:
        """Go to whatever comes next for this group."""
        from dilemmaspel.tui.screens.card import CardScreen
        from dilemmaspel.tui.screens.reveal import RevealScreen

        step = next_for_group(self.live.state, group)
        self.last_group = group
        try:
            if step.kind == "deal":
                self.app.push_screen(CardScreen(self.live, self.deal(group)))
            elif step.kind in ("vote", "reveal") and step.round is not None:
                self.app.push_screen(CardScreen(self.live, step.round))
            elif step.kind == "discuss" and step.round is not None:
                self.app.push_screen(RevealScreen(self.live, step.round))
            else:
                self.notify(t("ui.play.group_finished", number=group + 1))
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            self.refresh_list()

    def deal(self, group: int) -> RoundState:
        """The next card or case; someone practising alone gets cards they have not done first."""
        state = self.live.state
        practised = self.dapp.store.practised_cards(state.name(state.groups[0][0])) if state.mode == "solo" else set()
        return self.live.engine.deal_next(group, self.live.decks, practised)

    def action_groups(self) -> None:
        if self.live.state.mode != "group":
            return
        if any(r.phase != "closed" for r in self.live.state.rounds):
            self.notify(t("rule.round_open"), severity="warning")
            return
        from dilemmaspel.tui.screens.groups import GroupsScreen

        self.dapp.show(GroupsScreen(self.live))

    def action_participants(self) -> None:
        """Latecomers, corrections and removals: possible at any time of the session."""
        from dilemmaspel.tui.screens.participants import ParticipantsScreen

        self.dapp.show(ParticipantsScreen(self.live))

    def action_finish(self) -> None:
        self.finish_session()

    @work
    async def finish_session(self) -> None:
        unfinished = next_step(self.live.state).kind != "finished"
        question = t("ui.play.finish_early") if unfinished else t("ui.play.finish_confirm")
        if not await self.ask(question, letters=False):
            return
        try:
            self.live.engine.finish()
            from dilemmaspel.drafts import drafts_of

            drafts_of(self.dapp.store).discard_session(self.live.session_id)  # nothing more will be cast
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        from dilemmaspel.tui.screens.summary import SummaryScreen

        self.dapp.show(SummaryScreen(self.live))
