"""The room server: aiohttp in the app's own loop, one Engine shared with the trainer's screens.

Phones read Server-Sent Events (a full view on every connect, then a new one after each
committed event that changes it) and post plain forms with fetch. Every change goes through the
Engine, so every rule and every commit stays in one place; a phone hears "received" only after
the store committed its vote. No trainer action is reachable over HTTP.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Event
from dilemmaspel.core.session import RuleError
from dilemmaspel.core.views import PRESENTER, Viewer, led_round, view_for
from dilemmaspel.i18n import CATALOGS, LANGUAGES, t
from dilemmaspel.room import pages
from dilemmaspel.room.security import (
    RateLimit,
    csrf_token,
    device_hash,
    is_local_client,
    new_code,
    new_token,
    normalise_code,
    same,
)
from dilemmaspel.store import StoreError

log = logging.getLogger(__name__)

DEVICE_COOKIE = "ds_device"
MAX_TEXT = 10_000  # reasoning, notes and conclusions, as everywhere in the app
MAX_BODY = 256 * 1024  # 10,000 characters percent-encoded, with room to spare
PING_SECONDS = 15.0
RETRY_MS = 2000
STATIC = __import__("pathlib").Path(__file__).with_name("static")


class RoomError(Exception):
    """The room could not open (port taken, address gone); ``key`` names a catalog message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(eq=False)
class Stream:
    """One open SSE connection and what it last sent."""

    viewer: Viewer
    lang: str
    device: str = ""  # a phone's stream ends when its claim is released
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    last: str = ""


class Room:
    """One device session's server: its secrets, its open streams and its guards."""

    def __init__(self, engine: Engine, host: str = "127.0.0.1", port: int | None = None,
                 allow_public: bool = False, ssl_context: ssl.SSLContext | None = None,
                 on_change: Callable[[], None] | None = None) -> None:
        self.engine = engine
        self.host = host
        # Bound to every interface on purpose: links name the first LAN address, and the Host
        # header may name any address of this machine.
        self.link_host = host
        self.host_names = {host}
        if host in ("0.0.0.0", "::"):
            from dilemmaspel.room.network import lan_addresses

            addresses = [a.address for a in lan_addresses()]
            self.link_host = addresses[0] if addresses else "127.0.0.1"
            self.host_names = set(addresses) | {"127.0.0.1", "::1", "localhost"}
        self.allow_public = allow_public
        self.ssl_context = ssl_context
        self.on_change = on_change
        room = engine.state.room
        self.join_token = room.join_token if room else new_token()
        self.presenter_token = room.presenter_token if room else new_token()
        self.code = room.code if room else new_code()
        self.port = port if port is not None else (room.port if room else 0)
        self.streams: set[Stream] = set()
        self.closing = False
        self.code_limit = RateLimit(limit=10, window=60.0)
        self.claim_limit = RateLimit(limit=20, window=60.0)
        self.runner: web.AppRunner | None = None
        self._memo_version = -1
        self._memo: dict[Any, Any] = {}
        self._unsubscribe: Callable[[], None] | None = None
        self.app = make_app(self)

    # --- addresses --------------------------------------------------------------------------

    @property
    def scheme(self) -> str:
        return "https" if self.ssl_context else "http"

    @property
    def origin(self) -> str:
        host = f"[{self.link_host}]" if ":" in self.link_host else self.link_host
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def join_url(self) -> str:
        return f"{self.origin}/j/{self.join_token}"

    @property
    def presenter_url(self) -> str:
        return f"{self.origin}/s/{self.presenter_token}"

    @property
    def code_url(self) -> str:
        return f"{self.origin}/"

    # --- life cycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on host:port (the stored port on resume); RoomError when that is impossible."""
        self.closing = False
        runner = web.AppRunner(self.app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, ssl_context=self.ssl_context)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
                raise RoomError("room.error.port_taken", port=self.port) from exc
            raise RoomError("room.error.cannot_listen", address=self.host, reason=exc.strerror or exc) from exc
        self.runner = runner
        if runner.addresses:
            self.port = int(runner.addresses[0][1])  # the port chosen for port 0
        self._unsubscribe = self.engine.subscribe(self.changed)
        try:
            self.engine.open_room(self.port, self.join_token, self.presenter_token, self.code)
        except (RuleError, StoreError):
            await self.stop()
            raise

    async def stop(self) -> None:
        """Tell every open stream to finish, then stop listening."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.close_streams()
        if self.runner is not None:
            runner, self.runner = self.runner, None
            await runner.cleanup()

    def close_streams(self) -> None:
        self.closing = True
        for stream in list(self.streams):
            stream.wake.set()

    def changed(self, event: Event | None = None) -> None:
        """After each committed event: every stream re-renders its view (and sends it if changed)."""
        for stream in self.streams:
            stream.wake.set()
        if self.on_change is not None:
            self.on_change()

    # --- who is asking ----------------------------------------------------------------------

    def pid_of(self, request: web.Request) -> str | None:
        cookie = request.cookies.get(DEVICE_COOKIE, "")
        if not cookie:
            return None
        wanted = device_hash(cookie)
        for pid, device in self.engine.state.claims.items():
            if same(device, wanted):
                return pid
        return None

    def memo(self) -> dict[Any, Any]:
        """Figures shared by every view of the current state (rebuilt after each event)."""
        version = self.engine.state.events
        if self._memo_version != version:
            self._memo_version, self._memo = version, {}
        return self._memo

    def csrf_for(self, cookie: str) -> str:
        return csrf_token(self.join_token, cookie)

    def view(self, viewer: Viewer, lang: str) -> dict[str, Any]:
        data = view_for(self.engine.state, viewer, lang)
        data["now"] = time.time()
        return data


ROOM_KEY: web.AppKey[Room] = web.AppKey("room", Room)


# --- the app ----------------------------------------------------------------------------------


def make_app(room: Room) -> web.Application:
    """The aiohttp application of one room."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[guard])
    app[ROOM_KEY] = room
    app.on_response_prepare.append(security_headers)
    app.on_shutdown.append(_on_shutdown)
    app.add_routes([
        web.get("/", code_page),
        web.post("/code", code_post),
        web.get("/j/{token}", join_page),
        web.post("/j/{token}/claim", claim_post),
        web.get("/p", phone_page),
        web.get("/p/events", phone_events),
        web.post("/p/vote", vote_post),
        web.post("/p/personal", personal_post),
        web.post("/p/step", step_post),
        web.post("/p/note", note_post),
        web.post("/p/conclusion", conclusion_post),
        web.get("/s/{token}", presenter_page),
        web.get("/s/{token}/events", presenter_events),
        web.get("/s/{token}/qr.svg", presenter_qr),
        web.get("/labels/{lang}.json", labels),
        web.static("/static", STATIC, show_index=False, follow_symlinks=False),
    ])
    return app


async def _on_shutdown(app: web.Application) -> None:
    app[ROOM_KEY].close_streams()


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Headers on every response, streamed ones too."""
    headers = response.headers
    headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
    )
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    headers.setdefault("Cache-Control", "no-store")
    headers.pop("Server", None)


def _lang(request: web.Request, room: Room) -> str:
    wanted = request.query.get("lang", "")
    return wanted if wanted in LANGUAGES else room.engine.state.language if room.engine.state.language in LANGUAGES else "nl"


def _plain(status: int, key: str, lang: str = "nl", **params: object) -> web.Response:
    return web.Response(status=status, text=t(key, lang=lang, **params), content_type="text/plain", charset="utf-8")


@web.middleware
async def guard(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
    """Host header and client address first; errors as short messages, never a stack trace."""
    room = request.app[ROOM_KEY]
    lang = room.engine.state.language
    if not room.allow_public and not is_local_client(request.remote):
        return _plain(403, "room.error.not_local", lang)
    if not _host_ok(request.host, room):
        return _plain(421, "room.error.bad_host", lang)
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:
        return _plain(413, "room.error.too_large", lang)
    except web.HTTPException as exc:
        if exc.status >= 400:
            return _plain(exc.status, "room.error.not_found" if exc.status == 404 else "room.error.refused", lang)
        raise
    except (asyncio.CancelledError, ConnectionResetError):
        raise
    except Exception:  # noqa: BLE001 - a phone never sees a stack trace
        log.exception("room request failed: %s %s", request.method, request.path)
        return _plain(500, "room.error.internal", lang)


def _host_ok(host: str, room: Room) -> bool:
    """The Host header must name the address the room is bound to (no DNS rebinding)."""
    name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name:
        name, port = host, ""
    name = name.strip("[]")
    if name not in room.host_names:
        return False
    default = "443" if room.ssl_context else "80"
    return (port or default) == str(room.port)


def _ensure_cookie(request: web.Request, response: web.StreamResponse, room: Room) -> str:
    cookie = request.cookies.get(DEVICE_COOKIE, "")
    if not (20 <= len(cookie) <= 100):
        cookie = new_token()
        response.set_cookie(DEVICE_COOKIE, cookie, httponly=True, samesite="Strict", path="/",
                            secure=room.ssl_context is not None, max_age=16 * 3600)
    return cookie


def _html(body: str) -> web.Response:
    return web.Response(text=body, content_type="text/html", charset="utf-8")


async def _form(request: web.Request, room: Room) -> dict[str, str] | web.Response:
    """The posted fields, once the CSRF token matches the device cookie."""
    lang = _lang(request, room)
    if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _json_error(415, "room.error.refused", lang)
    data = await request.post()
    fields = {k: v for k, v in data.items() if isinstance(v, str)}
    cookie = request.cookies.get(DEVICE_COOKIE, "")
    if not cookie or not same(fields.get("csrf", ""), room.csrf_for(cookie)):
        return _json_error(403, "room.error.csrf", lang)
    return fields


def _json_error(status: int, key: str, lang: str, **params: object) -> web.Response:
    return web.json_response({"ok": False, "error": t(key, lang=lang, **params)}, status=status)


def _rule_error(exc: Exception, lang: str) -> web.Response:
    if isinstance(exc, RuleError):
        return _json_error(409, exc.key, lang, **exc.params)
    return _json_error(503, "room.error.not_saved", lang)


# --- joining ------------------------------------------------------------------------------


async def code_page(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    response = _html("")
    cookie = _ensure_cookie(request, response, room)
    response.text = pages.code_page(_lang(request, room), room.csrf_for(cookie), error=request.query.get("e") == "1")
    return response


async def code_post(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    if not room.code_limit.allow(request.remote or ""):
        return _plain(429, "room.error.slow_down", lang)
    data = await request.post()
    cookie = request.cookies.get(DEVICE_COOKIE, "")
    token = str(data.get("csrf", ""))
    if not cookie or not same(token, room.csrf_for(cookie)):
        return _plain(403, "room.error.csrf", lang)
    if same(normalise_code(str(data.get("code", ""))), room.code):
        raise web.HTTPSeeOther(f"/j/{room.join_token}")
    raise web.HTTPSeeOther("/?e=1")


def _join_token_ok(request: web.Request, room: Room) -> bool:
    return same(request.match_info.get("token", ""), room.join_token)


async def join_page(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    if not _join_token_ok(request, room):
        raise web.HTTPNotFound()
    if room.pid_of(request) is not None:
        raise web.HTTPSeeOther("/p")
    response = _html("")
    cookie = _ensure_cookie(request, response, room)
    from dilemmaspel.core.views import roster_view

    response.text = pages.join_page(_lang(request, room), room.join_token, room.csrf_for(cookie),
                                    roster_view(room.engine.state), error=request.query.get("e", ""))
    return response


async def claim_post(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    if not _join_token_ok(request, room):
        raise web.HTTPNotFound()
    if not room.claim_limit.allow(request.remote or ""):
        return _plain(429, "room.error.slow_down", lang)
    fields = await _form(request, room)
    if isinstance(fields, web.Response):
        return fields
    if room.pid_of(request) is not None:
        raise web.HTTPSeeOther("/p")
    pid = fields.get("pid", "")
    try:
        room.engine.claim(pid, device_hash(request.cookies[DEVICE_COOKIE]))
    except RuleError as exc:
        status = 404 if exc.key == "rule.unknown_participant" else 409
        return _plain(status, exc.key, lang, **exc.params)
    except StoreError:
        return _plain(503, "room.error.not_saved", lang)
    raise web.HTTPSeeOther("/p")


# --- the phone ------------------------------------------------------------------------------


async def phone_page(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    if room.pid_of(request) is None:
        return web.Response(status=401, text=pages.not_joined_page(lang), content_type="text/html", charset="utf-8")
    cookie = request.cookies[DEVICE_COOKIE]
    return _html(pages.app_page(lang, "phone", room.csrf_for(cookie), "/p/events"))


async def _stream(request: web.Request, room: Room, viewer: Viewer, lang: str, device: str = "") -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store",
                                           "X-Accel-Buffering": "no"})
    await response.prepare(request)
    stream = Stream(viewer, lang, device)
    room.streams.add(stream)
    try:
        await response.write(f"retry: {RETRY_MS}\n\n".encode())
        while not room.closing:
            if viewer.kind == "participant" and room.engine.state.claims.get(viewer.pid) != device:
                await response.write(b"event: gone\ndata: {}\n\n")
                break
            data = view_for(room.engine.state, viewer, lang, room.memo())
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            stream.wake.clear()
            if text != stream.last:
                stream.last = text
                data["now"] = time.time()
                payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                await response.write(f"data: {payload}\n\n".encode())
                # A burst of votes is sent as one update: hundreds of phones stay responsive.
                await asyncio.sleep(min(0.5, len(room.streams) / 1000))
            try:
                await asyncio.wait_for(stream.wake.wait(), PING_SECONDS)
            except asyncio.TimeoutError:
                await response.write(b": ping\n\n")  # a dead phone fails here and is dropped
    except (ConnectionResetError, ConnectionError, asyncio.CancelledError):
        pass
    finally:
        room.streams.discard(stream)
    return response


async def phone_events(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    pid = room.pid_of(request)
    if pid is None:
        return _plain(401, "room.error.not_joined", lang)
    return await _stream(request, room, Viewer("participant", pid), lang, device_hash(request.cookies[DEVICE_COOKIE]))


async def _member_form(request: web.Request, room: Room) -> tuple[str, dict[str, str]] | web.Response:
    """Who posts (a joined member) and what, once the CSRF token matches; else the refusal."""
    pid = _member(request, room)
    if isinstance(pid, web.Response):
        return pid
    fields = await _form(request, room)
    if isinstance(fields, web.Response):
        return fields
    return pid, fields


def _member(request: web.Request, room: Room) -> str | web.Response:
    pid = room.pid_of(request)
    if pid is None:
        return _json_error(401, "room.error.not_joined", _lang(request, room))
    return pid


def _int(fields: dict[str, str], name: str) -> int | None:
    value = fields.get(name, "")
    return int(value) if value.isdigit() and len(value) < 9 else None


def _text(fields: dict[str, str], name: str) -> str | None:
    value = fields.get(name, "").replace("\r\n", "\n")
    return value if len(value) <= MAX_TEXT else None


async def vote_post(request: web.Request) -> web.StreamResponse:
    """Cast or change one's own vote. ``version`` is the ballot the phone last saw: a replay is stale."""
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    posted = await _member_form(request, room)
    if isinstance(posted, web.Response):
        return posted
    pid, fields = posted
    number, version = _int(fields, "round"), _int(fields, "version")
    reasoning, other = _text(fields, "reasoning"), _text(fields, "other")
    if number is None or version is None:
        return _json_error(400, "room.error.refused", lang)
    if reasoning is None or other is None:
        return _json_error(413, "room.error.too_long", lang, max=MAX_TEXT)
    state = room.engine.state
    group = state.group_of(pid)
    if not 0 <= number < len(state.rounds) or state.rounds[number].group != group:
        return _json_error(403, "room.error.not_your_table", lang)
    rnd = state.rounds[number]
    phase = rnd.voting_phase
    if phase is None:
        return _json_error(409, "rule.not_voting", lang)
    if rnd.ballot_version(phase, pid) != version:
        return _json_error(409, "room.error.stale", lang)
    choice = fields.get("choice", "")
    try:
        if version == 0:
            room.engine.vote(number, pid, choice, reasoning, other=other if choice == "other" else "")
        else:
            room.engine.change_vote(number, pid, choice, reasoning, other=other if choice == "other" else "")
    except (RuleError, StoreError) as exc:
        return _rule_error(exc, lang)
    except ValueError:  # a choice the event model refuses
        return _json_error(400, "room.error.refused", lang)
    return web.json_response({"ok": True, "version": rnd.ballot_version(phase, pid)})


async def personal_post(request: web.Request) -> web.StreamResponse:
    """A member's own conclusion in a moreel beraad (after the reveal)."""
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    posted = await _member_form(request, room)
    if isinstance(posted, web.Response):
        return posted
    pid, fields = posted
    number, text = _int(fields, "round"), _text(fields, "text")
    if number is None:
        return _json_error(400, "room.error.refused", lang)
    if text is None:
        return _json_error(413, "room.error.too_long", lang, max=MAX_TEXT)
    state = room.engine.state
    if state.mode != "beraad" or not 0 <= number < len(state.rounds) or state.rounds[number].group != state.group_of(pid):
        return _json_error(403, "room.error.not_your_table", lang)
    try:
        room.engine.save_personal(number, pid, text)
    except (RuleError, StoreError) as exc:
        return _rule_error(exc, lang)
    return web.json_response({"ok": True})


async def _lead_round(request: web.Request, room: Room) -> tuple[dict[str, str], int] | web.Response:
    """The fields of a table lead's post and the round they act on: only their own table's."""
    lang = _lang(request, room)
    posted = await _member_form(request, room)
    if isinstance(posted, web.Response):
        return posted
    pid, fields = posted
    rnd = led_round(room.engine.state, pid)
    number = _int(fields, "round")
    if rnd is None or number != rnd.number:
        return _json_error(403, "room.error.not_lead", lang)
    return fields, number


async def step_post(request: web.Request) -> web.StreamResponse:
    """Next or back: ``from`` must be the step the table is on, so a replay moves nothing."""
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    checked = await _lead_round(request, room)
    if isinstance(checked, web.Response):
        return checked
    fields, number = checked
    rnd = room.engine.state.rounds[number]
    start, target = _int(fields, "from"), _int(fields, "step")
    if target is None or start is None:
        return _json_error(400, "room.error.refused", lang)
    current = rnd.current_step if rnd.deliberating else None
    if (current is None and start != 0) or (current is not None and start != current) or (current is not None and target == current):
        return _json_error(409, "room.error.stale", lang)
    try:
        room.engine.move_step(number, target)
    except (RuleError, StoreError) as exc:
        return _rule_error(exc, lang)
    return web.json_response({"ok": True, "step": rnd.current_step})


async def note_post(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    checked = await _lead_round(request, room)
    if isinstance(checked, web.Response):
        return checked
    fields, number = checked
    step, text = _int(fields, "step"), _text(fields, "text")
    if step is None:
        return _json_error(400, "room.error.refused", lang)
    if text is None:
        return _json_error(413, "room.error.too_long", lang, max=MAX_TEXT)
    try:
        room.engine.save_note(number, step, text)
    except (RuleError, StoreError) as exc:
        return _rule_error(exc, lang)
    return web.json_response({"ok": True})


async def conclusion_post(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    lang = _lang(request, room)
    checked = await _lead_round(request, room)
    if isinstance(checked, web.Response):
        return checked
    fields, number = checked
    text, actions = _text(fields, "text"), _text(fields, "actions")
    if text is None or actions is None:
        return _json_error(413, "room.error.too_long", lang, max=MAX_TEXT)
    try:
        room.engine.conclude(number, text, actions)
    except (RuleError, StoreError) as exc:
        return _rule_error(exc, lang)
    return web.json_response({"ok": True})


# --- the projector --------------------------------------------------------------------------


def _presenter_ok(request: web.Request, room: Room) -> bool:
    return same(request.match_info.get("token", ""), room.presenter_token)


async def presenter_page(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    if not _presenter_ok(request, room):
        raise web.HTTPNotFound()
    lang = _lang(request, room)
    base = f"/s/{room.presenter_token}"
    return _html(pages.app_page(lang, "presenter", "", f"{base}/events", qr=f"{base}/qr.svg",
                                join_url=room.code_url, code=room.code))


async def presenter_events(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    if not _presenter_ok(request, room):
        raise web.HTTPNotFound()
    return await _stream(request, room, PRESENTER, _lang(request, room))


async def presenter_qr(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    if not _presenter_ok(request, room):
        raise web.HTTPNotFound()
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(room.join_url, error="m").save(buffer, kind="svg", scale=8, border=2, dark="#000", light="#fff",
                                               title=t("room.page.qr_title", lang=_lang(request, room)))
    return web.Response(body=buffer.getvalue(), content_type="image/svg+xml")


async def labels(request: web.Request) -> web.StreamResponse:
    lang = request.match_info.get("lang", "")
    if lang not in LANGUAGES:
        raise web.HTTPNotFound()
    catalog = CATALOGS[lang]
    data = {key[len("room.page."):]: value for key, value in catalog.items() if key.startswith("room.page.")}
    data.update({key: value for key, value in catalog.items() if key.startswith(("disclosure.", "side."))})
    return web.json_response(data, headers={"Cache-Control": "max-age=300"})
