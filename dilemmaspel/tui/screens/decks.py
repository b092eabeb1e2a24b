"""Browse the decks: every card with its twists, prompts, rules and reflection."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dilemmaspel.core.cards import Card, Deck
from dilemmaspel.core.session import RoundState
from dilemmaspel.i18n import t
from dilemmaspel.tui.base import BaseScreen, binding, literal
from dilemmaspel.tui.widgets.card_view import CardView
from dilemmaspel.tui.widgets.rules import rule_text
from dilemmaspel.tui.widgets.chrome import KeyLine, TitleLine


def deck_heading(deck: Deck) -> str:
    """A deck's line in the browser: title, number of cards and when its rules were checked."""
    heading = f"{deck.title} ({len(deck.cards)})"
    if deck.deck.checked:
        heading += " · " + t("ui.decks.checked", date=deck.deck.checked)
    return heading


def card_extras(card: Card) -> list[Static]:
    """Twists, prompts, rules and reflection of a card, as literal text blocks."""
    parts: list[Static] = []
    sections = [
        ("ui.reveal.twists_all", card.twists),
        ("ui.reveal.prompts", card.prompts),
        ("ui.reveal.rules", [rule_text(r, ": ") for r in card.rules]),
    ]
    for key, items in sections:
        if items:
            parts.append(Static(t(key), classes="subsection"))
            parts.append(Static(literal("\n".join(f"• {item}" for item in items))))
    if card.reflection:
        parts.append(Static(t("ui.reveal.reflection"), classes="subsection"))
        parts.append(Static(literal(card.reflection.strip())))
    return parts


class DecksScreen(BaseScreen):
    """Decks and cards on the left, the highlighted card on the right."""

    BINDINGS = [binding("escape,q", "close", "key.close")]

    def compose(self) -> ComposeResult:
        yield TitleLine()
        with Horizontal(id="browser"):
            yield OptionList(id="cards")
            yield VerticalScroll(id="card-detail")
        yield KeyLine()

    def on_mount(self) -> None:
        self.sub_title = t("ui.decks.subtitle")
        menu = self.query_one("#cards", OptionList)
        self.cards: dict[str, tuple[Deck, Card]] = {}
        for source in self.dapp.library.decks.values():
            deck = source.deck
            menu.add_option(Option(literal(deck_heading(deck)), disabled=True))
            for theme, name in deck.deck.themes.items():
                cards = [c for c in deck.cards if c.theme == theme]
                if not cards:
                    continue
                menu.add_option(Option(literal(f" {name}"), disabled=True))
                for card in cards:
                    key = f"{deck.id}/{card.id}"
                    self.cards[key] = (deck, card)
                    menu.add_option(Option(literal(f"   {card.title}"), id=key))
        menu.focus()
        first = next((i for i in range(menu.option_count) if not menu.get_option_at_index(i).disabled), None)
        if first is not None:
            menu.highlighted = first
        for skipped in self.dapp.library.skipped:
            menu.add_option(Option(literal(f"⚠ {skipped.problem}"), disabled=True))

    @on(OptionList.OptionHighlighted, "#cards")
    def show_card(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id not in self.cards:
            return
        deck, card = self.cards[event.option.id]
        detail = self.query_one("#card-detail", VerticalScroll)
        detail.remove_children()
        view = CardView(RoundState(number=0, group=0, deck=deck.id, card=card), deck.theme_name(card.theme))
        detail.mount(view, *card_extras(card))
        detail.scroll_home(animate=False)

    def action_close(self) -> None:
        self.app.pop_screen()
