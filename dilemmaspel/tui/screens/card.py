"""A card shown large before the secret vote; from here the votes are collected and revealed."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from dilemmaspel.core.flow import progress, voted_count
from dilemmaspel.core.session import RoundState, RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import RoundScreen, binding
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.vote import collect_votes
from dilemmaspel.tui.widgets.card_view import CardView
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


def round_label(live: Live, rnd: RoundState) -> str:
    """'Groep 1 · kaart 2 van 3' (the group part left out when there is one group)."""
    played, planned = progress(live.state, rnd.group)
    number = live.state.rounds_of(rnd.group).index(rnd) + 1
    if rnd.case is not None:
        card = t("ui.card.own_case")  # an own case is not a card of a deck
    else:
        card = t("ui.round.card", number=number, total=planned)
    if len(live.state.groups) > 1:
        return f"{t('ui.play.group', number=rnd.group + 1)} · {card}"
    return card


class CardScreen(RoundScreen):
    """The card, then: start (or continue) the secret vote, then reveal."""

    BINDINGS = [
        binding("enter,s", "primary", "key.vote_or_reveal"),
        binding("p", "present", "key.present"),
        binding("escape", "back", "key.overview"),
        binding("q", "app.quit", "key.quit"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "present":
            return bool(self.absent_members()) and self.rnd.voting_phase is not None
        return True

    def absent_members(self) -> list[str]:
        state = self.live.state
        group = state.groups[self.rnd.group] if self.rnd.group < len(state.groups) else []
        return [pid for pid in group if pid in state.absent]

    def compose(self) -> ComposeResult:
        deck_source = self.dapp.library.decks.get(self.rnd.deck)
        theme = deck_source.deck.theme_name(self.rnd.card.theme) if deck_source and self.rnd.card else ""
        yield TitleLine()
        with VerticalScroll(id="card", classes="page"):
            yield CardView(self.rnd, theme)
        yield Static("", id="status", classes="status-bar")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = round_label(self.live, self.rnd)
        self.update_status()

    def on_screen_resume(self) -> None:
        self.update_status()

    def update_status(self) -> None:
        done, total = voted_count(self.live.state, self.rnd)
        if self.live.state.mode == "solo":  # one person: no counts of who voted
            text = t("ui.card.solo_done" if self.live.state.can_reveal(self.rnd) else "ui.card.solo_status")
        elif self.live.state.can_reveal(self.rnd):
            text = t("ui.card.all_voted", done=done, total=total)
        elif not total:
            text = t("ui.card.nobody_present")
        else:
            key = "ui.card.revote_status" if self.rnd.voting_phase == 2 else "ui.card.status"
            text = t(key, done=done, total=total)
        self.query_one("#status", Static).update(text)
        self.refresh_bindings()  # "present" shows only while someone is marked absent

    def action_primary(self) -> None:
        if self.live.state.mode == "solo" and self.rnd.voting_phase == 1 and self.live.state.can_reveal(self.rnd):
            self.reveal()
        elif self.rnd.voting_phase is None:
            self.open_reveal()
        elif self.live.state.can_reveal(self.rnd):
            self.reveal()
        else:
            self.vote()

    @work(exclusive=True)
    async def vote(self) -> None:
        complete = await collect_votes(self, self.live, self.rnd)
        self.update_status()
        if complete and self.live.state.mode == "solo":
            await self.practise_steps()
        elif complete:
            self.notify(t("ui.card.ready_to_reveal"))

    async def practise_steps(self) -> None:
        """Alone: reveal at once, walk the steps if chosen, then the reflection."""
        from dilemmaspel.tui.screens.deliberation import DeliberationScreen

        try:
            self.live.engine.reveal(self.rnd.number)
            if self.live.state.settings.method is not None:
                self.live.engine.start_deliberation(self.rnd.number)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        if self.live.state.settings.method is not None:
            await self.app.push_screen_wait(DeliberationScreen(self.live, self.rnd))
        self.open_reveal()

    def reveal(self) -> None:
        try:
            self.live.engine.reveal(self.rnd.number)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.open_reveal()

    def open_reveal(self) -> None:
        from dilemmaspel.tui.screens.reveal import RevealScreen

        self.app.switch_screen(RevealScreen(self.live, self.rnd))

    def action_present(self) -> None:
        self.mark_present()

    @work(exclusive=True, group="present")
    async def mark_present(self) -> None:
        """A member marked absent is back: they vote in this round as long as it is not revealed."""
        absent = self.absent_members()
        if not absent:
            return
        from dilemmaspel.tui.dialogs.choose import ChooseDialog

        names = [self.live.state.name(pid) for pid in absent]
        index = await self.app.push_screen_wait(ChooseDialog(t("ui.card.present_question"), names))
        if index is None:
            return
        try:
            self.live.engine.set_absent(absent[index], False)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.notify(t("ui.card.present_done", name=names[index]))
        self.update_status()

    def action_back(self) -> None:
        self.app.pop_screen()
