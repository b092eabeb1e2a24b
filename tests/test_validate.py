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
    assert "35 file(s) checked" in captured.err


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
