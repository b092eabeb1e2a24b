"""Moreel beraad and practising alone, played through the UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select, Switch

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.decks import load_library
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.transcript import to_markdown
from dilemmaspel.tui.screens.card import CardScreen
from dilemmaspel.tui.screens.case import CaseScreen
from dilemmaspel.tui.screens.deliberation import DeliberationScreen
from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.play import PlayScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from dilemmaspel.tui.screens.vote import VoteScreen
from tests.tui_helpers import all_text, fill, make_app, screen_text, settle, shows, vote

SIZE = (100, 34)
PEOPLE = ["Aysel Kaya", "Bram de Wit", "Carla Jansen"]


async def _choose_menu(pilot, option_id: str) -> None:  # type: ignore[no-untyped-def]
    menu = pilot.app.screen.query_one("#menu")
    menu.highlighted = next(i for i in range(menu.option_count) if menu.get_option_at_index(i).id == option_id)
    await pilot.press("enter")
    await settle(pilot)


async def _add_people(pilot) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, ParticipantsScreen)
    for name in PEOPLE:
        await fill(pilot, "#name", name)
        await pilot.press("enter")
        await settle(pilot)


async def _deliberate(pilot, steps: int) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    assert isinstance(app.screen, DeliberationScreen)
    for step in range(steps):
        text = screen_text(app)
        assert f"Stap {step + 1} van {steps}" in text
        assert "nog " in text  # the time box counts down
        await fill(pilot, "#notes", f"Stap {step + 1}: wat de groep zag")
        await pilot.press("ctrl+n")
        await settle(pilot)
    assert await shows(pilot, "Conclusie na")
    for index, name in enumerate(PEOPLE, start=1):
        await fill(pilot, f"#personal-p{index}", f"Ik vind ..., omdat ..., ondanks ... ({name})")
    await fill(pilot, "#conclusion", "Wij vinden het besluit verdedigbaar, omdat het openbaar is gemaakt.")
    await fill(pilot, "#agreements Input.agreement-text", "Griffier zet het op de agenda van het presidium.")
    await pilot.press("ctrl+n")
    await settle(pilot)


@pytest.mark.long
async def test_beraad_on_own_case_with_three_participants(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _choose_menu(pilot, "beraad")
        assert isinstance(app.screen, SetupScreen)
        await fill(pilot, "#title", "Beraad subsidiebesluit")
        await fill(pilot, "#trainer", "Trainer Tineke")
        app.screen.query_one("#source", Select).value = "own"
        app.screen.query_one("#method", Select).value = "zeven-stappen"
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        await fill(pilot, "#case-title", "Subsidie dorpshuis")
        await fill(pilot, "#case-situation", "De raad gaf subsidie aan het dorpshuis waar een wethouder penningmeester is.")
        await fill(pilot, "#case-question", "Was het juist dat de wethouder meebesliste?")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await _add_people(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)
        assert await shows(pilot, "Subsidie dorpshuis")
        await pilot.press("enter")
        await settle(pilot)
        positions = ["Nee, hij had zich moeten verschonen", "Ja, het belang was klein", "Alleen na melding vooraf"]
        for position in positions:
            await vote(pilot, "other", "Mijn redenen", other=position)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RevealScreen)
        app.screen.query_one("#tabs").active = "reasons"
        await settle(pilot)
        shown = all_text(app)
        assert all(p in shown for p in positions) and all(n in shown for n in PEOPLE)
        await pilot.press("d")
        await settle(pilot)
        await _deliberate(pilot, 7)
        assert isinstance(app.screen, RevealScreen)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("left", "enter")  # the "yes" button: a letter key asked
        await settle(pilot)
        assert await shows(pilot, "transcripts")

    with Store(isolated_home) as store:
        state = store.load(store.sessions()[0].id)
    rnd = state.rounds[0]
    assert state.mode == "beraad" and rnd.case is not None and rnd.card is None
    assert sorted(v.other for v in rnd.votes.values()) == sorted(positions)
    assert len(rnd.notes) == 7 and len(rnd.personal) == 3
    assert rnd.agreements[0].text.startswith("Griffier")
    minutes = to_markdown(state)
    for expected in ["Subsidie dorpshuis", "Was het juist", positions[0], "Stap 7", "Conclusie van de groep",
                     "Persoonlijke conclusies", "Afspraken", "Griffier zet het op de agenda", "Trainer Tineke"]:
        assert expected in minutes, expected


@pytest.mark.long
async def test_beraad_on_a_card_with_the_dilemmamethode(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _choose_menu(pilot, "beraad")
        screen = app.screen
        card_select = screen.query_one("#card", Select)
        first_card = screen.selected_deck().cards[0]
        card_select.value = first_card.id
        screen.query_one("#method", Select).value = "dilemmamethode"
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await _add_people(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert first_card.title in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        for letter in "ABA":
            await vote(pilot, letter, "standpunt")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await _deliberate(pilot, 10)
        assert isinstance(app.screen, RevealScreen)

    with Store(isolated_home) as store:
        state = store.load(store.sessions()[0].id)
    assert state.settings.method is not None and state.settings.method.id == "dilemmamethode"
    assert state.rounds[0].card is not None and state.rounds[0].card.id == first_card.id
    assert len(state.rounds[0].notes) == 10 and len(state.rounds[0].personal) == 3


async def _solo_setup(pilot, name: str, cards: int, steps: bool) -> None:  # type: ignore[no-untyped-def]
    await _choose_menu(pilot, "solo")
    await fill(pilot, "#person", name)
    await fill(pilot, "#cards", str(cards))
    pilot.app.screen.query_one("#steps", Switch).value = steps
    await settle(pilot)
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PlayScreen)


@pytest.mark.long
async def test_solo_three_cards_with_reflection_and_progress(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await _solo_setup(pilot, "Sanne", 3, steps=True)
        for number in range(3):
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, CardScreen)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, VoteScreen)  # no 'pass the laptop' when alone
            await pilot.press("b")
            await fill(pilot, "#reasoning", "Ik twijfel, maar kies B.")
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
            if number == 0:
                assert isinstance(app.screen, DeliberationScreen)
                await pilot.press("escape")  # leave the steps early
                await settle(pilot)
            else:
                while isinstance(app.screen, DeliberationScreen):
                    await pilot.press("ctrl+n")
                    await settle(pilot)
            assert isinstance(app.screen, RevealScreen)
            text = all_text(app)
            assert "Reflectie" in text and "voor de trainer" not in text  # alone, the reflection is for them
            seen.append(app.screen.rnd.card.id)
            app.screen.query_one("#tabs").active = "progress"
            await app.workers.wait_for_complete()  # the progress is read in a worker
            await settle(pilot)
            assert f"U heeft {number + 1} van de" in all_text(app)
            await pilot.press("c")
            await settle(pilot)
            assert isinstance(app.screen, PlayScreen)
    assert len(set(seen)) == 3

    # A second run prefers cards Sanne has not practised yet.
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _solo_setup(pilot, "sanne", 1, steps=False)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.rnd.card.id not in seen


async def test_solo_shows_how_groups_voted_earlier(isolated_home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    library = load_library()
    deck = library.deck("bestuurlijke-integriteit")
    card = deck.cards[0]
    with Store(isolated_home) as store:
        engine = Engine(StoreSink(store))
        engine.start("group", Settings(decks=[deck.id], themes=[card.theme], cards=1, seed=1))
        for name, side in [("Ann", "coalition"), ("Bob", "opposition"), ("Cas", "coalition")]:
            engine.add_participant(Participant(name=name, side=side))  # type: ignore[arg-type]
        engine.form_groups(count=1)
        rnd = engine.deal_card(0, deck, card.id)
        for pid, choice in zip(engine.state.voters(rnd), "AAB"):
            engine.vote(rnd.number, pid, choice, "")
        engine.reveal(rnd.number)

    # The draw is random; make it deal the card the group played.
    monkeypatch.setattr("dilemmaspel.core.engine.pick", lambda *args, **kwargs: (deck.id, card))
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await _solo_setup(pilot, "Sanne", 1, steps=False)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.rnd.card.id == card.id
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("a")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        app.screen.query_one("#tabs").active = "history"
        await app.workers.wait_for_complete()  # the history is read in a worker
        await settle(pilot)
        text = all_text(app)
        assert "In 1 eerdere sessie(s) op deze computer stemden 3 deelnemers zo" in text
        assert "67%  (2)  A." in text and "33%  (1)  B." in text
