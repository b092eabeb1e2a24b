"""Committing one event early in a session against committing one at event 10,000.

Every engine command checks the event, commits it to SQLite in its own transaction and folds
it into the state. The cost of that must not grow with the length of the session.

Run: python benchmarks/event_commit.py [EVENTS]
Target: ratio <= 1.5.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from dilemmaspel.core.engine import Engine  # noqa: E402
from dilemmaspel.store import Store  # noqa: E402
from tests import sessionfactory as factory  # noqa: E402

SAMPLES = 300


def deliberating(store: Store) -> Engine:
    """A session of two members who voted and now take notes: 10 events so far."""
    engine = factory.start(factory.engine_for(store))
    pids = factory.add_people(engine, factory.ROSTER[:2])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    for pid in pids:
        engine.vote(rnd.number, pid, "A", "Omdat het vertrouwen voorgaat.")
    engine.reveal(rnd.number)
    engine.start_deliberation(rnd.number)
    engine.save_note(rnd.number, 0, "begin")
    assert engine.state.events == 10, engine.state.events
    return engine


def one_commit(engine: Engine, counter: list[int]) -> float:
    """Time one command (check + commit + apply): a note autosaved with new text."""
    counter[0] += 1
    text = f"Aantekening {counter[0]}: wie zit er niet aan tafel, en wat weegt voor hen?"
    start = time.perf_counter()
    engine.save_note(0, counter[0] % 7, text)
    return time.perf_counter() - start


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    counter = [0]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp)) as store:
        # Early: SAMPLES fresh sessions, each timed on its 11th event.
        early_engines = [deliberating(store) for _ in range(SAMPLES)]
        early = [one_commit(engine, counter) for engine in early_engines]

        # Late: one session grown to `target` events, then SAMPLES single commits.
        long = deliberating(store)
        grow_start = time.perf_counter()
        while long.state.events < target:
            one_commit(long, counter)
        grow = time.perf_counter() - grow_start
        late = [one_commit(long, counter) for _ in range(SAMPLES)]
        rows = store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        session_id = factory.session_id(long)
        load_start = time.perf_counter()
        assert store.load(session_id).events == long.state.events
        resume = time.perf_counter() - load_start

    early_ms = statistics.median(early) * 1000
    late_ms = statistics.median(late) * 1000
    print(f"events in the database: {rows:,}  (long session: {target:,} + {SAMPLES} events)")
    print(f"median commit at event 11 ({SAMPLES} sessions):        {early_ms:7.3f} ms")
    print(f"median commit at event {target:,} ({SAMPLES} commits):    {late_ms:7.3f} ms")
    print(f"growing the long session: {grow:.2f} s ({grow / (target - 10) * 1000:.3f} ms per event)")
    print(f"resuming the long session (load + replay): {resume * 1000:.0f} ms")
    print(f"ratio: {late_ms / early_ms:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
