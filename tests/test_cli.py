"""Command-line basics: version, help in both languages, python -m."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dilemmaspel import __version__
from dilemmaspel.cli import main
from tests.conftest import ROOT


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dilemmaspel {__version__}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "Zonder opdracht start de app"),
        (["--lang", "en", "--help"], "Without a command the app starts"),
        (["validate", "--help"], "controleer deck- en methodebestanden"),
        (["--lang", "en", "decks", "--help"], "list every deck and method found"),
    ],
)
def test_help_is_translated(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0
    assert expected in " ".join(capsys.readouterr().out.split())


def test_language_from_environment(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DILEMMASPEL_LANG", "en")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "Without a command" in " ".join(capsys.readouterr().out.split())


def test_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "fr", "decks"])
    assert exit_info.value.code == 2


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "dilemmaspel", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.strip() == f"dilemmaspel {__version__}"


# --- global options before and after the command (issue 9, section 4) -------------------------

import io
from pathlib import Path

from dilemmaspel.cli import GLOBAL_OPTIONS, parse_args
from dilemmaspel.terminal import SafeStream, printable

COMMANDS: dict[str, list[str]] = {
    "app": [],
    "validate": ["validate", "deck.toml"],
    "decks": ["decks"],
    "groups": ["groups", "raad.csv", "--size", "4"],
    "sessions": ["sessions"],
    "export": ["export", "abc"],
    "forget": ["forget", "abc", "--yes"],
}
VALUES = {"--lang": "en", "--data-dir": "/tmp/ergens", "--decks": "/tmp/decks-a"}
ROOM_VALUES = {"--bind": "192.168.1.20", "--port": "8765", "--tls-cert": "cert.pem", "--tls-key": "key.pem"}


def test_every_global_option_is_covered() -> None:
    assert {o.flag for o in GLOBAL_OPTIONS} == set(VALUES) | set(ROOM_VALUES)


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("after_command", [False, True])
def test_room_options_work_before_and_after_every_command(command: str, after_command: bool) -> None:
    options = [part for flag, value in ROOM_VALUES.items() for part in (flag, value)]
    place_after = after_command and command != "app"
    args = parse_args([*COMMANDS[command], *options] if place_after else [*options, *COMMANDS[command]])
    assert (args.bind, args.port, args.tls_cert, args.tls_key) == ("192.168.1.20", 8765, "cert.pem", "key.pem")


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("placement", range(2 ** len(VALUES)))
def test_global_options_work_before_and_after_every_command(command: str, placement: int) -> None:
    before: list[str] = []
    after: list[str] = []
    for bit, (flag, value) in enumerate(VALUES.items()):
        after_command = bool(placement >> bit & 1) and command != "app"
        (after if after_command else before).extend([flag, value])
    args = parse_args([*before, *COMMANDS[command], *after])
    assert args.command == (None if command == "app" else command)
    assert (args.lang, args.data_dir, args.decks) == ("en", "/tmp/ergens", ["/tmp/decks-a"])
    assert not [name for name in vars(args) if name.startswith("after_command_")]


def test_a_plain_start_parses_as_the_full_parser_would_without_building_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import dilemmaspel.cli as cli

    full = vars(cli.build_parser().parse_args([]))
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("the full parser was built"))
    assert vars(parse_args([])) == full


def test_a_plain_start_does_not_even_import_argparse() -> None:
    import subprocess
    import sys

    code = ("import sys\nimport dilemmaspel.cli as cli\ncli._language_from([])\ncli.parse_args([])\n"
            "import dilemmaspel.tui.app, dilemmaspel.tui.screens.start, dilemmaspel.room.options\n"
            "print('argparse' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"app"}))
def test_later_value_wins_and_decks_collect(command: str) -> None:
    args = parse_args(["--lang", "nl", "--decks", "A", "--data-dir", "X", *COMMANDS[command],
                       "--lang", "en", "--decks", "B", "--data-dir", "Y"])
    assert (args.lang, args.decks, args.data_dir) == ("en", ["A", "B"], "Y")
    args = parse_args(COMMANDS[command])
    assert (args.lang, args.decks, args.data_dir) == (None, [], None)


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_is_used_wherever_it_is_given(where: str, tmp_path: Path, isolated_home: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    chosen = tmp_path / "chosen"
    option = ["--data-dir", str(chosen)]
    assert main([*option, "sessions"] if where == "before" else ["sessions", *option]) == 0
    assert chosen.is_dir() and any(chosen.iterdir())
    assert not isolated_home.exists()  # the default data dir is neither used nor created


@pytest.mark.parametrize("where", ["before", "after"])
def test_extra_decks_and_language_are_used_wherever_given(where: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import DATA

    option = ["--decks", str(DATA / "mini.toml"), "--lang", "en"]
    assert main([*option, "decks"] if where == "before" else ["decks", *option]) == 0
    out = capsys.readouterr().out
    assert "mini  Mini-deck voor tests (nl, 2 cards) - --decks:" in out


def test_app_gets_the_global_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import dilemmaspel.tui.app as tui_app

    seen: dict[str, object] = {}

    def fake_run_app(**kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(tui_app, "run_app", fake_run_app)
    from dilemmaspel.room.options import RoomOptions

    assert main(["--data-dir", str(tmp_path), "--decks", "X", "--lang", "en", "--port", "8080"]) == 0
    assert seen == {"data_dir": tmp_path, "extra_decks": [Path("X")], "language": "en",
                    "room": RoomOptions(None, 8080, None, None)}


def test_lang_without_a_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["decks", "--lang"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("fout:") == 1  # once, and in Dutch (argparse's "error:" translated)


# --- control characters on the terminal (issue 9, section 3) -----------------------------------


def test_printable_shows_control_characters_as_escapes() -> None:
    assert printable("a\x1b[2Jb\rc\x9bd\u202ee\x00f\tg\nh") == "a\\x1b[2Jb\\x0dc\\x9bd\\u202ee\\x00f\tg\nh"
    assert printable("Ilse 🌷 Dijk, René") == "Ilse 🌷 Dijk, René"
    assert printable("\udcff") == "\\udcff"  # a path that is not valid UTF-8


def test_safe_stream_never_fails_on_characters_the_encoding_lacks() -> None:
    raw = io.BytesIO()
    inner = io.TextIOWrapper(raw, encoding="cp1252")
    stream = SafeStream(inner)  # type: ignore[arg-type]
    stream.write("Ilse 🌷 Dijk \x1b[2J\n")
    inner.flush()
    assert raw.getvalue() == b"Ilse ? Dijk \\x1b[2J\n"


def test_groups_output_has_no_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "raad.csv"
    roster.write_text("naam;partij;kant;rol\n\x1b[2JAnna;\x1b[31mGroen\x07;coalitie;\x9b31m\nBen;;geen;\n", encoding="utf-8")
    assert main(["groups", str(roster), "--size", "2", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "[2JAnna" in out and "Ben" in out
    assert not any(ord(ch) < 32 and ch != "\n" or 0x7F <= ord(ch) < 0xA0 for ch in out)


def test_argparse_errors_are_sanitised_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "\x1b[2J"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err
