"""A whole device round: the trainer's console through Pilot, the real server on 127.0.0.1:0,
and simulated phones (aiohttp client sessions) at three tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from dilemmaspel.room.options import RoomOptions
from dilemmaspel.store import StoreSink
from dilemmaspel.transcript import to_markdown
from dilemmaspel.tui.app import DilemmaApp
from dilemmaspel.tui.screens.console import ConsoleScreen, time_left
from dilemmaspel.tui.screens.start import StartScreen
from tests.conftest import ROOT
from tests.roomhelpers import Phone, device_engine
from tests.sessionfactory import DECK_FILE
from tests.tui_helpers import all_text, screen_text, settle, shows

SIZE = (100, 30)


async def until(pilot: Pilot[Any], condition, tries: int = 1500) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never held")


def app_for(home: Path) -> DilemmaApp:
    return DilemmaApp(home, [DECK_FILE], room_options=RoomOptions(bind="127.0.0.1"))


async def open_console(pilot: Pilot[Any], app: DilemmaApp, session_id: str) -> ConsoleScreen:
    app.resume(session_id)
    await until(pilot, lambda: isinstance(app.screen, ConsoleScreen) and app.room is not None)
    screen = app.screen
    assert isinstance(screen, ConsoleScreen)
    return screen


async def test_three_tables_play_a_round_on_their_phones(isolated_home: Path) -> None:
    app = app_for(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        engine = device_engine(app.store, people=6, groups=3, cards=2, reveal="anonymous")
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        room = app.room
        assert room is not None
        live_engine = room.engine
        state = live_engine.state
        assert await shows(pilot, room.code, tries=600)
        phones: dict[str, Phone] = {}
        try:
            for pid in state.participants:
                phone = Phone(room.origin)
                response = await phone.join(room.join_url.removeprefix(room.origin), pid)
                assert response.status == 200
                phones[pid] = phone
            assert await shows(pilot, "Aangemeld: 6 van 6", tries=600)
            from textual.widgets import Static

            qr = app.screen.query_one("#console-qr", Static)
            assert not qr.display  # everyone joined: the tables get the room
            await pilot.press("j")
            assert qr.display
            await pilot.press("j")
            assert not qr.display
            await pilot.press("n")  # deal a card to every table
            await until(pilot, lambda: all(state.open_round(g) for g in range(3)))
            for pid, phone in phones.items():
                rnd = state.open_round(state.group_of(pid))  # type: ignore[arg-type]
                status, body = await phone.post("/p/vote", round=rnd.number, version=0, choice="A",
                                                reasoning=f"Toelichting van {pid}")
                assert (status, body["ok"]) == (200, True)
            assert await shows(pilot, "2/2 gestemd", tries=600), screen_text(app)
            await pilot.press("R")  # reveal every complete table
            await until(pilot, lambda: all(state.open_round(g).revealed for g in range(3)))  # type: ignore[union-attr]
            first = next(iter(phones))
            view = await phones[first].view()
            assert view["round"]["results"][0]["total"] == 2
            # the trainer's material for table 1, on the laptop only
            await pilot.press("o")
            await until(pilot, lambda: app.screen.__class__.__name__ == "TrainerNotes")
            await settle(pilot)
            card = state.open_round(0).card  # type: ignore[union-attr]
            assert card is not None and card.rules and card.reflection
            material = all_text(app)  # also what is scrolled out of view
            assert "Regels" in material and card.reflection.strip()[:40] in material
            assert "Toelichting" not in material  # no votes or reasoning in the trainer's notes
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
            # a twist to the selected table (table 1)
            await pilot.press("t")
            await until(pilot, lambda: state.open_round(0).twists_shown == 1)  # type: ignore[union-attr]
            # choose the table lead of table 1
            lead_pid = state.groups[0][0]
            await pilot.press("l")
            await settle(pilot)
            await pilot.press("down", "enter")
            await until(pilot, lambda: state.leads.get(0) == lead_pid)
            rnd0 = state.open_round(0)
            assert rnd0 is not None
            lead = phones[lead_pid]
            assert (await lead.post("/p/step", round=rnd0.number, step=0, **{"from": 0}))[0] == 200
            assert (await lead.post("/p/note", round=rnd0.number, step=0, text="De morele vraag is helder."))[0] == 200
            assert (await lead.post("/p/step", round=rnd0.number, step=1, **{"from": 0}))[0] == 200
            assert await shows(pilot, "2/7", tries=600)
            # a re-vote at table 1
            await pilot.press("v")
            await until(pilot, lambda: rnd0.phase == "revoting")
            for pid in state.groups[0]:
                status, _ = await phones[pid].post("/p/vote", round=rnd0.number, version=0, choice="B", reasoning="Anders")
                assert status == 200
            await pilot.press("r")
            await until(pilot, lambda: rnd0.phase == "revoted")
            # move everyone on: the rounds close and the second card is dealt
            await pilot.press("n")
            await settle(pilot)
            await pilot.press("y")
            await until(pilot, lambda: len(state.rounds) == 6)
            assert all(r.phase == "closed" for r in state.rounds[:3])
            # the trainer releases a claim and adds a latecomer
            await pilot.press("u")
            await settle(pilot)
            await pilot.press("enter")
            await until(pilot, lambda: len(state.claims) == 5)
            await pilot.press("a")
            await settle(pilot)
            await pilot.press(*"Laat")
            await pilot.press("enter")
            await until(pilot, lambda: len(state.participants) == 7)
            assert "Toelichting" not in screen_text(app)  # the console never shows reasoning
            # Between cards the trainer may re-mix the tables; the room keeps running.
            await pilot.press("g")
            await settle(pilot)
            assert app.screen.__class__.__name__ != "GroupsScreen"  # refused: rounds are open

        finally:
            for phone in phones.values():
                await phone.close()
        stored = app.store.load(sink.session_id)
        assert stored.rounds[0].notes == {0: "De morele vraag is helder."}
        assert len(stored.rounds[0].revotes) == 2
        markdown = to_markdown(stored)
        assert "De morele vraag is helder." in markdown
        from dilemmaspel.transcript import load_json, to_docx, to_html, to_json

        assert "De morele vraag is helder." in to_html(stored)
        assert to_docx(stored)[:2] == b"PK"
        exported = to_json(sink.session_id, app.store.events(sink.session_id))
        assert room.join_token not in exported and room.presenter_token not in exported
        assert all(device not in exported for device in stored.claims.values())
        _, again = load_json(exported)
        assert not any(e.type in ("room_opened", "device_claimed") for e in again)
        # Finishing closes the room and shows the summary.
        from dilemmaspel.tui.screens.summary import SummaryScreen

        await pilot.press("e")
        await settle(pilot)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen) and app.room is None)
        assert room.streams == set() and room.runner is None
        assert app.store.load(sink.session_id).finished


async def test_resume_brings_device_mode_and_url_back(isolated_home: Path) -> None:
    app = app_for(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        engine = device_engine(app.store, people=4, groups=2)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        assert app.room is not None
        url = app.room.join_url
        await pilot.press("escape")
        await until(pilot, lambda: app.room is None)
        await open_console(pilot, app, sink.session_id)
        assert app.room is not None and app.room.join_url == url


async def test_port_taken_gives_a_way_on(isolated_home: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        app = DilemmaApp(isolated_home, [DECK_FILE], room_options=RoomOptions(bind="127.0.0.1", port=port))
        async with app.run_test(size=SIZE) as pilot:
            engine = device_engine(app.store, people=4, groups=2)
            sink = engine.sink
            assert isinstance(sink, StoreSink) and sink.session_id
            app.resume(sink.session_id)
            assert await shows(pilot, f"Poort {port} is al in gebruik", tries=600)
            assert app.room is None
            await pilot.press("p")  # pass the laptop instead
            await settle(pilot)
            from dilemmaspel.tui.screens.play import PlayScreen

            assert isinstance(app.screen, PlayScreen)


def test_time_left() -> None:
    from datetime import datetime, timezone

    now = datetime(2026, 3, 14, 19, 35, tzinfo=timezone.utc)
    assert time_left("2026-03-14T19:30:00+00:00", 8, now) == "03:00"
    assert time_left("2026-03-14T19:30:00+00:00", 2, now) == "-03:00"
    assert time_left("", 8, now) == "" and time_left("x", 8, now) == ""


def test_qr_lines_draw_the_segno_matrix() -> None:
    import segno

    from dilemmaspel.room.qr import qr_lines

    data = "http://192.168.1.20:51234/j/abc"
    lines = qr_lines(data, border=0)
    matrix = [list(row) for row in segno.make(data, error="m").matrix]
    top = {"▀": 1, "█": 1, "▄": 0, " ": 0}
    bottom = {"▄": 1, "█": 1, "▀": 0, " ": 0}
    for y, row in enumerate(matrix):
        line = lines[y // 2]
        got = [(top if y % 2 == 0 else bottom)[ch] for ch in line]
        assert got == [1 if m else 0 for m in row]


def test_start_screen_does_not_import_the_room_server() -> None:
    code = (
        "import sys\nimport dilemmaspel.tui.app, dilemmaspel.tui.screens.start, dilemmaspel.cli\n"
        "print(any(m in sys.modules for m in ('aiohttp', 'segno', 'ifaddr', 'dilemmaspel.room.server')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


async def test_set_up_on_own_devices_leads_to_the_console_and_resume_keeps_it(tmp_path: Path, isolated_home: Path) -> None:
    from textual.widgets import Select

    from dilemmaspel.tui.screens.groups import GroupsScreen
    from dilemmaspel.tui.screens.participants import ParticipantsScreen
    from dilemmaspel.tui.screens.setup import SetupScreen
    from tests.tui_helpers import ROSTER, fill, make_app

    roster = tmp_path / "raad.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    app = make_app(isolated_home)
    app.room_options = RoomOptions(bind="127.0.0.1")
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        await fill(pilot, "#title", "Raad op telefoons")
        app.screen.query_one("#voting", Select).value = "devices"
        await settle(pilot)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, ParticipantsScreen))
        await pilot.press("ctrl+o")
        await settle(pilot)
        await fill(pilot, "#path", str(roster))
        await pilot.press("enter")
        assert await shows(pilot, "9 deelnemer(s)", tries=600)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, GroupsScreen))
        app.screen.action_play()  # the groups screen's "play" button
        await until(pilot, lambda: isinstance(app.screen, ConsoleScreen) and app.room is not None)
        assert app.room is not None
        session = app.room.engine
        assert session.state.settings.voting == "devices" and session.state.room is not None
        url = app.room.join_url
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StartScreen) and app.room is None)
        sink = session.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        assert app.room.join_url == url


async def test_regroup_between_cards_keeps_the_room(isolated_home: Path) -> None:
    from dilemmaspel.tui.screens.groups import GroupsScreen

    app = app_for(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        engine = device_engine(app.store, people=6, groups=2)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        room = app.room
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, GroupsScreen))
        assert app.room is room and room is not None and room.runner is not None
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        assert app.room is room


async def test_plenary_set_up_seats_the_whole_room_at_one_table(tmp_path: Path, isolated_home: Path) -> None:
    from textual.widgets import Select

    from dilemmaspel.tui.screens.participants import ParticipantsScreen
    from tests.tui_helpers import ROSTER, fill, make_app

    roster = tmp_path / "raad.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    app = make_app(isolated_home)
    app.room_options = RoomOptions(bind="127.0.0.1")
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, "#title", "Zaal")
        app.screen.query_one("#voting", Select).value = "plenary"
        await settle(pilot)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, ParticipantsScreen))
        await pilot.press("ctrl+n")  # nobody yet: refused with a message
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await fill(pilot, "#path", str(roster))
        await pilot.press("enter")
        assert await shows(pilot, "9 deelnemer(s)", tries=600)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, ConsoleScreen) and app.room is not None)
        state = app.room.engine.state  # type: ignore[union-attr]
        assert state.settings.voting == "plenary" and [len(g) for g in state.groups] == [9]
        await pilot.press("n")
        await until(pilot, lambda: state.open_round(0) is not None)
        assert await shows(pilot, "0/9 gestemd", tries=600)


async def test_no_lan_address_gives_a_way_on(isolated_home: Path) -> None:
    from unittest import mock

    app = DilemmaApp(isolated_home, [DECK_FILE], room_options=RoomOptions())
    async with app.run_test(size=SIZE) as pilot:
        engine = device_engine(app.store, people=4, groups=2)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        with mock.patch("dilemmaspel.room.network.lan_addresses", return_value=[]):
            app.resume(sink.session_id)
            assert await shows(pilot, "geen adres op een lokaal netwerk", tries=600)
        assert app.room is None
        assert await shows(pilot, "laat de laptop rondgaan", tries=600)


async def test_several_lan_addresses_the_trainer_picks_one(isolated_home: Path) -> None:
    from unittest import mock

    from dilemmaspel.room.network import LanAddress

    app = DilemmaApp(isolated_home, [DECK_FILE], room_options=RoomOptions(port=0))
    async with app.run_test(size=SIZE) as pilot:
        engine = device_engine(app.store, people=4, groups=2)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        choices = [LanAddress("192.0.2.77", "wlan0"), LanAddress("127.0.0.1", "lo-test")]
        with mock.patch("dilemmaspel.room.network.lan_addresses", return_value=choices):
            app.resume(sink.session_id)
            await until(pilot, lambda: app.screen.__class__.__name__ == "ChooseDialog")
            assert await shows(pilot, "192.0.2.77", tries=600)
            await pilot.press("down", "enter")
            await until(pilot, lambda: app.room is not None)
        assert app.room is not None and app.room.host == "127.0.0.1"


async def test_quitting_the_app_stops_the_room(isolated_home: Path) -> None:
    import aiohttp

    app = app_for(isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        engine = device_engine(app.store, people=4, groups=2)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        room = app.room
        assert room is not None
        await pilot.press("ctrl+q")
    assert app.room is None and room.runner is None
    async with aiohttp.ClientSession() as http:
        try:
            await http.get(room.code_url)
        except aiohttp.ClientConnectionError:
            pass
        else:
            raise AssertionError("the room still answers after the app quit")
