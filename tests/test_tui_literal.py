"""Markup-like and unusual text goes through the whole flow and is shown exactly as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmaspel.store import Store
from dilemmaspel.transcript import to_markdown
from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from tests.tui_helpers import all_text, fill, make_app, settle, vote

NAMES = ["Jan [/] de Vries", "[@click=app.quit]Klik", "Ørjan 👩‍⚖️ Øvre", "[b]Vet[/b] O'Brien"]
LONG = "Lange toelichting. " * 527  # just over 10,000 characters
REASONS = ["[bold]niet vet[/bold] en [/] los", "[@click=app.quit]niet klikbaar[/]", "emoji 🧭🏛️ en \\[escaped]", LONG]


@pytest.mark.long
async def test_odd_text_is_literal_everywhere(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, "#title", "[red]Sessie[/red] 🎯")
        await fill(pilot, "#cards", "1")
        app.screen.query_one("#reveal").value = "named"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        for name in NAMES:
            await fill(pilot, "#name", name)
            await fill(pilot, "#party", "[i]Partij[/i]")
            app.screen.query_one("#name").focus()
            await pilot.press("enter")
            await settle(pilot)
        table = app.screen.query_one("#people")
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == NAMES
        await pilot.press("ctrl+n")
        await settle(pilot)
        await fill(pilot, "#number", "4")
        await pilot.press("enter")
        await settle(pilot)
        assert "[i]Partij[/i] 4" in all_text(app)  # the group make-up shows party names literally
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for index in range(4):
            text = all_text(app)
            assert any(name in text for name in NAMES)  # the pass screen names the member literally
            await vote(pilot, "other" if index == 1 else "A", REASONS[index], other="[u]anders[/u]" if index == 1 else "")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RevealScreen)
        app.screen.query_one("#tabs").active = "reasons"
        await settle(pilot)
        shown = all_text(app)
        for name, reason in zip(NAMES, REASONS):
            assert name in shown
            assert reason.strip() in shown
        assert "[u]anders[/u]" in shown
        assert app.is_running  # [@click=app.quit] did not quit the app

    with Store(isolated_home) as store:
        state = store.load(store.sessions()[0].id)
        assert {p.name for p in state.participants.values()} == set(NAMES)
        assert state.settings.title == "[red]Sessie[/red] 🎯"
        markdown = to_markdown(state)
        for name, reason in zip(NAMES, REASONS):
            assert name in markdown
        assert "[bold]niet vet[/bold] en [/] los" in markdown
        assert LONG.strip() in markdown.replace("\n", "")
