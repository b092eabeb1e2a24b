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


# --- hostile and odd files (issue 9, sections 3 and 4) -----------------------------------------

import os
import sys

from dilemmaspel.cli import main
from dilemmaspel.core.roster import clean_text, is_visible
from tests.conftest import DATA, ROOT

ROSTERS = DATA / "broken" / "rosters"


def _expected_rosters(name: str) -> dict[str, list[str]]:
    by_file: dict[str, list[str]] = {}
    for line in (ROSTERS / name).read_text(encoding="utf-8").splitlines():
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    return by_file


ROSTERS_EN = _expected_rosters("expected-en.txt")
ROSTERS_NL = _expected_rosters("expected-nl.txt")


def test_roster_corpus_has_an_expectation_per_file() -> None:
    files = {f"tests/data/broken/rosters/{p.name}" for p in ROSTERS.iterdir() if not p.name.startswith("expected")}
    assert files == set(ROSTERS_EN) == set(ROSTERS_NL)


@pytest.mark.parametrize("name", sorted(ROSTERS_EN))
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_broken_roster_reports_exact_lines(name: str, lang: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["--lang", lang, "groups", name, "--size", "3"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == (ROSTERS_EN if lang == "en" else ROSTERS_NL)[name]


def test_field_over_the_csv_limit_is_an_error_with_its_line(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "long.csv"
    path.write_text("naam;kant\nAnna;geen\n" + "x" * 200_000 + "\n", encoding="utf-8")
    _, errors = read_roster(str(path), "long.csv")
    assert [str(e) for e in errors] == [
        "long.csv:3: a field of more than 131072 characters starts here (is a closing quote missing?)"
    ]


def test_ten_megabyte_line_is_refused_by_size(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "long.csv"
    path.write_text("naam;kant\n" + "x" * 10_000_000 + "\n", encoding="utf-8")
    _, errors = read_roster(str(path), "long.csv")
    assert [str(e) for e in errors] == ["long.csv:1: cannot read the file: it is too large (9.5 MB; at most 4.0 MB)"]


def test_unclosed_quote_in_a_large_file_points_at_the_quote(tmp_path: Path) -> None:
    rows = "".join(f"Persoon {i};geen\n" for i in range(9000))
    path = tmp_path / "quote.csv"
    path.write_text("naam;kant\n" + rows + '"Anna;geen\n' + rows.replace("Persoon", "Lid") * 2, encoding="utf-8")
    assert path.stat().st_size >= 3 * 128 * 1024
    _, errors = read_roster(str(path), "quote.csv")
    assert [(e.row, e.column) for e in errors] == [(9002, "")]
    assert "aanhalingsteken" in errors[0].message


def test_names_are_cleaned_before_comparing_and_storing() -> None:
    people, errors = parse_roster("naam;partij\nEef\x00 Mol\ufffd;Groen\u200b Dorp\nAnne\u0301;\n", "r.csv")
    assert errors == []
    assert [(p.name, p.party) for p in people] == [("Eef Mol", "Groen Dorp"), ("Anné", "")]
    assert people[1].name == "Ann\u00e9"  # NFC: one code point


def test_zero_width_and_bidi_characters_do_not_make_another_person() -> None:
    for variant in ("Anna\u200b de Vries", "Anna de\u2060 Vries", "\u202eAnna de Vries", "Anna\u00ad de Vries", "\ufeffAnna de Vries"):
        assert name_key(variant) == name_key("Anna de Vries"), repr(variant)


def test_emoji_sequences_keep_their_joiners() -> None:
    assert clean_text("Ørjan 👩\u200d⚖\ufe0f") == "Ørjan 👩\u200d⚖\ufe0f"
    assert clean_text("Jan\u200d Smit") == "Jan Smit"


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200c\u200d", "\u3164", "\u2800", "\x00", "\ufffd", "\u0301", " \u2060 "])
def test_invisible_names_are_not_visible(name: str) -> None:
    assert not is_visible(name)


def test_participant_model_cleans_its_texts() -> None:
    person = Participant(name="\x1b[2JAnna\u200b", party="Groen\x00 Dorp", role="raads\u00adlid")
    assert (person.name, person.party, person.role) == ("[2JAnna", "Groen Dorp", "raadslid")


def test_session_rules_refuse_an_invisible_name() -> None:
    from dilemmaspel.core.session import RuleError
    from tests.sessionfactory import engine_for, start

    engine = start(engine_for())
    with pytest.raises(RuleError) as info:
        engine.add_participant(Participant(name="\u200b\u200b"))
    assert info.value.key == "rule.invisible_name"
    engine.add_participant(Participant(name="Anna de Vries"))
    with pytest.raises(RuleError) as info:
        engine.add_participant(Participant(name="Anna\u200b de Vries"))
    assert info.value.key == "rule.duplicate_name"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_unicode_text_from_excel_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "excel.txt"
    text = "naam\tpartij\tkant\tfunctie\r\nRené Müller\tGroen Dorp\tcoalitie\traadslid\r\nIlse 🌷 Dijk\t\toppositie\t\r\n"
    path.write_bytes(text.encode(encoding))  # "utf-16" writes a BOM, Excel's "Unicode text"
    people, errors = read_roster(str(path))
    assert errors == []
    assert [(p.name, p.party, p.side, p.role) for p in people] == [
        ("René Müller", "Groen Dorp", "coalition", "raadslid"),
        ("Ilse 🌷 Dijk", "", "opposition", ""),
    ]


def test_quoted_multiline_field_keeps_the_line_numbers_of_the_file() -> None:
    _, errors = parse_roster('naam;kant\n"Anna\nde Vries";geen\nBen;links\n', "r.csv")
    assert [(e.row, e.column) for e in errors] == [(4, "kant")]


def test_other_delimiter_in_a_quoted_name_is_fine_when_the_row_is_complete() -> None:
    people, errors = parse_roster('naam,kant\n"Vries; Anna",geen\n')
    assert errors == [] and people[0].name == "Vries; Anna"


def test_semicolon_header_with_comma_data() -> None:
    set_language("en")
    _, errors = parse_roster("naam;kant\nAnna;geen\nBen,oppositie\n", "r.csv")
    assert [str(e) for e in errors] == [
        "r.csv:3: this line is separated by ',' but the header row by ';'; use one separator throughout"
    ]


def test_huge_header_is_quoted_briefly() -> None:
    _, errors = parse_roster(";".join("kolom" + "x" * 100 for _ in range(5000)) + "\n")
    assert len(errors) == 1 and len(errors[0].message) < 1000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    _, errors = read_roster(str(fifo), "pipe.csv")  # would block forever if it were opened for reading
    assert len(errors) == 1 and errors[0].row == 1 and "geen gewoon bestand" in errors[0].message


@pytest.mark.skipif(not os.path.exists(os.devnull) or sys.platform == "win32", reason="needs /dev/zero")
def test_device_is_refused() -> None:
    _, errors = read_roster("/dev/zero")
    assert len(errors) == 1 and "apparaat" in errors[0].message


def test_folder_and_oversized_file_are_refused(tmp_path: Path) -> None:
    _, errors = read_roster(str(tmp_path))
    assert "map" in errors[0].message
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: takes no disk space
    _, errors = read_roster(str(big))
    assert len(errors) == 1 and "te groot (64.0 MB; hoogstens 4.0 MB)" in errors[0].message


def test_errors_stop_after_a_hundred() -> None:
    _, errors = parse_roster("naam;kant\n" + "".join(f"P{i};links\n" for i in range(5000)), "r.csv")
    assert len(errors) == 101
    assert str(errors[-1]) == "r.csv:102: meer dan 100 problemen: los deze eerst op, de rest wordt niet getoond"
