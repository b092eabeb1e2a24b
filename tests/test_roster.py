"""CSV rosters as councils keep them: delimiters, BOM, Dutch or English headers, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmaspel.core.roster import Participant, name_key, parse_roster, read_roster
from dilemmaspel.i18n import set_language


def test_semicolon_dutch_headers() -> None:
    people, errors = parse_roster("naam;partij;kant;rol\nAnna;Groen Dorp;coalitie;raadslid\nBen;;oppositie;\n", "raad.csv")
    assert errors == []
    assert people == [
        Participant(name="Anna", party="Groen Dorp", side="coalition", role="raadslid"),
        Participant(name="Ben", party="", side="opposition", role=""),
    ]


def test_comma_english_headers_any_order_and_case() -> None:
    people, errors = parse_roster("Side,Name,Role\nnone,Eef Mol,griffier\nCOALITION,Cor,wethouder\n")
    assert errors == []
    assert [(p.name, p.side, p.role) for p in people] == [("Eef Mol", "none", "griffier"), ("Cor", "coalition", "wethouder")]


def test_bom_blank_lines_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "raad.csv"
    path.write_bytes('\ufeffnaam;partij;kant\n\n"de Vries; Jan";"Partij ""X""";geen\n\n'.encode("utf-8"))
    people, errors = read_roster(str(path))
    assert errors == []
    assert people == [Participant(name="de Vries; Jan", party='Partij "X"', side="none")]


def test_windows_1252_file(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("naam;kant\nRené Müller;coalitie\n".encode("cp1252"))
    people, errors = read_roster(str(path))
    assert errors == [] and people[0].name == "René Müller"


def test_bad_side_names_file_row_and_column() -> None:
    set_language("en")
    text = "naam,partij,kant\n" + "".join(f"P{i},X,coalitie\n" for i in range(5)) + "Jan,Y,coaltie\n"
    _, errors = parse_roster(text, "raad.csv")
    assert [str(e) for e in errors] == ["raad.csv:7: kant: 'coaltie' is not one of coalitie, oppositie, geen"]


def test_english_header_lists_english_values() -> None:
    set_language("en")
    _, errors = parse_roster("name,side\nJan,left\n", "r.csv")
    assert [str(e) for e in errors] == ["r.csv:2: side: 'left' is not one of coalition, opposition, none"]


def test_every_problem_is_reported() -> None:
    text = "naam;kant\n;coalitie\nJan;links\nJan;geen\nJAN ;geen\n"
    _, errors = parse_roster(text, "r.csv")
    assert [(e.row, e.column) for e in errors] == [(2, "naam"), (3, "kant"), (4, "naam"), (5, "naam")]
    assert "regel 3" in errors[2].message and "regel 3" in errors[3].message


def test_duplicates_ignore_case_accents_and_spacing() -> None:
    assert name_key("  José  de Vries") == name_key("jose DE vries")
    _, errors = parse_roster("naam\nJosé de Vries\njose  de vries\n")
    assert len(errors) == 1


def test_missing_name_column_and_empty_file() -> None:
    _, errors = parse_roster("wie;kant\nJan;geen\n", "r.csv")
    assert errors[0].row == 1 and "naam" in errors[0].message
    _, errors = parse_roster("\n\n", "r.csv")
    assert "leeg" in errors[0].message
    _, errors = parse_roster("naam\n", "r.csv")
    assert "geen deelnemers" in errors[0].message


def test_unreadable_file_is_an_error_not_an_exception(tmp_path: Path) -> None:
    _, errors = read_roster(str(tmp_path / "missing.csv"))
    assert errors and errors[0].row == 1


@pytest.mark.parametrize("name", ["Jan [/] de Vries", "[@click=app.quit]", "Ørjan 👩‍⚖️", "O'Brien, Ann"])
def test_odd_names_are_kept_literally(name: str) -> None:
    quoted = '"' + name.replace('"', '""') + '"'
    people, errors = parse_roster(f"naam,kant\n{quoted},geen\n")
    assert errors == [] and people[0].name == name


def test_too_long_name() -> None:
    _, errors = parse_roster("naam\n" + "x" * 81 + "\n")
    assert errors and errors[0].column == "naam"
