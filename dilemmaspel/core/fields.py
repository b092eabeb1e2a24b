"""Field types shared by the deck, method and session models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Language = Literal["nl", "en"]
Body = Literal["gemeente", "provincie", "waterschap"]
BODIES: tuple[Body, ...] = ("gemeente", "provincie", "waterschap")

STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)
