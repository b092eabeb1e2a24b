"""Agreements on the conclusion page: what, who and by when, each row saved as it is typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from dilemmaspel.core.events import Agreement
from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store
from dilemmaspel.tui.app import DilemmaApp
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.deliberation import DeliberationScreen
from tests.test_tui_snapshots import build
from tests.tui_helpers import make_app, screen_text, settle

def conclusion_page(home: Path, language: str = "nl", actions: str = "") -> tuple[Live, DilemmaApp, DeliberationScreen]:
    """A revealed round of five votes, deliberating, and the app about to open its conclusion page."""
    store, live = build(home, language, voted=5, reveal=True)
    rnd = live.state.rounds[0]
    live.engine.start_deliberation(rnd.number)
    if actions:
        live.engine.conclude(rnd.number, "Klaar.", actions=actions)
    method = live.state.settings.method
    assert method is not None
    app = make_app(home)
    app.store = store
    return live, app, DeliberationScreen(live, rnd, index=len(method.steps))


HEAD = {"nl": ("Afspraak", "Wie", "Wanneer"), "en": ("Agreement", "Who", "When")}


async def _type(pilot, field: Input, text: str) -> None:  # type: ignore[no-untyped-def]
    field.focus()
    await pilot.pause()
    field.insert_text_at_cursor(text)
    await settle(pilot)


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_agreements_with_owner_and_deadline_are_kept_with_the_session(isolated_home: Path, language: str) -> None:
    set_language(language)
    live, app, page = conclusion_page(isolated_home, language)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(page)
        await settle(pilot)
        text = screen_text(app)
        assert all(word in text for word in HEAD[language]), text
        rows = list(app.screen.query(".agreement-row Input.agreement-text").results(Input))
        assert len(rows) == 1  # one empty row to start with
        await _type(pilot, rows[0], "Notitie over art. 28 [/] voor de raad")
        owner, due = list(app.screen.query("#agreements .agreement-row").first().query(Input).results(Input))[1:]
        await _type(pilot, owner, "Griffie")
        await _type(pilot, due, "1 april")
        rows = list(app.screen.query(".agreement-row Input.agreement-text").results(Input))
        assert len(rows) == 2  # typing in the last row opened a fresh one
        await _type(pilot, rows[1], "Gedragscode in het presidium")
        await pilot.press("escape")
        await settle(pilot)
    expected = [Agreement(text="Notitie over art. 28 [/] voor de raad", owner="Griffie", due="1 april"),
                Agreement(text="Gedragscode in het presidium")]
    assert live.state.rounds[0].agreements == expected
    with Store(isolated_home) as reopened:
        assert reopened.load(live.session_id).rounds[0].agreements == expected


async def test_free_text_actions_of_an_older_session_become_rows(isolated_home: Path) -> None:
    live, app, page = conclusion_page(isolated_home, actions="De griffie zoekt het uit.\nHet presidium agendeert het.")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(page)
        await settle(pilot)
        values = [field.value for field in app.screen.query(".agreement-row Input.agreement-text").results(Input)]
        assert values == ["De griffie zoekt het uit.", "Het presidium agendeert het.", ""]
        await pilot.press("escape")
        await settle(pilot)
    assert [a.text for a in live.state.rounds[0].agreements] == ["De griffie zoekt het uit.", "Het presidium agendeert het."]
    assert live.state.rounds[0].actions == ""


async def test_tab_from_the_conclusion_walks_through_what_who_and_when(isolated_home: Path) -> None:
    """Typed as a member would: the keys go into the fields in order, nothing in between takes them."""
    live, app, page = conclusion_page(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(page)
        await settle(pilot)
        await pilot.press(*"Wij", "tab", *"Notitie", "tab", *"Griffie", "tab", *"mei")
        await pilot.press("escape")
        await settle(pilot)
    assert live.state.rounds[0].conclusion == "Wij"
    assert live.state.rounds[0].agreements == [Agreement(text="Notitie", owner="Griffie", due="mei")]


async def test_moving_on_right_after_a_fresh_row_opens_keeps_the_agreements(isolated_home: Path) -> None:
    """Typing in the last row opens a new one; Ctrl+N at once must not trip over its unmounted fields."""
    live, app, page = conclusion_page(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(page)
        await settle(pilot)
        first = app.screen.query(".agreement-row Input.agreement-text").first(Input)
        await _type(pilot, first, "Griffier informeren")
        app.screen.query_one("#agreements").mount(page.agreement_row())  # not mounted yet
        assert [a.text for a in page.typed_agreements()] == ["Griffier informeren"]
    # The app closed within the save delay: what was typed last was still committed.
    assert [a.text for a in live.state.rounds[0].agreements] == ["Griffier informeren"]


async def test_notes_typed_just_before_the_app_closes_are_kept(isolated_home: Path) -> None:
    live, app, _ = conclusion_page(isolated_home)
    rnd = live.state.rounds[0]
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DeliberationScreen(live, rnd, index=1))
        await settle(pilot)
        notes = app.screen.query_one("#notes")
        notes.insert("Belangen van omwonenden")
        await pilot.pause()  # the change is seen; its save is still waiting
    assert live.state.rounds[0].notes.get(1) == "Belangen van omwonenden"
    with Store(isolated_home) as reopened:
        assert reopened.load(live.session_id).rounds[0].notes.get(1) == "Belangen van omwonenden"
