"""The roster import (ctrl+o on the participants screen) with hostile files, and hostile user decks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from dilemmaspel.tui.screens.start import StartScreen
from tests.tui_helpers import fill, make_app, settle, shows

SIZE = (100, 34)


def _notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def _to_participants(pilot) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, StartScreen)
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SetupScreen)
    await fill(pilot, "#title", "Workshop")
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ParticipantsScreen)


async def _import(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+o")
    await settle(pilot)
    await fill(pilot, "#path", str(path))
    await pilot.press("enter")
    await settle(pilot)


async def _wait_for_note(pilot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    for _ in range(50):
        notes = _notes(pilot.app)
        if any(text in n for n in notes):
            return notes
        await pilot.pause(0.05)
    return _notes(pilot.app)


async def test_runaway_field_is_shown_as_an_error_and_nothing_is_added(tmp_path: Path, isolated_home: Path) -> None:
    roster = tmp_path / "raad.csv"
    roster.write_text("naam;kant\nAnna de Vries;coalitie\n\"Ben Jansen;oppositie\n" + "x" * 200_000 + "\n", encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _to_participants(pilot)
        await _import(pilot, roster)
        notes = await _wait_for_note(pilot, "raad.csv:3:")
        assert any("raad.csv:3:" in n and "aanhalingsteken" in n for n in notes), notes
        assert isinstance(app.screen, ParticipantsScreen)
        assert await shows(pilot, "0 deelnemer(s)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
async def test_fifo_is_refused_without_freezing_the_app(tmp_path: Path, isolated_home: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _to_participants(pilot)
        await _import(pilot, fifo)
        notes = await _wait_for_note(pilot, "pipe.csv:1:")
        assert any("geen gewoon bestand" in n for n in notes), notes


async def test_unexpected_failure_shows_a_message_without_names(tmp_path: Path, isolated_home: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import dilemmaspel.tui.screens.participants as participants

    def broken_reader(path: str, display: str | None = None):  # type: ignore[no-untyped-def]
        raise RuntimeError("Anna de Vries, Ben Jansen")

    monkeypatch.setattr(participants, "read_roster", broken_reader)
    roster = tmp_path / "raad.csv"
    roster.write_text("naam\nAnna de Vries\n", encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _to_participants(pilot)
        await _import(pilot, roster)
        notes = await _wait_for_note(pilot, "RuntimeError")
        assert any("RuntimeError" in n for n in notes), notes
        assert not any("Anna" in n for n in notes)
        assert isinstance(app.screen, ParticipantsScreen)


async def test_excel_unicode_text_is_imported(tmp_path: Path, isolated_home: Path) -> None:
    roster = tmp_path / "raad.txt"
    roster.write_bytes("naam\tpartij\tkant\r\nAnna de Vries\tGroen Dorp\tcoalitie\r\nBen\u200b Jansen\t\toppositie\r\n".encode("utf-16"))
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _to_participants(pilot)
        await _import(pilot, roster)
        assert await shows(pilot, "2 deelnemer(s)")
        names = [p.name for p in app.screen.live.state.participants.values()]  # type: ignore[attr-defined]
        assert names == ["Anna de Vries", "Ben Jansen"]


async def test_deeply_nested_user_deck_is_skipped_and_new_session_still_opens(isolated_home: Path) -> None:
    decks = isolated_home / "decks"
    decks.mkdir(parents=True)
    (decks / "diep.toml").write_text("a = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        assert [s.path.name for s in app.library.skipped] == ["diep.toml"]
        app.warm_up()
        notes = await _wait_for_note(pilot, "diep.toml:1:")
        assert any("dieper dan 32 niveaus" in n for n in notes), notes


async def test_user_deck_with_a_shipped_id_is_reported_and_the_shipped_one_used(isolated_home: Path) -> None:
    from tests.conftest import ROOT

    decks = isolated_home / "decks"
    decks.mkdir(parents=True)
    text = (ROOT / "decks" / "bestuurlijke-integriteit.toml").read_text(encoding="utf-8")
    (decks / "kopie.toml").write_text(text.replace('title = "Bestuurlijke integriteit"', 'title = "Mijn kopie"', 1), encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        assert app.library.decks["bestuurlijke-integriteit"].origin == "shipped"
        app.warm_up()
        notes = await _wait_for_note(pilot, "kopie.toml:")
        assert any("kopie.toml:" in n and "al in gebruik" in n and "meegeleverd" in n for n in notes), notes
