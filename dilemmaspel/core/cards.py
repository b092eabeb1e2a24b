"""Decks and dilemma cards."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from dilemmaspel.core.fields import STRICT, Body, Language, Slug, Text

OPTION_LETTERS = "ABCD"

_BWB = r"BWB[RV]\d{7}"
_ARTICLE = r"[0-9]+[a-z]*(?:[.:][0-9]+[a-z]*)*"
SOURCE_FORMS = (
    # the permanent link wetten.overheid.nl offers for an article (Juriconnect)
    re.compile(rf"https://wetten\.overheid\.nl/jci1\.[0-9]+:c:{_BWB}(?:&[a-z]+=[^&#\s]+)*&artikel={_ARTICLE}(?:&[a-z]+=[^&#\s]+)*"),
    # the address of a version of the text, with the anchor of the article
    re.compile(rf"https://wetten\.overheid\.nl/{_BWB}(?:/\d{{4}}-\d{{2}}-\d{{2}}(?:/\d+)?)?/?#(?:[A-Za-z0-9.:]+_)*Artikel{_ARTICLE}"),
)
"""The two forms of a link to one article of a law on wetten.overheid.nl."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_article_link(url: str) -> bool:
    """Whether ``url`` links to one article of a regulation on wetten.overheid.nl."""
    return any(form.fullmatch(url) for form in SOURCE_FORMS)

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class Rule(BaseModel):
    """A legal or code-of-conduct reference a card touches."""

    model_config = STRICT

    ref: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    summary: Text
    source: str | None = None

    @field_validator("source")
    @classmethod
    def _source_is_article_link(cls, value: str | None) -> str | None:
        if value is not None and not is_article_link(value.strip()):
            raise PydanticCustomError("article_link", "not a link to an article on wetten.overheid.nl")
        return value.strip() if value is not None else None


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
    checked: str | None = None
    themes: dict[Slug, Text] = Field(min_length=1)

    @field_validator("checked", mode="before")
    @classmethod
    def _checked_is_a_date(cls, value: Any) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()  # an unquoted TOML date is fine too
        if isinstance(value, str):
            try:
                if not _ISO_DATE.fullmatch(value.strip()):
                    raise ValueError(value)
                dt.date.fromisoformat(value.strip())
            except ValueError:
                raise PydanticCustomError("iso_date", "not a date YYYY-MM-DD") from None
            return value.strip()
        return value


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
