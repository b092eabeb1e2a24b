"""Walking a group through the deliberation method: one step per page, then the conclusion."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from dilemmaspel.core.events import Agreement
from dilemmaspel.core.methods import Method
from dilemmaspel.core.session import RoundState, RuleError
from dilemmaspel.i18n import t
from dilemmaspel.store import StoreError
from dilemmaspel.tui.base import RoundScreen, binding, literal
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.widgets.timer import TimeBox
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine

SAVE_DELAY = 0.3  # seconds of quiet typing before notes are committed: a crash loses at most this
MAX_AGREEMENTS = 50
CLOCK_CHECKPOINT = 30.0  # seconds between records of the time used while a step's clock runs


@dataclass(frozen=True)
class Typed:
    """What is typed on one page: a step's notes, or the conclusion page's texts."""

    step: int
    notes: str | None = None
    personal: dict[str, str] = field(default_factory=dict)
    conclusion: str = ""
    agreements: list[Agreement] = field(default_factory=list)


class DeliberationScreen(RoundScreen):
    """Step ``index`` of the method; one page past the last step is the group conclusion."""

    AUTO_FOCUS = ""  # on_mount focuses the field it starts in: auto-focusing the page first restyled it twice
    BINDINGS = [
        binding("ctrl+n", "next", "key.next_step", priority=True),
        binding("ctrl+b", "previous", "key.previous_step", priority=True),
        binding("ctrl+s", "save", "key.save", show=False, priority=True),
        binding("ctrl+t", "pause", "key.pause_timer", priority=True),
        binding("escape", "leave", "key.to_result"),
    ]

    def __init__(self, live: Live, rnd: RoundState, index: int | None = None) -> None:
        super().__init__(live, rnd)
        method = live.state.settings.method
        assert method is not None
        self.method: Method = method
        if index is None:
            index = rnd.step if rnd.step is not None else self.first_open_step(rnd, method)
        self.index = max(0, min(index, len(method.steps)))
        self._pending = None
        self._typed: Typed | None = None  # as of the last change: saved from here once the fields are gone
        self._checkpoint = None

    @staticmethod
    def first_open_step(rnd: RoundState, method: Method) -> int:
        """For a session that recorded no step: the step after the last one with notes."""
        filled = [i for i in range(len(method.steps)) if rnd.notes.get(i, "").strip()]
        return min(max(filled) + 1, len(method.steps)) if filled else 0

    @property
    def at_conclusion(self) -> bool:
        return self.index >= len(self.method.steps)

    def compose(self) -> ComposeResult:
        yield TitleLine()
        if self.at_conclusion:
            # One scrolling page: with several participants it is taller than a small screen.
            with VerticalScroll(id="conclusion-page"):
                yield Static(t("ui.step.conclusion_title"), classes="step-title")
                yield Static(t("ui.step.conclusion_prompt"), classes="step-prompt")
                if self.live.state.mode == "beraad":
                    for pid in self.live.state.voters(self.rnd):
                        yield Label(literal(t("ui.step.personal", name=self.live.state.name(pid))), classes="field-label")
                        yield TextArea(self.rnd.personal.get(pid, ""), id=f"personal-{pid}", classes="personal", soft_wrap=True)
                yield Label(t("ui.step.conclusion"), classes="field-label")
                yield TextArea(self.rnd.conclusion, id="conclusion", soft_wrap=True)
                yield Label(t("ui.step.actions"), classes="field-label")
                with Horizontal(classes="agreement-row agreement-head"):
                    yield Static(t("ui.agreement.what"), classes="agreement-text")
                    yield Static(t("ui.agreement.owner"), classes="agreement-owner")
                    yield Static(t("ui.agreement.due"), classes="agreement-due")
                with Vertical(id="agreements"):  # the page scrolls; this list takes no focus of its own
                    for agreement in self.rnd.all_agreements()[:MAX_AGREEMENTS]:
                        yield self.agreement_row(agreement.text, agreement.owner, agreement.due)
                    yield self.agreement_row()
        else:
            step = self.method.steps[self.index]
            with VerticalScroll(id="step-top"):
                with Horizontal(classes="step-head"):
                    yield Static(literal(step.title), classes="step-title")
                    if self.live.state.settings.timeboxes:
                        yield TimeBox(step.minutes, self.rnd.step_seconds.get(self.index, 0), id="timer")
                yield Static(literal(step.prompt), classes="step-prompt")
                if step.hints:
                    yield Static(literal("\n".join(f"• {hint}" for hint in step.hints)), classes="step-hints")
            yield Label(t("ui.step.notes"), classes="field-label")
            yield TextArea(self.rnd.notes.get(self.index, ""), id="notes", soft_wrap=True)
        yield Static("", id="step-progress", classes="status-bar")
        yield KeyLine()

    @staticmethod
    def agreement_row(text: str = "", owner: str = "", due: str = "") -> Horizontal:
        """One agreement: what, who and by when (the last two optional)."""
        return Horizontal(
            Input(text, placeholder=t("ui.agreement.what_hint"), max_length=2000, compact=True,
                  classes="agreement-text"),
            Input(owner, placeholder=t("ui.agreement.owner_hint"), max_length=200, compact=True,
                  classes="agreement-owner"),
            Input(due, placeholder=t("ui.agreement.due_hint"), max_length=100, compact=True,
                  classes="agreement-due"),
            classes="agreement-row",
        )

    def typed_agreements(self) -> list[Agreement]:
        agreements = []
        for row in self.query("#agreements .agreement-row").results(Horizontal):
            fields = [field.value.strip() for field in row.query(Input).results(Input)]
            if len(fields) != 3:
                continue  # a row opened a moment ago, its fields not mounted yet: nothing typed in it
            text, owner, due = fields
            if text:
                agreements.append(Agreement(text=text, owner=owner, due=due))
        return agreements

    @on(Input.Changed, ".agreement-text")
    def grow_agreements(self, event: Input.Changed) -> None:
        """Typing in the last row opens a fresh one below it."""
        rows = list(self.query("#agreements .agreement-row").results(Horizontal))
        if event.value.strip() and rows and event.input.parent is rows[-1] and len(rows) < MAX_AGREEMENTS:
            self.query_one("#agreements", Vertical).mount(self.agreement_row())

    def on_mount(self) -> None:
        self.show_progress()
        area = self.query(TextArea).first()
        area.focus()
        area.move_cursor(area.document.end)
        try:
            self.live.engine.open_step(self.rnd.number, self.index)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
        if self._checkpoint is None:
            self._checkpoint = self.set_interval(CLOCK_CHECKPOINT, self.record_time)

    def timebox(self) -> TimeBox | None:
        found = self.query("#timer")
        return found.first(TimeBox) if found else None

    def record_time(self) -> bool:
        """Keep the time used on this step with the session (so re-entry continues the clock)."""
        box = self.timebox()
        if box is None or not box.total:
            return True
        try:
            self.live.engine.record_step_time(self.rnd.number, self.index, box.elapsed)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return False
        return True

    def show_progress(self) -> None:
        total = len(self.method.steps)
        if self.at_conclusion:
            text = t("ui.step.progress_conclusion", total=total, method=self.method.title)
        else:
            text = t("ui.step.progress", number=self.index + 1, total=total, method=self.method.title)
        self.sub_title = t("ui.step.subtitle")
        self.query_one("#step-progress", Static).update(literal(text))

    @on(TextArea.Changed)
    @on(Input.Changed, ".agreement-row Input")
    def schedule_save(self) -> None:
        self._typed = self.typed()
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SAVE_DELAY, self.save)

    def typed(self) -> Typed:
        """What this page's fields hold now."""
        if not self.at_conclusion:
            return Typed(self.index, notes=self.query_one("#notes", TextArea).text)
        personal = {(area.id or "").removeprefix("personal-"): area.text
                    for area in self.query("TextArea.personal").results(TextArea)}
        return Typed(self.index, personal=personal, conclusion=self.query_one("#conclusion", TextArea).text,
                     agreements=self.typed_agreements())

    def save(self) -> bool:
        """Commit what is typed on this page; False (and a message) if that failed."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        try:
            typed = self.typed()
        except NoMatches:  # leaving as the app closes: the fields are gone, their last text is not
            typed = self._typed
        if typed is None:
            return True
        try:
            if typed.notes is not None:
                self.live.engine.save_note(self.rnd.number, typed.step, typed.notes)
            else:
                for pid, text in typed.personal.items():
                    self.live.engine.save_personal(self.rnd.number, pid, text)
                self.live.engine.conclude(self.rnd.number, typed.conclusion, "", typed.agreements)
        except (RuleError, StoreError) as exc:
            self.fail(exc)
            return False
        return True

    def action_save(self) -> None:
        if self.save():
            self.notify(t("ui.step.saved"), timeout=2)

    def go(self, index: int) -> None:
        if not self.save() or not self.record_time():
            return
        self._typed = None  # saved: the next page starts from its own fields
        self.index = max(0, min(index, len(self.method.steps)))
        self.refresh(recompose=True)
        self.call_after_refresh(self.on_mount)

    def action_next(self) -> None:
        if self.at_conclusion:
            self.action_leave()
            return
        self.go(self.index + 1)

    def action_previous(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    def action_pause(self) -> None:
        box = self.timebox()
        if box is not None:
            box.toggle_pause()
            self.record_time()

    def action_leave(self) -> None:
        if self.save() and self.record_time():
            self.dismiss(None)

    def on_unmount(self) -> None:
        if self._pending is not None:
            self.save()
        self.record_time()
