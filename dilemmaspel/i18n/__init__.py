"""The nl/en string catalogs and the current UI language.

Every user-facing string goes through :func:`t`. Dutch is the default; the language is chosen
once at start-up (``--lang``, ``DILEMMASPEL_LANG`` or the stored setting).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")


AREAS = ("", "anon", "argparse", "decks", "dialogs", "files", "flow", "oserror", "report", "roles", "room",
         "store", "ui", "wording")
"""The catalog modules of each language: ``nl.py`` and ``nl_<area>.py``, likewise for English.
Listed rather than looked up on disk, which costs the start-up time; a test checks the list
against the files."""


def _load_catalog(language: str) -> dict[str, str]:
    """Merge every catalog module of one language: ``nl*.py`` into Dutch, ``en*.py`` into English.

    Each area of the app keeps its strings in a module of its own (``nl_room.py``, ...), so a
    new area adds files (and a name in ``AREAS``) instead of editing one long dictionary. A key
    defined twice is a bug.
    """
    import importlib

    catalog: dict[str, str] = {}
    for area in AREAS:
        name = f"{language}_{area}" if area else language
        messages: dict[str, str] = importlib.import_module(f"{__name__}.{name}").MESSAGES
        clash = catalog.keys() & messages.keys()
        if clash:
            raise RuntimeError(f"catalog {name} redefines {sorted(clash)}")
        catalog.update(messages)
    return catalog


class _Catalogs(Mapping[str, dict[str, str]]):
    """The catalog of each language, merged the first time that language is used (start-up
    time: a session in Dutch never loads the English strings)."""

    def __init__(self) -> None:
        self._loaded: dict[str, dict[str, str]] = {}

    def __getitem__(self, language: str) -> dict[str, str]:
        catalog = self._loaded.get(language)
        if catalog is None:
            if language not in LANGUAGES:
                raise KeyError(language)
            catalog = self._loaded[language] = _load_catalog(language)
        return catalog

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


CATALOGS: Mapping[str, dict[str, str]] = _Catalogs()

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
