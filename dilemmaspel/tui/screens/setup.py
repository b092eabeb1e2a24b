"""Setting up a session: who runs it, which deck or case, filters, how votes are shown, the method.

One form serves the three modes; each shows only the fields that apply to it.
"""

from __future__ import annotations

import random
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Label, Select, SelectionList, Static, Switch

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.dealing import Filters, eligible
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import OwnCase, Settings
from dilemmaspel.core.fields import BODIES
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError
from dilemmaspel.i18n import current_language, t
from dilemmaspel.store import StoreError, StoreSink
from dilemmaspel.tui.base import BaseScreen, binding, literal, role_name
from dilemmaspel.tui.context import Live

NO_METHOD = "-"
OWN_CASE = "own"
DECK_CARD = "card"


class SetupScreen(BaseScreen):
    """The form that starts a session; nothing is stored until it is confirmed."""

    BINDINGS = [
        binding("ctrl+n", "confirm", "key.continue", priority=True),
        binding("escape", "back", "key.back"),
    ]

    def __init__(self, mode: str = "group") -> None:
        super().__init__()
        self.mode = mode

    @property
    def decks(self) -> list[Deck]:
        decks = [source.deck for source in self.dapp.library.decks.values()]
        return sorted(decks, key=lambda d: (d.deck.language != current_language(), d.title))

    def compose(self) -> ComposeResult:
        mode = self.mode
        methods = self.dapp.library.methods_for(current_language())
        if mode == "beraad":
            methods.sort(key=lambda m: m.id != "dilemmamethode" or m.method.language != current_language())
        yield Header()
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
                yield Label(t("ui.setup.cards" if mode == "group" else "ui.setup.cards_solo"))
                yield Input("3", id="cards", type="integer", max_length=3)
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
            yield Label(t("ui.setup.timeboxes"))
            yield Switch(mode != "solo", id="timeboxes")
            yield Button(t(f"ui.setup.start.{mode}"), variant="primary", id="start")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = t(f"mode.{self.mode}")
        self.fill_filters()
        self.query_one("#person" if self.mode == "solo" else "#title", Input).focus()
        self.call_after_refresh(self.remember_form)  # once the deck's filters and method are filled in

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
        method_id = str(self.query_one("#method", Select).value)
        use_method = self.switch("#steps", True)
        method = self.dapp.library.methods[method_id].method if method_id in self.dapp.library.methods and use_method else None
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
            if isinstance(widget, SelectionList):
                values.append(sorted(map(str, widget.selected)))
            elif isinstance(widget, (Input, Switch, Select)):
                values.append(widget.value)
        return values

    def remember_form(self) -> None:
        self.initial_values = self.form_values()

    def pending_loss(self) -> str | None:
        initial = getattr(self, "initial_values", None)
        if initial is None or self.form_values() == initial:
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
