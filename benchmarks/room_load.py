"""The room server under load: (a) 45 phones at 7 tables voting at once, (b) a plenary of 500.

The server runs in a child process (its own loop, store and Engine, as in the app); this process
plays the phones: each joins with its own cookies, keeps an SSE stream open and posts its vote,
all at once. Printed per scenario:

- votes lost: votes acknowledged but not in the database afterwards (target 0), and posts refused;
- p50/p95 from POST to the committed acknowledgement, and as a ratio to one bare
  commit of a vote event to SQLite measured in the same run (the baseline);
- the time from the last acknowledgement until every phone's stream and the presenter page
  showed all votes (target under 1 s at 500);
- server memory per connected phone (RSS growth of the server process / phones).

Targets: 0 lost; p95 under 100 ms at 45 and under 500 ms at 500.
Run: python benchmarks/room_load.py [--plenary N] [--phones N --tables K]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def rss_kib() -> int:
    """Resident memory of this process in KiB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError):
        return 0


# --- the server (child process) -------------------------------------------------------------


async def serve(people: int, tables: int, data: Path) -> None:
    from dilemmaspel.room.security import RateLimit
    from dilemmaspel.room.server import Room
    from dilemmaspel.store import Store
    from tests.roomhelpers import device_engine
    from tests.sessionfactory import deck

    store = Store(data)
    engine = device_engine(store, people=people, groups=tables, cards=1)
    for group in range(len(engine.state.groups)):
        engine.deal(group, [deck()])
    room = Room(engine, host="127.0.0.1", port=0)
    # Every simulated phone comes from 127.0.0.1; in a room each phone has its own address.
    room.claim_limit = RateLimit(limit=10**6, window=60.0)
    await room.start()
    state = engine.state
    rounds = {pid: state.open_round(state.group_of(pid)).number for pid in state.participants}  # type: ignore[arg-type, union-attr]
    sink = engine.sink
    print(json.dumps({"origin": room.origin, "join": room.join_url, "presenter": room.presenter_url,
                      "rounds": rounds, "session": sink.session_id, "rss": rss_kib()}), flush=True)  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := (await reader.readline()).decode().strip():
        if line == "rss":
            print(json.dumps({"rss": rss_kib(), "streams": len(room.streams)}), flush=True)
        elif line == "stop":
            break
    await room.stop()
    print(json.dumps({"votes": sum(len(r.votes) for r in state.rounds)}), flush=True)


# --- the phones (this process) --------------------------------------------------------------


class Child:
    def __init__(self, people: int, tables: int, data: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(people), str(tables), str(data)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=HERE.parent)

    def ask(self, line: str | None = None) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        if line is not None:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())


async def follow(http: Any, url: str, done: Any, arrived: dict[str, float], key: str, ready: asyncio.Event) -> None:
    """Read one SSE stream; note when it first shows every vote."""
    async with http.get(url, timeout=None) as response:
        ready.set()
        buffer = ""
        async for raw in response.content:
            line = raw.decode()
            if line.startswith("data:"):
                buffer = line[5:]
            elif line == "\n" and buffer:
                if done(json.loads(buffer)) and key not in arrived:
                    arrived[key] = time.perf_counter()
                    return
                buffer = ""


def all_voted_phone(view: dict[str, Any]) -> bool:
    rnd = view.get("round") or {}
    return bool(rnd) and rnd.get("voted") == rnd.get("voters")


def all_voted_presenter(view: dict[str, Any]) -> bool:
    return all(t["round"] and t["round"]["voted"] == t["round"]["voters"] for t in view["tables"])


async def scenario(name: str, people: int, tables: int, baseline: float) -> None:
    import re

    import aiohttp

    with tempfile.TemporaryDirectory() as tmp:
        child = Child(people, tables, Path(tmp) / "data")
        info = child.ask()
        origin, join = info["origin"], info["join"]
        join_path = join.removeprefix(origin)
        connector_limit = aiohttp.TCPConnector(limit=0)
        phones = []
        csrf: dict[str, str] = {}
        for pid in info["rounds"]:
            http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                         connector=aiohttp.TCPConnector(limit=0))
            page = await (await http.get(join)).text()
            token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            await http.post(f"{origin}{join_path}/claim", data={"csrf": token, "pid": pid})
            csrf[pid] = token
            phones.append((pid, http))
        arrived: dict[str, float] = {}
        tasks = []
        readies = []
        for pid, http in phones:
            ready = asyncio.Event()
            readies.append(ready)
            tasks.append(asyncio.create_task(follow(http, f"{origin}/p/events", all_voted_phone, arrived, pid, ready)))
        presenter = aiohttp.ClientSession(connector=connector_limit)
        ready = asyncio.Event()
        readies.append(ready)
        tasks.append(asyncio.create_task(follow(presenter, info["presenter"] + "/events", all_voted_presenter,
                                                arrived, "presenter", ready)))
        for ready in readies:
            await ready.wait()
        while child.ask("rss")["streams"] < len(phones) + 1:
            await asyncio.sleep(0.05)
        memory = child.ask("rss")["rss"] - info["rss"]
        latencies: list[float] = []
        refused = 0

        async def vote(pid: str, http: Any) -> None:
            nonlocal refused
            start = time.perf_counter()
            async with http.post(f"{origin}/p/vote", data={
                    "csrf": csrf[pid], "round": str(info["rounds"][pid]), "version": "0", "choice": "A",
                    "reasoning": f"Toelichting van {pid}: het vertrouwen gaat voor."}) as response:
                body = await response.json()
            if response.status == 200 and body.get("ok"):
                latencies.append(time.perf_counter() - start)
            else:
                refused += 1

        await asyncio.gather(*(vote(pid, http) for pid, http in phones))
        last_ack = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
        spread = max(arrived.values()) - last_ack
        for _, http in phones:
            await http.close()
        await presenter.close()
        stored = child.ask("stop")["votes"]
        child.process.wait(timeout=30)
        from dilemmaspel.store import Store

        with Store(Path(tmp) / "data") as store:
            in_db = sum(1 for e in store.events(info["session"]) if e.type == "vote_cast")
        lost = len(latencies) - in_db
        latencies.sort()
        p50 = statistics.median(latencies) * 1000
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000
        print(f"{name}: {people} phones at {tables} table(s)")
        print(f"  votes lost: {lost} (acknowledged {len(latencies)}, in the database {in_db}, in memory {stored}, refused {refused})")
        print(f"  POST to committed ack: p50 {p50:.1f} ms, p95 {p95:.1f} ms"
              f" (bare commit {baseline * 1000:.2f} ms; p95 = {p95 / (baseline * 1000):.0f}x baseline)")
        print(f"  last ack until every stream and the presenter showed it: {max(spread, 0) * 1000:.0f} ms")
        print(f"  server memory per connected phone: {memory / len(phones):.0f} KiB")


def bare_commit() -> float:
    """Median time to commit one vote event to SQLite, without HTTP (the baseline)."""
    from dilemmaspel.store import Store
    from tests.roomhelpers import device_engine
    from tests.sessionfactory import deck

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp)) as store:
        engine = device_engine(store, people=60, groups=1, cards=1)
        rnd = engine.deal(0, [deck()])
        times = []
        for pid in list(engine.state.participants):
            start = time.perf_counter()
            engine.vote(rnd.number, pid, "A", "Toelichting")
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--phones", type=int, default=45)
    parser.add_argument("--tables", type=int, default=7)
    parser.add_argument("--plenary", type=int, default=500)
    args = parser.parse_args()
    if args.serve:
        people, tables, data = args.serve
        asyncio.run(serve(int(people), int(tables), Path(data)))
        return
    baseline = bare_commit()
    asyncio.run(scenario("(a) tables", args.phones, args.tables, baseline))
    if args.plenary:
        asyncio.run(scenario("(b) plenary", args.plenary, 1, baseline))


if __name__ == "__main__":
    main()
