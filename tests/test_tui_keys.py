"""Nothing irreversible on one key: every change of the session or loss of typed text asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input, TextArea

from dilemmaspel.core.events import PresenceChanged
from dilemmaspel.store import Store
from dilemmaspel.transcript import to_markdown
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.dialogs.choose import ChooseDialog
from dilemmaspel.tui.dialogs.confirm import ConfirmDialog
from dilemmaspel.tui.screens.card import CardScreen
from dilemmaspel.tui.screens.groups import GroupsScreen
from dilemmaspel.tui.screens.play import PlayScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from dilemmaspel.tui.screens.start import StartScreen
from dilemmaspel.tui.screens.vote import PassScreen, VoteScreen
from tests import sessionfactory as factory
from tests.tui_helpers import fill, main_screens, make_app, record_notifications, screen_text, session_in_play, settle, shows, vote

SIZE = (80, 24)


def group_session(home: Path, groups: int = 2) -> tuple[Store, Live]:
    """Nine members in ``groups`` groups, nothing dealt yet."""
    store = Store(home)
    engine = factory.engine_for(store)
    factory.start(engine, reveal="anonymous")
    factory.add_people(engine)
    engine.form_groups(count=groups, seed=factory.SEED)
    return store, Live(factory.session_id(engine), engine, [factory.deck()])


async def wait_for(pilot: Any, kind: type, tries: int = 100) -> Any:
    """The top screen once it is of ``kind`` (a slow machine may need a few frames)."""
    for _ in range(tries):
        screen = pilot.app.screen
        if isinstance(screen, kind) and screen.is_mounted:
            await settle(pilot)
            return screen
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} expected, got {type(pilot.app.screen).__name__}")


async def press_yes_button(pilot: Any) -> None:
    """Answer yes where a letter key asked: move to the 'yes' button and press Enter."""
    dialog = await wait_for(pilot, ConfirmDialog)
    assert not dialog.letters
    await pilot.press("left", "enter")
    await settle(pilot)


async def open_card(pilot: Any, live: Live, group: int = 0) -> CardScreen:
    pilot.app.push_screen(PlayScreen(live))
    await wait_for(pilot, PlayScreen)
    pilot.app.screen.query_one("#group-list").highlighted = group
    await pilot.press("enter")
    return await wait_for(pilot, CardScreen)


async def test_marking_absent_asks_and_a_returning_member_still_votes(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, live)
        await pilot.press("enter")
        first = (await wait_for(pilot, PassScreen)).pid
        name = live.state.name(first)
        events = live.state.events
        # 'a' asks; neither 'n' nor 'j' typed by mistake marks anyone absent.
        await pilot.press("a")
        dialog = await wait_for(pilot, ConfirmDialog)
        assert name in dialog.question and "P" in dialog.question
        assert isinstance(app.focused, Button) and app.focused.id == "no"
        await pilot.press("j", "y")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert (await wait_for(pilot, PassScreen)).pid == first
        assert live.state.events == events and not live.state.absent
        # Yes through the button: absent, and the next member is asked.
        await pilot.press("a")
        await press_yes_button(pilot)
        assert (await wait_for(pilot, PassScreen)).pid != first
        assert live.state.absent == {first}
        await vote(pilot, "A", "Eerste stem")
        await pilot.press("escape")  # stop voting: back to the card
        await wait_for(pilot, CardScreen)
        # The member is back: P brings them in again, and they vote in this unrevealed round.
        await pilot.press("p")
        chooser = await wait_for(pilot, ChooseDialog)
        assert chooser.items == [name]
        await pilot.press("enter")
        await wait_for(pilot, CardScreen)
        assert not live.state.absent
        await pilot.press("enter")
        assert (await wait_for(pilot, PassScreen)).pid == first
        await vote(pilot, "B", "Weer terug")
        assert first in live.state.rounds[card.rnd.number].votes

    changes = [e for e in store.events(live.session_id) if isinstance(e, PresenceChanged)]
    assert [(e.absent, e.at) for e in changes] == [(True, factory.FIXED_NOW), (False, factory.FIXED_NOW)]
    state = store.load(live.session_id)
    assert [(a.since, a.until) for a in state.absences if a.pid == first] == [(factory.FIXED_NOW, factory.FIXED_NOW)]
    report = to_markdown(state)
    assert "afwezig van" in report and " tot " in report  # a stretch of time, not 'absent' all session


async def test_vote_screen_opens_without_a_choice_and_enter_confirms(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot, live)
        await pilot.press("enter")
        pid = (await wait_for(pilot, PassScreen)).pid
        await pilot.press("enter")
        screen = await wait_for(pilot, VoteScreen)
        assert await shows(pilot, "Nog geen keuze")
        assert "Uw keuze" not in screen_text(app) and screen.choice is None
        await pilot.press("ctrl+s")  # nothing chosen: no vote, no dialog
        await settle(pilot)
        assert isinstance(app.screen, VoteScreen) and not live.state.rounds[card.rnd.number].votes
        await pilot.press("b")
        await fill(pilot, "#reasoning", "Eerst de burgemeester")
        await pilot.press("ctrl+s")
        dialog = await wait_for(pilot, ConfirmDialog)
        # The highlighted button confirms, and the dialog names its keys.
        assert isinstance(app.focused, Button) and app.focused.id == "yes"
        assert await shows(pilot, "Enter kiest de gemarkeerde knop") and await shows(pilot, "j = Bevestigen")
        assert dialog.active_bindings["j"].binding.description == "Ja"
        await pilot.press("enter")
        await wait_for(pilot, PassScreen)
        assert live.state.rounds[card.rnd.number].votes[pid].choice == "B"


async def test_escape_on_the_vote_screen_asks_only_when_something_would_be_lost(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, live)
        await pilot.press("enter")
        await wait_for(pilot, PassScreen)
        await pilot.press("enter")
        await wait_for(pilot, VoteScreen)
        await pilot.press("escape")  # nothing chosen or typed: straight back
        await wait_for(pilot, PassScreen)
        await pilot.press("enter")
        await wait_for(pilot, VoteScreen)
        await pilot.press("c")
        await fill(pilot, "#reasoning", "Half getypt")
        await pilot.press("escape")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("escape")  # no: keep voting, nothing lost
        screen = await wait_for(pilot, VoteScreen)
        assert screen.choice == "C" and screen.query_one("#reasoning", TextArea).text == "Half getypt"
        await pilot.press("escape")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("j")
        await wait_for(pilot, PassScreen)


async def test_quitting_asks_in_a_session_and_when_text_is_typed(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, live)
        for key in ("q", "ctrl+q"):
            await pilot.press(key)
            dialog = await wait_for(pilot, ConfirmDialog)
            assert "bewaard" in dialog.question
            await pilot.press("n")
            await wait_for(pilot, CardScreen)
        await pilot.press("escape")
        await wait_for(pilot, PlayScreen)
        await pilot.press("q")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("escape")
        await wait_for(pilot, PlayScreen)
        # Mid-vote with text typed: the question says whose vote would be lost.
        await pilot.press("enter")
        await wait_for(pilot, CardScreen)
        await pilot.press("enter")
        pid = (await wait_for(pilot, PassScreen)).pid
        await pilot.press("enter")
        await wait_for(pilot, VoteScreen)
        await fill(pilot, "#reasoning", "Bijna klaar")
        await pilot.press("ctrl+q")
        dialog = await wait_for(pilot, ConfirmDialog)
        assert live.state.name(pid) in dialog.question
        await pilot.press("n")
        assert (await wait_for(pilot, VoteScreen)).query_one("#reasoning", TextArea).text == "Bijna klaar"
        assert app.is_running


async def test_quitting_from_the_start_screen_does_not_ask(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, StartScreen)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert not any(isinstance(s, ConfirmDialog) for s in app.screen_stack)
    assert app.return_code == 0


async def test_escape_on_the_setup_form_asks_only_when_something_was_changed(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, StartScreen)
        await pilot.press("n")
        await wait_for(pilot, SetupScreen)
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: straight back
        await wait_for(pilot, StartScreen)
        await pilot.press("n")
        await wait_for(pilot, SetupScreen)
        await fill(pilot, "#title", "Avond van de raad")
        await pilot.press("escape")
        dialog = await wait_for(pilot, ConfirmDialog)
        assert "formulier" in dialog.question
        await pilot.press("n")
        screen = await wait_for(pilot, SetupScreen)
        assert screen.query_one("#title", Input).value == "Avond van de raad"
        await pilot.press("escape")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("j")
        await wait_for(pilot, StartScreen)
    assert Store(isolated_home).sessions() == []


async def test_revote_asks_before_opening(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    engine = live.engine
    rnd = engine.deal(0, [factory.deck()])
    for pid in engine.state.voters(rnd):
        engine.vote(rnd.number, pid, "A", "Omdat")
    engine.reveal(rnd.number)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RevealScreen(live, rnd))
        await wait_for(pilot, RevealScreen)
        await pilot.press("v")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("j", "enter")  # a typed 'j' and Enter on the highlighted 'no' change nothing
        await wait_for(pilot, RevealScreen)
        assert rnd.phase == "revealed"
        await pilot.press("v")
        await press_yes_button(pilot)
        await wait_for(pilot, PassScreen)
        assert rnd.phase == "revoting"


async def test_closing_a_round_moves_on_and_stray_letters_change_nothing(isolated_home: Path) -> None:
    store, live = group_session(isolated_home, groups=3)
    engine = live.engine
    rnd = engine.deal(0, [factory.deck()])
    for pid in engine.state.voters(rnd):
        engine.vote(rnd.number, pid, "A", "Omdat")
    engine.reveal(rnd.number)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlayScreen(live))
        hub = await wait_for(pilot, PlayScreen)
        hub.query_one("#group-list").highlighted = 0
        await pilot.press("enter")
        await wait_for(pilot, RevealScreen)
        await pilot.press("c")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("j")
        hub = await wait_for(pilot, PlayScreen)
        await settle(pilot)
        assert hub.query_one("#group-list").highlighted == 1  # the next group with something to do
        before = list(store.events(live.session_id))
        # A member who thinks it is their turn types a reasoning into the hub ...
        text = "ik vind dit vrij lastig maar ga ja toch mee met a en r"
        await pilot.press(*[("space" if ch == " " else ch) for ch in text])
        await settle(pilot)
        # ... and then into the groups screen, where every letter key asks first.
        app.push_screen(GroupsScreen(live))
        await wait_for(pilot, GroupsScreen)
        app.screen.query_one("#members").focus()
        await pilot.press(*[("space" if ch == " " else ch) for ch in text])
        await settle(pilot)
        assert list(store.events(live.session_id)) == before
        assert app.is_running


async def test_reshuffle_and_presence_on_the_groups_screen_ask(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    app = make_app(isolated_home)
    app.store = store
    groups = [list(g) for g in live.state.groups]
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(GroupsScreen(live))
        await wait_for(pilot, GroupsScreen)
        app.screen.query_one("#members").focus()
        await pilot.press("r")
        dialog = await wait_for(pilot, ConfirmDialog)
        assert "Opnieuw mengen?" in dialog.question
        await pilot.press("n")
        await wait_for(pilot, GroupsScreen)
        assert live.state.groups == groups
        await pilot.press("a")
        await press_yes_button(pilot)
        await wait_for(pilot, GroupsScreen)
        assert len(live.state.absent) == 1
        await pilot.press("r")
        await press_yes_button(pilot)
        await wait_for(pilot, GroupsScreen)
        assert live.state.groups != groups


# --- every footer key and ctrl+p, in both languages -------------------------------------------


def looks(pilot: Any, live: Live) -> tuple[object, ...]:
    """What a fresh screen is compared by: the screens, the session, the focus, the text shown."""
    app = pilot.app
    focused = app.focused
    return (tuple(type(s).__name__ for s in app.screen_stack), live.state.events,
            focused.id if focused is not None else None, screen_text(app))


def state_of(pilot: Any, live: Live, notes: list[str]) -> tuple[object, ...]:
    """What a key press may change: how the screen looks, and the messages shown."""
    return (*looks(pilot, live), len(notes))


async def check_every_key(isolated_home: Path, language: str) -> None:
    from dilemmaspel.i18n import set_language, t
    from textual.command import CommandPalette

    set_language(language)
    store, live = session_in_play(isolated_home, language)
    app = make_app(isolated_home)
    app.store = store
    pressed: list[tuple[str, str]] = []
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, StartScreen)
        depth = len(app.screen_stack)
        for name, make in main_screens(live).items():
            probe = make()
            app.push_screen(probe)
            screen = await wait_for(pilot, type(probe))
            keys = [key for key, active in screen.active_bindings.items() if active.binding.show and active.enabled]
            assert keys, name
            descriptions = [active.binding.description for active in screen.active_bindings.values() if active.binding.show]
            assert not [d for d in descriptions if d.startswith("key.")], (name, descriptions)
            # Each key is pressed on a screen that looks exactly as a fresh one: the one the
            # previous key left, once what that key opened is closed, if nothing else changed.
            fresh_look = looks(pilot, live) if name != "start" else None
            # Quitting from the start screen ends the test app: leave it for last.
            for key in sorted(keys, key=lambda k: k == "q") + ["ctrl+p"]:
                if name == "start" and key == "q":
                    continue
                keep = 0 if name == "start" else 1
                while len(app.screen_stack) > depth + keep:
                    app.pop_screen()
                    await settle(pilot)
                app.clear_notifications()
                await settle(pilot)
                if name != "start" and (app.screen is not screen or looks(pilot, live) != fresh_look):
                    while len(app.screen_stack) > depth:
                        app.pop_screen()
                        await settle(pilot)
                    screen = make()
                    app.push_screen(screen)
                    await wait_for(pilot, type(screen))
                    fresh_look = looks(pilot, live)
                before = state_of(pilot, live, notes)
                await pilot.press(key)
                await settle(pilot)
                for _ in range(50):
                    if state_of(pilot, live, notes) != before:
                        break
                    await pilot.pause(0.02)
                assert state_of(pilot, live, notes) != before, f"{language}: {key} on {name} did nothing"
                if key == "ctrl+p":
                    assert isinstance(app.screen, CommandPalette), name
                    assert await shows(pilot, t("cmd.help")), name
                    await pilot.press("escape")
                    await settle(pilot)
                pressed.append((name, key))
                set_language(language)  # 'l' on the start screen switched it
            while len(app.screen_stack) > depth:
                app.pop_screen()
                await settle(pilot)
        await pilot.press("q")  # the start screen's last key: quit at once, nothing is open
        await settle(pilot)
    assert app.return_code == 0
    assert {name for name, _ in pressed} == set(main_screens(live))
    assert sum(1 for _, key in pressed if key == "ctrl+p") == len(main_screens(live))


@pytest.mark.long
async def test_every_footer_key_and_ctrl_p_do_something_in_dutch(isolated_home: Path) -> None:
    await check_every_key(isolated_home, "nl")


@pytest.mark.long
async def test_every_footer_key_and_ctrl_p_do_something_in_english(isolated_home: Path) -> None:
    await check_every_key(isolated_home, "en")


def test_every_binding_has_a_unique_screen_qualified_id() -> None:
    import importlib
    import pkgutil

    import dilemmaspel.tui.dialogs as dialogs
    import dilemmaspel.tui.screens as screens
    from dilemmaspel.tui.app import DilemmaApp
    from dilemmaspel.tui.base import BaseModal, BaseScreen

    for package in (screens, dialogs):
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{info.name}")

    def subclasses(cls: type) -> list[type]:
        return [sub for direct in cls.__subclasses__() for sub in (direct, *subclasses(direct))]

    ids: dict[str, str] = {}
    for cls in [*subclasses(BaseScreen), *subclasses(BaseModal), DilemmaApp]:
        for item in cls.__dict__.get("BINDINGS", []):
            assert item.id and "." in item.id, (cls.__name__, item)
            assert ids.setdefault(item.id, cls.__name__) == cls.__name__, f"{item.id} in {cls.__name__} and {ids[item.id]}"
    assert {"round.close", "help.close", "app.quit", "app.palette", "card.present"} <= set(ids)


async def test_a_users_keymap_moves_a_key(isolated_home: Path) -> None:
    import json

    store, live = group_session(isolated_home)
    engine = live.engine
    rnd = engine.deal(0, [factory.deck()])
    for pid in engine.state.voters(rnd):
        engine.vote(rnd.number, pid, "A", "Omdat")
    engine.reveal(rnd.number)
    (isolated_home / "settings.json").write_text(json.dumps({"keys": {"round.close": "x"}}), encoding="utf-8")
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RevealScreen(live, rnd))
        screen = await wait_for(pilot, RevealScreen)
        assert screen.active_bindings["x"].binding.description == "Ronde afronden"
        await pilot.press("x")
        dialog = await wait_for(pilot, ConfirmDialog)
        assert "afronden" in dialog.question.lower()


async def test_escape_on_the_own_case_form_asks_when_something_was_typed(isolated_home: Path) -> None:
    from dilemmaspel.tui.screens.case import CaseScreen

    app = make_app(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, StartScreen)
        app.push_screen(CaseScreen())
        await wait_for(pilot, CaseScreen)
        await pilot.press("escape")  # nothing typed: straight back
        await wait_for(pilot, StartScreen)
        app.push_screen(CaseScreen())
        await wait_for(pilot, CaseScreen)
        await fill(pilot, "#case-title", "Subsidie dorpshuis")
        await pilot.press("escape")
        dialog = await wait_for(pilot, ConfirmDialog)
        assert "casus" in dialog.question
        await pilot.press("n")
        screen = await wait_for(pilot, CaseScreen)
        assert screen.query_one("#case-title", Input).value == "Subsidie dorpshuis"


async def test_ctrl_c_says_how_to_quit_in_dutch(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, StartScreen)
        await pilot.press("ctrl+c")
        await settle(pilot)
    assert said == ["Stoppen gaat met Ctrl+Q."]


async def test_text_typed_after_a_tab_out_of_the_reasoning_is_kept_and_changes_no_choice(isolated_home: Path) -> None:
    store, live = session_in_play(isolated_home)
    voting = live.state.rounds[1]
    pid = live.state.next_voter(voting)
    assert pid is not None
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(VoteScreen(live, voting, pid))
        screen = await wait_for(pilot, VoteScreen)
        await pilot.press("b")  # on the list of options: chooses, and the reasoning gets the focus
        assert screen.choice == "B" and isinstance(app.focused, TextArea)
        await pilot.press("tab")  # out of the reasoning, to the page
        assert not isinstance(app.focused, TextArea)
        await pilot.press(*[("space" if ch == " " else ch) for ch in "Omdat de gift"])  # a, d, o: not choices here
        area = screen.query_one("#reasoning", TextArea)
        assert area.text == "Omdat de gift" and app.focused is area
        assert screen.choice == "B"
        await pilot.press("shift+tab")  # back on the list: a letter chooses again
        assert app.focused is screen.query_one("#choices")
        await pilot.press("c")
        assert screen.choice == "C" and area.text == "Omdat de gift"
