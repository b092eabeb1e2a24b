"""The participants screen: ask before Delete, keep the cursor, edit a person, no silent
carry-over of party and side, latecomers and removals at any time of the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import ParticipantEdited, Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.decks import load_library
from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.dialogs.confirm import ConfirmDialog
from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.play import PlayScreen
from tests.tui_helpers import fill, make_app, settle, shows

SIZE = (80, 24)


def fresh(home: Path, people: int = 0, groups: int = 0, deal: bool = False) -> tuple[Store, Live]:
    deck = load_library().deck("bestuurlijke-integriteit")
    store = Store(home)
    sink = StoreSink(store)
    engine = Engine(sink)
    engine.start("group", Settings(title="Avond", decks=[deck.id], cards=2, seed=2))
    for i in range(people):
        engine.add_participant(Participant(name=f"Lid {i + 1}", party="AB"[i % 2], side=("coalition", "opposition")[i % 2]))
    if groups:
        engine.form_groups(count=groups)
    if deal:
        engine.deal(0, [deck])
    return store, Live(sink.session_id or "", engine, [deck])


async def open_screen(app, pilot, live: Live) -> None:  # type: ignore[no-untyped-def]
    app.push_screen(ParticipantsScreen(live))
    await settle(pilot)


async def test_delete_asks_first_and_the_cursor_stays_on_its_row(isolated_home: Path) -> None:
    store, live = fresh(isolated_home, people=4)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, live)
        table = app.screen.query_one("#people", DataTable)
        table.focus()
        table.move_cursor(row=1)
        await settle(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert len(live.state.participants) == 4
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        names = [p.name for p in live.state.participants.values()]
        assert names == ["Lid 1", "Lid 3", "Lid 4"]
        assert table.cursor_row == 1  # now on Lid 3, not back at the top
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert [p.name for p in live.state.participants.values()] == ["Lid 1", "Lid 4"]
        await pilot.press("end")
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert [p.name for p in live.state.participants.values()] == ["Lid 1"]
        assert table.cursor_row == 0


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_a_person_can_be_edited(isolated_home: Path, language: str) -> None:
    set_language(language)
    store, live = fresh(isolated_home, people=3)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, live)
        table = app.screen.query_one("#people", DataTable)
        table.focus()
        table.move_cursor(row=2)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "Lid 3"
        assert await shows(pilot, "Lid 3")
        await fill(pilot, "#name", "Lid Drie")
        await fill(pilot, "#party", "Nieuw")
        await pilot.press("enter")
        await settle(pilot)
    assert list(live.state.participants.values())[2] == Participant(name="Lid Drie", party="Nieuw", side="coalition")
    assert len(live.state.participants) == 3
    with Store(isolated_home) as other:
        assert any(isinstance(e, ParticipantEdited) for e in other.events(live.session_id))


async def test_party_and_side_do_not_carry_over_to_the_next_entry(isolated_home: Path) -> None:
    store, live = fresh(isolated_home)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, live)
        await fill(pilot, "#party", "VVD")
        app.screen.query_one("#side", Select).value = "coalition"
        await fill(pilot, "#role", "raadslid")
        await fill(pilot, "#name", "Piet Puk")
        await pilot.press("enter")
        await settle(pilot)
        await fill(pilot, "#name", "Jan Klaassen")
        await pilot.press("enter")
        await settle(pilot)
    piet, jan = live.state.participants.values()
    assert (piet.party, piet.side, piet.role) == ("VVD", "coalition", "raadslid")
    assert (jan.party, jan.side, jan.role) == ("", "none", "")


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_latecomers_join_the_smallest_group_mid_card_and_non_voters_can_be_removed(isolated_home: Path, language: str) -> None:
    set_language(language)
    store, live = fresh(isolated_home, people=9, groups=3, deal=True)
    state = live.state
    rnd = state.rounds[0]
    voter = state.voters(rnd)[0]
    live.engine.vote(rnd.number, voter, "A")
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlayScreen(live))
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        await fill(pilot, "#name", "Laat Komer")
        await pilot.press("enter")
        await settle(pilot)
        late = next(pid for pid, p in state.participants.items() if p.name == "Laat Komer")
        assert state.group_of(late) == 0  # all groups had 3: the first smallest one, playing now
        assert late in state.voters(rnd)
        await fill(pilot, "#name", "Nog Later")
        await pilot.press("enter")
        await settle(pilot)
        assert state.group_of(next(pid for pid, p in state.participants.items() if p.name == "Nog Later")) == 1
        table = app.screen.query_one("#people", DataTable)
        table.focus()
        # Someone who voted stays (with a message); someone who did not can go.
        table.move_cursor(row=list(state.participants).index(voter))
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert voter in state.participants
        other = next(pid for pid in state.groups[2])
        table.move_cursor(row=list(state.participants).index(other))
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert other not in state.participants
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
