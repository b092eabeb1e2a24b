"""`dilemmaspel validate`: every problem, one line each, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmaspel.cli import main
from dilemmaspel.decks import check_deck, check_method, parse_text
from tests.conftest import DATA, ROOT

BROKEN = DATA / "broken"


def _expected(name: str) -> dict[str, list[str]]:
    by_file: dict[str, list[str]] = {}
    for line in (BROKEN / name).read_text(encoding="utf-8").splitlines():
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    return by_file


EXPECTED_EN = _expected("expected-en.txt")
EXPECTED_NL = _expected("expected-nl.txt")


def test_corpus_has_a_file_per_mistake() -> None:
    files = sorted(BROKEN.glob("*.toml"))
    assert len(files) >= 25
    assert {f"tests/data/broken/{f.name}" for f in files} == set(EXPECTED_EN)


@pytest.mark.parametrize("name", sorted(EXPECTED_EN))
def test_broken_file_reports_exact_lines(name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["--lang", "en", "validate", name]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == EXPECTED_EN[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_NL))
def test_messages_are_dutch_by_default(name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["validate", name]) == 1
    assert capsys.readouterr().out.splitlines() == EXPECTED_NL[name]


def test_folder_reports_every_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["--lang", "en", "validate", "tests/data/broken"]) == 1
    captured = capsys.readouterr()
    expected = [line for lines in EXPECTED_EN.values() for line in lines]
    assert sorted(captured.out.splitlines()) == sorted(expected)
    assert "42 file(s) checked" in captured.err


def test_valid_files_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "mini.toml"), str(ROOT / "decks")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "geen problemen" in captured.err


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nope.toml")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2


def test_method_from_validated_folder_is_known(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "methods").mkdir()
    method = (ROOT / "decks" / "methods" / "zeven-stappen.toml").read_text(encoding="utf-8")
    (tmp_path / "methods" / "eigen.toml").write_text(method.replace('id = "zeven-stappen"', 'id = "eigen"'), encoding="utf-8")
    deck = (DATA / "mini.toml").read_text(encoding="utf-8").replace('method = "zeven-stappen"', 'method = "eigen"')
    (tmp_path / "deck.toml").write_text(deck, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "mini.toml").read_bytes())
    assert main(["validate", str(path)]) == 0


def test_multiline_strings_do_not_confuse_line_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    text = text.replace('situation = "Een aannemer', 'situation = """\n[[cards]]\nid = "fake"\n"""\nnote = "Een aannemer')
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["--lang", "en", "validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    note_line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("note = "))) + 1
    assert lines == [f"{path}:{note_line}: card 'kerstpakket': note: unknown key"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(list('[]{}="\'#\n abc.,-_1') + ['"""', "\n[[cards]]\n", "\n[deck]\n", "\n[[steps]]\n", "id = ", "options = "]),
        max_size=80,
    ).map("".join)
)
def test_any_text_gives_problems_never_an_exception(text: str) -> None:
    parsed = parse_text(text, "x.toml")
    if parsed.data is not None:
        check_deck(parsed.data, parsed.collector, known_methods=["zeven-stappen"])
        check_method(parsed.data, parsed.collector)
    for problem in parsed.collector.problems:
        assert problem.line >= 1
        assert str(problem).startswith("x.toml:")


# --- hostile files (issue 9, sections 3 and 4) -----------------------------------------------

import os
import subprocess
import sys

from dilemmaspel.decks import load_library, shipped_dir


def test_one_dotted_header_of_forty_thousand_keys_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dotted.toml"
    path.write_text("[" + ".".join(f"k{i}" for i in range(40_000)) + "]\n", encoding="utf-8")
    assert 260_000 < path.stat().st_size < 280_000
    assert main(["--lang", "en", "validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{path}:1: file: a key or table name with more than 32 dotted parts"]


def test_line_map_finds_keys_below_a_long_header() -> None:
    from dilemmaspel.tomllines import LineMap

    names = [f"k{i}" for i in range(5000)]
    lines = LineMap("[" + ".".join(names) + "]\nx = 1\n[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]\n[[a.b]]\ny = 2\n")
    assert lines.line_of(tuple(names) + ("x",)) == 2
    assert lines.line_of(("a", 1, "b", 1, "y")) == 8
    assert lines.line_of(("a", 1, "b", 0)) == 6
    assert lines.line_of(("a", 0, "b", 0)) == 4


def test_deck_over_the_size_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: no disk space used
    assert main(["--lang", "en", "validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:1: file: cannot read the file: it is too large (5.0 MB; at most 4.0 MB)"
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/zero")
def test_device_is_refused_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "validate", "/dev/zero"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "/dev/zero:1: file: cannot read the file: it is not an ordinary file but a device, pipe or socket"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", [["validate"], ["groups", "--size", "3"]])
def test_fifo_does_not_block(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    args = [sys.executable, "-m", "dilemmaspel", "--lang", "en", command[0], str(fifo), *command[1:]]
    # The timeout only keeps a regression from hanging the suite: a refusal takes no time at all.
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "DILEMMASPEL_HOME": str(tmp_path / "home")})
    assert result.returncode == 1
    assert "not an ordinary file" in result.stdout + result.stderr


def _home_with(home: Path, name: str, text: str) -> Path:
    path = home / "decks" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


DEEP = "a = " + "[" * 500 + "]" * 500 + "\n"


def test_deeply_nested_user_deck_does_not_break_validate(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _home_with(isolated_home, "diep.toml", DEEP)
    assert main(["validate", str(DATA / "mini.toml")]) == 0
    capsys.readouterr()
    deep_inline = _home_with(isolated_home, "diep2.toml", "a = " + "{b = " * 400 + "1" + "}" * 400 + "\n")
    assert main(["validate", str(deep_inline)]) == 1
    assert "dieper dan 32 niveaus" in capsys.readouterr().out


def test_deeply_nested_user_deck_is_skipped_by_decks(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _home_with(isolated_home, "diep.toml", DEEP)
    assert main(["--lang", "en", "decks"]) == 0
    out = capsys.readouterr().out
    assert f"  {path}:1: file: lists or inline tables nested more than 32 levels deep" in out.splitlines()
    assert "bestuurlijke-integriteit  " in out


def test_huge_integer_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    parsed = parse_text('[deck]\nid = "x"\n\nversion = ' + "1" * 5000 + "\n", "x.toml")
    assert parsed.data is None
    assert [str(p) for p in parsed.collector.problems] == ["x.toml:4: bestand: een getal met meer dan 4300 cijfers"]


SHIPPED_COPY = (ROOT / "decks" / "bestuurlijke-integriteit.toml")


def test_user_deck_with_a_shipped_id_is_skipped_and_the_shipped_one_wins(isolated_home: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    text = SHIPPED_COPY.read_text(encoding="utf-8").replace('title = "Bestuurlijke integriteit"', 'title = "Mijn kopie"', 1)
    copy = _home_with(isolated_home, "kopie.toml", text)
    library = load_library(isolated_home)
    assert library.decks["bestuurlijke-integriteit"].origin == "shipped"
    assert library.decks["bestuurlijke-integriteit"].deck.title != "Mijn kopie"
    [skipped] = library.skipped
    assert skipped.path == copy
    shipped = shipped_dir() / "bestuurlijke-integriteit.toml"
    line = text.splitlines().index('id = "bestuurlijke-integriteit"') + 1
    expected = (f"{copy}:{line}: deck: id: id 'bestuurlijke-integriteit' is already used by {shipped} (shipped); "
                "that one is used and this file is skipped: give this one an id of its own")
    assert main(["--lang", "en", "decks"]) == 0
    assert f"  {expected}" in capsys.readouterr().out.splitlines()
    assert main(["--lang", "en", "validate", str(copy)]) == 1
    assert capsys.readouterr().out.splitlines() == [expected]


def test_user_method_with_a_shipped_id_is_skipped(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    method = (ROOT / "decks" / "methods" / "zeven-stappen.toml").read_text(encoding="utf-8")
    copy = _home_with(isolated_home, "methods/zeven.toml", method.replace("[method]", "# mijn kopie\n[method]", 1))
    library = load_library(isolated_home)
    assert library.methods["zeven-stappen"].origin == "shipped"
    assert [s.path for s in library.skipped] == [copy]
    assert "zeven-stappen" in str(library.skipped[0].problem) and "meegeleverd" in str(library.skipped[0].problem)
    assert main(["validate", str(copy)]) == 1
    assert "al in gebruik" in capsys.readouterr().out


def test_two_validated_files_with_the_same_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text((DATA / "mini.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--lang", "en", "validate", str(tmp_path)]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{tmp_path / 'b.toml'}:") and f"already used by {tmp_path / 'a.toml'}" in line


def test_shipped_decks_validate_clean_against_themselves(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(shipped_dir())]) == 0


def test_deck_with_escape_sequences_in_a_title_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = (DATA / "mini.toml").read_text(encoding="utf-8").replace('title = "Mini-deck voor tests"', 'title = "\\u001b[2JMini\\u009b"')
    (tmp_path / "mini.toml").write_text(deck, encoding="utf-8")
    library = load_library(None, [tmp_path])
    assert "mini" not in library.decks
    assert main(["--lang", "en", "decks", "--decks", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out
    assert f"  {tmp_path / 'mini.toml'}:3: deck: title: contains a control character (\\x1b); remove it" in out.splitlines()


def test_escape_sequences_in_paths_are_not_printed_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "\x1b[2Jweg.toml")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2Jweg.toml" in err


def test_problems_stop_after_a_hundred_per_file() -> None:
    parsed = parse_text("[deck]\n" + "[[cards]]\n" * 5000, "x.toml")
    assert parsed.data is not None
    check_deck(parsed.data, parsed.collector, known_methods=[])
    problems = parsed.collector.problems
    assert len(problems) == 101
    assert str(problems[-1]).endswith("bestand: meer dan 100 problemen: los deze eerst op, de rest wordt niet getoond")
