"""A dilemma card (or own case) shown large and readable; every text literal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from dilemmaspel.core.cards import OPTION_LETTERS
from dilemmaspel.core.session import RoundState
from dilemmaspel.i18n import t
from dilemmaspel.tui.base import body_name, literal, role_name


class CardView(Vertical):
    """Title, theme, situation, question and options A-D of a round's card."""

    DEFAULT_CSS = """
    CardView { height: auto; padding: 0 1; }
    CardView .card-title { text-style: bold; color: $accent; }
    CardView .card-meta { color: $text-muted; }
    CardView .card-situation { margin: 1 0; }
    CardView .card-question { text-style: bold; margin-bottom: 1; }
    CardView .card-option { padding-left: 2; }
    """

    def __init__(self, rnd: RoundState, theme_name: str = "", show_options: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rnd = rnd
        self.theme_name = theme_name
        self.show_options = show_options

    def compose(self) -> ComposeResult:
        rnd = self.rnd
        yield Static(literal(rnd.title), classes="card-title", markup=False)
        if rnd.card is not None:
            meta = [self.theme_name or rnd.card.theme, ", ".join(body_name(b) for b in rnd.card.bodies)]
            if rnd.card.roles:
                meta.append(", ".join(role_name(r) for r in rnd.card.roles))
            yield Static(literal(" · ".join(meta)), classes="card-meta")
        else:
            yield Static(literal(t("ui.card.own_case")), classes="card-meta")
        if rnd.situation:
            yield Static(literal(rnd.situation.strip()), classes="card-situation")
        yield Static(literal(rnd.question), classes="card-question")
        if self.show_options:
            for letter, option in zip(OPTION_LETTERS, rnd.options):
                yield Static(literal(f"{letter}. {option}"), classes="card-option")
