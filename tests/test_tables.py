"""The groups screen at 80x24 with 45 people, and the printable table list (screen and CLI)."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import DataTable

from dilemmaspel.cli import main
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.tables import seating
from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.tablelist import to_csv, to_markdown
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.groups import GroupsScreen
from tests.tui_helpers import make_app, screen_text, settle

SIDES = ("coalition", "opposition", "none")
PARTIES = ("Groen Dorp", "Lokaal Sterk", "Samen Verder", "Nieuw Oost", "VVD")
BUTTONS = {"nl": ("Opnieuw mengen", "Tafellijst"), "en": ("Reshuffle", "Table list")}


def evening(home: Path, people: int = 45) -> tuple[Store, Live]:
    store = Store(home)
    sink = StoreSink(store)
    engine = Engine(sink, clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("group", Settings(title="Raad | avond", cards=1, seed=9))
    for i in range(people):
        engine.add_participant(Participant(name=f"Raadslid {i + 1:02d}", party=PARTIES[i % 5], side=SIDES[i % 3], role="raadslid"))
    engine.form_groups(size=5)
    return store, Live(sink.session_id or "", engine, [])


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_every_group_of_45_people_is_readable_at_80x24_with_the_buttons_in_view(isolated_home: Path, language: str) -> None:
    set_language(language)
    store, live = evening(isolated_home)
    state = live.state
    assert len(state.groups) == 9
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupsScreen(live))
        await settle(pilot)
        table = app.screen.query_one("#members", DataTable)
        table.focus()
        for group, members in enumerate(state.groups):
            table.move_cursor(row=sum(len(g) for g in state.groups[:group]), scroll=True)
            await settle(pilot)
            await settle(pilot)
            text = screen_text(app)
            for pid in members:  # the whole group in view at once
                assert state.name(pid) in text, (group, state.name(pid))
            heading = "Groep" if language == "nl" else "Group"
            assert f"{heading} {group + 1}: {len(members)}" in text  # its make-up
            for label in BUTTONS[language]:
                assert label in text
        # The visible rows are most of the screen, not three.
        visible = [line for line in screen_text(app).splitlines() if "Raadslid " in line]
        assert len(visible) >= 9


async def test_the_table_list_is_written_owner_only_from_the_groups_screen(isolated_home: Path) -> None:
    store, live = evening(isolated_home, people=12)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupsScreen(live))
        await settle(pilot)
        app.screen.query_one("#members").focus()
        await pilot.press("p")
        await settle(pilot)
    folder = isolated_home / "transcripts"
    files = sorted(folder.glob(f"*{live.session_id}*"))
    assert [f.suffix for f in files] == [".csv", ".md"]
    for path in files:
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    markdown = files[1].read_text(encoding="utf-8")
    for table in seating(live.state):
        assert f"## Tafel {table.number} ({len(table.members)})" in markdown
        for person in table.members:
            assert f"| {person.name} |" in markdown


def test_the_table_list_shows_everyone_once_at_their_table_literally() -> None:
    engine = Engine(clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("group", Settings(title="Raad | avond", seed=1))
    for name in ("Jan [/] de Vries", "=HYPERLINK(1)", "Els | Jansen", "Ruud *Kok*"):
        engine.add_participant(Participant(name=name, party="Stad|partij"))
    engine.form_groups(count=2)
    engine.set_absent(engine.state.groups[1][0], True)
    state = engine.state
    rows = list(csv.reader(io.StringIO(to_csv(state, "en")), delimiter=";"))
    assert rows[0] == ["table", "Name", "Party", "Role", "Present"]
    assert sorted(r[1] for r in rows[1:]) == sorted(["Jan [/] de Vries", "'=HYPERLINK(1)", "Els | Jansen", "Ruud *Kok*"])
    assert {r[0] for r in rows[1:]} == {"1", "2"}
    assert [r[4] for r in rows[1:]].count("No") == 1
    markdown = to_markdown(state, "nl")
    assert "Els \\| Jansen" in markdown and "Ruud \\*Kok\\*" in markdown and "Stad\\|partij" in markdown
    assert "(afwezig)" in markdown
    assert "Tafellijst: Raad \\| avond" in markdown


def test_cli_writes_the_table_list(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, live = evening(isolated_home, people=10)
    store.close()
    assert main(["tables", live.session_id[:6], "--format", "csv"]) == 0
    written = Path(capsys.readouterr().out.split(": ", 1)[1].strip())
    assert written.parent == isolated_home / "transcripts" and written.suffix == ".csv"
    assert written.read_text(encoding="utf-8-sig").count("Raadslid") == 10
    assert main(["tables", "nope"]) == 1
    assert main(["forget", live.session_id, "--yes"]) == 0
    assert not written.exists()  # forgetting a session removes its table list too


def test_control_characters_never_reach_the_table_list() -> None:
    engine = Engine(clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("group", Settings(seed=1))
    engine.add_participant(Participant(name="Anna\x1b[31m Rood", party="Partij\x07"))
    engine.form_groups(count=1)
    for text in (to_markdown(engine.state, "nl"), to_csv(engine.state, "nl")):
        assert "\x1b" not in text and "\x07" not in text
        assert "Anna\\[31m Rood" in text or "Anna[31m Rood" in text
