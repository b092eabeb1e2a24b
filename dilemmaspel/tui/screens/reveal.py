"""All votes at once: bars, the coalition/opposition split, reasoning, and the discussion tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from dilemmaspel.core.events import OTHER
from dilemmaspel.core.flow import reveal_order
from dilemmaspel.core.session import RuleError
from dilemmaspel.core.stats import anonymous, round_stats, shift_table, shifts
from dilemmaspel.i18n import current_language, t
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import RoundScreen, binding, literal
from dilemmaspel.tui.screens.card import round_label
from dilemmaspel.tui.screens.vote import collect_votes
from dilemmaspel.tui.widgets.bars import vote_bars
from dilemmaspel.tui.widgets.card_view import CardView
from dilemmaspel.tui.widgets.rules import rule_text
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine

if TYPE_CHECKING:
    from dilemmaspel.core.history import CardHistory

TABS = ("result", "reasons", "discuss", "rules", "card", "history", "progress")


class RevealScreen(RoundScreen):
    """The reveal and everything a group does after it."""

    KEY_SCOPE = "round"

    BINDINGS = [
        binding("t", "twist", "key.twist"),
        binding("d", "deliberate", "key.deliberate"),
        binding("v", "revote", "key.revote"),
        binding("c", "close", "key.close_round"),
        binding("escape", "back", "key.overview"),
        *[binding(str(i + 1), f"tab('{tab}')", f"key.tab_{tab}", show=False) for i, tab in enumerate(TABS)],
        # The open tab's body has the keyboard (arrows and PgUp/PgDn scroll it); left and right
        # still go to the neighbouring tab.
        binding("left", "step_tab(-1)", "key.tab_previous", show=False, priority=True),
        binding("right", "step_tab(1)", "key.tab_next", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with TabbedContent(id="tabs", initial="result"):
            with TabPane(t("ui.reveal.tab.result"), id="result"):
                yield VerticalScroll(id="result-body")
            with TabPane(t("ui.reveal.tab.reasons"), id="reasons"):
                yield VerticalScroll(id="reasons-body")
            with TabPane(t("ui.reveal.tab.discuss"), id="discuss"):
                yield VerticalScroll(id="discuss-body")
            with TabPane(t("ui.reveal.tab.rules"), id="rules"):
                yield VerticalScroll(id="rules-body")
            with TabPane(t("ui.reveal.tab.case" if self.rnd.case is not None else "ui.reveal.tab.card"), id="card"):
                with VerticalScroll():
                    yield CardView(self.rnd)
            if self.solo:
                with TabPane(t("ui.reveal.tab.history"), id="history"):
                    yield VerticalScroll(id="history-body")
                with TabPane(t("ui.reveal.tab.progress"), id="progress"):
                    yield VerticalScroll(id="progress-body")
        yield KeyLine()

    @property
    def solo(self) -> bool:
        return self.live.state.mode == "solo"

    def on_mount(self) -> None:
        self.render_all()
        if self.solo:
            self.action_tab("rules")
        self.call_after_refresh(self.focus_pane)

    @on(TabbedContent.TabActivated, "#tabs")
    def focus_pane(self) -> None:
        """Give the keyboard to the open tab's scrolling body, so arrows and PgUp/PgDn scroll it."""
        pane = self.query_one("#tabs", TabbedContent).active_pane
        if pane is not None:
            bodies = pane.query(VerticalScroll)
            if bodies:
                bodies.first().focus()

    def on_screen_resume(self) -> None:
        self.render_all()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        rnd = self.rnd
        if action == "twist":
            return rnd.twists_shown < len(rnd.twists) and rnd.phase != "closed"
        if action == "deliberate":
            return self.live.state.settings.method is not None
        if action == "revote":
            return self.live.state.settings.revote and (rnd.phase == "revealed" or rnd.phase == "revoting")
        return True

    # --- rendering ------------------------------------------------------------------------

    def render_all(self) -> None:
        self.sub_title = f"{round_label(self.live, self.rnd)} · {t('ui.reveal.subtitle')}"
        self.render_result()
        self.render_reasons()
        self.render_discussion()
        self.render_rules()
        if self.solo:
            self.render_history()
        self.refresh_bindings()

    def _fill(self, container_id: str, widgets: list[Static]) -> None:
        body = self.query_one(f"#{container_id}", VerticalScroll)
        body.remove_children()
        body.mount_all(widgets)

    def render_result(self) -> None:
        state, rnd = self.live.state, self.rnd
        parts: list[Static] = [Static(literal(rnd.title), classes="section-title")]
        # The latest vote first: after a re-vote, its result and the shifts lead.
        phases = ([2] if rnd.phase in ("revoted", "closed") and rnd.revotes else []) + [1]
        for phase in phases:
            stats = round_stats(state, rnd, phase)
            heading = t("ui.reveal.first" if phase == 1 else "ui.reveal.second", count=stats.total)
            if self.solo and phase == 1:
                heading = t("ui.reveal.solo_choice")
            parts.append(Static(heading, classes="subsection"))
            # One person practising alone: no sides, majorities or party lines.
            parts.append(Static(vote_bars(stats, splits=not self.solo), classes="bars"))
            if stats.side_withheld and not self.solo:
                parts.append(Static(t(stats.side_withheld), classes="hint withheld"))
            labels = " = ".join(t("vote.other") if o == OTHER else o for o in stats.leaders)
            if self.solo:
                pass
            elif stats.majority is not None:
                parts.append(Static(t("ui.reveal.majority", option=labels, share=round(stats.majority_share * 100))))
            elif stats.leaders:
                parts.append(Static(t("ui.reveal.tie", options=labels, count=stats.tally[stats.leaders[0]])))
            line = stats.party_line
            figure = f" (V = {line.v:.2f})".replace(".", "," if current_language() == "nl" else ".") if line.v is not None else ""
            if stats.by_side is not None and not self.solo:
                parts.append(Static(t("ui.reveal.party_line", reading=t(line.reading)) + figure, classes="party-line"))
            if phase == 1:
                legend = [f"{letter}. {text}" for letter, text in zip(rnd.letters, rnd.options)]
                parts.append(Static(literal("\n".join(legend)), classes="legend"))
            if phase == 2 and anonymous(state):
                parts.extend(self.shift_counts())
            elif phase == 2:
                changed = shifts(rnd)
                parts.append(Static(t("ui.reveal.shifts", count=len(changed), total=len(rnd.revotes)), classes="subsection"))
                named = state.settings.reveal == "named"
                for shift in changed:
                    before = t("vote.other") if shift.before == OTHER else shift.before
                    after = t("vote.other") if shift.after == OTHER else shift.after
                    who = f"{state.name(shift.pid)}: " if named else ""
                    parts.append(Static(literal(f"  {who}{before} → {after}")))
        if rnd.phase == "revoting":
            done = len(rnd.revotes)
            parts.append(Static(t("ui.reveal.revote_running", done=done, total=len(state.voters(rnd))), classes="warning"))
        self._fill("result-body", parts)

    def shift_counts(self) -> list[Static]:
        """An anonymous re-vote's shifts: counts per move in option order, or why they are left out."""
        table = shift_table(self.live.state, self.rnd)
        if table is None:
            return []
        if table.withheld:
            return [Static(t(table.withheld), classes="hint withheld")]
        parts = [Static(t("ui.reveal.shifts", count=table.changed, total=table.voters), classes="subsection")]
        for before, after, count in table.moves:
            label = [t("vote.other") if choice == OTHER else choice for choice in (before, after)]
            parts.append(Static(f"  {label[0]} → {label[1]}: {count}"))
        return parts

    def render_reasons(self) -> None:
        state, rnd = self.live.state, self.rnd
        named = state.settings.reveal == "named"
        phase = 2 if rnd.phase in ("revoted", "closed") and rnd.revotes else 1
        parts: list[Static] = [Static(t("ui.reveal.reasons_named" if named else "ui.reveal.reasons_anonymous"), classes="hint")]
        for pid in reveal_order(rnd, phase, state.seed):
            vote = rnd.votes_in(phase)[pid]
            choice = f"{t('vote.other')}: {vote.other}" if vote.choice == OTHER else vote.choice
            who = f"{state.name(pid)} · " if named else ""
            reasoning = vote.reasoning or t("report.no_reasoning")
            parts.append(Static(literal(f"{who}{choice}\n{reasoning}"), classes="reason"))
        self._fill("reasons-body", parts)

    def render_discussion(self) -> None:
        rnd = self.rnd
        parts: list[Static] = []
        if rnd.twists:
            parts.append(Static(t("ui.reveal.twists", shown=rnd.twists_shown, total=len(rnd.twists)), classes="subsection"))
            for twist in rnd.twists[: rnd.twists_shown]:
                parts.append(Static(literal(twist), classes="twist"))
            if rnd.twists_shown < len(rnd.twists):
                parts.append(Static(t("ui.reveal.twist_hint"), classes="hint"))
        if rnd.card is not None and rnd.card.prompts:
            parts.append(Static(t("ui.reveal.prompts"), classes="subsection"))
            parts.extend(Static(literal(f"• {prompt}")) for prompt in rnd.card.prompts)
        if rnd.conclusion:
            parts.append(Static(t("report.conclusion"), classes="subsection"))
            parts.append(Static(literal(rnd.conclusion)))
        if not parts:
            empty = "ui.reveal.case_nothing_to_discuss" if rnd.case is not None else "ui.reveal.nothing_to_discuss"
            parts.append(Static(t(empty), classes="hint"))
        self._fill("discuss-body", parts)

    def render_rules(self) -> None:
        card = self.rnd.card
        parts: list[Static] = []
        if card is not None:
            if card.rules:
                parts.append(Static(t("ui.reveal.rules"), classes="subsection"))
                for rule in card.rules:
                    parts.append(Static(literal(rule_text(rule)), classes="rule"))
            if card.reflection:
                parts.append(Static(t("ui.reveal.reflection_solo" if self.solo else "ui.reveal.reflection"), classes="subsection"))
                parts.append(Static(literal(card.reflection.strip())))
        if not parts:
            parts.append(Static(t("ui.reveal.no_rules"), classes="hint"))
        self._fill("rules-body", parts)

    def render_history(self) -> None:
        """How others voted on this card, and the progress per theme: read from the store in a
        worker (what it reads grows with the user's past), shown when it arrives."""
        state, rnd = self.live.state, self.rnd
        person = state.name(state.groups[0][0]) if state.groups and state.groups[0] else None
        self.load_history(rnd.card.id if rnd.card is not None else None, self.live.session_id, person)

    @work(thread=True, exclusive=True, group="history")
    def load_history(self, card_id: str | None, session_id: str, person: str | None) -> None:
        store = self.dapp.store
        try:
            history = store.card_history(card_id, session_id) if card_id is not None else None
            practised = store.practised_cards(person) if person is not None else None
        except StoreError as exc:
            self._post(self.fail, exc)
            return
        self._post(self.show_history, history, practised)

    def _post(self, callback: Any, *args: Any) -> None:
        """Hand a worker's result to the UI thread, unless the app has closed meanwhile."""
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            pass

    def show_history(self, history: "CardHistory | None", practised: set[str] | None) -> None:
        if not self.is_attached:
            return  # left the screen before the history arrived
        rnd = self.rnd
        parts: list[Static] = []
        if history is not None:
            if history.votes:
                parts.append(Static(t("ui.reveal.history_intro", sessions=history.sessions, votes=history.votes), classes="subsection"))
                for letter in list(rnd.letters) + [OTHER]:
                    count = history.tally.get(letter, 0)
                    if letter == OTHER and not count:
                        continue
                    label = t("vote.other") if letter == OTHER else f"{letter}. {rnd.option_text(letter)}"
                    share = round(100 * count / history.votes)
                    line = f"{share:>3}%  ({count})  {label}"
                    if history.split_complete:
                        split = t("ui.reveal.split", coalition=history.by_side["coalition"].get(letter, 0),
                                  opposition=history.by_side["opposition"].get(letter, 0), none=history.by_side["none"].get(letter, 0))
                        line += f"\n       {split}"
                    parts.append(Static(literal(line)))
                mine = rnd.votes_in(1)
                if mine:
                    vote = next(iter(mine.values()))
                    parts.append(Static(t("ui.reveal.history_yours", choice=t("vote.other") if vote.choice == OTHER else vote.choice), classes="hint"))
            else:
                parts.append(Static(t("ui.reveal.history_none"), classes="hint"))
        self._fill("history-body", parts)
        self.render_progress(practised)

    def render_progress(self, practised: set[str] | None) -> None:
        from dilemmaspel.core.history import theme_progress

        deck_source = self.dapp.library.decks.get(self.rnd.deck)
        parts: list[Static] = []
        if deck_source is not None and practised is not None:
            rows = theme_progress(deck_source.deck, practised)
            done = sum(r.done for r in rows)
            total = sum(r.total for r in rows)
            parts.append(Static(t("ui.reveal.progress_intro", done=done, total=total), classes="subsection"))
            width = max(len(r.name) for r in rows) if rows else 0
            longest = max((r.total for r in rows), default=0)
            lines = [
                f"{r.name.ljust(width)}  {('█' * r.done + '░' * (r.total - r.done)).ljust(longest)}  {r.done}/{r.total}"
                for r in rows
            ]
            parts.append(Static(literal("\n".join(lines))))
        self._fill("progress-body", parts)

    # --- actions --------------------------------------------------------------------------

    def action_step_tab(self, step: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if tabs.active in panes:
            tabs.active = panes[(panes.index(tabs.active) + step) % len(panes)]

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab

    def action_twist(self) -> None:
        try:
            self.live.engine.show_twist(self.rnd.number)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.render_all()
        # The discussion tab shows the new variation; a notification would linger over the
        # notes of the deliberation that usually follows.
        self.action_tab("discuss")

    def action_deliberate(self) -> None:
        from dilemmaspel.tui.screens.deliberation import DeliberationScreen

        rnd = self.rnd
        try:
            if not rnd.deliberating:
                self.live.engine.start_deliberation(rnd.number)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.app.push_screen(DeliberationScreen(self.live, rnd))

    def action_revote(self) -> None:
        self.revote()

    @work(exclusive=True)
    async def revote(self) -> None:
        rnd = self.rnd
        if rnd.phase == "revealed" and not await self.ask(t("ui.reveal.revote_confirm"), t("ui.reveal.revote_yes"), t("ui.no"), letters=False):
            return
        try:
            if rnd.phase == "revealed":
                self.live.engine.open_revote(rnd.number)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        complete = await collect_votes(self, self.live, rnd)
        if complete:
            try:
                self.live.engine.reveal(rnd.number)
            except (RuleError, StoreError) as exc:
                self.fail(exc)
        self.render_all()
        self.action_tab("result")

    def action_close(self) -> None:
        self.close_round()

    @work(exclusive=True)
    async def close_round(self) -> None:
        rnd = self.rnd
        if rnd.phase == "closed":
            self.app.pop_screen()
            return
        if rnd.phase == "revoting":
            self.notify(t("rule.close_while_voting"), severity="warning")
            return
        if not self.solo and not await self.ask(t("ui.reveal.close_confirm")):
            return
        try:
            self.live.engine.close_round(rnd.number)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return
        self.app.pop_screen()

    def action_back(self) -> None:
        self.app.pop_screen()
