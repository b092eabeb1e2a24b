"""Snapshots of the key screens (review the report before --snapshot-update)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.decks import load_library
from dilemmaspel.i18n import set_language
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.tui.app import DilemmaApp
from dilemmaspel.tui.context import Live
from tests.tui_helpers import settle

PEOPLE = [
    ("Anna de Vries", "Groen Dorp", "coalition", "raadslid"),
    ("Ben Jansen", "Lokaal Sterk", "opposition", "fractievoorzitter"),
    ("Cor Bakker", "Groen Dorp", "coalition", "wethouder"),
    ("Dina Smit", "Lokaal Sterk", "opposition", "raadslid"),
    ("Eef Mol", "", "none", "griffier"),
]


def build(home: Path, language: str = "nl", voted: int = 0, reveal: bool = False) -> tuple[Store, Live]:
    """A fixed session: one group of five, one card from the shipped deck."""
    library = load_library()
    deck_id = "bestuurlijke-integriteit" if language == "nl" else "integrity-in-office"
    method_id = "zeven-stappen" if language == "nl" else "seven-steps"
    deck = library.deck(deck_id)
    store = Store(home)
    sink = StoreSink(store)
    engine = Engine(sink, clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("group", Settings(title="Workshop", decks=[deck_id], cards=2, method=library.method(method_id), seed=11, reveal="named"), language)
    for name, party, side, role in PEOPLE:
        engine.add_participant(Participant(name=name, party=party, side=side, role=role))  # type: ignore[arg-type]
    engine.form_groups(count=1, seed=3)
    rnd = engine.deal(0, [deck])
    choices = ["A", "B", "A", "C", "B"]
    for index, pid in enumerate(engine.state.voters(rnd)[:voted]):
        engine.vote(rnd.number, pid, choices[index], f"Toelichting van lid {index + 1}: de schijn telt ook.")
    if reveal:
        engine.reveal(rnd.number)
    return store, Live(sink.session_id or "", engine, [deck])


async def still(pilot: Any) -> None:
    """Stop the cursors blinking, with the cursor shown: a stable picture."""
    fields = [*pilot.app.query(Input), *pilot.app.query(TextArea)]
    for field in fields:
        field.cursor_blink = False
    await settle(pilot)  # a blink already on its way may have hidden a cursor meanwhile:
    for field in fields:  # blinking on and straight off again shows it, and no blink comes between
        field.cursor_blink = True
        field.cursor_blink = False


@pytest.fixture
def home(isolated_home: Path) -> Path:
    return isolated_home


def test_start_screen(snap_compare: Any, home: Path) -> None:
    assert snap_compare(DilemmaApp(home), terminal_size=(80, 24))


def test_card_screen(snap_compare: Any, home: Path) -> None:
    store, live = build(home)

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.card import CardScreen

        pilot.app.push_screen(CardScreen(live, live.state.rounds[0]))
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(80, 24))


def test_card_screen_english(snap_compare: Any, home: Path) -> None:
    set_language("en")
    store, live = build(home, "en")

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.card import CardScreen

        pilot.app.push_screen(CardScreen(live, live.state.rounds[0]))
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(80, 24))


def test_voting_screen(snap_compare: Any, home: Path) -> None:
    store, live = build(home, voted=2)

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.vote import VoteScreen

        rnd = live.state.rounds[0]
        pilot.app.push_screen(VoteScreen(live, rnd, live.state.next_voter(rnd) or ""))
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        pilot.app.screen.query_one("#reasoning", TextArea).insert("De subsidie is openbaar besproken.")
        await still(pilot)
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(100, 30))


def test_reveal_screen(snap_compare: Any, home: Path) -> None:
    store, live = build(home, voted=5, reveal=True)

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.reveal import RevealScreen

        pilot.app.push_screen(RevealScreen(live, live.state.rounds[0]))
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(100, 30))


def test_deliberation_step(snap_compare: Any, home: Path) -> None:
    store, live = build(home, voted=5, reveal=True)
    rnd = live.state.rounds[0]
    live.engine.start_deliberation(rnd.number)
    live.engine.save_note(rnd.number, 0, "Mag een raadslid meestemmen over de subsidie van zijn eigen club?")

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.deliberation import DeliberationScreen

        screen = DeliberationScreen(live, rnd, index=1)
        pilot.app.push_screen(screen)
        await settle(pilot)
        timer = screen.query_one("#timer")
        timer.started = None  # freeze the clock for a stable picture
        timer.elapsed_before = 125
        timer.tick()
        await still(pilot)
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(100, 30))


def test_own_case_form(snap_compare: Any, home: Path) -> None:
    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.case import CaseScreen

        pilot.app.push_screen(CaseScreen())
        await settle(pilot)
        pilot.app.screen.query_one("#case-title", Input).value = "Subsidie dorpshuis"
        await still(pilot)
        await settle(pilot)

    assert snap_compare(DilemmaApp(home), run_before=show, terminal_size=(80, 24))


def test_beraad_step_with_time_box(snap_compare: Any, home: Path) -> None:
    from dilemmaspel.core.events import OwnCase

    library = load_library()
    store = Store(home)
    sink = StoreSink(store)
    engine = Engine(sink, clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("beraad", Settings(title="Beraad", method=library.method("dilemmamethode"), seed=1, reveal="named"))
    for name in ("Aysel Kaya", "Bram de Wit"):
        engine.add_participant(Participant(name=name))
    engine.form_single_group()
    rnd = engine.open_case(0, OwnCase(title="Subsidie dorpshuis", question="Was het juist dat de wethouder meebesliste?"))
    for pid in engine.state.voters(rnd):
        engine.vote(rnd.number, pid, "other", "", other="Nee")
    engine.reveal(rnd.number)
    engine.start_deliberation(rnd.number)
    live = Live(sink.session_id or "", engine, [])

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.deliberation import DeliberationScreen

        screen = DeliberationScreen(live, rnd, index=2)
        pilot.app.push_screen(screen)
        await settle(pilot)
        timer = screen.query_one("#timer")
        timer.started = None
        timer.elapsed_before = 330  # past the 5-minute box: shows the overrun
        timer.signalled = True
        timer.add_class("over")
        timer.tick()
        await still(pilot)
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(80, 24))


def test_solo_reflection(snap_compare: Any, home: Path) -> None:
    library = load_library()
    deck = library.deck("bestuurlijke-integriteit")
    store = Store(home)
    sink = StoreSink(store)
    engine = Engine(sink, clock=lambda: "2026-03-14T19:30:00+00:00")
    engine.start("solo", Settings(title="Oefenen: Sanne", decks=[deck.id], cards=3, seed=5))
    engine.add_participant(Participant(name="Sanne"))
    engine.form_single_group()
    rnd = engine.deal_card(0, deck, deck.cards[0].id)
    engine.vote(rnd.number, "p1", "B", "Ik twijfel, maar kies B.")
    engine.reveal(rnd.number)
    live = Live(sink.session_id or "", engine, [deck])

    async def show(pilot: Any) -> None:
        from dilemmaspel.tui.screens.reveal import RevealScreen

        pilot.app.push_screen(RevealScreen(live, rnd))
        await settle(pilot)

    assert snap_compare(DilemmaApp(home, store=store), run_before=show, terminal_size=(100, 30))
