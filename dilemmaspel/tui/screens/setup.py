"""Setting up a session: who runs it, which deck or case, filters, how votes are shown, the method.

One form serves the three modes; each shows only the fields that apply to it.
"""

from __future__ import annotations

import random
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, Switch

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.dealing import Filters, eligible
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import OwnCase, Settings
from dilemmaspel.core.fields import BODIES
from dilemmaspel.core.methods import Method
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError
from dilemmaspel.core import timing
from dilemmaspel.i18n import current_language, t
from dilemmaspel.store import StoreError, StoreSink
from dilemmaspel.tui.base import BaseScreen, binding, literal, role_name
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine

NO_METHOD = "-"
OWN_CASE = "own"
DECK_CARD = "card"


def duration(minutes: int) -> str:
    """'2 u 25 min' / '2 h 25 min'; under an hour just the minutes."""
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return t("ui.setup.minutes", minutes=rest)
    if not rest:
        return t("ui.setup.hours", hours=hours)
    return t("ui.setup.hours_minutes", hours=hours, minutes=rest)


class SetupScreen(BaseScreen):
    """The form that starts a session; nothing is stored until it is confirmed."""

    AUTO_FOCUS = ""  # on_mount focuses the field it starts in: auto-focusing the page first restyled it twice
    BINDINGS = [
        binding("ctrl+n", "confirm", "key.continue", priority=True),
        binding("escape", "back", "key.back"),
    ]

    def __init__(self, mode: str = "group") -> None:
        super().__init__()
        self.mode = mode
        self._estimate_pending = False
        self._minutes_for: str | None | bool = False  # the method whose step fields are shown

    @property
    def decks(self) -> list[Deck]:
        decks = [source.deck for source in self.dapp.library.decks.values()]
        return sorted(decks, key=lambda d: (d.deck.language != current_language(), d.title))

    def compose(self) -> ComposeResult:
        mode = self.mode
        methods = self.dapp.library.methods_for(current_language())
        if mode == "beraad":
            methods.sort(key=lambda m: m.id != "dilemmamethode" or m.method.language != current_language())
        yield TitleLine()
        with VerticalScroll(id="setup", classes="form"):
            yield Static(t(f"ui.setup.intro.{mode}"), classes="intro")
            if mode == "solo":
                yield Label(t("ui.setup.person"))
                yield Input(placeholder=t("ui.setup.person_hint"), id="person", max_length=80)
            else:
                yield Label(t("ui.setup.title"))
                yield Input(placeholder=t("ui.setup.title_hint"), id="title", max_length=120)
                with Horizontal(classes="pair"):
                    with Vertical(classes="half"):
                        yield Label(t("ui.setup.organisation"))
                        yield Input(placeholder=t("ui.setup.organisation_hint"), id="organisation", max_length=120)
                    with Vertical(classes="half"):
                        yield Label(t("ui.setup.trainer"))
                        yield Input(placeholder=t("ui.setup.trainer_hint"), id="trainer", max_length=120)
            if mode == "beraad":
                yield Label(t("ui.setup.source"))
                yield Select([(t("ui.setup.source.card"), DECK_CARD), (t("ui.setup.source.own"), OWN_CASE)],
                             value=DECK_CARD, id="source", allow_blank=False)
            yield Label(t("ui.setup.deck"), id="deck-label")
            yield Select([(literal(f"{d.title} ({len(d.cards)})"), d.id) for d in self.decks], id="deck", allow_blank=False)
            if mode == "beraad":
                yield Label(t("ui.setup.card"), id="card-label")
                yield Select([], id="card", allow_blank=True, prompt=t("ui.setup.card_prompt"))
            else:
                yield Label(t("ui.setup.themes"))
                yield SelectionList[str](id="themes", classes="filter")
            if mode == "group":
                yield Label(t("ui.setup.bodies"))
                yield SelectionList[str](*[(t(f"body.{b}"), b) for b in BODIES],
                                         id="bodies", classes="filter")
                yield Label(t("ui.setup.roles"))
                yield SelectionList[str](id="roles", classes="filter")
            if mode != "beraad":
                yield Static("", id="matching", classes="hint")
            if mode != "solo":
                yield Label(t("ui.setup.available"))
                yield Input(placeholder=t("ui.setup.available_hint"), id="available", type="integer", max_length=3)
            if mode != "beraad":
                yield Label(t("ui.setup.cards" if mode == "group" else "ui.setup.cards_solo"))
                yield Input("3", id="cards", type="integer", max_length=3)
            if mode != "solo":
                yield Static("", id="estimate", classes="hint")
            if mode == "group":
                yield Label(t("ui.setup.same_card"))
                yield Switch(True, id="same_card")
            if mode != "solo":
                yield Label(t("room.setup.voting"))
                voting = [(t("room.setup.voting.laptop"), "laptop"), (t("room.setup.voting.devices"), "devices")]
                if mode == "group":
                    voting.append((t("room.setup.voting.plenary"), "plenary"))
                yield Select(voting, value="laptop", id="voting", allow_blank=False)
                yield Label(t("ui.setup.reveal"))
                yield Select([(t("ui.setup.reveal.anonymous"), "anonymous"), (t("ui.setup.reveal.named"), "named")],
                             value="anonymous" if mode == "group" else "named", id="reveal", allow_blank=False)
                yield Label(t("ui.setup.revote"))
                yield Switch(mode == "group", id="revote")
                yield Label(t("ui.setup.reasoning_required"))
                yield Switch(False, id="reasoning_required")
            else:
                yield Label(t("ui.setup.steps"))
                yield Switch(False, id="steps")
            yield Label(t("ui.setup.method"))
            options = [(literal(f"{m.title} ({len(m.steps)})"), m.id) for m in methods]
            if mode == "group":
                options.append((t("ui.setup.no_method"), NO_METHOD))
            yield Select(options, value=options[0][1] if options else NO_METHOD, id="method", allow_blank=False)
            yield Label(t("ui.setup.step_minutes"), id="step-minutes-label")
            yield Vertical(id="step-minutes")
            yield Label(t("ui.setup.timeboxes"))
            yield Switch(mode != "solo", id="timeboxes")
            yield Button(t(f"ui.setup.start.{mode}"), variant="primary", id="start")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t(f"mode.{self.mode}")
        self.fill_filters()
        self.fill_step_minutes()
        self.query_one("#person" if self.mode == "solo" else "#title", Input).focus()
        self.call_after_refresh(self.remember_form)  # once the deck's filters and method are filled in

    # --- time: minutes per step, the session's length, how many cards fit -----------------

    def chosen_method(self) -> Method | None:
        method_id = str(self.query_one("#method", Select).value)
        source = self.dapp.library.methods.get(method_id)
        return source.method if source is not None else None

    def remembered_minutes(self, method: Method) -> list[int]:
        """The trainer's own minutes for this method (settings file), else the method's."""
        saved = self.dapp.settings.get("step_minutes", {})
        mine = saved.get(method.id) if isinstance(saved, dict) else None
        if (isinstance(mine, list) and len(mine) == len(method.steps)
                and all(isinstance(m, int) and 1 <= m <= timing.MAX_STEP_MINUTES for m in mine)):
            return list(mine)
        return timing.step_minutes(method)

    @on(Select.Changed, "#method")
    def fill_step_minutes(self) -> None:
        """One small field per step of the chosen method, filled with the remembered minutes."""
        method = self.chosen_method()
        method_id = method.id if method is not None else None
        if method_id == self._minutes_for:
            return  # the same method chosen again (the deck's own, on mount): keep what was typed
        self._minutes_for = method_id
        box = self.query_one("#step-minutes", Vertical)
        box.remove_children()
        self.query_one("#step-minutes-label", Label).display = method is not None
        if method is not None:
            rows = []
            for index, (step, minutes) in enumerate(zip(method.steps, self.remembered_minutes(method))):
                rows.append(Horizontal(
                    Input(str(minutes), id=f"minutes-{index}", classes="step-minutes", type="integer",
                          max_length=3, compact=True),
                    Static(literal(f"{t('ui.setup.minutes_unit')}  {index + 1}. {step.title}"), classes="step-name"),
                    classes="step-row",
                ))
            box.mount_all(rows)
        self.estimate_later()

    def step_values(self) -> list[int] | None:
        """The minutes typed per step, or None when one of them is not a number in range."""
        values = []
        for field in self.query("Input.step-minutes").results(Input):
            raw = field.value.strip()
            if not raw.isdigit() or not 1 <= int(raw) <= timing.MAX_STEP_MINUTES:
                return None
            values.append(int(raw))
        return values

    def planned_cards(self) -> int:
        raw = self.text("#cards")
        return int(raw) if raw.isdigit() and int(raw) > 0 else (1 if self.mode == "beraad" else 0)

    def planned_steps(self) -> list[int]:
        if not self.switch("#steps", True) or self.chosen_method() is None:
            return []
        return self.step_values() or []

    @on(Input.Changed, "#available")
    def propose_cards(self) -> None:
        """With the time there is, propose how many cards each group plays."""
        raw = self.text("#available")
        if raw.isdigit() and self._maybe("#cards", Input) is not None:
            cards = timing.propose_cards(int(raw), self.planned_steps(), self.switch("#revote", False))
            self.query_one("#cards", Input).value = str(cards)
        self.update_estimate()

    @on(Input.Changed, "#cards")
    @on(Input.Changed, "Input.step-minutes")
    @on(Switch.Changed)
    def estimate_later(self) -> None:
        """Estimate again once the fields that change together have changed (a method's minutes
        are filled in one field after the other): once, not once per field."""
        if not self._estimate_pending:
            self._estimate_pending = True
            self.call_after_refresh(self.update_estimate)

    def update_estimate(self) -> None:
        """The session's expected length, and whether it fits the time there is."""
        self._estimate_pending = False
        shown = self._maybe("#estimate", Static)
        if shown is None:
            return
        estimate = timing.estimate(self.planned_cards(), self.planned_steps(), self.switch("#revote", False))
        text = t("ui.setup.estimate", cards=estimate.cards, per_card=duration(estimate.per_card),
                 overhead=estimate.overhead, total=duration(estimate.total))
        raw = self.text("#available")
        if raw.isdigit():
            available = int(raw)
            key = "ui.setup.estimate_fits" if estimate.total <= available else "ui.setup.estimate_too_long"
            text += " " + t(key, available=duration(available))
        if self.step_values() is None:
            text += " " + t("ui.setup.bad_minutes")
        shown.update(text)

    def _maybe(self, selector: str, kind: type[Any]) -> Any:
        found = self.query(selector)
        return found.first(kind) if found else None

    @on(Select.Changed, "#deck")
    def fill_filters(self) -> None:
        deck = self.selected_deck()
        if deck is None:
            return
        for name, options in (
            ("#themes", [(literal(label), theme) for theme, label in deck.deck.themes.items()]),
            ("#roles", sorted(((literal(role_name(role)), role) for role in {r for c in deck.cards for r in c.roles}),
                              key=lambda item: str(item[0]).lower())),
        ):
            widget = self._maybe(name, SelectionList)
            if widget is not None:
                widget.clear_options()
                widget.add_options(options)
        card_select = self._maybe("#card", Select)
        if card_select is not None:
            card_select.set_options([(literal(f"{deck.theme_name(c.theme)}: {c.title}"), c.id) for c in deck.cards])
        if deck.deck.method and deck.deck.method in self.dapp.library.methods and self.mode != "beraad":
            method_select = self.query_one("#method", Select)
            if any(value == deck.deck.method for _, value in method_select._options):
                method_select.value = deck.deck.method
        self.count_matching()

    @on(Select.Changed, "#source")
    def source_changed(self) -> None:
        own = self.query_one("#source", Select).value == OWN_CASE
        for selector in ("#deck", "#deck-label", "#card", "#card-label"):
            self.query_one(selector).display = not own

    @on(SelectionList.SelectedChanged)
    def count_matching(self) -> None:
        deck = self.selected_deck()
        matching = self._maybe("#matching", Static)
        if deck is None or matching is None:
            return
        filters = self.filters()
        count = len(eligible([deck], Filters(filters["themes"], filters["bodies"], filters["roles"])))
        matching.update(t("ui.setup.matching", count=count, total=len(deck.cards)))

    def selected_deck(self) -> Deck | None:
        value = self.query_one("#deck", Select).value
        source = self.dapp.library.decks.get(str(value))
        return source.deck if source else None

    def filters(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for name in ("themes", "bodies", "roles"):
            widget = self._maybe(f"#{name}", SelectionList)
            result[name] = list(widget.selected) if widget is not None else []
        return result

    def text(self, selector: str) -> str:
        widget = self._maybe(selector, Input)
        return widget.value.strip() if widget is not None else ""

    def switch(self, selector: str, default: bool) -> bool:
        widget = self._maybe(selector, Switch)
        return widget.value if widget is not None else default

    def settings(self) -> Settings | None:
        """The settings from the form, or None (with a message) when something is missing."""
        deck = self.selected_deck()
        own_case = self.mode == "beraad" and self.query_one("#source", Select).value == OWN_CASE
        if deck is None and not own_case:
            self.notify(t("ui.setup.no_deck"), severity="error")
            return None
        if self.mode == "solo" and not self.text("#person"):
            self.notify(t("ui.setup.person_needed"), severity="error")
            self.query_one("#person", Input).focus()
            return None
        cards = 1
        if self._maybe("#cards", Input) is not None:
            raw = self.text("#cards")
            if not raw.isdigit() or not 1 <= int(raw) <= 500:
                self.notify(t("ui.setup.bad_cards"), severity="error")
                self.query_one("#cards", Input).focus()
                return None
            cards = int(raw)
        card_ref = ""
        if self.mode == "beraad" and not own_case:
            card_id = self.query_one("#card", Select).value
            if card_id is Select.BLANK or deck is None:
                self.notify(t("ui.setup.card_needed"), severity="error")
                self.query_one("#card", Select).focus()
                return None
            card_ref = f"{deck.id}/{card_id}"
        method = self.chosen_method() if self.switch("#steps", True) else None
        if method is not None:
            minutes = self.step_values()
            if minutes is None:
                self.notify(t("ui.setup.bad_minutes"), severity="error")
                bad = next(f for f in self.query("Input.step-minutes").results(Input)
                           if not (f.value.strip().isdigit() and 1 <= int(f.value) <= timing.MAX_STEP_MINUTES))
                bad.focus()
                return None
            self.remember_minutes(method, minutes)
            method = timing.with_step_minutes(method, minutes)
        filters = self.filters()
        reveal = self._maybe("#reveal", Select)
        voting = self._maybe("#voting", Select)
        return Settings(
            title=self.text("#title") or (t("ui.setup.solo_title", name=self.text("#person")) if self.mode == "solo" else ""),
            organisation=self.text("#organisation"),
            trainer=self.text("#trainer"),
            decks=[deck.id] if deck is not None and not own_case else [],
            themes=filters["themes"],
            bodies=filters["bodies"],  # type: ignore[arg-type]
            roles=filters["roles"],
            cards=cards,
            same_card=self.switch("#same_card", True),
            reveal=str(reveal.value) if reveal is not None else "named",  # type: ignore[arg-type]
            revote=self.switch("#revote", False),
            empty_reasoning=not self.switch("#reasoning_required", False),
            method=method,
            timeboxes=self.switch("#timeboxes", True),
            seed=random.SystemRandom().randrange(1_000_000),
            card=card_ref,
            voting=str(voting.value) if voting is not None else "laptop",  # type: ignore[arg-type]
        )

    def remember_minutes(self, method: Method, minutes: list[int]) -> None:
        """Keep the trainer's minutes as their default for this method (only when changed)."""
        if minutes == self.remembered_minutes(method):
            return
        saved = self.dapp.settings.get("step_minutes", {})
        saved = dict(saved) if isinstance(saved, dict) else {}
        saved[method.id] = minutes
        self.dapp.save_settings(step_minutes=saved)

    @on(Button.Pressed, "#start")
    def action_confirm(self) -> None:
        self.confirm()

    @work(exclusive=True)
    async def confirm(self) -> None:
        settings = self.settings()
        if settings is None:
            return
        if self.mode == "beraad" and not settings.card:
            from dilemmaspel.tui.screens.case import CaseScreen

            case: OwnCase | None = await self.app.push_screen_wait(CaseScreen())
            if case is None:
                return
            settings = settings.model_copy(update={"case": case})
        sink = StoreSink(self.dapp.store)
        engine = Engine(sink)
        try:
            engine.start(self.mode, settings, current_language())  # type: ignore[arg-type]
            if self.mode == "solo":
                engine.add_participant(Participant(name=" ".join(self.text("#person").split())))
                engine.form_single_group()
        except (StoreError, RuleError) as exc:
            self.fail(exc)
            return
        live = Live(sink.session_id or "", engine, [s.deck for s in self.dapp.library.decks.values()])
        self.dapp.route(live)

    def form_values(self) -> list[object]:
        """Everything the form holds now, to tell whether anything was typed or changed."""
        values: list[object] = []
        for widget in self.query("Input, Switch, Select, SelectionList, TextArea"):
            if widget.has_class("step-minutes"):
                continue  # rebuilt with each method: compared with the remembered minutes instead
            if isinstance(widget, SelectionList):
                values.append(sorted(map(str, widget.selected)))
            elif isinstance(widget, (Input, Switch, Select)):
                values.append(widget.value)
        return values

    def remember_form(self) -> None:
        self.initial_values = self.form_values()

    def pending_loss(self) -> str | None:
        initial = getattr(self, "initial_values", None)
        if initial is None:
            return None
        method = self.chosen_method()
        minutes_changed = method is not None and self.step_values() != self.remembered_minutes(method)
        if self.form_values() == initial and not minutes_changed:
            return None
        return t("ui.setup.loses")

    def action_back(self) -> None:
        self.leave()

    @work(exclusive=True, group="leave")
    async def leave(self) -> None:
        """Back to the start screen; asks first when something was typed or changed."""
        loss = self.pending_loss()
        if loss and not await self.ask(t("ui.discard", what=loss), t("ui.discard_yes"), t("ui.setup.keep")):
            return
        self.dapp.to_start()
