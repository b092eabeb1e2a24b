"""Setting up a session: who runs it, which deck and filters, how votes are shown, which method."""

from __future__ import annotations

import random

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Label, Select, SelectionList, Static, Switch

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.i18n import current_language, t
from dilemmaspel.store import StoreError, StoreSink
from dilemmaspel.tui.base import BaseScreen, binding
from dilemmaspel.tui.context import Live

NO_METHOD = "-"


class SetupScreen(BaseScreen):
    """The form that starts a session; nothing is stored until it is confirmed."""

    BINDINGS = [
        binding("ctrl+n", "confirm", "key.continue"),
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
        decks = self.decks
        methods = self.dapp.library.methods_for(current_language())
        yield Header()
        with VerticalScroll(id="setup", classes="form"):
            yield Static(t(f"ui.setup.intro.{self.mode}"), classes="intro")
            yield Label(t("ui.setup.title"))
            yield Input(placeholder=t("ui.setup.title_hint"), id="title", max_length=120)
            with Horizontal(classes="pair"):
                with Vertical(classes="half"):
                    yield Label(t("ui.setup.organisation"))
                    yield Input(placeholder=t("ui.setup.organisation_hint"), id="organisation", max_length=120)
                with Vertical(classes="half"):
                    yield Label(t("ui.setup.trainer"))
                    yield Input(placeholder=t("ui.setup.trainer_hint"), id="trainer", max_length=120)
            yield Label(t("ui.setup.deck"))
            yield Select([(f"{d.title} ({len(d.cards)})", d.id) for d in decks], id="deck", allow_blank=False)
            yield Label(t("ui.setup.themes"))
            yield SelectionList[str](id="themes", classes="filter")
            yield Label(t("ui.setup.bodies"))
            yield SelectionList[str](*[(t(f"body.{b}"), b) for b in ("gemeente", "provincie", "waterschap")], id="bodies", classes="filter short")
            yield Label(t("ui.setup.roles"))
            yield SelectionList[str](id="roles", classes="filter")
            yield Static("", id="matching", classes="hint")
            yield Label(t("ui.setup.cards"))
            yield Input("3", id="cards", type="integer", max_length=3)
            yield Label(t("ui.setup.same_card"))
            yield Switch(True, id="same_card")
            yield Label(t("ui.setup.reveal"))
            yield Select([(t("ui.setup.reveal.anonymous"), "anonymous"), (t("ui.setup.reveal.named"), "named")],
                         value="anonymous", id="reveal", allow_blank=False)
            yield Label(t("ui.setup.revote"))
            yield Switch(True, id="revote")
            yield Label(t("ui.setup.reasoning_required"))
            yield Switch(False, id="reasoning_required")
            yield Label(t("ui.setup.method"))
            yield Select([(f"{m.title} ({len(m.steps)})", m.id) for m in methods] + [(t("ui.setup.no_method"), NO_METHOD)],
                         value=methods[0].id if methods else NO_METHOD, id="method", allow_blank=False)
            yield Label(t("ui.setup.timeboxes"))
            yield Switch(True, id="timeboxes")
            yield Button(t("ui.setup.start"), variant="primary", id="start")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = t(f"mode.{self.mode}")
        self.fill_filters()
        self.query_one("#title", Input).focus()

    @on(Select.Changed, "#deck")
    def fill_filters(self) -> None:
        deck = self.selected_deck()
        themes = self.query_one("#themes", SelectionList)
        themes.clear_options()
        roles = self.query_one("#roles", SelectionList)
        roles.clear_options()
        if deck is None:
            return
        themes.add_options([(name, theme) for theme, name in deck.deck.themes.items()])
        all_roles = sorted({role for card in deck.cards for role in card.roles})
        roles.add_options([(role, role) for role in all_roles])
        if deck.deck.method and deck.deck.method in self.dapp.library.methods:
            self.query_one("#method", Select).value = deck.deck.method
        self.count_matching()

    @on(SelectionList.SelectedChanged)
    def count_matching(self) -> None:
        from dilemmaspel.core.dealing import Filters, eligible

        deck = self.selected_deck()
        if deck is None:
            return
        filters = self.filters()
        count = len(eligible([deck], Filters(filters["themes"], filters["bodies"], filters["roles"])))
        self.query_one("#matching", Static).update(t("ui.setup.matching", count=count, total=len(deck.cards)))

    def selected_deck(self) -> Deck | None:
        value = self.query_one("#deck", Select).value
        source = self.dapp.library.decks.get(str(value))
        return source.deck if source else None

    def filters(self) -> dict[str, list[str]]:
        return {
            name: list(self.query_one(f"#{name}", SelectionList).selected)
            for name in ("themes", "bodies", "roles")
        }

    def settings(self) -> Settings | None:
        deck = self.selected_deck()
        if deck is None:
            self.notify(t("ui.setup.no_deck"), severity="error")
            return None
        raw_cards = self.query_one("#cards", Input).value.strip()
        if not raw_cards.isdigit() or not 1 <= int(raw_cards) <= 500:
            self.notify(t("ui.setup.bad_cards"), severity="error")
            self.query_one("#cards", Input).focus()
            return None
        method_id = str(self.query_one("#method", Select).value)
        method = self.dapp.library.methods[method_id].method if method_id in self.dapp.library.methods else None
        filters = self.filters()
        return Settings(
            title=self.query_one("#title", Input).value.strip(),
            organisation=self.query_one("#organisation", Input).value.strip(),
            trainer=self.query_one("#trainer", Input).value.strip(),
            decks=[deck.id],
            themes=filters["themes"],
            bodies=filters["bodies"],  # type: ignore[arg-type]
            roles=filters["roles"],
            cards=int(raw_cards),
            same_card=self.query_one("#same_card", Switch).value,
            reveal=str(self.query_one("#reveal", Select).value),  # type: ignore[arg-type]
            revote=self.query_one("#revote", Switch).value,
            empty_reasoning=not self.query_one("#reasoning_required", Switch).value,
            method=method,
            timeboxes=self.query_one("#timeboxes", Switch).value,
            seed=random.SystemRandom().randrange(1_000_000),
        )

    @on(Button.Pressed, "#start")
    def action_confirm(self) -> None:
        settings = self.settings()
        if settings is None:
            return
        sink = StoreSink(self.dapp.store)
        engine = Engine(sink)
        try:
            engine.start(self.mode, settings, current_language())  # type: ignore[arg-type]
        except StoreError as exc:
            self.fail(exc)
            return
        live = Live(sink.session_id or "", engine, [s.deck for s in self.dapp.library.decks.values()])
        self.dapp.route(live)

    def action_back(self) -> None:
        self.dapp.to_start()
