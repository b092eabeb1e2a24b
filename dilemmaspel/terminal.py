"""Text on its way to a terminal: control characters made visible instead of obeyed.

A roster name, a deck title or a bad id may hold ``ESC[2J`` (clear the screen), a carriage
return that overwrites the line, or a right-to-left override that reorders it. :func:`printable`
shows each such character as an escape (``\\x1b``) so the rest of the text stays readable;
:class:`SafeStream` applies it to everything the command line prints.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0 controls but tab and newline, DEL and C1 controls, bidirectional controls, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def unsafe_character(text: str) -> str | None:
    """The first character of ``text`` that :func:`printable` would escape, or None."""
    found = _UNSAFE.search(text)
    return found.group() if found else None


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape."""
    return _UNSAFE.sub(_escape, text)


class SafeStream:
    """A text stream that passes everything written through :func:`printable`.

    Characters the stream's encoding cannot hold (an emoji on a Windows code page) become
    ``?`` instead of an exception.
    """

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        safe = printable(text)
        try:
            self._inner.write(safe)
        except UnicodeEncodeError:
            encoding = getattr(self._inner, "encoding", None) or "ascii"
            self._inner.write(safe.encode(encoding, "replace").decode(encoding, "replace"))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """Route ``sys.stdout`` and ``sys.stderr`` through :class:`SafeStream` for a while."""
    saved = sys.stdout, sys.stderr
    if saved[0] is not None:
        sys.stdout = SafeStream(saved[0])  # type: ignore[assignment]
    if saved[1] is not None:
        sys.stderr = SafeStream(saved[1])  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
