"""History that does not grow with the user's past: 10, 100 and 200 stored sessions.

Each stored session is a finished workshop evening of 45 people in 9 tables and 70 rounds
(votes with reasoning, a re-vote, seven step notes, personal conclusions: about 1 MB of
events). Three data dirs are built once (the sessions are inserted one transaction each, a
set-up shortcut only), then measured interleaved, so machine load affects all sizes alike:

- the start screen to its first frame (a fresh process, like tui_startup.py);
- the solo reveal's history: a solo session on a card those groups played, its reveal screen
  until "how others voted" and the progress per theme are shown (in-process, Pilot), and the
  store reads behind it on their own;
- ``dilemmaspel sessions`` (a fresh process, output discarded).

Each figure is the fastest of RUNS runs, in wall-clock time and in CPU time (on a shared
machine the CPU time of the measured process is not inflated by other processes), and at 100
and 200 sessions it is printed as a ratio of its 10-session time.
Run: python benchmarks/history_scale.py [RUNS]   Target: every ratio <= 1.2.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from _timing import best_of  # noqa: E402

try:
    import resource
except ImportError:  # Windows: wall clock only
    resource = None  # type: ignore[assignment]

from dilemmaspel.core.engine import Engine, ListSink  # noqa: E402
from dilemmaspel.core.events import Event, Settings  # noqa: E402
from dilemmaspel.core.roster import Participant  # noqa: E402
from dilemmaspel.decks import load_library  # noqa: E402
from dilemmaspel.store import DB_NAME, Store, StoreSink  # noqa: E402

SIZES = (10, 100, 200)
PEOPLE, TABLES, ROUNDS = 45, 9, 70
DECK = "bestuurlijke-integriteit"
SOLO = "Sanne de Wit"
REASON = ("Ik weeg het vertrouwen van inwoners zwaarder dan mijn eigen kennis van het dossier; "
          "de schijn van belangenverstrengeling is hier groot genoeg om afstand te nemen. ") * 5

START = """
import sys
from pathlib import Path
import dilemmaspel.tui.screens.start as start
from dilemmaspel.tui.app import DilemmaApp

shown = start.StartScreen.__dict__.get("on_mount")

def on_mount(self):
    if shown is not None:
        shown(self)
    self.call_after_refresh(self.app.exit)

start.StartScreen.on_mount = on_mount
DilemmaApp(Path(sys.argv[1])).run(headless=True)
"""


def evening(seed: int) -> list[Event]:
    """One finished evening through the engine (checked like the app's), as an event list."""
    library = load_library()
    deck, method = library.deck(DECK), library.method("zeven-stappen")
    engine = Engine(ListSink())
    engine.start("group", Settings(title=f"Avond {seed}", decks=[DECK], cards=ROUNDS // TABLES + 1, same_card=False,
                                   reveal="named", revote=True, method=method, seed=seed))
    sides = ("coalition", "opposition", "none")
    parties = ("Stadspartij", "Samen Verder", "Burgerbelang", "Ons Dorp", "Groen Dorp", "")
    for index in range(PEOPLE):
        engine.add_participant(Participant(name=f"Raadslid {index + 1:02d}", party=parties[index % len(parties)],
                                           side=sides[index % 3], role="raadslid"))  # type: ignore[arg-type]
    engine.form_groups(count=TABLES)
    for number in range(ROUNDS):
        group = number % TABLES
        rnd = engine.deal(group, [deck])
        for phase in (1, 2):
            for index, pid in enumerate(engine.state.present(group)):
                engine.vote(rnd.number, pid, rnd.letters[(index + number + phase) % len(rnd.letters)], REASON)
            engine.reveal(rnd.number)
            if phase == 1:
                engine.start_deliberation(rnd.number)
                for step in range(len(method.steps)):
                    engine.save_note(rnd.number, step, f"Ronde {number + 1}, stap {step + 1}: " + REASON[:200])
                engine.open_revote(rnd.number)
        for pid in engine.state.present(group):
            engine.save_personal(rnd.number, pid, "Ik meld het voortaan vooraf. " + REASON[:120])
        engine.conclude(rnd.number, "Niet meestemmen, wel meepraten.", actions="Notitie van de griffie.")
        engine.close_round(rnd.number)
    engine.finish()
    return engine.sink.events  # type: ignore[attr-defined,no-any-return]


def solo_session(store: Store, card_id: str) -> str:
    """The user's own practice: one card those groups played, voted on and revealed."""
    library = load_library()
    deck = library.deck(DECK)
    engine = Engine(StoreSink(store))
    engine.start("solo", Settings(title="Oefenen", decks=[DECK], cards=3, seed=1))
    engine.add_participant(Participant(name=SOLO))
    engine.form_single_group()
    rnd = engine.deal_card(0, deck, card_id)
    engine.vote(rnd.number, engine.state.groups[0][0], "B", "Zo zou ik het doen.")
    engine.reveal(rnd.number)
    store.release()
    return engine.sink.session_id  # type: ignore[attr-defined,return-value]


def build(base: Path) -> tuple[dict[int, Path], str, str, float]:
    """Data dirs with 10, 100 and 200 evenings (and the solo session); returns them, the solo
    session id, its card and the average stored size of an evening in MB."""
    templates = [evening(seed) for seed in (3, 4)]
    card_id = next(e.card.id for e in templates[0] if e.type == "card_dealt")  # type: ignore[union-attr]
    dirs = {size: base / f"sessions-{size}" for size in SIZES}
    growing = dirs[SIZES[-1]]
    with Store(growing) as store:
        solo = solo_session(store, card_id)
        done = 0
        for size in SIZES:
            while done < size:
                store.import_session(templates[done % len(templates)])
                done += 1
            if size != SIZES[-1]:
                dirs[size].mkdir(parents=True)
                with sqlite3.connect(dirs[size] / DB_NAME) as copy:
                    store.db.backup(copy)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_mb = store.db.execute("SELECT sum(length(data)) FROM events").fetchone()[0] / SIZES[-1] / 1e6
    return dirs, solo, card_id, size_mb


def children_cpu() -> float:
    """CPU seconds used by finished child processes so far (0 where the OS does not tell)."""
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def launch(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - start, children_cpu() - cpu


async def reveal_history(home: Path, solo: str, repeat: int) -> list[tuple[float, float]]:
    """Open the solo reveal and wait until its history and progress are shown, ``repeat`` times
    (wall-clock and CPU seconds of this process, worker thread included)."""
    from dilemmaspel.tui.app import DilemmaApp
    from dilemmaspel.tui.context import Live
    from dilemmaspel.tui.screens.reveal import RevealScreen

    app = DilemmaApp(home)
    times: list[tuple[float, float]] = []
    async with app.run_test(size=(100, 34)) as pilot:
        decks = [s.deck for s in app.library.decks.values()]
        for _ in range(repeat):
            live = Live.resume(app.store, solo, decks)
            cpu, start = time.process_time(), time.perf_counter()
            app.push_screen(RevealScreen(live, live.state.rounds[0]))
            while True:
                await pilot.pause()
                screen = app.screen
                if isinstance(screen, RevealScreen) and screen.query("#progress-body > *"):
                    break
            times.append((time.perf_counter() - start, time.process_time() - cpu))
            app.pop_screen()
            await pilot.pause()
    return times


def store_reads(home: Path, solo: str, card_id: str) -> float:
    with Store(home) as store:
        def read() -> None:
            store.card_history(card_id, solo)
            store.practised_cards(SOLO)
        return best_of(read, repeat=300)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        dirs, solo, card_id, size_mb = build(Path(tmp))
        built = time.perf_counter() - started
        start: dict[int, list[tuple[float, float]]] = {size: [] for size in SIZES}
        listing: dict[int, list[tuple[float, float]]] = {size: [] for size in SIZES}
        reveal: dict[int, list[tuple[float, float]]] = {size: [] for size in SIZES}

        def rotated(run: int) -> tuple[int, ...]:
            return SIZES[run % len(SIZES):] + SIZES[: run % len(SIZES)]

        for size in SIZES:  # warm the caches (and the imports): not counted
            launch(["-c", START, str(dirs[size])])
            asyncio.run(reveal_history(dirs[size], solo, 1))
        for run in range(runs):  # interleaved and rotated, so drift and order affect every size alike
            for size in rotated(run):
                start[size].append(launch(["-c", START, str(dirs[size])]))
                listing[size].append(launch(["-m", "dilemmaspel", "sessions", "--data-dir", str(dirs[size])]))
        for run in range(runs):
            for size in rotated(run):
                reveal[size] += asyncio.run(reveal_history(dirs[size], solo, 3))
        reads = {size: store_reads(dirs[size], solo, card_id) for size in SIZES}

    print(f"built {SIZES[-1]} evenings of {PEOPLE} people and {ROUNDS} rounds ({size_mb:.2f} MB of events each) in {built:.0f} s")
    for clock, pick in (("wall clock", 0), ("CPU time (other processes on the machine do not count)", 1)):
        if pick and resource is None:
            break
        print(f"\n{clock}, best of {runs} runs (reveal: of {3 * runs})")
        rows = [
            ("start screen to first frame", {s: min(v[pick] for v in runs_) for s, runs_ in start.items()}),
            ("solo reveal history shown", {s: min(v[pick] for v in runs_) for s, runs_ in reveal.items()}),
            ("dilemmaspel sessions", {s: min(v[pick] for v in runs_) for s, runs_ in listing.items()}),
        ]
        if not pick:
            rows.insert(2, ("  its store reads (of 300)", reads))
        print(f"{'':30}" + "".join(f"{size:>8} sessions" for size in SIZES) + "   ratio 100   ratio 200")
        for label, figures in rows:
            unit, scale = ("µs", 1e6) if figures[SIZES[0]] < 1e-3 else ("ms", 1e3)
            cells = "".join(f"{figures[size] * scale:>12.1f} {unit:<4}" for size in SIZES)
            ratios = "".join(f"{figures[size] / figures[SIZES[0]]:>12.2f}" for size in SIZES[1:])
            print(f"{label:30}{cells}{ratios}")
    print("\ntarget: every ratio <= 1.2")


if __name__ == "__main__":
    main()
