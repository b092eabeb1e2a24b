"""Find the line on which a table or key of a TOML document stands.

``tomllib`` returns plain dicts without positions. To point a deck author at the right line,
this module scans the text once and records where each table header and key is written, keyed
by the same path a validation error reports (``("cards", 3, "options")``).
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_BARE_OR_QUOTED_KEY = re.compile(r'\s*((?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\'))*)\s*=')
_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")


def _split_key(key: str) -> list[str]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', key)
    return [a or b or c for a, b, c in parts]


class LineMap:
    """Positions of the tables and keys in one TOML text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._scan(text)

    def line_of(self, path: Path) -> int:
        """The line of the longest known prefix of ``path`` (1 if nothing is known)."""
        for end in range(len(path), 0, -1):
            line = self._lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1

    def _record(self, path: Path, line: int) -> None:
        self._lines.setdefault(path, line)

    def _scan(self, text: str) -> None:
        counters: dict[tuple[str, ...], int] = {}
        table: Path = ()
        open_string: str | None = None  # the delimiter of a multi-line string we are inside
        depth = 0  # nesting of [] and {} inside a value
        for number, line in enumerate(text.splitlines(), start=1):
            position = 0
            if open_string is None and depth == 0:
                header = _HEADER.match(line)
                key = _BARE_OR_QUOTED_KEY.match(line)
                if header and not key:
                    names = _split_key(header.group(2))
                    if header.group(1) == "[[":
                        array_key = tuple(names)
                        index = counters.get(array_key, -1) + 1
                        counters[array_key] = index
                        # Reset the counters of arrays nested inside this element.
                        for other in [k for k in counters if k[: len(array_key)] == array_key and k != array_key]:
                            del counters[other]
                        self._record(self._resolve(names, counters), number)
                        table = self._resolve(names, counters) + (index,)
                    else:
                        table = self._resolve(names, counters)
                    self._record(table, number)
                    continue
                if key:
                    path = table + tuple(_split_key(key.group(1)))
                    self._record(path, number)
                    position = key.end()
            open_string, depth = self._consume(line, position, open_string, depth)

    @staticmethod
    def _resolve(names: list[str], counters: dict[tuple[str, ...], int]) -> Path:
        """Turn ``cards.rules`` into ``("cards", 3, "rules")`` using the array counters."""
        path: list[str | int] = []
        for i, name in enumerate(names):
            path.append(name)
            prefix = tuple(names[: i + 1])
            if i < len(names) - 1 and prefix in counters:
                path.append(counters[prefix])
        return tuple(path)

    @staticmethod
    def _consume(line: str, i: int, open_string: str | None, depth: int) -> tuple[str | None, int]:
        """Walk the value part of a line, tracking strings and brackets."""
        n = len(line)
        while i < n:
            if open_string is not None:
                end = line.find(open_string, i)
                if end < 0:
                    return open_string, depth
                if open_string == '"""':
                    backslashes = len(line[:end]) - len(line[:end].rstrip("\\"))
                    if backslashes % 2:
                        i = end + 1
                        continue
                i = end + 3
                open_string = None
                continue
            ch = line[i]
            if ch == "#":
                break
            if line.startswith('"""', i) or line.startswith("'''", i):
                open_string = line[i : i + 3]
                i += 3
                continue
            if ch == '"':
                i += 1
                while i < n and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
                i += 1
                continue
            if ch == "'":
                end = line.find("'", i + 1)
                i = n if end < 0 else end + 1
                continue
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth = max(0, depth - 1)
            i += 1
        return open_string, depth
