"""Words and layout: what a trainer and the members read, in Dutch and English."""

from __future__ import annotations

import io
import unicodedata
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from textual.widgets import Button, SelectionList

from dilemmaspel.cli import main
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import OwnCase, Settings
from dilemmaspel.core.roster import Participant, read_roster
from dilemmaspel.decks import load_library
from dilemmaspel.i18n import set_language, t
from dilemmaspel.i18n.oserror import os_error
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.card import CardScreen, round_label
from dilemmaspel.tui.screens.groups import GroupsScreen
from dilemmaspel.tui.screens.participants import ParticipantsScreen
from dilemmaspel.tui.screens.play import PlayScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from dilemmaspel.tui.screens.vote import PassScreen
from tests import sessionfactory as factory
from tests.test_tui_keys import group_session, wait_for
from tests.tui_helpers import all_text, make_app, record_notifications, screen_text, settle

SIZE = (80, 24)


# --- Dutch wording --------------------------------------------------------------------------


def test_timer_overrun_says_over_time_not_left() -> None:
    text = t("ui.timer.over", clock="00:14")
    assert text == "tijd om: 00:14 over de tijd" and not text.endswith(" over")
    assert t("ui.timer.over", lang="en", clock="00:14") == "time is up: 00:14 over time"


def test_hub_titles_are_not_quoted_twice() -> None:
    line = t("ui.play.vote", what="kaart 1 van 2", title="'Ik kan ervoor zorgen'", done=0, voters=3)
    assert "''" not in line and "'Ik kan ervoor zorgen' ·" in line


def test_shift_count_does_not_read_like_the_option_other() -> None:
    for lang in ("nl", "en"):
        text = t("ui.reveal.shifts", lang=lang, count=4, total=4)
        assert "anders" not in text and "differently" not in text, text


async def test_hub_says_one_card_and_groups_screen_says_continue_mid_session(isolated_home: Path) -> None:
    store = Store(isolated_home)
    engine = factory.engine_for(store)
    factory.start(engine, cards=1)
    factory.add_people(engine)
    engine.form_groups(count=2, seed=factory.SEED)
    factory.play_simple_round(engine, 0)
    live = Live(factory.session_id(engine), engine, [factory.deck()])
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlayScreen(live))
        await wait_for(pilot, PlayScreen)
        text = screen_text(app)
        assert "klaar (1 kaart gespeeld)" in text and "1 kaarten" not in text
        app.push_screen(GroupsScreen(live))
        screen = await wait_for(pilot, GroupsScreen)
        assert str(screen.query_one("#play", Button).label) == "Verder spelen"


# --- readable names instead of ids ----------------------------------------------------------


async def test_card_header_and_role_filter_show_names_not_ids(isolated_home: Path) -> None:
    set_language("en")
    library = load_library()
    deck = library.deck("integrity-in-office")
    card = next(c for c in deck.cards if "group-leader" in c.roles)
    store = Store(isolated_home)
    sink = StoreSink(store)
    engine = Engine(sink)
    engine.start("group", Settings(decks=[deck.id], seed=1), "en")
    engine.add_participant(Participant(name="Ann"))
    engine.form_single_group()
    rnd = engine.deal_card(0, deck, card.id)
    live = Live(sink.session_id or "", engine, [deck])
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CardScreen(live, rnd))
        await wait_for(pilot, CardScreen)
        header = all_text(app)
        assert "group leader" in header and "group-leader" not in header
        assert "municipality" in header or "province" in header or "water board" in header
        app.push_screen(SetupScreen("group"))
        screen = await wait_for(pilot, SetupScreen)
        screen.query_one("#deck").value = deck.id
        await settle(pilot)
        roles = screen.query_one("#roles", SelectionList)
        prompts = [str(roles.get_option_at_index(i).prompt) for i in range(roles.option_count)]
        assert "water board member" in prompts and not [p for p in prompts if "-" in p], prompts
    set_language("nl")
    app = make_app(isolated_home)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(SetupScreen("group"))
        screen = await wait_for(pilot, SetupScreen)
        screen.query_one("#deck").value = "bestuurlijke-integriteit"
        await settle(pilot)
        roles = screen.query_one("#roles", SelectionList)
        prompts = [str(roles.get_option_at_index(i).prompt) for i in range(roles.option_count)]
        assert "commissaris van de Koning" in prompts and "cdk" not in prompts and "ab-lid" not in prompts


# --- operating-system errors and the command line in Dutch ----------------------------------


def test_os_errors_are_in_the_ui_language(tmp_path: Path) -> None:
    missing = tmp_path / "weg.csv"
    _, errors = read_roster(str(missing), "weg.csv")
    assert "bestaat niet" in str(errors[0]) and "No such file" not in str(errors[0])
    _, errors = read_roster(str(tmp_path), "map")
    assert "map" in str(errors[0]) and "Is a directory" not in str(errors[0])
    try:
        missing.read_text()
    except OSError as exc:
        assert os_error(exc, "en") == "no such file or folder"
        assert os_error(exc, "nl") == "bestand of map bestaat niet"


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue()


def test_dutch_help_and_errors_have_no_english_argparse_words() -> None:
    code, text = run_cli("--lang", "nl", "--help")
    assert code == 0
    assert "toon deze hulp en stop" in text and text.startswith("gebruik:") and "\nopties:" in text
    for english in ("show this help message", "usage:", "options:", "show program's version"):
        assert english not in text
    code, text = run_cli("--lang", "nl", "export", "--help")
    assert code == 0 and "argumenten:" in text and "positional arguments" not in text
    code, text = run_cli("--lang", "nl", "export")
    assert code == 2 and "fout: deze argumenten zijn verplicht" in text and "required" not in text
    code, text = run_cli("--lang", "nl", "export", "x", "--format", "pdf")
    assert code == 2 and "ongeldige keuze" in text and "invalid choice" not in text
    code, text = run_cli("--lang", "en", "--help")
    assert code == 0 and "show this help message and exit" in text and text.startswith("usage:")


# --- own case, moreel beraad and practising alone -------------------------------------------


async def test_own_case_is_not_called_a_card_and_beraad_footer_goes_to_the_deliberation(isolated_home: Path) -> None:
    library = load_library()
    for language in ("nl", "en"):
        set_language(language)
        store = Store(isolated_home)
        sink = StoreSink(store)
        engine = Engine(sink)
        engine.start("beraad", Settings(title="Beraad", method=library.method("dilemmamethode"), seed=1), language)
        engine.add_participant(Participant(name="Aysel Kaya"))
        live = Live(sink.session_id or "", engine, [])
        app = make_app(isolated_home)
        app.store = store
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(ParticipantsScreen(live))
            screen = await wait_for(pilot, ParticipantsScreen)
            description = screen.active_bindings["ctrl+n"].binding.description
            assert description == t("key.to_beraad") and "groep" not in description.lower(), description
            assert "To groups" not in screen_text(app) and "Naar groepen" not in screen_text(app)
            engine.form_single_group()
            rnd = engine.open_case(0, OwnCase(title="Subsidie dorpshuis", question="Was het juist?", options=["Ja", "Nee"]))
            label = round_label(live, rnd)
            assert t("ui.card.own_case") in label and "1" not in label, label
            for pid in engine.state.voters(rnd):
                engine.vote(rnd.number, pid, "A", "Omdat")
            engine.reveal(rnd.number)
            app.push_screen(RevealScreen(live, rnd))
            await wait_for(pilot, RevealScreen)
            text = all_text(app)
            assert "card" not in text.lower() and "kaart" not in text.lower(), text
            assert t("ui.reveal.case_nothing_to_discuss") in text
            assert "kaart" not in t("ui.reveal.case_nothing_to_discuss") and "card" not in t("ui.reveal.case_nothing_to_discuss")
            app.push_screen(PlayScreen(live))
            await wait_for(pilot, PlayScreen)
            assert "kaart 1 van 1" not in screen_text(app) and "card 1 of 1" not in screen_text(app)


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_practising_alone_reads_as_one_person(isolated_home: Path, language: str) -> None:
    set_language(language)
    store = Store(isolated_home)
    engine = factory.engine_for(store)
    factory.start(engine, mode="solo", language=language, method=None, revote=False)
    engine.add_participant(Participant(name="Nina"))
    engine.form_single_group()
    rnd = engine.deal(0, [factory.deck()])
    live = Live(factory.session_id(engine), engine, [factory.deck()])
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CardScreen(live, rnd))
        await wait_for(pilot, CardScreen)
        status = screen_text(app)
        assert t("ui.card.solo_status") in status and "0 van 1" not in status and "0 of 1" not in status
        engine.vote(rnd.number, engine.state.groups[0][0], "B", "Omdat")
        engine.reveal(rnd.number)
        app.switch_screen(RevealScreen(live, rnd))
        await wait_for(pilot, RevealScreen)
        text = all_text(app)
        for word in ("coalitie", "coalition", "oppositie", "opposition", "Partijlijn", "Party line", "voor de trainer", "for the trainer"):
            assert word not in text, word
        assert t("ui.reveal.solo_choice") in text


# --- layout ---------------------------------------------------------------------------------


def terminal_width(text: str) -> int:
    """Cells as a terminal without grapheme support counts them: every code point by itself."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200d\ufe0e\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


async def test_skin_tone_emoji_keeps_the_pass_box_border_in_line(isolated_home: Path) -> None:
    store = Store(isolated_home)
    engine = factory.engine_for(store)
    factory.start(engine)
    pid = engine.add_participant(Participant(name="Femke 👍🏽 Ouali"))
    engine.add_participant(Participant(name="Anna de Vries"))
    engine.form_groups(count=1, seed=1)
    rnd = engine.deal(0, [factory.deck()])
    live = Live(factory.session_id(engine), engine, [factory.deck()])
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PassScreen(live, rnd, pid))
        await wait_for(pilot, PassScreen)
        text = screen_text(app)
        lines = [line for line in text.splitlines() if "Femke" in line]
        assert len(lines) == 2  # the name, and the hint that names them
        # Nothing is drawn after the name on its lines, so a terminal that counts the emoji as
        # 4 cells instead of 2 pushes no border out of line; the box keeps its top and bottom.
        assert not [line for line in lines if line.rstrip()[-1] in "┃│▎▌█║"], lines
        assert "━" in text
        name = "Femke 👍🏽 Ouali"
        assert name in text  # shown exactly as typed
        app.push_screen(PlayScreen(live))
        await wait_for(pilot, PlayScreen)
        rows = [line for line in screen_text(app).splitlines() if "Femke" in line]
        assert rows and all(row.rstrip().endswith(("Ouali", "Vries")) for row in rows), rows


async def test_a_variation_leaves_no_notification_over_the_notes(isolated_home: Path) -> None:
    store, live = group_session(isolated_home)
    engine = live.engine
    deck = factory.deck()
    rnd = engine.deal_card(0, deck, next(c.id for c in deck.cards if c.twists))
    for pid in engine.state.voters(rnd):
        engine.vote(rnd.number, pid, "A", "Omdat")
    engine.reveal(rnd.number)
    app = make_app(isolated_home)
    app.store = store
    notes = record_notifications(app)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(RevealScreen(live, rnd))
        await wait_for(pilot, RevealScreen)
        await pilot.press("t")
        await settle(pilot)
        assert rnd.twists_shown == 1 and rnd.twists[0][:20] in all_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert notes == []
