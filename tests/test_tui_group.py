"""The group session played through the UI as a workshop would, with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmaspel.store import Store
from dilemmaspel.tui.screens.card import CardScreen
from dilemmaspel.tui.screens.deliberation import DeliberationScreen
from dilemmaspel.tui.screens.groups import GroupsScreen
from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.play import PlayScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from dilemmaspel.tui.screens.start import StartScreen
from dilemmaspel.tui.screens.summary import SummaryScreen
from dilemmaspel.tui.screens.vote import PassScreen
from tests.tui_helpers import ROSTER, all_text, fill, make_app, screen_text, settle, shows, vote

SIZE = (100, 34)


async def _setup_session(pilot, roster: Path, cards: int = 2) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    assert isinstance(app.screen, StartScreen)
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(app.screen, SetupScreen)
    await fill(pilot, "#title", "Workshop raad")
    await fill(pilot, "#cards", str(cards))
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(app.screen, ParticipantsScreen)
    await pilot.press("ctrl+o")
    await settle(pilot)
    await fill(pilot, "#path", str(roster))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ParticipantsScreen)
    assert await shows(pilot, "9 deelnemer(s)")
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(app.screen, GroupsScreen)


@pytest.mark.long
async def test_two_groups_two_cards_with_twists_deliberation_and_revote(tmp_path: Path, isolated_home: Path) -> None:
    roster = tmp_path / "raad.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _setup_session(pilot, roster)
        await fill(pilot, "#number", "5")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        # The make-up of the highlighted person's group is shown; the table holds both groups.
        assert "Groep 1: 5 leden" in text and [len(g) for g in app.screen.live.state.groups] == [5, 4]
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)

        for group in (0, 1):
            for card_number in (1, 2):
                menu = app.screen.query_one("#group-list")
                menu.highlighted = group
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, CardScreen)
                assert await shows(pilot, f"kaart {card_number} van 2")
                await pilot.press("enter")
                await settle(pilot)
                size = 5 if group == 0 else 4
                for member in range(size):
                    assert isinstance(app.screen, PassScreen)
                    assert await shows(pilot, f"{member} van {size} hebben gestemd")
                    await vote(pilot, "A" if member % 2 else "B", f"Toelichting {member}")
                assert isinstance(app.screen, CardScreen)
                assert await shows(pilot, "Iedereen heeft gestemd")
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, RevealScreen)
                shown = screen_text(app)
                assert f"Stemmen ({size})" in shown
                # a twist
                await pilot.press("t")
                await settle(pilot)
                assert await shows(pilot, "1 van")
                # deliberation through all seven steps and the conclusion
                await pilot.press("d")
                await settle(pilot)
                assert isinstance(app.screen, DeliberationScreen)
                for step in range(7):
                    assert await shows(pilot, f"Stap {step + 1} van 7")
                    await fill(pilot, "#notes", f"Notitie stap {step + 1}")
                    await pilot.press("ctrl+n")
                    await settle(pilot)
                await fill(pilot, "#conclusion", "Wij vinden B verstandig")
                await fill(pilot, "#agreements Input.agreement-text", "Griffier informeren")
                await pilot.press("ctrl+n")
                await settle(pilot)
                assert isinstance(app.screen, RevealScreen)
                # re-vote: everyone chooses A now
                await pilot.press("v")
                await settle(pilot)
                await pilot.press("left", "enter")  # the "yes" button: a letter key asked
                await settle(pilot)
                for _ in range(size):
                    await vote(pilot, "A", "Na het gesprek")
                assert isinstance(app.screen, RevealScreen)
                assert "veranderden bij de herstemming van keuze" in all_text(app)
                await pilot.press("c")
                await settle(pilot)
                await pilot.press("j")
                await settle(pilot)
                assert isinstance(app.screen, PlayScreen)

        assert await shows(pilot, "Sessie afronden")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("left", "enter")  # the "yes" button: a letter key asked
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert await shows(pilot, "transcripts")

    store = Store(isolated_home)
    [summary] = store.sessions()
    assert summary.status == "finished" and summary.groups == 2 and summary.rounds == 4 and summary.closed_rounds == 4
    state = store.load(summary.id)
    assert [len(g) for g in state.groups] == [5, 4]
    for rnd in state.rounds:
        assert rnd.phase == "closed" and rnd.twists_shown == 1
        assert len(rnd.votes) == len(state.groups[rnd.group]) and len(rnd.revotes) == len(rnd.votes)
        assert rnd.notes == {i: f"Notitie stap {i + 1}" for i in range(7)}
        assert rnd.conclusion == "Wij vinden B verstandig" and [a.text for a in rnd.agreements] == ["Griffier informeren"]
        assert all(v.choice == "A" for v in rnd.revotes.values())
    names = {p.name for p in state.participants.values()}
    assert "Hans [/] Vos" in names and "Ilse 🌷 Dijk" in names
    files = sorted(p.name for p in (isolated_home / "transcripts").iterdir())
    assert [name.rsplit(".", 1)[1] for name in files] == ["docx", "html", "json", "md"]
