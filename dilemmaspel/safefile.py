"""The one way dilemmaspel reads a file it is given: decks, methods, rosters and settings.

Only regular files are read (a folder, a FIFO or a device such as ``/dev/zero`` is refused
without blocking), never more than a size limit, and every failure is a :class:`FileRefused`
with a translated message instead of an exception from deep inside the OS or a parser.
"""

from __future__ import annotations

import os
import stat

from dilemmaspel.i18n import t

MiB = 1024 * 1024
DECK_LIMIT = 4 * MiB
"""Decks and methods: the largest shipped deck is 0.3 MB (a hostile 4 MB file still validates in seconds)."""
ROSTER_LIMIT = 4 * MiB
"""Rosters: 45 people take 2 KB."""
SETTINGS_LIMIT = 1 * MiB
"""The settings file: a few lines."""

# Open flags that keep a swapped-in FIFO or terminal from blocking or becoming ours.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_CHUNK = MiB


class FileRefused(Exception):
    """A file that cannot or may not be read; ``str()`` is the translated reason."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang=lang, **self.params)

    def __str__(self) -> str:
        return self.message()


def _refuse_kind(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise FileRefused("file.is_folder")
    if not stat.S_ISREG(mode):
        raise FileRefused("file.not_regular")


def _size_text(size: int) -> str:
    if size >= MiB:
        return f"{size / MiB:.1f} MB"
    return f"{size // 1024} KB" if size >= 10 * 1024 else f"{size} bytes"


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The contents of the regular file at ``path``, at most ``limit`` bytes, or FileRefused."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileRefused("file.missing") from None
    except (OSError, ValueError) as exc:  # ValueError: NUL in the path
        raise FileRefused("file.unreadable", reason=_reason(exc)) from None
    _refuse_kind(info.st_mode)
    if info.st_size > limit:
        raise FileRefused("file.too_large", size=_size_text(info.st_size), limit=_size_text(limit))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise FileRefused("file.unreadable", reason=_reason(exc)) from None
    try:
        _refuse_kind(os.fstat(fd).st_mode)  # replaced between stat and open?
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise FileRefused("file.unreadable", reason=_reason(exc)) from None
    finally:
        os.close(fd)
    if total > limit:  # the file grew, or its size was not known (e.g. /proc)
        raise FileRefused("file.too_large", size=_size_text(total) + "+", limit=_size_text(limit))
    return b"".join(chunks)


def read_text(path: str | os.PathLike[str], limit: int, encoding: str = "utf-8-sig") -> str:
    """A small text file decoded strictly; a decoding error is a FileRefused with its line."""
    raw = read_bytes(path, limit)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileRefused("file.bad_encoding", encoding=encoding, line=raw.count(b"\n", 0, exc.start) + 1) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and (exc.strerror or exc.errno):
        from dilemmaspel.i18n.oserror import os_error

        return os_error(exc)  # Python's strerror is English whatever the UI language
    return str(exc) or type(exc).__name__

