"""Deliberation methods: a named scheme of steps (e.g. the seven steps)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from dilemmaspel.core.cards import Title
from dilemmaspel.core.fields import STRICT, Language, Slug, Text


class Step(BaseModel):
    """One step of a deliberation method."""

    model_config = STRICT

    title: Title
    prompt: Text
    hints: list[Text] = Field(default_factory=list)
    minutes: int | None = Field(default=None, gt=0, le=240)


class MethodInfo(BaseModel):
    """The ``[method]`` table."""

    model_config = STRICT

    id: Slug
    title: Title
    language: Language
    description: str = ""


class Method(BaseModel):
    """A validated deliberation method."""

    model_config = STRICT

    method: MethodInfo
    steps: list[Step] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.method.id

    @property
    def title(self) -> str:
        return self.method.title
