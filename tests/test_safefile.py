"""The guarded reader: regular files only, never blocking, never more than the limit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from dilemmaspel.i18n import set_language
from dilemmaspel.safefile import FileRefused, read_bytes, read_text


def _refusal(path: str | Path, limit: int = 1000) -> str:
    with pytest.raises(FileRefused) as info:
        read_bytes(path, limit)
    return info.value.message("en")


def test_regular_file_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"x" * 1000)
    assert read_bytes(path, 1000) == b"x" * 1000
    assert _refusal(path, 999) == "cannot read the file: it is too large (1000 bytes; at most 999 bytes)"


def test_missing_folder_and_bad_paths(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nope") == "cannot read the file: it does not exist"
    assert _refusal(tmp_path) == "cannot read the file: it is a folder"
    assert _refusal(str(tmp_path / "a\x00b")).startswith("cannot read the file: ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not an ordinary file" in _refusal(fifo)


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/zero")
def test_endless_device_is_refused() -> None:
    assert "not an ordinary file" in _refusal("/dev/zero")


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no /proc")
def test_file_larger_than_its_reported_size_is_cut_off_at_the_limit() -> None:
    assert os.stat("/proc/self/status").st_size == 0  # the kernel does not say how large it is
    assert "too large" in _refusal("/proc/self/status", limit=10)
    assert read_bytes("/proc/self/status", 1_000_000).startswith(b"Name:")


def test_text_decoding_error_has_its_line(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "f.json"
    path.write_bytes(b'{\n"a":\n"\xff"}')
    with pytest.raises(FileRefused) as info:
        read_text(path, 1000)
    assert str(info.value) == "not valid utf-8-sig (line 3)"


def test_settings_that_are_nested_too_deeply_or_not_a_file_are_ignored(isolated_home: Path) -> None:
    from dilemmaspel.tui.app import load_settings

    isolated_home.mkdir(parents=True)
    settings = isolated_home / "settings.json"
    settings.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert load_settings(isolated_home) == {}
    settings.unlink()
    settings.mkdir()
    assert load_settings(isolated_home) == {}
    if hasattr(os, "mkfifo"):
        settings.rmdir()
        os.mkfifo(settings)
        assert load_settings(isolated_home) == {}


def test_no_module_reads_a_file_past_the_guarded_reader() -> None:
    import re

    package = Path(__file__).resolve().parent.parent / "dilemmaspel"
    reading = re.compile(r"\.read_(text|bytes)\(|(?<![\w.])open\(|os\.open\([^)]*O_RDONLY|json\.load\(|tomllib\.load\(")
    allowed = {"safefile.py"}
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if path.name not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if reading.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
