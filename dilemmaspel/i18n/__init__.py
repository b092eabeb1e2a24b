"""The nl/en string catalogs and the current UI language.

Every user-facing string goes through :func:`t`. Dutch is the default; the language is chosen
once at start-up (``--lang``, ``DILEMMASPEL_LANG`` or the stored setting).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")


def _load_catalogs() -> dict[str, dict[str, str]]:
    """Merge every catalog module of this package: ``nl*.py`` into Dutch, ``en*.py`` into English.

    Each area of the app keeps its strings in a module of its own (``nl_room.py``, ...), so a
    new area adds files instead of editing one long dictionary. A key defined twice is a bug.
    """
    catalogs: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        lang = info.name.split("_", 1)[0]
        if lang not in catalogs:
            continue
        messages: dict[str, str] = importlib.import_module(f"{__name__}.{info.name}").MESSAGES
        clash = catalogs[lang].keys() & messages.keys()
        if clash:
            raise RuntimeError(f"catalog {info.name} redefines {sorted(clash)}")
        catalogs[lang].update(messages)
    return catalogs


CATALOGS: dict[str, dict[str, str]] = _load_catalogs()

_current: Language = "nl"


def default_language() -> Language:
    """The language from ``DILEMMASPEL_LANG``, falling back to Dutch."""
    value = os.environ.get("DILEMMASPEL_LANG", "").strip().lower()
    return value if value in LANGUAGES else "nl"  # type: ignore[return-value]


def set_language(language: str) -> None:
    """Switch the UI language; unknown codes raise ``ValueError``."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(language)
    _current = language  # type: ignore[assignment]


def current_language() -> Language:
    """The language in force."""
    return _current


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """Translate ``key`` into the current (or given) language and fill in ``params``."""
    catalog = CATALOGS[lang or _current]
    template = catalog.get(key) or CATALOGS["nl"].get(key) or key
    return template.format(**params) if params else template
