"""The nl/en string catalogs and the current UI language.

Every user-facing string goes through :func:`t`. Dutch is the default; the language is chosen
once at start-up (``--lang``, ``DILEMMASPEL_LANG`` or the stored setting).
"""

from __future__ import annotations

import os
from typing import Literal

from dilemmaspel.i18n import en, en_ui, nl, nl_ui

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
CATALOGS: dict[str, dict[str, str]] = {
    "nl": {**nl.MESSAGES, **nl_ui.MESSAGES},
    "en": {**en.MESSAGES, **en_ui.MESSAGES},
}

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
