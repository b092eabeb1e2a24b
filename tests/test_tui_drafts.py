"""A vote interrupted by a crash keeps the member's choice and half-typed reasoning, privately."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from dilemmaspel.drafts import Drafts
from dilemmaspel.i18n import set_language
from dilemmaspel.store import DB_NAME, Store
from dilemmaspel.transcript import to_json, to_markdown
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.dialogs.confirm import ConfirmDialog
from dilemmaspel.tui.screens.card import CardScreen
from dilemmaspel.tui.screens.vote import PassScreen, VoteScreen
from tests.test_tui_snapshots import build
from tests.tui_helpers import make_app, settle, shows

SECRET = "half getypt: ik twijfel over de sponsor"
NOTICE = {"nl": "Uw onafgemaakte stem", "en": "Your unfinished vote"}


async def draft_stored(pilot, home: Path, session_id: str, tries: int = 200):  # type: ignore[no-untyped-def]
    """The draft as another process would find it after a kill -9 (waits for the save)."""
    for _ in range(tries):
        with Store(home) as other:
            drafts = Drafts(other)
            found = [drafts.get(session_id, 0, 1, pid) for pid in other.load(session_id).participants]
            drafts.close()
        found = [d for d in found if d is not None and SECRET in d.reasoning]
        if found:
            return found[0]
        await pilot.pause(0.05)
    return None


async def start_voting(app, pilot, live: Live) -> None:  # type: ignore[no-untyped-def]
    app.push_screen(CardScreen(live, live.state.rounds[0]))
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, PassScreen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, VoteScreen)


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_a_crash_mid_vote_keeps_the_draft_and_the_member_is_told(isolated_home: Path, language: str) -> None:
    set_language(language)
    store, live = build(isolated_home, language, voted=2)
    member = live.state.next_voter(live.state.rounds[0])
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        await start_voting(app, pilot, live)
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#reasoning", TextArea).insert(SECRET)
        draft = await draft_stored(pilot, isolated_home, live.session_id)
        assert draft is not None and draft.choice == "C"  # on disk before anything else happens
        # Nothing of it is in the session's events, the transcript or its JSON.
        with Store(isolated_home) as other:
            state = other.load(live.session_id)
            events = other.events(live.session_id)
        assert all(SECRET not in e.model_dump_json() for e in events)
        assert SECRET not in to_markdown(state) and SECRET not in to_json(live.session_id, events)
    store.close()

    # A new process resumes the session: the same member gets the draft back, with a notice.
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        live = Live.resume(app.store, live.session_id, live.decks)
        await start_voting(app, pilot, live)
        screen = app.screen
        assert isinstance(screen, VoteScreen) and screen.pid == member
        assert await shows(pilot, NOTICE[language])
        assert screen.query_one("#reasoning", TextArea).text == SECRET
        choices = screen.query_one("#choices", OptionList)
        assert choices.highlighted is not None and choices.get_option_at_index(choices.highlighted).id == "C"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        vote = live.state.rounds[0].votes[member]
        assert (vote.choice, vote.reasoning) == ("C", SECRET)
        # Cast: the draft is gone from the database.
        rows = sqlite3.connect(isolated_home / DB_NAME).execute("SELECT count(*) FROM vote_drafts").fetchone()[0]
        assert rows == 0


async def test_a_discarded_draft_is_removed_and_another_member_never_sees_it(isolated_home: Path) -> None:
    store, live = build(isolated_home, voted=2)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        await start_voting(app, pilot, live)
        first = app.screen.pid  # type: ignore[attr-defined]
        await pilot.press("a")
        app.screen.query_one("#reasoning", TextArea).insert(SECRET)
        assert await draft_stored(pilot, isolated_home, live.session_id) is not None
        await pilot.press("escape")  # the member throws the vote away
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):  # asked first
            await pilot.press("j")
            await settle(pilot)
        with Store(isolated_home) as other:
            drafts = Drafts(other)
            assert drafts.count(live.session_id) == 0
            drafts.close()
        # Another member's vote screen starts empty.
        rnd = live.state.rounds[0]
        others = [pid for pid in live.state.voters(rnd) if pid not in rnd.votes and pid != first]
        app.push_screen(VoteScreen(live, rnd, others[0]))
        await settle(pilot)
        assert app.screen.query_one("#reasoning", TextArea).text == ""
        assert not app.screen.query_one("#draft-note").display


async def test_finishing_the_session_removes_its_drafts(isolated_home: Path) -> None:
    store, live = build(isolated_home, voted=2)
    drafts = Drafts(store)
    drafts.save(live.session_id, 0, 1, "p3", "B", "", SECRET)
    assert drafts.count(live.session_id) == 1
    from dilemmaspel.tui.screens.play import PlayScreen

    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PlayScreen(live))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("left", "enter")  # the "yes" button: a letter key asked
        await settle(pilot)
    assert live.state.finished
    assert drafts.count(live.session_id) == 0


def test_forgetting_a_session_removes_its_drafts(isolated_home: Path) -> None:
    store, live = build(isolated_home, voted=2)
    drafts = Drafts(store)
    drafts.save(live.session_id, 0, 1, "p3", "B", "", SECRET)
    store.delete_session(live.session_id)
    assert drafts.count(live.session_id) == 0


async def test_removing_a_member_removes_their_draft(isolated_home: Path) -> None:
    from textual.widgets import DataTable

    from dilemmaspel.tui.screens.participants import ParticipantsScreen

    store, live = build(isolated_home, voted=2)
    rnd = live.state.rounds[0]
    pid = live.state.next_voter(rnd) or ""
    drafts = Drafts(store)
    drafts.save(live.session_id, rnd.number, 1, pid, "B", "", SECRET)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ParticipantsScreen(live))
        await settle(pilot)
        table = app.screen.query_one("#people", DataTable)
        table.focus()
        table.move_cursor(row=list(live.state.participants).index(pid))
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
    assert pid not in live.state.participants
    assert drafts.count(live.session_id) == 0


def test_drafts_of_a_session_finished_elsewhere_are_removed_on_the_next_start(isolated_home: Path) -> None:
    store, live = build(isolated_home, voted=2)
    drafts = Drafts(store)
    drafts.save(live.session_id, 0, 1, "p3", "B", "", SECRET)
    drafts.close()
    live.engine.finish()  # finished without the overview screen
    drafts = Drafts(store)
    assert drafts.count(live.session_id) == 0
