"""Simulated phones for the room server: aiohttp client sessions with their own cookie jars."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.roster import Participant
from dilemmaspel.store import Store, StoreSink
from tests.sessionfactory import fixed_clock, start

CSRF = re.compile(r'name="csrf" (?:value|content)="([^"]+)"')
SIDES = ("coalition", "opposition", "none")


def device_engine(store: Store, people: int = 6, groups: int = 2, reveal: str = "anonymous", mode: str = "group",
                  **settings: object) -> Engine:
    """A stored device session with ``people`` members at ``groups`` tables."""
    engine = Engine(StoreSink(store), clock=fixed_clock)
    start(engine, mode=mode, reveal=reveal, voting="devices", **settings)
    for i in range(people):
        engine.add_participant(Participant(name=f"Lid {i} <b>&amp;", side=SIDES[i % 3]))
    if groups == 1:
        engine.form_single_group()
    else:
        engine.form_groups(count=groups)
    return engine


def stored_types(store: Store, engine: Engine) -> list[str]:
    sink = engine.sink
    assert isinstance(sink, StoreSink) and sink.session_id
    return [e.type for e in store.events(sink.session_id)]


class Events:
    """Reads one SSE stream: ``next()`` returns the next view (skipping pings)."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self.response = response
        self.retry: int | None = None
        self.kind = ""

    async def next(self) -> dict[str, Any] | None:
        data: list[str] = []
        event = ""
        while True:
            raw = await self.response.content.readline()
            if not raw:
                return None
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("retry:"):
                self.retry = int(line[6:])
            elif line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip())
            elif line == "" and data:
                self.kind = event or "message"
                return json.loads("\n".join(data))

    async def until(self, condition: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        while True:
            view = await self.next()
            assert view is not None, "stream ended"
            if condition(view):
                return view

    def close(self) -> None:
        self.response.close()


class Phone:
    """One simulated phone: its own cookies, its CSRF token, its stream."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""

    async def close(self) -> None:
        await self.http.close()

    async def get(self, path: str, **kwargs: Any) -> aiohttp.ClientResponse:
        response = await self.http.get(self.origin + path, **kwargs)
        await response.read()
        return response

    async def page(self, path: str) -> str:
        response = await self.get(path)
        text = await response.text()
        found = CSRF.search(text)
        if found:
            self.csrf = found.group(1)
        return text

    async def join(self, join_path: str, pid: str) -> aiohttp.ClientResponse:
        await self.page(join_path)
        response = await self.http.post(f"{self.origin}{join_path}/claim", data={"csrf": self.csrf, "pid": pid})
        text = await response.text()
        found = CSRF.search(text)
        if found:
            self.csrf = found.group(1)
        return response

    async def post(self, path: str, csrf: str | None = None, **fields: object) -> tuple[int, dict[str, Any]]:
        data = {"csrf": self.csrf if csrf is None else csrf, **{k: str(v) for k, v in fields.items()}}
        response = await self.http.post(self.origin + path, data=data, allow_redirects=False)
        try:
            body = await response.json(content_type=None)
        except (ValueError, aiohttp.ContentTypeError):
            body = {"text": await response.text()}
        return response.status, body

    async def events(self, path: str = "/p/events") -> Events:
        response = await self.http.get(self.origin + path, timeout=aiohttp.ClientTimeout(total=None, sock_read=None))
        assert response.status == 200, response.status
        return Events(response)

    async def view(self, path: str = "/p/events") -> dict[str, Any]:
        stream = await self.events(path)
        try:
            view = await stream.next()
            assert view is not None
            return view
        finally:
            stream.close()


def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
