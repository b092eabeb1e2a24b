"""Shared fixtures: every test gets its own data dir and starts in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmaspel.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "long: a whole flow through the UI or a large property test; started first")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the longest tests first, then the other UI tests, then the rest.

    pytest-xdist hands each worker a contiguous part of this order and lets a worker that runs
    out take the tail of another's. With the long tests at the head, what is left at the end is
    short, so the workers finish together."""

    def weight(item: pytest.Item) -> int:
        if item.get_closest_marker("long"):
            return 0
        return 1 if item.path.name.startswith(("test_tui_", "test_room_browser", "test_room_console")) else 2

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


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often in tests: a Pilot test allocates objects for every frame it
    draws, and with Python's default thresholds a fifth of its time went to collections that
    scanned the test process's whole heap again (modules, every app a test built). What the
    imports and collection created is frozen out of the scans, and a young generation may grow
    to 20,000 objects before it is collected (``tests/test_tui_group.py``: 14.7 s to 11.8 s)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
