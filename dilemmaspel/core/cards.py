"""Decks and dilemma cards."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from dilemmaspel.core.fields import STRICT, Body, Language, Slug, Text

OPTION_LETTERS = "ABCD"

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class Rule(BaseModel):
    """A legal or code-of-conduct reference a card touches."""

    model_config = STRICT

    ref: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    summary: Text


class Card(BaseModel):
    """One dilemma: a situation, a question and two to four courses of action."""

    model_config = STRICT

    id: Slug
    title: Title
    theme: Slug
    bodies: list[Body] = Field(min_length=1)
    roles: list[Text] = Field(default_factory=list)
    situation: Text
    question: Text
    options: list[Text] = Field(min_length=2, max_length=4)
    twists: list[Text] = Field(default_factory=list, max_length=3)
    prompts: list[Text] = Field(default_factory=list, max_length=5)
    reflection: str = ""
    rules: list[Rule] = Field(default_factory=list)

    @field_validator("bodies")
    @classmethod
    def _bodies_unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("duplicate")
        return value

    @property
    def letters(self) -> str:
        """The option letters this card uses, e.g. ``"ABC"``."""
        return OPTION_LETTERS[: len(self.options)]

    def option(self, letter: str) -> str:
        """The text of the option with the given letter."""
        return self.options[OPTION_LETTERS.index(letter)]


class DeckInfo(BaseModel):
    """The ``[deck]`` table."""

    model_config = STRICT

    id: Slug
    title: Title
    language: Language
    version: Text
    description: str = ""
    method: Slug | None = None
    themes: dict[Slug, Text] = Field(min_length=1)


class Deck(BaseModel):
    """A validated deck: its header and its cards."""

    model_config = STRICT

    deck: DeckInfo
    cards: list[Card] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.deck.id

    @property
    def title(self) -> str:
        return self.deck.title

    def card(self, card_id: str) -> Card:
        """The card with ``card_id``; ``KeyError`` if the deck has none."""
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def theme_name(self, theme: str) -> str:
        """The display name of a theme id."""
        return self.deck.themes.get(theme, theme)
