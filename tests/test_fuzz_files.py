"""Random bytes and random TOML- or CSV-like text never make `validate`, `groups` or the roster
import raise, and never print a control character.

Inputs are at most a few KB, and the pathological shapes (deep nesting, dotted keys of many parts,
numbers of many digits, runaway quoted fields) are among the generated pieces, so a regression to
unbounded work shows as a slow suite, never as a timed assertion.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dilemmaspel.cli import main
from dilemmaspel.core.roster import read_roster
from dilemmaspel.decks import load_library

LIBRARY = load_library()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# capsys is drained after every call, so sharing it between examples is safe.

TOML_PIECES = [
    "[", "]", "{", "}", "=", ",", ".", '"', "'", '"""', "'''", "#", "\n", " ", "\\", "\\u001b", "\\U0001F337",
    "a", "id", "cards", "deck", "1", "-", "_", "1.5", "true", "1979-05-27", "\x00", "\x1b[2J", "\ufeff", "\r\n",
    "\n[deck]\n", "\n[deck.themes]\n", "\n[[cards]]\n", "\n[[cards.rules]]\n", "\n[method]\n", "\n[[steps]]\n",
    'id = "x"', "options = [", "title = ", "minutes = ",
    "[" * 40, "]" * 40, "{a=" * 40, "}" * 40, ".a" * 40, "9" * 4400, "x" * 300,
]
CSV_PIECES = [
    "naam", "name", "partij", "kant", "side", "rol", "coalitie", "oppositie", "geen", "Anna", "de Vries",
    ";", ",", "\t", '"', '""', "\n", "\r\n", "\r", " ", "\x00", "\ufffd", "\u200b", "\u202e", "\x1b[2J", "\u3164",
    "👩\u200d⚖\ufe0f", "é", "e\u0301", "\ufeff", "x" * 1000,
]


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=8)), max_size=60).map("".join)


def _clean_output(text: str) -> bool:
    return not any((ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) < 0xA0 for ch in text)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("dilemmaspel.decks.load_library", lambda *a, **k: LIBRARY)
        code = main(args)
    captured = capsys.readouterr()
    assert _clean_output(captured.out) and _clean_output(captured.err)
    return code


def _file(data: bytes, suffix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


def _check_all(data: bytes, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(data, suffix)
    try:
        assert _run(["validate", str(path)], capsys) in (0, 1)
        assert _run(["groups", str(path), "--size", "3", "--seed", "1"], capsys) in (0, 1)
        people, errors = read_roster(str(path))
        assert all(error.row >= 1 for error in errors)
        assert all(person.name.strip() for person in people)
    finally:
        path.unlink()
        path.parent.rmdir()


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    _check_all(data, ".toml", capsys)


@FUZZ
@given(_text(TOML_PIECES))
def test_random_toml_like_text(capsys: pytest.CaptureFixture[str], text: str) -> None:
    _check_all(text.encode("utf-8", "surrogatepass"), ".toml", capsys)


@FUZZ
@given(_text(CSV_PIECES), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
def test_random_csv_like_text(capsys: pytest.CaptureFixture[str], text: str, encoding: str) -> None:
    data = ("naam;kant\n" + text).encode(encoding, "replace") if encoding == "cp1252" else ("naam;kant\n" + text).encode(encoding, "surrogatepass")
    _check_all(data, ".csv", capsys)
