"""Readable validation problems: one line each, ``FILE:LINE: subject: field: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from dilemmaspel.i18n import t
from dilemmaspel.tomllines import LazyLineMap, LineMap, Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deck or method file."""

    file: str
    line: int
    subject: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}", self.subject]
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


def field_path(loc: Iterable[str | int]) -> str:
    """``("rules", 0, "ref")`` -> ``rules[1].ref`` (positions counted from 1)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A translated ' (did you mean 'x'?)' suffix, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return t("validate.did_you_mean", name=close[0]) if close else ""


_KINDS = {
    "string_type": "validate.kind.text",
    "int_type": "validate.kind.integer",
    "int_parsing": "validate.kind.integer",
    "list_type": "validate.kind.list",
    "dict_type": "validate.kind.table",
    "model_type": "validate.kind.table",
    "model_attributes_type": "validate.kind.table",
    "bool_type": "validate.kind.boolean",
}


def shown_value(value: Any, limit: int = 60) -> str:
    """A value as quoted in a message: at most ``limit`` characters of it."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def type_name(value: Any) -> str:
    """A translated name of a TOML value's type."""
    if isinstance(value, bool):
        return t("validate.kind.boolean")
    if isinstance(value, int):
        return t("validate.kind.integer")
    if isinstance(value, float):
        return t("validate.kind.number")
    if isinstance(value, str):
        return t("validate.kind.text")
    if isinstance(value, list):
        return t("validate.kind.list")
    if isinstance(value, dict):
        return t("validate.kind.table")
    return type(value).__name__


def message_for(error: dict[str, Any], model: type[BaseModel]) -> str:
    """A translated message for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return t("validate.missing")
    if kind == "extra_forbidden":
        return t("validate.unknown_key") + suggest(str(error["loc"][-1]), _known_keys(model, error["loc"]))
    if kind == "string_too_short":
        return t("validate.empty")
    if kind == "string_too_long":
        return t("validate.too_long_text", length=len(value), max=ctx.get("max_length"))
    if kind == "too_short":
        return t("validate.too_few", count=ctx.get("actual_length"), min=ctx.get("min_length"))
    if kind == "too_long":
        return t("validate.too_many", count=ctx.get("actual_length"), max=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        return t("validate.bad_slug", value=shown_value(value))
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "").replace("'", "")
        return t("validate.not_one_of", value=shown_value(value), expected=expected)
    if kind in _KINDS:
        return t("validate.wrong_type", expected=t(_KINDS[kind]), got=type_name(value))
    if kind == "greater_than":
        return t("validate.greater_than", limit=ctx.get("gt"))
    if kind == "less_than_equal":
        return t("validate.at_most", limit=ctx.get("le"))
    if kind == "article_link":
        return t("validate.bad_source", value=value)
    if kind == "iso_date":
        return t("validate.bad_date", value=value)
    if kind == "value_error":
        return t("validate.duplicates")
    return str(error.get("msg", kind))


def _known_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the (nested) model in which an unknown key was found."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            break
        inner = _model_in(field.annotation)
        if inner is None:
            break
        current = inner
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


MAX_PROBLEMS = 100
"""Problems reported per file: enough to fix, and a hostile file cannot make millions."""


class Collector:
    """Gathers the problems of one file, turning paths into line numbers.

    After :data:`MAX_PROBLEMS` it records one last problem saying so and is ``full``: checks
    stop early then, so the work stays bounded too.
    """

    def __init__(self, file: str, lines: LineMap | LazyLineMap) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []
        self.full = False

    def add(self, path: Path, subject: str, field: str, message: str) -> None:
        if self.full:
            return
        line = self.lines.line_of(path)
        if len(self.problems) >= MAX_PROBLEMS:
            self.full = True
            subject, field, message = t("validate.subject.file"), "", t("validate.too_many_problems", max=MAX_PROBLEMS)
        self.problems.append(Problem(self.file, line, subject, field, message))

    def validate(
        self, model: type[BaseModel], data: Any, prefix: Path, subject: str, skip: int = 0
    ) -> BaseModel | None:
        """Validate ``data`` against ``model``; record every error and return the model or None.

        ``skip`` leading parts of each error's location are left out of the shown field name.
        """
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                if self.full:
                    break
                loc = tuple(error["loc"])
                self.add(prefix + loc, subject, field_path(loc[skip:]), message_for(error, model))
            return None
