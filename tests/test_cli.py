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
