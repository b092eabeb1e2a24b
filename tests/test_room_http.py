"""The room server over real HTTP on 127.0.0.1: every endpoint, and every refusal changes nothing."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from unittest import mock

import aiohttp
import pytest
from aiohttp.test_utils import make_mocked_request

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.session import replay
from dilemmaspel.room.security import CODE_ALPHABET, is_local_client, normalise_code
from dilemmaspel.room.server import DEVICE_COOKIE, MAX_TEXT, Room, RoomError, guard
from dilemmaspel.store import Store, StoreSink
from tests.roomhelpers import Phone, device_engine, stored_types
from tests.sessionfactory import deck


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


@pytest.fixture
async def room(store: Store) -> AsyncIterator[Room]:
    engine = device_engine(store)
    for group in range(len(engine.state.groups)):
        engine.deal(group, [deck()])
    server = Room(engine, host="127.0.0.1", port=0)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def phones(room: Room) -> AsyncIterator[list[Phone]]:
    made = [Phone(room.origin) for _ in range(4)]
    yield made
    for phone in made:
        await phone.close()


def join_path(room: Room) -> str:
    return room.join_url.removeprefix(room.origin)


def members(room: Room, group: int) -> list[str]:
    return room.engine.state.groups[group]


async def joined(room: Room, phone: Phone, pid: str) -> Phone:
    response = await phone.join(join_path(room), pid)
    assert response.status == 200 and str(response.url).endswith("/p")
    return phone


# --- headers, addresses, tokens -------------------------------------------------------------------


async def test_security_headers_on_pages_streams_and_static(room: Room, phones: list[Phone]) -> None:
    phone = await joined(room, phones[0], members(room, 0)[0])
    responses = [await phone.get("/"), await phone.get("/static/room.css"), await phone.get("/nope")]
    stream = await phone.events()
    responses.append(stream.response)
    for response in responses:
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "Server" not in response.headers
    stream.close()


async def test_no_directory_listing_and_no_stack_trace(room: Room, phones: list[Phone]) -> None:
    for path in ("/static/", "/static", "/static/../server.py", "/j/", "/s/"):
        response = await phones[0].get(path)
        body = await response.text()
        assert response.status in (403, 404), path
        assert "Traceback" not in body and "room.js" not in body


async def test_host_header_must_name_the_bound_address(room: Room, phones: list[Phone]) -> None:
    response = await phones[0].get("/", headers={"Host": f"evil.example:{room.port}"})
    assert response.status == 421
    other_port = await phones[0].get("/", headers={"Host": "127.0.0.1:1"})
    assert other_port.status == 421
    assert (await phones[0].get("/")).status == 200


async def test_bound_to_every_interface_accepts_this_machines_addresses(store: Store) -> None:
    server = Room(device_engine(store), host="0.0.0.0", port=0)
    await server.start()
    try:
        assert server.link_host != "0.0.0.0" and server.origin.startswith(f"http://{server.link_host}:")
        async with aiohttp.ClientSession() as http:
            ok = await http.get(f"http://127.0.0.1:{server.port}/")
            evil = await http.get(f"http://127.0.0.1:{server.port}/", headers={"Host": f"evil.example:{server.port}"})
            assert (ok.status, evil.status) == (200, 421)
    finally:
        await server.stop()


async def test_public_clients_are_refused_unless_bound_public(room: Room) -> None:
    def request(peer: str):  # type: ignore[no-untyped-def]
        transport = mock.Mock()
        transport.get_extra_info.side_effect = lambda name, default=None: (peer, 5000) if name == "peername" else default
        return make_mocked_request("GET", "/", headers={"Host": f"127.0.0.1:{room.port}"}, app=room.app, transport=transport)

    async def ok(_request):  # type: ignore[no-untyped-def]
        from aiohttp import web

        return web.Response(text="ok")

    assert (await guard(request("8.8.8.8"), ok)).status == 403
    assert (await guard(request("192.168.1.20"), ok)).status == 200
    room.allow_public = True
    assert (await guard(request("8.8.8.8"), ok)).status == 200
    assert is_local_client("10.1.2.3") and is_local_client("::1") and not is_local_client("1.1.1.1")
    assert not is_local_client("not an address")


async def test_wrong_tokens_are_not_found(room: Room, phones: list[Phone]) -> None:
    assert (await phones[0].get("/j/" + "x" * 32)).status == 404
    assert (await phones[0].get("/s/" + room.join_token)).status == 404  # the join token opens no presenter
    assert (await phones[0].get(f"/s/{room.presenter_token}/qr.svg")).status == 200
    assert (await phones[0].get("/s/wrong/events")).status == 404
    assert len(room.join_token) >= 22 and len(room.presenter_token) >= 22  # >= 128 bits


# --- joining ------------------------------------------------------------------------------------


async def test_roster_lists_names_by_table_escaped(room: Room, phones: list[Phone]) -> None:
    text = await phones[0].page(join_path(room))
    assert "Tafel 1" in text and "Tafel 2" in text
    assert "Lid 0 &lt;b&gt;&amp;amp;" in text and "<b>" not in text


async def test_claim_sets_a_strict_httponly_cookie_once(room: Room, store: Store, phones: list[Phone]) -> None:
    pid = members(room, 0)[0]
    a, b = phones[0], phones[1]
    await a.page(join_path(room))
    response = await a.http.post(f"{room.origin}{join_path(room)}/claim", data={"csrf": a.csrf, "pid": pid},
                                 allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/p"
    fresh = Phone(room.origin)
    first = await fresh.http.get(room.join_url)  # the device cookie comes with the first page
    set_cookie = first.headers["Set-Cookie"]
    await fresh.close()
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie and DEVICE_COOKIE in set_cookie
    assert room.engine.state.claims.keys() == {pid}
    assert stored_types(store, room.engine).count("device_claimed") == 1
    # The same name from another device: refused, nothing changes.
    refused = await b.join(join_path(room), pid)
    assert refused.status == 409
    assert list(room.engine.state.claims) == [pid]
    # The same device cannot take a second name.
    again = await a.post(f"{join_path(room)}/claim", pid=members(room, 0)[1])
    assert again[0] == 303 and list(room.engine.state.claims) == [pid]
    assert "al gekozen" in await b.page(join_path(room))


async def test_claim_needs_the_csrf_token_and_a_known_name(room: Room, phones: list[Phone]) -> None:
    phone = phones[0]
    await phone.page(join_path(room))
    status, _ = await phone.post(f"{join_path(room)}/claim", csrf="forged", pid=members(room, 0)[0])
    assert status == 403
    status, _ = await phone.post(f"{join_path(room)}/claim", pid="p999")
    assert status == 404
    assert room.engine.state.claims == {}


async def test_join_code_redirects_and_is_rate_limited(room: Room, phones: list[Phone]) -> None:
    phone = phones[0]
    assert all(ch in CODE_ALPHABET for ch in room.code) and not set(room.code) & set("0O1IL5S8B2Z")
    await phone.page("/")
    status, _ = await phone.post("/code", code=room.code.lower()[:3] + " " + room.code.lower()[3:])
    assert status == 303
    response = await phone.http.post(f"{room.origin}/code", data={"csrf": phone.csrf, "code": room.code},
                                     allow_redirects=False)
    assert response.headers["Location"] == join_path(room)
    wrong = await phone.http.post(f"{room.origin}/code", data={"csrf": phone.csrf, "code": "AAAAAA"},
                                  allow_redirects=False)
    assert wrong.headers["Location"] == "/?e=1"
    statuses = []
    for _ in range(10):
        statuses.append((await phone.post("/code", code="AAAAAA"))[0])
    assert statuses[-1] == 429
    assert normalise_code(" kmz-tx ") == "KMZTX"


async def test_claims_are_rate_limited_per_address(room: Room, phones: list[Phone]) -> None:
    phone = phones[0]
    await phone.page(join_path(room))
    statuses = [(await phone.post(f"{join_path(room)}/claim", pid="p999"))[0] for _ in range(21)]
    assert statuses[0] == 404 and statuses[-1] == 429


# --- voting -------------------------------------------------------------------------------------


async def test_vote_is_acknowledged_after_the_commit_and_replay_is_refused(
        room: Room, store: Store, phones: list[Phone]) -> None:
    pid = members(room, 0)[0]
    phone = await joined(room, phones[0], pid)
    rnd = room.engine.state.open_round(0)
    assert rnd is not None
    status, body = await phone.post("/p/vote", round=rnd.number, version=0, choice="B", reasoning="Omdat het moet.")
    assert (status, body) == (200, {"ok": True, "version": 1})
    assert stored_types(store, room.engine)[-1] == "vote_cast"  # committed before the answer
    again = await phone.post("/p/vote", round=rnd.number, version=0, choice="B", reasoning="Omdat het moet.")
    assert again[0] == 409
    changed = await phone.post("/p/vote", round=rnd.number, version=1, choice="other", other="Eigen weg", reasoning="")
    assert changed == (200, {"ok": True, "version": 2})
    assert rnd.votes[pid].choice == "other" and rnd.votes[pid].other == "Eigen weg"
    assert stored_types(store, room.engine).count("vote_changed") == 1


async def test_vote_refusals_change_nothing(room: Room, store: Store, phones: list[Phone]) -> None:
    pid = members(room, 0)[0]
    phone = await joined(room, phones[0], pid)
    stranger = phones[1]
    await stranger.page("/")
    rnd0, rnd1 = room.engine.state.open_round(0), room.engine.state.open_round(1)
    assert rnd0 is not None and rnd1 is not None
    before = len(stored_types(store, room.engine))
    # no cookie bound to a participant
    assert (await stranger.post("/p/vote", round=rnd0.number, version=0, choice="A"))[0] == 401
    # no or someone else's CSRF token
    assert (await phone.post("/p/vote", csrf="", round=rnd0.number, version=0, choice="A"))[0] == 403
    assert (await phone.post("/p/vote", csrf=stranger.csrf, round=rnd0.number, version=0, choice="A"))[0] == 403
    # another table's round
    assert (await phone.post("/p/vote", round=rnd1.number, version=0, choice="A"))[0] == 403
    # an option the card does not have, a missing field, own words missing
    assert (await phone.post("/p/vote", round=rnd0.number, version=0, choice="Z"))[0] in (400, 409)
    assert (await phone.post("/p/vote", round=rnd0.number, choice="A"))[0] == 400
    assert (await phone.post("/p/vote", round=rnd0.number, version=0, choice="other", other=" "))[0] == 409
    # too much reasoning, and a body beyond the limit
    assert (await phone.post("/p/vote", round=rnd0.number, version=0, choice="A", reasoning="x" * (MAX_TEXT + 1)))[0] == 413
    assert (await phone.post("/p/vote", round=rnd0.number, version=0, choice="A", reasoning="é" * 200_000))[0] == 413
    assert len(stored_types(store, room.engine)) == before
    assert pid not in rnd0.votes
    ok = await phone.post("/p/vote", round=rnd0.number, version=0, choice="A", reasoning="x" * MAX_TEXT)
    assert ok[0] == 200


async def test_no_vote_after_the_reveal(room: Room, phones: list[Phone]) -> None:
    phone = await joined(room, phones[0], members(room, 0)[0])
    rnd = room.engine.state.open_round(0)
    assert rnd is not None
    for pid in members(room, 0):
        room.engine.vote(rnd.number, pid, "A")
    room.engine.reveal(rnd.number)
    status, body = await phone.post("/p/vote", round=rnd.number, version=1, choice="B")
    assert status == 409 and body["ok"] is False and body["error"]


# --- streams ------------------------------------------------------------------------------------


async def test_stream_sends_retry_and_a_full_view_then_updates_without_secrets(
        room: Room, phones: list[Phone]) -> None:
    a_pid, b_pid = members(room, 0)[:2]
    a = await joined(room, phones[0], a_pid)
    b = await joined(room, phones[1], b_pid)
    stream = await a.events()
    first = await stream.next()
    assert stream.retry and first is not None
    assert first["me"]["pid"] == a_pid and first["round"]["voted"] == 0
    rnd = room.engine.state.open_round(0)
    assert rnd is not None
    await b.post("/p/vote", round=rnd.number, version=0, choice="C", reasoning="GEHEIM van B")
    update = await stream.until(lambda v: v["round"]["voted"] == 1)
    assert "GEHEIM" not in str(update) and update["round"]["results"] == []
    for pid in members(room, 0)[1:]:
        if pid not in rnd.votes:
            room.engine.vote(rnd.number, pid, "A")
    await a.post("/p/vote", round=rnd.number, version=0, choice="A")
    room.engine.reveal(rnd.number)
    revealed = await stream.until(lambda v: bool(v["round"]["results"]))
    reasons = revealed["round"]["results"][0]["reasons"]
    assert [r["reasoning"] for r in reasons] == ["GEHEIM van B"] and "name" not in reasons[0]
    stream.close()
    # Reconnecting gives the whole view again.
    again = await a.view()
    assert again["round"]["results"]


async def test_released_claim_ends_the_stream_and_the_cookie(room: Room, phones: list[Phone]) -> None:
    pid = members(room, 0)[0]
    phone = await joined(room, phones[0], pid)
    stream = await phone.events()
    await stream.next()
    room.engine.release(pid)
    await stream.next()
    assert stream.kind == "gone"
    assert (await phone.get("/p")).status == 401
    other = await joined(room, phones[1], pid)  # the name is free again
    assert (await other.get("/p")).status == 200


async def test_leaving_closes_open_streams(store: Store) -> None:
    engine = device_engine(store)
    server = Room(engine, host="127.0.0.1", port=0)
    await server.start()
    phone = Phone(server.origin)
    try:
        await joined(server, phone, engine.state.groups[0][0])
        stream = await phone.events()
        await stream.next()
        presenter = await phone.events(f"/s/{server.presenter_token}/events")
        await presenter.next()
        await asyncio.wait_for(server.stop(), timeout=30)  # waits for a condition, not a time
        assert server.streams == set()
        assert await stream.next() is None and await presenter.next() is None
    finally:
        await phone.close()


# --- table lead ---------------------------------------------------------------------------------


async def reveal_all(room: Room, group: int) -> int:
    rnd = room.engine.state.open_round(group)
    assert rnd is not None
    for pid in members(room, group):
        if pid not in rnd.votes:
            room.engine.vote(rnd.number, pid, "A", f"reden {pid}")
    room.engine.reveal(rnd.number)
    return rnd.number


async def test_table_lead_runs_the_steps_of_their_own_table_only(room: Room, phones: list[Phone]) -> None:
    lead_pid, member_pid = members(room, 0)[:2]
    other_lead = members(room, 1)[0]
    room.engine.choose_lead(0, lead_pid)
    room.engine.choose_lead(1, other_lead)
    lead = await joined(room, phones[0], lead_pid)
    member = await joined(room, phones[1], member_pid)
    stranger = await joined(room, phones[2], other_lead)
    number = await reveal_all(room, 0)
    number1 = await reveal_all(room, 1)
    assert (await member.post("/p/step", round=number, step=1, **{"from": 0}))[0] == 403
    assert (await stranger.post("/p/step", round=number, step=1, **{"from": 0}))[0] == 403
    assert (await lead.post("/p/step", round=number1, step=1, **{"from": 0}))[0] == 403
    assert (await lead.post("/p/step", round=number, step=0, **{"from": 0})) == (200, {"ok": True, "step": 0})
    assert (await lead.post("/p/step", round=number, step=1, **{"from": 0}))[0] == 200
    replay_status, _ = await lead.post("/p/step", round=number, step=1, **{"from": 0})
    assert replay_status == 409
    rnd = room.engine.state.rounds[number]
    assert rnd.deliberating and rnd.step == 1
    assert (await lead.post("/p/note", round=number, step=1, text="Wie zijn betrokken?"))[0] == 200
    assert (await member.post("/p/note", round=number, step=1, text="gekaapt"))[0] == 403
    assert (await lead.post("/p/conclusion", round=number, text="We melden het.", actions="Griffier bellen"))[0] == 200
    assert (await lead.post("/p/note", round=number, step=1, text="x" * (MAX_TEXT + 1)))[0] == 413
    assert rnd.notes == {1: "Wie zijn betrokken?"} and rnd.conclusion == "We melden het."
    view = await member.view()
    assert view["round"]["steps"]["index"] == 1 and "lead" not in view["round"]
    lead_view = await lead.view()
    assert lead_view["round"]["lead"]["notes"] == "Wie zijn betrokken?"


async def test_personal_conclusion_only_in_a_beraad(room: Room, phones: list[Phone]) -> None:
    phone = await joined(room, phones[0], members(room, 0)[0])
    number = await reveal_all(room, 0)
    assert (await phone.post("/p/personal", round=number, text="Ik vind ..."))[0] == 403


async def test_personal_conclusion_on_the_phone_in_a_beraad(store: Store) -> None:
    engine = device_engine(store, people=4, groups=1, mode="beraad")
    rnd = engine.deal(0, [deck()])
    server = Room(engine, host="127.0.0.1", port=0)
    await server.start()
    phone = Phone(server.origin)
    try:
        pid = engine.state.groups[0][0]
        await joined(server, phone, pid)
        assert (await phone.post("/p/personal", round=rnd.number, text="te vroeg"))[0] == 409
        for member in engine.state.groups[0]:
            engine.vote(rnd.number, member, "A")
        engine.reveal(rnd.number)
        assert (await phone.post("/p/personal", round=rnd.number, text="Ik vind A, omdat ..."))[0] == 200
        assert rnd.personal == {pid: "Ik vind A, omdat ..."}
        assert (await phone.view())["round"]["personal"] == "Ik vind A, omdat ..."
    finally:
        await phone.close()
        await server.stop()


# --- presenter ----------------------------------------------------------------------------------


async def test_presenter_shows_progress_and_counts_only(room: Room, phones: list[Phone]) -> None:
    page = await phones[0].get(f"/s/{room.presenter_token}")
    text = await page.text()
    assert room.code in text and 'src="/static/room.js"' in text and "<script>" not in text
    qr = await phones[0].get(f"/s/{room.presenter_token}/qr.svg")
    assert qr.headers["Content-Type"].startswith("image/svg+xml") and b"<svg" in await qr.read()
    await reveal_all(room, 0)
    view = await phones[0].view(f"/s/{room.presenter_token}/events")
    assert view["kind"] == "presenter"
    assert view["tables"][0]["round"]["results"][0]["total"] == 3
    assert view["tables"][1]["round"]["results"] == []
    assert "reden" not in str(view) and "Lid" not in str(view)


async def test_labels_in_both_languages(room: Room, phones: list[Phone]) -> None:
    nl = await (await phones[0].http.get(f"{room.origin}/labels/nl.json")).json()
    en = await (await phones[0].http.get(f"{room.origin}/labels/en.json")).json()
    assert nl.keys() == en.keys() and nl["vote"] == "Stem" and en["vote"] == "Vote"
    assert (await phones[0].get("/labels/fr.json")).status == 404
    english = await phones[0].page("/?lang=en")
    assert 'lang="en"' in english and "Join with a code" in english


# --- life cycle -----------------------------------------------------------------------------------


async def test_port_taken_is_a_clear_error(store: Store) -> None:
    engine = device_engine(store)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = Room(engine, host="127.0.0.1", port=port)
        with pytest.raises(RoomError) as refused:
            await server.start()
    assert refused.value.key == "room.error.port_taken" and refused.value.params["port"] == port


async def test_resume_comes_back_at_the_same_url_and_knows_the_phones(store: Store) -> None:
    engine = device_engine(store)
    server = Room(engine, host="127.0.0.1", port=0)
    await server.start()
    phone = Phone(server.origin)
    pid = engine.state.groups[0][0]
    try:
        await joined(server, phone, pid)
        url, presenter = server.join_url, server.presenter_url
        await server.stop()
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        resumed = Engine(StoreSink(store, sink.session_id), store.load(sink.session_id))
        again = Room(resumed, host="127.0.0.1")
        await again.start()
        try:
            assert (again.join_url, again.presenter_url) == (url, presenter)
            view = await phone.view()  # the same cookie, no new scan
            assert view["me"]["pid"] == pid
            assert replay(store.events(sink.session_id)).room == resumed.state.room
        finally:
            await again.stop()
    finally:
        await phone.close()


async def test_cookie_is_never_stored_only_its_hash(room: Room, store: Store, phones: list[Phone]) -> None:
    phone = await joined(room, phones[0], members(room, 0)[0])
    cookie = next(c.value for c in phone.http.cookie_jar if c.key == DEVICE_COOKIE)
    sink = room.engine.sink
    assert isinstance(sink, StoreSink) and sink.session_id
    dump = "".join(e.model_dump_json() for e in store.events(sink.session_id))
    assert cookie not in dump and len(cookie) >= 22



@pytest.mark.parametrize("path", ["/p/vote", "/p/personal", "/p/step", "/p/note", "/p/conclusion"])
async def test_malformed_posts_get_a_4xx_and_change_nothing(room: Room, store: Store, phones: list[Phone], path: str) -> None:
    lead = members(room, 0)[0]
    room.engine.choose_lead(0, lead)
    phone = await joined(room, phones[0], lead)
    await reveal_all(room, 1)  # another table's round is revealed: still not this phone's
    before = len(stored_types(store, room.engine))
    other_round = room.engine.state.open_round(1).number  # type: ignore[union-attr]
    attempts = [
        {},
        {"round": "-1", "version": "0", "choice": "A", "step": "0", "from": "0"},
        {"round": "9" * 30, "version": "0", "choice": "A", "step": "1", "from": "0"},
        {"round": "abc", "version": "x", "choice": "A", "step": "?", "from": ""},
        {"round": str(other_round), "version": "0", "choice": "A", "step": "1", "from": "0", "text": "x"},
        {"round": "0", "version": "0", "choice": "\u0000", "step": "1", "from": "0", "text": "\ud800"[:0] + "x"},
        {"round": "0", "version": "7", "choice": "A", "step": "0", "from": "3", "text": "te vroeg"},
    ]
    for fields in attempts:
        status, body = await phone.post(path, **fields)
        assert 400 <= status < 500, (path, fields, status, body)
        assert "Traceback" not in str(body)
    response = await phone.http.post(room.origin + path, json={"csrf": phone.csrf, "round": 0})
    assert response.status == 415
    assert len(stored_types(store, room.engine)) == before


def test_no_trainer_action_is_reachable_over_http(store: Store) -> None:
    """The only changes a phone can post are its own vote and conclusion, and a lead's steps and notes."""
    server = Room(device_engine(store))
    posts = sorted(route.resource.canonical for route in server.app.router.routes()
                   if route.method == "POST" and route.resource is not None)
    assert posts == ["/code", "/j/{token}/claim", "/p/conclusion", "/p/note", "/p/personal", "/p/step", "/p/vote"]
    methods = {route.method for route in server.app.router.routes()}
    assert methods <= {"GET", "HEAD", "POST"}
