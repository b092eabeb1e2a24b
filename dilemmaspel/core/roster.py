"""Participants and rosters (CSV files as councils keep them in spreadsheets)."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, StringConstraints, field_validator

from dilemmaspel.i18n import t
from dilemmaspel.safefile import ROSTER_LIMIT, FileRefused, read_bytes

Side = Literal["coalition", "opposition", "none"]
SIDES: tuple[Side, ...] = ("coalition", "opposition", "none")

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)]

# Letters that render as nothing although Unicode calls them letters or symbols (used for
# "invisible" names), the object placeholder, and the mark of a character lost in decoding.
_BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\ufffc\ufffd")
_ZWJ = "\u200d"


def _keeps_joiner(text: str, i: int) -> bool:
    """A zero-width joiner inside an emoji sequence (👩‍⚖️) is part of the picture."""
    before = unicodedata.category(text[i - 1]) if i > 0 else ""
    after = unicodedata.category(text[i + 1]) if i + 1 < len(text) else ""
    return before in ("So", "Sk", "Mn") and after == "So"


def clean_text(text: str) -> str:
    """``text`` as it is compared and stored: NFC, invisible characters removed, spaces collapsed.

    Removed: control characters (NUL, ESC, ...), format characters (zero-width spaces and
    joiners outside emoji, bidirectional overrides, soft hyphens, BOMs), blank "letters" such as
    the Hangul filler, and U+FFFD. Every kind of white space becomes one plain space.
    """
    text = unicodedata.normalize("NFC", text)
    kept: list[str] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            kept.append(" ")
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or ch in _BLANKS:
            continue
        if category == "Cf" and not (ch == _ZWJ and _keeps_joiner(text, i)):
            continue
        kept.append(ch)
    return " ".join("".join(kept).split())


def is_visible(text: str) -> bool:
    """Whether ``text`` shows at least one character (not only marks, spaces or invisibles)."""
    return any(unicodedata.category(ch)[0] in "LNSP" for ch in clean_text(text))


class Participant(BaseModel):
    """A member of the session: name, party, coalition/opposition side and role.

    Texts are cleaned (:func:`clean_text`) before they are checked and stored. A name that is
    invisible once cleaned is kept as given, for the session rules to refuse with a message.
    """

    model_config = {"frozen": True, "extra": "forbid"}

    name: Name
    party: Short = ""
    side: Side = "none"
    role: Short = ""

    @field_validator("name", "party", "role", mode="before")
    @classmethod
    def _clean(cls, value: Any, info: Any) -> Any:
        if not isinstance(value, str):
            return value
        cleaned = clean_text(value)
        if info.field_name == "name" and not is_visible(cleaned):
            return value
        return cleaned


def name_key(name: str) -> str:
    """A name folded for comparison: case, accents, spacing and invisible characters do not make two people."""
    decomposed = unicodedata.normalize("NFKD", clean_text(name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


# --- CSV rosters ----------------------------------------------------------------------------

COLUMNS: dict[str, str] = {
    "naam": "name",
    "name": "name",
    "partij": "party",
    "party": "party",
    "fractie": "party",
    "kant": "side",
    "side": "side",
    "rol": "role",
    "role": "role",
    "functie": "role",
}
SIDE_WORDS: dict[str, Side] = {
    "coalitie": "coalition",
    "coalition": "coalition",
    "oppositie": "opposition",
    "opposition": "opposition",
    "geen": "none",
    "none": "none",
    "": "none",
}
MAX_ERRORS = 100
"""Errors reported per roster before reading stops."""
SIDE_NAMES_NL = "coalitie, oppositie, geen"
SIDE_NAMES_EN = "coalition, opposition, none"


@dataclass(frozen=True)
class RosterError:
    """One problem in a roster file, located by row (and column where it applies)."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}"
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the start of ``raw`` looks like UTF-16 text without a BOM."""
    sample = raw[:200]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    if odd >= pairs * 0.4 and even == 0:
        return "utf-16-le"
    if even >= pairs * 0.4 and odd == 0:
        return "utf-16-be"
    return None


def roster_encoding(raw: bytes) -> str:
    """The encoding of a roster file: UTF-16 (Excel's 'Unicode text', with or without BOM),
    else UTF-8 with or without BOM, else Windows-1252 (Excel's 'CSV' on Windows)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def decode_roster(raw: bytes) -> str:
    """The text of a roster file (see :func:`roster_encoding`); UnicodeDecodeError only for broken UTF-16."""
    encoding = roster_encoding(raw)
    return raw.decode(encoding, errors="replace" if encoding == "cp1252" else "strict")


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _short(text: str, limit: int = 40) -> str:
    """A value as quoted in a message: never the whole of a runaway field."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Rows:
    """The records of a CSV text with the line each starts on; a CSV error ends them."""

    def __init__(self, text: str, delimiter: str) -> None:
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        self.error: tuple[int, str] | None = None

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        while True:
            start = self._reader.line_num + 1
            try:
                row = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if "field larger than field limit" in str(exc):
                    message = t("roster.field_too_large", max=csv.field_size_limit())
                else:
                    message = t("roster.csv_error", detail=exc)
                self.error = (start, message)
                return
            yield start, row


def parse_roster(text: str, file: str = "roster.csv") -> tuple[list[Participant], list[RosterError]]:
    """Read a roster; returns the participants and every problem found."""
    first_line = next((line for line in io.StringIO(text, newline="") if line.strip()), None)
    if first_line is None:
        return [], [RosterError(file, 1, "", t("roster.empty"))]
    delimiter = _delimiter(first_line)
    others = [d for d in (";", ",", "\t") if d != delimiter]
    rows = _Rows(text, delimiter)
    records = iter(rows)
    errors: list[RosterError] = []
    header_row, header = next(((n, r) for n, r in records if any(cell.strip() for cell in r)), (1, []))
    if rows.error is not None:
        return [], [RosterError(file, rows.error[0], "", rows.error[1])]
    header = [clean_text(cell) for cell in header]
    mapping: dict[int, tuple[str, str]] = {}
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = COLUMNS.get(cell.casefold())
        if field is None:
            continue
        if field in columns:
            errors.append(RosterError(file, header_row, cell, t("roster.duplicate_column", column=cell,
                                                                 first=columns[field] + 1, second=index + 1)))
            continue
        columns[field] = index
        mapping[index] = (field, cell)
    if errors:
        return [], errors
    if "name" not in columns:
        shown = ", ".join(_short(cell) for cell in header[:12]) + (", …" if len(header) > 12 else "")
        return [], [RosterError(file, header_row, "", t("roster.no_name_column", header=shown or "-"))]
    dutch = any(cell.casefold() in ("naam", "partij", "kant", "rol") for cell in header)
    labels = {field: label for field, label in mapping.values()}
    participants: list[Participant] = []
    seen: dict[str, int] = {}
    for row_number, row in records:
        if len(errors) >= MAX_ERRORS:
            errors.append(RosterError(file, row_number, "", t("validate.too_many_problems", max=MAX_ERRORS)))
            return participants, errors
        if not any(cell.strip() for cell in row):
            continue
        if len(header) > 1 and len(row) < len(header):
            found = next((d for d in others if any(d in cell for cell in row)), None)
            if found is not None:
                shown = "tab" if found == "\t" else found
                expected = "tab" if delimiter == "\t" else delimiter
                errors.append(RosterError(file, row_number, "", t("roster.wrong_delimiter", found=shown, expected=expected)))
                continue
        values = {field: clean_text(row[index]) if index < len(row) else "" for index, (field, _) in mapping.items()}
        row_errors: list[RosterError] = []
        name = values.get("name", "")
        raw_name = row[columns["name"]] if columns["name"] < len(row) else ""
        if not name and raw_name.strip():
            row_errors.append(RosterError(file, row_number, labels["name"], t("roster.invisible_name")))
        elif not name:
            row_errors.append(RosterError(file, row_number, labels["name"], t("roster.empty_name")))
        elif not is_visible(name):
            row_errors.append(RosterError(file, row_number, labels["name"], t("roster.invisible_name")))
            name = ""
        elif len(name) > 80:
            row_errors.append(RosterError(file, row_number, labels["name"], t("roster.too_long", max=80)))
        side_text = values.get("side", "")
        side = SIDE_WORDS.get(side_text.casefold())
        if side is None:
            allowed = SIDE_NAMES_NL if dutch else SIDE_NAMES_EN
            row_errors.append(RosterError(file, row_number, labels["side"], t("roster.bad_side", value=_short(side_text), allowed=allowed)))
        for field in ("party", "role"):
            if len(values.get(field, "")) > 80:
                row_errors.append(RosterError(file, row_number, labels[field], t("roster.too_long", max=80)))
        if name:
            key = name_key(name)
            if key in seen:
                row_errors.append(RosterError(file, row_number, labels["name"], t("roster.duplicate", name=_short(name, 80), row=seen[key])))
            else:
                seen[key] = row_number
        if row_errors:
            errors.extend(row_errors)
            continue
        participants.append(
            Participant(name=name, party=values.get("party", ""), side=side or "none", role=values.get("role", ""))
        )
    if rows.error is not None:
        errors.append(RosterError(file, rows.error[0], "", rows.error[1]))
    if not participants and not errors:
        errors.append(RosterError(file, header_row, "", t("roster.no_rows")))
    return participants, errors


def read_roster(path: str, display: str | None = None) -> tuple[list[Participant], list[RosterError]]:
    """Read a roster file through the guarded reader; every problem is an error, never an exception."""
    name = display or str(path)
    try:
        raw = read_bytes(path, ROSTER_LIMIT)
    except FileRefused as exc:
        return [], [RosterError(name, 1, "", exc.message())]
    try:
        text = decode_roster(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].decode(roster_encoding(raw), errors="replace").count("\n") + 1
        return [], [RosterError(name, line, "", t("roster.bad_utf16"))]
    return parse_roster(text, name)
