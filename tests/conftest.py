"""Shared fixtures: every test gets its own data dir and starts in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmaspel.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


LONGEST = ("test_tui_group.py", "test_room_console.py")  # a whole workshop through the UI, a room round


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the long Pilot flows first, so parallel workers finish together (the short tests fill in)."""

    def weight(item: pytest.Item) -> int:
        name = item.path.name
        if name in LONGEST:
            return 0
        return 1 if name.startswith(("test_tui_", "test_room_browser", "test_room_console")) else 2

    items.sort(key=weight)  # a stable sort: the order within each kind stays as collected


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DILEMMASPEL_HOME at a fresh folder and reset the language."""
    home = tmp_path / "home"
    monkeypatch.setenv("DILEMMASPEL_HOME", str(home))
    monkeypatch.delenv("DILEMMASPEL_LANG", raising=False)
    set_language("nl")
    yield home
    set_language("nl")
