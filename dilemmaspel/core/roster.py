"""Participants and rosters (CSV files as councils keep them in spreadsheets)."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, StringConstraints

from dilemmaspel.i18n import t

Side = Literal["coalition", "opposition", "none"]
SIDES: tuple[Side, ...] = ("coalition", "opposition", "none")

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)]


class Participant(BaseModel):
    """A member of the session: name, party, coalition/opposition side and role."""

    model_config = {"frozen": True, "extra": "forbid"}

    name: Name
    party: Short = ""
    side: Side = "none"
    role: Short = ""


def name_key(name: str) -> str:
    """A name folded for comparison: case, accents and spacing do not make two people."""
    decomposed = unicodedata.normalize("NFKD", name)
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


def decode_roster(raw: bytes) -> str:
    """UTF-8 with or without BOM; Windows-1252 (Excel's 'CSV' on Windows) as a fallback."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_roster(text: str, file: str = "roster.csv") -> tuple[list[Participant], list[RosterError]]:
    """Read a roster; returns the participants and every problem found."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return [], [RosterError(file, 1, "", t("roster.empty"))]
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=_delimiter(lines[first]))
    rows = list(reader)
    header = [cell.strip() for cell in rows[0]]
    mapping: dict[int, tuple[str, str]] = {}
    errors: list[RosterError] = []
    for index, cell in enumerate(header):
        field = COLUMNS.get(cell.casefold())
        if field is not None:
            mapping[index] = (field, cell)
    header_row = first + 1
    if "name" not in {f for f, _ in mapping.values()}:
        return [], [RosterError(file, header_row, "", t("roster.no_name_column", header=", ".join(header) or "-"))]
    dutch = any(cell.casefold() in ("naam", "partij", "kant", "rol") for cell in header)
    participants: list[Participant] = []
    seen: dict[str, int] = {}
    for offset, row in enumerate(rows[1:], start=1):
        row_number = header_row + offset
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, str] = {}
        labels: dict[str, str] = {}
        for index, (field, label) in mapping.items():
            values[field] = row[index].strip() if index < len(row) else ""
            labels[field] = label
        row_errors: list[RosterError] = []
        name = " ".join(values.get("name", "").split())
        if not name:
            row_errors.append(RosterError(file, row_number, labels["name"], t("roster.empty_name")))
        elif len(name) > 80:
            row_errors.append(RosterError(file, row_number, labels["name"], t("roster.too_long", max=80)))
        side_text = values.get("side", "")
        side = SIDE_WORDS.get(side_text.casefold())
        if side is None:
            allowed = SIDE_NAMES_NL if dutch else SIDE_NAMES_EN
            row_errors.append(RosterError(file, row_number, labels["side"], t("roster.bad_side", value=side_text, allowed=allowed)))
        for field in ("party", "role"):
            if len(values.get(field, "")) > 80:
                row_errors.append(RosterError(file, row_number, labels[field], t("roster.too_long", max=80)))
        if name:
            key = name_key(name)
            if key in seen:
                row_errors.append(RosterError(file, row_number, labels["name"], t("roster.duplicate", name=name, row=seen[key])))
            else:
                seen[key] = row_number
        if row_errors:
            errors.extend(row_errors)
            continue
        participants.append(
            Participant(name=name, party=values.get("party", ""), side=side or "none", role=values.get("role", ""))
        )
    if not participants and not errors:
        errors.append(RosterError(file, header_row, "", t("roster.no_rows")))
    return participants, errors


def read_roster(path: str, display: str | None = None) -> tuple[list[Participant], list[RosterError]]:
    """Read a roster file; unreadable files become an error, never an exception."""
    name = display or str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return [], [RosterError(name, 1, "", t("roster.unreadable", reason=exc.strerror or exc))]
    return parse_roster(decode_roster(raw), name)
