"""Shared pieces of every screen: translated key bindings and literal text."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from rich.text import Text
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from dilemmaspel.i18n import t

if TYPE_CHECKING:
    from dilemmaspel.core.session import RoundState
    from dilemmaspel.tui.app import DilemmaApp
    from dilemmaspel.tui.context import Live


def literal(text: str) -> Content:
    """Text shown exactly as typed: never interpreted as markup."""
    return Content(text)


def cell(text: str) -> Text:
    """A table cell shown exactly as typed (DataTable would read a plain str as markup)."""
    return Text(text)


def translate_bindings(node: DOMNode) -> None:
    """Replace catalog keys in a node's binding descriptions by the current language's text.

    Bindings are merged when a class is defined, before the language is known, so screens
    declare catalog keys (``key.help`` and the like) and translate them when they are created.
    """
    if node._merged_bindings is not None:
        node._bindings = node._merged_bindings.copy()
    bindings = node._bindings.key_to_bindings
    for key, items in bindings.items():
        bindings[key] = [
            dataclasses.replace(b, description=t(b.description), tooltip=t(b.tooltip) if b.tooltip else "")
            if b.description.startswith("key.")
            else b
            for b in items
        ]


def error_text(exc: Exception) -> str:
    """A user-facing message for an engine refusal or a failure to save."""
    key = getattr(exc, "key", None)  # RuleError, GroupingError: a catalog key and its values
    if isinstance(key, str):
        return t(key, **getattr(exc, "params", {}))
    return t("ui.save_failed", reason=str(exc))


class BaseScreen(Screen[Any]):
    """A screen whose bindings speak the UI language and whose notifications are literal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications never interpret markup: they often carry names or file contents."""
        self.app.notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def dapp(self) -> "DilemmaApp":
        return self.app  # type: ignore[return-value]

    def fail(self, exc: Exception) -> None:
        """Show an engine refusal or store failure; nothing typed is lost.

        When another writer has the session (SessionConflict), this window shows it read-only
        from now on: every later command is refused with the same message.
        """
        from dilemmaspel.store import SessionConflict

        live = getattr(self, "live", None)
        read_only = live is not None and isinstance(exc, SessionConflict)
        if read_only and live.read_only is None:
            live.refuse(exc)
        shown_read_only = read_only or getattr(live, "read_only", None) is not None
        title = t("store.read_only_title") if shown_read_only else t("ui.error_title")
        self.notify(error_text(exc), title=title, severity="error", timeout=12 if read_only else 8)


class SessionScreen(BaseScreen):
    """A screen about one open session."""

    def __init__(self, live: "Live") -> None:
        super().__init__()
        self.live = live


class RoundScreen(SessionScreen):
    """A screen about one round (a card or own case played by one group) of an open session."""

    def __init__(self, live: "Live", rnd: "RoundState") -> None:
        super().__init__(live)
        self.rnd = rnd


class BaseModal(ModalScreen[Any]):
    """A modal dialog whose bindings speak the UI language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)


def binding(key: str, action: str, description: str, show: bool = True, priority: bool = False, key_display: str | None = None) -> Binding:
    """A binding with an id equal to its action, so users can remap keys."""
    return Binding(key, action, description, show=show, priority=priority, id=action, key_display=key_display)
