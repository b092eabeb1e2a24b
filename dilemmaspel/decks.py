"""Finding, loading and validating deck and method TOML files.

Every problem becomes a :class:`~dilemmaspel.problems.Problem` with a file and line; nothing
here raises on bad input.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from dilemmaspel.core.cards import Card, Deck, DeckInfo
from dilemmaspel.core.methods import Method, MethodInfo, Step
from dilemmaspel.i18n import current_language, t
from dilemmaspel.problems import Collector, Problem, field_path, suggest, type_name
from dilemmaspel.safefile import DECK_LIMIT, FileRefused, read_bytes
from dilemmaspel.terminal import printable, unsafe_character
from dilemmaspel.tomllines import MAX_DEPTH, MAX_KEY_PARTS, LazyLineMap, LineMap, may_have_long_key
from dilemmaspel.tomllines import Path as KeyPath

Origin = Literal["shipped", "user", "extra"]
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
_LONG_NUMBER = re.compile(r"[0-9_]{%d,}" % (sys.get_int_max_str_digits() + 1))


def shipped_dir() -> Path:
    """The decks that come with the app (package data, or the source tree's ``decks/``)."""
    packaged = Path(str(resources.files("dilemmaspel") / "_decks"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "decks"


@dataclass
class Parsed:
    """A TOML file read into a dict, with its line map (or the problem that stopped it)."""

    data: dict[str, Any] | None
    collector: Collector


def parse_file(path: Path, display: str | None = None) -> Parsed:
    """Read and parse one TOML file through the guarded reader; every failure becomes a problem."""
    name = display or str(path)
    try:
        raw = read_bytes(path, DECK_LIMIT)
    except FileRefused as exc:
        return _refused(name, 1, exc.message())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return _refused(name, line, t("validate.not_utf8", byte=f"0x{raw[exc.start]:02x}"))
    return parse_text(text, name)


def _refused(name: str, line: int, message: str) -> Parsed:
    collector = Collector(name, LineMap(""))
    collector.problems.append(Problem(name, line, t("validate.subject.file"), "", message))
    return Parsed(None, collector)


def parse_text(text: str, name: str) -> Parsed:
    """Parse TOML text; a syntax error, or a shape tomllib cannot take, becomes a problem with its line."""
    # Line numbers are only worked out when a problem needs one, except for keys of very many
    # dotted parts: tomllib's time grows with the square of those, so they are refused first.
    lines = LazyLineMap(text)
    if may_have_long_key(text) and lines.long_key is not None:
        return _refused(name, lines.long_key, t("validate.key_too_long", max=MAX_KEY_PARTS))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = text.count("\n") + 1
        found = _TOML_POSITION.search(message)
        if found:
            line = int(found.group(1))
            message = message[: found.start()]
        elif _TOML_END.search(message):
            message = _TOML_END.sub("", message)
        return _refused(name, line, t("validate.toml_syntax", detail=message))
    except RecursionError:
        return _refused(name, lines.too_deep or 1, t("validate.too_deep", max=MAX_DEPTH))
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        digits = _LONG_NUMBER.search(text)
        if digits is not None:
            line = text.count("\n", 0, digits.start()) + 1
            return _refused(name, line, t("validate.number_too_long", max=sys.get_int_max_str_digits()))
        return _refused(name, 1, t("validate.unparsable", detail=exc))
    return Parsed(data, Collector(name, lines))


def kind_of(data: dict[str, Any], path: Path) -> Literal["deck", "method"]:
    """Whether a parsed file is a deck or a method."""
    if "method" in data or "steps" in data:
        return "method"
    if "deck" in data or "cards" in data:
        return "deck"
    return "method" if path.parent.name == "methods" else "deck"


def check_deck(data: dict[str, Any], c: Collector, known_methods: Iterable[str] | None = None) -> Deck | None:
    """Validate a parsed deck, recording every problem in ``c``."""
    before = len(c.problems)
    deck_subject = t("validate.subject.deck")
    check_control_characters(data, c)
    for key in data:
        if key not in ("deck", "cards"):
            c.add((key,), deck_subject, key, t("validate.unknown_key") + suggest(key, ["deck", "cards"]))
    info: DeckInfo | None = None
    raw_info = data.get("deck")
    if raw_info is None:
        c.add((), deck_subject, "", t("validate.missing_table", table="[deck]"))
    else:
        info = c.validate(DeckInfo, raw_info, ("deck",), deck_subject)  # type: ignore[assignment]
        if isinstance(raw_info, dict) and info is None:
            _check_method_ref(raw_info.get("method"), c, known_methods)
        elif info is not None and info.method is not None:
            _check_method_ref(info.method, c, known_methods)
    raw_cards = data.get("cards")
    cards: list[Card] = []
    if raw_cards is None:
        c.add((), deck_subject, "", t("validate.missing_table", table="[[cards]]"))
    elif not isinstance(raw_cards, list):
        c.add(("cards",), deck_subject, "cards", t("validate.wrong_type", expected=t("validate.kind.list"), got=type_name(raw_cards)))
    else:
        if not raw_cards:
            c.add(("cards",), deck_subject, "cards", t("validate.too_few", count=0, min=1))
        cards = _check_cards(raw_cards, raw_info, c)
    if len(c.problems) > before or info is None:
        return None
    return Deck.model_construct(deck=info, cards=cards)


def check_control_characters(data: dict[str, Any], c: Collector) -> None:
    """Every text (and key) that holds a character a terminal would obey (ESC, CR, ...) is a problem.

    The app shows deck texts on the terminal; newlines and tabs are the only controls allowed.
    """
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack and not c.full:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if unsafe_character(key) is not None:
                    _control_problem(c, data, path + (key,), key)
                stack.append((path + (key,), item))
        elif isinstance(value, list):
            stack.extend((path + (index,), item) for index, item in enumerate(value))
        elif isinstance(value, str) and unsafe_character(value) is not None:
            _control_problem(c, data, path, value)


def _control_problem(c: Collector, data: dict[str, Any], path: KeyPath, text: str) -> None:
    found = unsafe_character(text)
    if len(path) >= 2 and path[0] in ("cards", "steps") and isinstance(path[1], int):
        items = data.get(path[0])
        raw = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        subject = (_card_subject(raw, path[1]) if path[0] == "cards"
                   else t("validate.subject.step", number=path[1] + 1))
        field = field_path(path[2:])
    else:
        subject = t("validate.subject.method" if path[:1] == ("method",) else "validate.subject.deck")
        field = field_path(path[1:])
    c.add(path, subject, field, t("validate.control_character", char=printable(found or "")))


def _check_method_ref(method: Any, c: Collector, known_methods: Iterable[str] | None) -> None:
    if known_methods is None or not isinstance(method, str):
        return
    known = sorted(set(known_methods))
    if method not in known:
        hint = suggest(method, known) or t("validate.known", names=", ".join(known) or "-")
        c.add(("deck", "method"), t("validate.subject.deck"), "method", t("validate.unknown_method", name=method) + hint)


def _card_subject(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return t("validate.subject.card", id=raw["id"])
    return t("validate.subject.card_number", number=index + 1)


def _check_cards(raw_cards: list[Any], raw_info: Any, c: Collector) -> list[Card]:
    themes = raw_info.get("themes") if isinstance(raw_info, dict) else None
    declared = set(themes) if isinstance(themes, dict) else None
    seen: dict[str, int] = {}
    cards: list[Card] = []
    for index, raw in enumerate(raw_cards):
        if c.full:
            break
        subject = _card_subject(raw, index)
        path = ("cards", index)
        card = c.validate(Card, raw, path, subject)
        if card is not None:
            cards.append(card)  # type: ignore[arg-type]
        if not isinstance(raw, dict):
            continue
        card_id = raw.get("id")
        if isinstance(card_id, str):
            if card_id in seen:
                first = c.lines.line_of(("cards", seen[card_id]))
                c.add(path + ("id",), subject, "id", t("validate.duplicate_id", id=card_id, line=first))
            else:
                seen[card_id] = index
        theme = raw.get("theme")
        if declared is not None and isinstance(theme, str) and theme and theme not in declared:
            c.add(path + ("theme",), subject, "theme", t("validate.undeclared_theme", theme=theme) + suggest(theme, declared))
    return cards


def check_method(data: dict[str, Any], c: Collector) -> Method | None:
    """Validate a parsed method, recording every problem in ``c``."""
    before = len(c.problems)
    subject = t("validate.subject.method")
    check_control_characters(data, c)
    for key in data:
        if key not in ("method", "steps"):
            c.add((key,), subject, key, t("validate.unknown_key") + suggest(key, ["method", "steps"]))
    info = None
    if "method" not in data:
        c.add((), subject, "", t("validate.missing_table", table="[method]"))
    else:
        info = c.validate(MethodInfo, data["method"], ("method",), subject)
    raw_steps = data.get("steps")
    steps: list[Step] = []
    if raw_steps is None:
        c.add((), subject, "", t("validate.missing_table", table="[[steps]]"))
    elif not isinstance(raw_steps, list):
        c.add(("steps",), subject, "steps", t("validate.wrong_type", expected=t("validate.kind.list"), got=type_name(raw_steps)))
    else:
        if not raw_steps:
            c.add(("steps",), subject, "steps", t("validate.too_few", count=0, min=1))
        for index, raw in enumerate(raw_steps):
            if c.full:
                break
            step = c.validate(Step, raw, ("steps", index), t("validate.subject.step", number=index + 1))
            if step is not None:
                steps.append(step)  # type: ignore[arg-type]
    if len(c.problems) > before or info is None:
        return None
    return Method.model_construct(method=info, steps=steps)


def load_deck(path: Path, known_methods: Iterable[str] | None = None) -> tuple[Deck | None, list[Problem]]:
    """Load and validate one deck file."""
    parsed = parse_file(path)
    if parsed.data is None:
        return None, parsed.collector.problems
    deck = check_deck(parsed.data, parsed.collector, known_methods)
    return deck, parsed.collector.problems


def load_method(path: Path) -> tuple[Method | None, list[Problem]]:
    """Load and validate one method file."""
    parsed = parse_file(path)
    if parsed.data is None:
        return None, parsed.collector.problems
    method = check_method(parsed.data, parsed.collector)
    return method, parsed.collector.problems


def toml_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Every ``*.toml`` file named or found (recursively) below the named folders."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.toml") if p.is_file())
        else:
            yield path


# --- the library of decks and methods in force ---------------------------------------------


@dataclass(frozen=True)
class DeckSource:
    """A loaded deck and where it came from."""

    deck: Deck
    path: Path
    origin: Origin


@dataclass(frozen=True)
class MethodSource:
    """A loaded method and where it came from."""

    method: Method
    path: Path
    origin: Origin


@dataclass(frozen=True)
class Skipped:
    """A file that could not be loaded, with its first problem."""

    path: Path
    origin: Origin
    problem: Problem


@dataclass
class Library:
    """All decks and methods found. The first file with an id wins (shipped, then the user's
    decks, then ``--decks``); a later file with the same id is skipped with a warning."""

    decks: dict[str, DeckSource] = field(default_factory=dict)
    methods: dict[str, MethodSource] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)

    def deck(self, deck_id: str) -> Deck:
        return self.decks[deck_id].deck

    def method(self, method_id: str) -> Method:
        return self.methods[method_id].method

    def methods_for(self, language: str) -> list[Method]:
        """Methods in ``language`` first, then the others."""
        found = [m.method for m in self.methods.values()]
        return sorted(found, key=lambda m: (m.method.language != language, m.title))


def user_decks_dir(data_dir: Path) -> Path:
    """Where a user's own decks live inside the data dir."""
    return data_dir / "decks"


_LOADED: dict[tuple[object, ...], Library] = {}
_LOADED_LOCK = threading.Lock()


def _identity(sources: Sequence[tuple[Path, Origin]]) -> tuple[object, ...] | None:
    """What a library is loaded from: each file's path, size and change times, and the language of
    its messages. None when a file cannot even be looked at (then nothing is reused)."""
    files: list[tuple[object, ...]] = []
    for root, origin in sources:
        if not root.exists():
            continue
        for path in toml_files([root]):
            try:
                st = path.stat()
            except OSError:
                return None
            files.append((str(path), origin, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return (current_language(), tuple(files))


def load_library(data_dir: Path | None = None, extra: Sequence[Path] = ()) -> Library:
    """Load the shipped decks, the user's decks and any extra folders or files.

    Parsing and checking every deck takes a noticeable time, so a library is reused while none
    of its files has changed (each caller gets its own dicts; decks and methods are immutable)."""
    sources: list[tuple[Path, Origin]] = [(shipped_dir(), "shipped")]
    if data_dir is not None:
        sources.append((user_decks_dir(data_dir), "user"))
    sources.extend((Path(p), "extra") for p in extra)
    identity = _identity(sources)
    with _LOADED_LOCK:
        loaded = _LOADED.get(identity) if identity is not None else None
    if loaded is None:
        loaded = _load_library(sources)
        if identity is not None:
            with _LOADED_LOCK:
                if len(_LOADED) >= 8:
                    _LOADED.clear()
                _LOADED[identity] = loaded
    return Library(dict(loaded.decks), dict(loaded.methods), list(loaded.skipped))


def _load_library(sources: Sequence[tuple[Path, Origin]]) -> Library:
    library = Library()
    parsed_decks: list[tuple[Path, Origin, Parsed]] = []
    for root, origin in sources:
        if not root.exists():
            continue
        for path in toml_files([root]):
            parsed = parse_file(path)
            if parsed.data is None:
                library.skipped.append(Skipped(path, origin, parsed.collector.problems[0]))
            elif kind_of(parsed.data, path) == "method":
                method = check_method(parsed.data, parsed.collector)
                taken = library.methods.get(method.id) if method is not None else None
                if taken is not None:
                    _id_taken(parsed.collector, ("method", "id"), taken.method.id, taken.path, t(f"cli.origin.{taken.origin}"))
                if method is None or taken is not None:
                    library.skipped.append(Skipped(path, origin, parsed.collector.problems[0]))
                else:
                    library.methods[method.id] = MethodSource(method, path, origin)
            else:
                parsed_decks.append((path, origin, parsed))
    for path, origin, parsed in parsed_decks:
        assert parsed.data is not None
        deck = check_deck(parsed.data, parsed.collector, library.methods)
        taken_deck = library.decks.get(deck.id) if deck is not None else None
        if taken_deck is not None:
            _id_taken(parsed.collector, ("deck", "id"), taken_deck.deck.id, taken_deck.path, t(f"cli.origin.{taken_deck.origin}"))
        if deck is None or taken_deck is not None:
            library.skipped.append(Skipped(path, origin, parsed.collector.problems[0]))
        else:
            library.decks[deck.id] = DeckSource(deck, path, origin)
    return library


def _id_taken(c: Collector, where: KeyPath, item_id: str, first: Path, origin: str) -> None:
    """Record that ``item_id`` already belongs to the file ``first`` (shown as ``origin``), which wins."""
    subject = t("validate.subject.deck" if where[0] == "deck" else "validate.subject.method")
    c.add(where, subject, "id", t("validate.id_taken", id=item_id, origin=origin, path=first))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def validate_paths(
    paths: Sequence[Path], known_methods: Iterable[str] = (), library: Library | None = None
) -> tuple[int, list[Problem]]:
    """Validate every deck and method file under ``paths``.

    Methods named by decks may come from ``known_methods``, ``library`` or the files being
    validated. A deck or method whose id a shipped one (in ``library``) or an earlier validated
    file already has is a problem: the app would skip it. Returns the number of files checked
    and every problem found.
    """
    files = list(toml_files(paths))
    parsed_files: list[tuple[Path, Parsed]] = []
    problems: list[Problem] = []
    methods = set(known_methods) | set(library.methods if library else ())
    for path in files:
        if not path.exists():
            problems.append(Problem(str(path), 1, t("validate.subject.file"), "", t("validate.no_such_file")))
            continue
        parsed = parse_file(path)
        parsed_files.append((path, parsed))
        if parsed.data is not None and kind_of(parsed.data, path) == "method":
            method_info = parsed.data.get("method")
            if isinstance(method_info, dict) and isinstance(method_info.get("id"), str):
                methods.add(method_info["id"])
    # (kind, id) -> the file that has it, and how that file is shown
    taken: dict[tuple[str, str], tuple[Path, str]] = {}
    if library is not None:
        shipped = t("cli.origin.shipped")
        taken.update({("deck", k): (v.path, shipped) for k, v in library.decks.items() if v.origin == "shipped"})
        taken.update({("method", k): (v.path, shipped) for k, v in library.methods.items() if v.origin == "shipped"})
    for path, parsed in parsed_files:
        if parsed.data is not None:
            kind = kind_of(parsed.data, path)
            item: Deck | Method | None
            if kind == "method":
                item = check_method(parsed.data, parsed.collector)
            else:
                item = check_deck(parsed.data, parsed.collector, methods)
            if item is not None:
                first = taken.setdefault((kind, item.id), (path, t("validate.origin.checked")))
                if not _same_file(first[0], path):
                    _id_taken(parsed.collector, (kind, "id"), item.id, *first)
        problems.extend(sorted(parsed.collector.problems, key=lambda p: p.line))
    return len(files), problems
