"""Stopping the app mid-vote loses nothing; the start screen resumes where it stopped."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from dilemmaspel.store import Store
from dilemmaspel.tui.screens.card import CardScreen
from dilemmaspel.tui.screens.play import PlayScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.screens.start import StartScreen
from dilemmaspel.tui.screens.vote import PassScreen, VoteScreen
from tests.test_tui_group import SIZE, _setup_session
from tests.tui_helpers import ROSTER, fill, make_app, settle, shows, vote


@pytest.mark.long
async def test_resume_after_stop_mid_vote(tmp_path: Path, isolated_home: Path) -> None:
    roster = tmp_path / "raad.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _setup_session(pilot, roster, cards=1)
        await fill(pilot, "#number", "5")
        await pilot.press("enter")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")  # deal the first card to group 1
        await settle(pilot)
        await pilot.press("enter")  # start voting
        await settle(pilot)
        await vote(pilot, "B", "Eerste stem")
        await vote(pilot, "other", "Tweede stem", other="Eerst de griffier bellen")
        # The third member starts typing, then the app is closed.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("a")
        await fill(pilot, "#reasoning", "half getypt")
        await pilot.press("ctrl+q")
        await settle(pilot)

    with Store(isolated_home) as store:
        [summary] = store.sessions()
        state = store.load(summary.id)
        assert state.rounds[0].phase == "voting"
        assert [v.choice for v in state.rounds[0].votes.values()] == ["B", "other"]
        assert list(state.rounds[0].votes.values())[1].other == "Eerst de griffier bellen"

    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert await shows(pilot, "Onafgemaakte sessies")
        table = app.screen.query_one("#resume", DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        assert await shows(pilot, "2 van 5 gestemd")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)
        assert await shows(pilot, "2 van 5 hebben gestemd")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PassScreen)
        assert await shows(pilot, "2 van 5 hebben gestemd")
        for _ in range(3):
            await vote(pilot, "A", "Na het hervatten")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RevealScreen)
        assert await shows(pilot, "Stemmen (5)")

    with Store(isolated_home) as store:
        state = store.load(store.sessions()[0].id)
        assert state.rounds[0].phase == "revealed"
        assert len(state.rounds[0].votes) == 5


async def test_regrouping_between_cards_mixes_people_anew(isolated_home: Path) -> None:
    from dilemmaspel.core.engine import Engine
    from dilemmaspel.core.events import Settings
    from dilemmaspel.core.roster import Participant
    from dilemmaspel.decks import load_library
    from dilemmaspel.store import StoreSink
    from dilemmaspel.tui.context import Live
    from dilemmaspel.tui.screens.groups import GroupsScreen

    deck = load_library().deck("bestuurlijke-integriteit")
    store = Store(isolated_home)
    sink = StoreSink(store)
    engine = Engine(sink)
    engine.start("group", Settings(decks=[deck.id], cards=2, seed=5))
    for i in range(12):
        engine.add_participant(Participant(name=f"Lid {i}", party="AB"[i % 2], side="coalition" if i % 3 else "opposition"))
    engine.form_groups(count=3)
    for group in range(3):
        rnd = engine.deal(group, [deck])
        for pid in engine.state.voters(rnd):
            engine.vote(rnd.number, pid, "A")
        engine.reveal(rnd.number)
        engine.close_round(rnd.number)
    before = [list(g) for g in engine.state.groups]
    live = Live(sink.session_id or "", engine, [deck])
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(GroupsScreen(live))
        await settle(pilot)
        await fill(pilot, "#number", "3")
        app.screen.query_one("#how").value = "count"
        app.screen.query_one("#members").focus()
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("left", "enter")  # the "yes" button: a letter key asked
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("zo min mogelijk mensen weer samen" in m for m in messages)
    with Store(isolated_home) as reopened:
        state = reopened.load(sink.session_id or "")
    assert state.groups != before and state.played_groupings == [before]
