"""Shared pieces of every screen: translated key bindings and literal text."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual.binding import ActiveBinding, Binding
from textual.content import Content
from textual.screen import ModalScreen, Screen

from dilemmaspel.i18n import t

if TYPE_CHECKING:
    from dilemmaspel.core.session import RoundState
    from dilemmaspel.tui.app import DilemmaApp
    from dilemmaspel.tui.context import Live

ResultType = TypeVar("ResultType")


def literal(text: str) -> Content:
    """Text shown exactly as typed: never interpreted as markup."""
    return Content(text)


def cell(text: str) -> Text:
    """A table cell shown exactly as typed (DataTable would read a plain str as markup)."""
    return Text(text)


def role_name(role: str) -> str:
    """A card's role id (``group-leader``, ``ab-lid``) as people read it, in the UI language."""
    key = f"role.{role}"
    name = t(key)
    return role.replace("-", " ") if name == key else name


def body_name(body: str) -> str:
    """A governing body id (``gemeente``) in the UI language."""
    return t(f"body.{body}")


# --- key bindings -----------------------------------------------------------------------------
#
# Bindings are merged when a class is defined, before the UI language is known, so they carry
# catalog keys (``key.help``) as descriptions. Screens translate them where Footer, KeyPanel and
# the command palette read them: ``Screen.active_bindings``. Every binding gets an id qualified
# by its screen (``round.close``, ``help.close``) so a user's keymap can change one key of one
# screen (``"keys"`` in settings.json, applied with ``App.set_keymap``).


def _translated(value: str | None) -> str | None:
    return t(value) if value and value.startswith("key.") else value


def translate_active(bindings: dict[str, ActiveBinding], rename: dict[str, str] | None = None) -> dict[str, ActiveBinding]:
    """The same bindings with catalog keys in descriptions, tooltips and key displays translated.

    ``rename`` maps a description's catalog key to another one (a screen whose key means
    something else in this session)."""
    result: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        original = active.binding
        description = (rename or {}).get(original.description, original.description)
        changed = dataclasses.replace(
            original,
            description=_translated(description) or "",
            tooltip=_translated(original.tooltip) or "",
            key_display=_translated(original.key_display),
        )
        result[key] = ActiveBinding(active.node, changed, active.enabled, changed.tooltip or active.tooltip)
    return result


def key_scope(class_name: str) -> str:
    """The id prefix of a screen's bindings: ``RevealScreen`` -> ``reveal``, ``ConfirmDialog`` -> ``confirm``."""
    base = re.sub(r"(Screen|Dialog|Modal)$", "", class_name) or class_name
    return re.sub(r"(?<!^)(?=[A-Z])", "-", base).lower()


def scope_bindings(cls: type, scope: str) -> None:
    """Qualify the ids of the bindings a class declares itself with ``scope`` (before Textual merges them)."""
    own = cls.__dict__.get("BINDINGS")
    if not own:
        return
    scoped = []
    for item in own:
        if isinstance(item, Binding) and item.id and "." not in item.id:
            item = dataclasses.replace(item, id=f"{scope}.{item.id}")
        scoped.append(item)
    cls.BINDINGS = scoped  # type: ignore[attr-defined]


def binding(key: str, action: str, description: str, show: bool = True, priority: bool = False,
            key_display: str | None = None, id: str | None = None) -> Binding:
    """A binding whose id (the action's name unless given) its screen qualifies, so users can remap keys."""
    name = id or re.sub(r"[^a-z0-9]+", "-", action.removeprefix("app.").lower()).strip("-")
    return Binding(key, action, description, show=show, priority=priority, id=name, key_display=key_display)


def error_text(exc: Exception) -> str:
    """A user-facing message for an engine refusal or a failure to save."""
    key = getattr(exc, "key", None)  # RuleError, GroupingError: a catalog key and its values
    if isinstance(key, str):
        return t(key, **getattr(exc, "params", {}))
    if isinstance(exc, OSError):
        from dilemmaspel.i18n.oserror import os_error

        return t("ui.save_failed", reason=os_error(exc))
    return t("ui.save_failed", reason=str(exc))


class BaseScreen(Screen[Any]):
    """A screen whose bindings speak the UI language and whose notifications are literal."""

    KEY_SCOPE: str = ""
    """Prefix of this screen's binding ids; derived from the class name when empty."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        scope_bindings(cls, cls.__dict__.get("KEY_SCOPE") or key_scope(cls.__name__))
        super().__init_subclass__(**kwargs)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings Footer, KeyPanel and the palette show, in the UI language."""
        return translate_active(super().active_bindings, self.binding_names())

    def binding_names(self) -> dict[str, str]:
        """Catalog keys of binding descriptions to show under another key here (none by default)."""
        return {}

    def pending_loss(self) -> str | None:
        """What leaving this screen now would throw away (a sentence), or None when nothing is lost."""
        return None

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

    async def ask(self, question: str, yes: str | None = None, no: str | None = None, default: bool = False,
                  letters: bool = True) -> bool:
        """Ask a yes/no question in a dialog (call from a worker); True when the answer is yes.

        Give ``letters=False`` when a letter key asked: then only a button (or Enter on it) says yes."""
        from dilemmaspel.tui.dialogs.confirm import ConfirmDialog

        return bool(await self.app.push_screen_wait(ConfirmDialog(question, yes, no, default=default, letters=letters)))


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


class BaseModal(ModalScreen[ResultType]):
    """A modal dialog, typed by its result, whose bindings speak the UI language."""

    KEY_SCOPE: str = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        scope_bindings(cls, cls.__dict__.get("KEY_SCOPE") or key_scope(cls.__name__))
        super().__init_subclass__(**kwargs)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_active(super().active_bindings)

    def pending_loss(self) -> str | None:
        return None
