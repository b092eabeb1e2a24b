"""Find the line on which a table or key of a TOML document stands.

``tomllib`` returns plain dicts without positions. To point a deck author at the right line,
this module scans the text once and records where each table header and key is written, keyed
by the same path a validation error reports (``("cards", 3, "options")``).

The scan is linear in the size of the text: positions live in a tree of path parts, so a table
header with thousands of dotted parts costs no more than its length. The same pass measures the
two shapes that make ``tomllib`` itself recurse too deeply or run in quadratic time (values nested
very deeply, keys with very many dotted parts), so a caller can refuse them before parsing.
"""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Path = tuple[str | int, ...]

MAX_DEPTH = 32
"""Deepest nesting of arrays and inline tables accepted (a deck needs 2)."""
MAX_KEY_PARTS = 32
"""Most dotted parts in one key or table header accepted (a deck needs 3)."""

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"((?:[^"\\\n]|\\.)*)("?)')
_LITERAL = re.compile(r"'([^'\n]*)('?)")
_SPACE = re.compile(r"[ \t]*")
_SIMPLE_KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=")  # the common case, in one match
# Everything in a value that changes what follows: string openers, comments, brackets, key syntax.
_TOKEN = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"?|\'[^\'\n]*\'?|[#\[\]{}=,.]')


class _Node:
    """One part of a path, with the line it was first written on (0: not written)."""

    __slots__ = ("line", "children")

    def __init__(self) -> None:
        self.line = 0
        self.children: dict[str | int, _Node] = {}

    def child(self, part: str | int) -> _Node:
        node = self.children.get(part)
        if node is None:
            node = self.children[part] = _Node()
        return node


class _Counter:
    """How many elements an array of tables has so far (-1: a plain table), and its sub-arrays."""

    __slots__ = ("index", "children")

    def __init__(self) -> None:
        self.index = -1
        self.children: dict[str, _Counter] = {}


def _unescape(text: str) -> str:
    """The value of a quoted basic key (escapes are rare; tomllib decodes them exactly)."""
    if "\\" not in text:
        return text
    try:
        return str(tomllib.loads(f'k = "{text}"')["k"])
    except (tomllib.TOMLDecodeError, ValueError):
        return text


def _key(line: str, i: int) -> tuple[list[str], int] | None:
    """Parse a (dotted) key starting at ``i``; the parts and the position after it, or None."""
    names: list[str] = []
    n = len(line)
    while True:
        i = _SPACE.match(line, i).end()  # type: ignore[union-attr]
        if i >= n:
            return None
        ch = line[i]
        if ch == '"':
            found = _BASIC.match(line, i)
            if found is None or not found.group(2):
                return None
            names.append(_unescape(found.group(1)))
        elif ch == "'":
            found = _LITERAL.match(line, i)
            if found is None or not found.group(2):
                return None
            names.append(found.group(1))
        else:
            found = _BARE.match(line, i)
            if found is None:
                return None
            names.append(found.group())
        i = _SPACE.match(line, found.end()).end()  # type: ignore[union-attr]
        if i < n and line[i] == ".":
            i += 1
            continue
        return names, i


class LineMap:
    """Positions of the tables and keys in one TOML text.

    ``too_deep`` and ``long_key`` hold the first line that goes beyond :data:`MAX_DEPTH` or
    :data:`MAX_KEY_PARTS` (None when nothing does).
    """

    def __init__(self, text: str) -> None:
        self._root = _Node()
        self._counters = _Counter()
        self.too_deep: int | None = None
        self.long_key: int | None = None
        self._headers: dict[str, tuple[bool, list[str]] | None] = {}  # a deck repeats [[cards]]
        self._scan(text)

    def line_of(self, path: Path) -> int:
        """The line of the longest known prefix of ``path`` (1 if nothing is known)."""
        node = self._root
        best = 1
        for part in path:
            found = node.children.get(part)
            if found is None:
                break
            node = found
            if node.line:
                best = node.line
        return best

    def _scan(self, text: str) -> None:
        table = self._root
        open_string: str | None = None  # the delimiter of a multi-line string we are inside
        depth = 0  # nesting of [] and {} inside a value
        # Lines as tomllib counts them: only "\n" ends a line (not "\f" or U+2028).
        for number, line in enumerate(text.split("\n"), start=1):
            position = 0
            if open_string is None and depth == 0:
                simple = _SIMPLE_KEY.match(line)
                if simple is not None:
                    node = table.child(simple.group(1))
                    node.line = node.line or number
                    position = simple.end()
                else:
                    start = _SPACE.match(line).end()  # type: ignore[union-attr]
                    if line.startswith("[", start):
                        found = self._header(line, start, number)
                        if found is not None:
                            table = found
                            continue
                    else:
                        key = _key(line, start)
                        if key is not None and line.startswith("=", key[1]):
                            self._check_parts(key[0], number)
                            node = table
                            for name in key[0]:
                                node = node.child(name)
                            node.line = node.line or number
                            position = key[1] + 1
            open_string, depth = self._consume(line, position, open_string, depth, number)

    def _check_parts(self, names: list[str], number: int) -> None:
        if len(names) > MAX_KEY_PARTS and self.long_key is None:
            self.long_key = number

    def _header(self, line: str, start: int, number: int) -> _Node | None:
        """Record a ``[table]`` or ``[[array]]`` header; the node of the table it opens."""
        parsed = self._headers.get(line, False)
        if parsed is False:
            parsed = self._headers[line] = self._parse_header(line, start)
        if parsed is None:
            return None
        array, names = parsed
        self._check_parts(names, number)
        if not array:
            table = self._resolve(names)
            table.line = table.line or number
            return table
        counter = self._counters
        for name in names:
            found = counter.children.get(name)
            if found is None:
                found = counter.children[name] = _Counter()
            counter = found
        counter.index += 1
        counter.children.clear()  # arrays nested in the previous element start again
        node = self._resolve(names)
        node.line = node.line or number
        element = node.child(counter.index)
        element.line = element.line or number
        return element

    @staticmethod
    def _parse_header(line: str, start: int) -> tuple[bool, list[str]] | None:
        array = line.startswith("[[", start)
        parsed = _key(line, start + (2 if array else 1))
        if parsed is None or not line.startswith("]]" if array else "]", parsed[1]):
            return None
        return array, parsed[0]

    def _resolve(self, names: list[str]) -> _Node:
        """Turn ``cards.rules`` into the node of ``("cards", 3, "rules")`` using the array counters."""
        node = self._root
        counter: _Counter | None = self._counters
        last = len(names) - 1
        for i, name in enumerate(names):
            node = node.child(name)
            counter = counter.children.get(name) if counter is not None else None
            if i < last and counter is not None and counter.index >= 0:
                node = node.child(counter.index)
        return node

    def _consume(self, line: str, i: int, open_string: str | None, depth: int, number: int) -> tuple[str | None, int]:
        """Walk the value part of a line, tracking strings, brackets and dotted keys in inline tables."""
        n = len(line)
        dots = 0
        while i < n:
            if open_string is not None:
                end = line.find(open_string, i)
                if end < 0:
                    return open_string, depth
                if open_string == '"""':
                    back = end
                    while back > i and line[back - 1] == "\\":
                        back -= 1
                    if (end - back) % 2:
                        i = end + 1
                        continue
                i = end + 3
                # Up to two more quotes belong to the content: the delimiter is the last three.
                for _ in range(2):
                    if i < n and line[i] == open_string[0]:
                        i += 1
                open_string = None
                continue
            found = _TOKEN.search(line, i)
            if found is None:
                break
            token = found.group()
            i = found.end()
            if token == "#":
                break
            if token in ('"""', "'''"):
                open_string = token
            elif token == ".":
                dots += 1
                if dots >= MAX_KEY_PARTS and self.long_key is None:
                    self.long_key = number
            elif token in ("[", "{"):
                depth += 1
                dots = 0
                if depth > MAX_DEPTH and self.too_deep is None:
                    self.too_deep = number
            elif token in ("]", "}"):
                depth = max(0, depth - 1)
                dots = 0
            elif token in ("=", ","):
                dots = 0
        return open_string, depth


class LazyLineMap:
    """A :class:`LineMap` made only when a line is asked for: a valid file never needs one."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._map: LineMap | None = None

    @property
    def built(self) -> LineMap:
        if self._map is None:
            self._map = LineMap(self._text or "")
            self._text = None
        return self._map

    def line_of(self, path: Path) -> int:
        return self.built.line_of(path)

    @property
    def too_deep(self) -> int | None:
        return self.built.too_deep

    @property
    def long_key(self) -> int | None:
        return self.built.long_key


def may_have_long_key(text: str) -> bool:
    """Whether some line has enough dots for a key of more than :data:`MAX_KEY_PARTS` parts.

    A cheap test in C speed, so the full scan runs only for files that might need it.
    """
    if text.count(".") < MAX_KEY_PARTS - 1:
        return False
    return any(line.count(".") >= MAX_KEY_PARTS - 1 for line in text.split("\n"))
