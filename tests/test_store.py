"""The SQLite store: schema, one transaction per event, crashes, concurrency, write failures, queries."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dilemmaspel.store as store_module
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Event, SessionStarted, StepNoteSaved
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import SessionState
from dilemmaspel.store import DB_NAME, SCHEMA_VERSION, SessionConflict, Store, StoreError, StoreSink
from tests import sessionfactory as factory
from tests.conftest import ROOT

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
can_kill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "data") as opened:
        yield opened


def peek(path: Path) -> sqlite3.Connection:
    """A second, independent connection: it sees only what has been committed."""
    return sqlite3.connect(path, timeout=30, isolation_level=None)


def seqs(path: Path, session_id: str) -> list[int]:
    with peek(path) as db:
        return [row[0] for row in db.execute("SELECT seq FROM events WHERE session_id = ? ORDER BY seq", (session_id,))]


def small_round(store: Store | None, people: int = 3, **settings: Any) -> Engine:
    """A started session with one group of ``people`` and a dealt card, nobody has voted yet."""
    engine = factory.start(factory.engine_for(store), **settings)
    factory.add_people(engine, factory.ROSTER[:people])
    engine.form_groups(count=1)
    engine.deal(0, [factory.deck()])
    return engine


# --- schema and files -----------------------------------------------------------------------


def test_schema_version_and_wal(store: Store) -> None:
    with peek(store.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "events"} <= tables
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.path == store.path.parent / DB_NAME


def test_reopening_keeps_schema_and_data(tmp_path: Path) -> None:
    with Store(tmp_path) as first:
        engine = small_round(first)
        session_id = factory.session_id(engine)
    with Store(tmp_path) as second:
        assert second.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert second.load(session_id) == engine.state


@posix_only
def test_database_and_data_dir_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        data = tmp_path / "nieuw" / "data"
        with Store(data) as opened:
            factory.realistic_session(opened)
            files = [p for p in data.iterdir() if p.name.startswith(DB_NAME)]
            assert {p.name for p in files} >= {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}
            for path in files:
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
    finally:
        os.umask(old)


@posix_only
def test_an_existing_database_is_made_owner_only_again(tmp_path: Path) -> None:
    Store(tmp_path).close()
    (tmp_path / DB_NAME).chmod(0o644)
    Store(tmp_path).close()
    assert stat.S_IMODE((tmp_path / DB_NAME).stat().st_mode) == 0o600


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    Store(tmp_path).close()
    with peek(tmp_path / DB_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=str(SCHEMA_VERSION + 1)):
        Store(tmp_path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"Dit is geen database maar een boodschappenlijst.\n" * 100)
    with pytest.raises(StoreError):
        Store(tmp_path)


def test_an_unusable_data_dir_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "usb-stick"
    blocker.write_text("geen map", encoding="utf-8")
    try:
        Store(blocker / "data")
    except StoreError:
        return
    except OSError as exc:
        raise AssertionError(f"OSError escaped: {exc!r}") from exc
    raise AssertionError("opening succeeded")


def test_opening_waits_for_another_process_creating_the_database(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the lock a first-time opener holds while switching to WAL
    other.execute("CREATE TABLE elders (x)")
    release = threading.Timer(1.0, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with Store(tmp_path) as opened:
            assert opened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert opened.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        release.join()
        other.close()


# --- one transaction per event --------------------------------------------------------------


class WatchingSink(StoreSink):
    """After each commit, checks through a second connection that exactly this event landed."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.other = peek(store.path)
        self.checked = 0

    def append(self, event: Event) -> None:
        before = self.other.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        super().append(event)
        assert not self.store.db.in_transaction
        rows = self.other.execute("SELECT seq, type, data FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1",
                                  (self.session_id,)).fetchall()
        after = self.other.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert after == before + 1
        seq, kind, data = rows[0]
        assert (seq, kind) == (before + 1, event.type)
        assert json.loads(data) == json.loads(event.model_dump_json())
        self.checked += 1


def test_every_command_is_committed_before_it_takes_effect(store: Store) -> None:
    sink = WatchingSink(store)
    engine = Engine(sink, clock=factory.fixed_clock)
    session_id = factory.realistic_session(store, engine)
    events = store.events(session_id)
    assert sink.checked == len(events) == engine.state.events
    assert seqs(store.path, session_id) == list(range(1, len(events) + 1))
    assert store.load(session_id) == engine.state
    sink.other.close()


def test_a_rejected_command_writes_nothing(store: Store) -> None:
    engine = small_round(store)
    session_id = factory.session_id(engine)
    count = len(seqs(store.path, session_id))
    before = copy.deepcopy(engine.state)
    with pytest.raises(ValueError):  # RuleError: revealing before anyone voted
        engine.reveal(0)
    assert len(seqs(store.path, session_id)) == count
    assert engine.state == before


# --- crash and resume -----------------------------------------------------------------------

WRITER = r'''
import json, sys
from pathlib import Path
from dilemmaspel.store import Store
from tests import sessionfactory as f

store = Store(Path(sys.argv[1]))
engine = f.engine_for(store)

def done(text=""):
    print(json.dumps([engine.state.events, f.session_id(engine), text]), flush=True)

f.start(engine); done()
for person in f.ROSTER[:5]:
    engine.add_participant(person); done()
engine.form_groups(count=1); done()
rnd = engine.deal(0, [f.deck()]); done()
for pid in list(engine.state.groups[0]):
    engine.vote(rnd.number, pid, "B", "Omdat het zo hoort."); done()
engine.reveal(rnd.number); done()
engine.start_deliberation(rnd.number); done()
i = 0
while True:
    i += 1
    text = f"notitie {i}: " + "x" * (i % 50)
    engine.save_note(rnd.number, i % 7, text); done(text)
'''


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["DILEMMASPEL_HOME"] = str(data)
    return env


def _spawn(code: str, data: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, str(data), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env(data),
    )


def _go(procs: list[subprocess.Popen[str]]) -> None:
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()


def finish_from_anywhere(engine: Engine) -> None:
    """Carry a session on from whatever point it was interrupted at, to the end."""
    state = engine.state
    for person in factory.ROSTER[len(state.participants):5]:
        engine.add_participant(person, group=0 if state.groups else None)
    if not state.groups:
        engine.form_groups(count=1)
    rnd = state.rounds[0] if state.rounds else engine.deal(0, [factory.deck()])
    while (pid := state.next_voter(rnd)) is not None:
        engine.vote(rnd.number, pid, "A", "na de herstart")
    if rnd.phase == "voting":
        engine.reveal(rnd.number)
    if not rnd.deliberating:
        engine.start_deliberation(rnd.number)
    engine.save_note(rnd.number, 6, "verder na de crash")
    engine.conclude(rnd.number, "Hervat en afgerond.")
    engine.close_round(rnd.number)
    engine.finish()


@can_kill
@pytest.mark.parametrize("lines", [1, 4, 9, 13, 40, 150])
def test_kill_and_resume(lines: int, tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = _spawn(WRITER, data)
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    printed: list[tuple[int, str, str]] = []
    try:
        assert proc.stdout is not None
        for _ in range(lines):
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else "writer died"
            seq, session_id, text = json.loads(line)
            printed.append((seq, session_id, text))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        watchdog.cancel()
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert proc.returncode == -signal.SIGKILL
    session_id = printed[0][1]
    assert [seq for seq, _, _ in printed] == list(range(1, lines + 1))

    with Store(data) as opened:
        assert opened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        events = opened.events(session_id)
        assert len(events) >= lines  # every printed event, perhaps one more committed before the kill
        assert seqs(opened.path, session_id) == list(range(1, len(events) + 1))
        for seq, _, text in printed:
            if text:
                event = events[seq - 1]
                assert isinstance(event, StepNoteSaved) and event.text == text
        assert isinstance(events[0], SessionStarted)
        state = opened.load(session_id)
        assert state.events == len(events)

        engine = Engine(StoreSink(opened, session_id), state=state, clock=factory.fixed_clock)
        finish_from_anywhere(engine)
        resumed = opened.load(session_id)
        assert resumed == engine.state
        assert resumed.finished and resumed.rounds[0].phase == "closed"
        [summary] = opened.sessions()
        assert (summary.status, summary.rounds, summary.closed_rounds) == ("finished", 1, 1)


# --- several writers ------------------------------------------------------------------------

APPENDER = r"""
import sys
from pathlib import Path
from dilemmaspel.core.events import StepNoteSaved
from dilemmaspel.store import SessionConflict, Store
from tests import sessionfactory as f

data, shared, tag, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = Store(data)
own = f.engine_for(store)
f.start(own)
f.add_people(own, f.ROSTER[:2])
own.form_groups(count=1)
own.deal(0, [f.deck()])
own.vote(0, own.state.groups[0][0], "A")
own.vote(0, own.state.groups[0][1], "B")
own.reveal(0)
own.start_deliberation(0)
print(f.session_id(own), flush=True)
sys.stdin.readline()
known = store.last_seq(shared)
conflicts = 0
for i in range(count):
    while True:  # a writer that re-reads after a refusal, as event store clients do
        try:
            known = store.append(shared, StepNoteSaved(round=0, step=i % 7, text=f"{tag}-{i}"), expected=known)
            break
        except SessionConflict:
            conflicts += 1
            known = store.last_seq(shared)
    own.save_note(0, i % 7, f"{tag}-{i}")
print("done", conflicts, flush=True)
"""


def test_two_processes_that_retry_after_a_conflict_lose_nothing(store: Store) -> None:
    count = 150
    engine = small_round(store, people=2)
    for pid in engine.state.groups[0]:
        engine.vote(0, pid, "A")
    engine.reveal(0)
    engine.start_deliberation(0)
    shared = factory.session_id(engine)
    setup = engine.state.events
    data = store.path.parent

    procs = [_spawn(APPENDER, data, shared, tag, str(count)) for tag in ("a", "b")]
    own: dict[str, str] = {}
    for tag, proc in zip(("a", "b"), procs):
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line, proc.stderr.read() if proc.stderr else ""
        own[tag] = line
    _go(procs)
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip().startswith("done")

    events = store.events(shared)
    assert len(events) == setup + 2 * count
    assert seqs(store.path, shared) == list(range(1, setup + 2 * count + 1))
    notes = [e.text for e in events[setup:] if isinstance(e, StepNoteSaved)]
    for tag in ("a", "b"):
        assert [n for n in notes if n.startswith(f"{tag}-")] == [f"{tag}-{i}" for i in range(count)]
    assert store.read(shared).damage is None
    for tag, session_id in own.items():
        mine = store.events(session_id)
        assert seqs(store.path, session_id) == list(range(1, len(mine) + 1))
        assert [e.text for e in mine if isinstance(e, StepNoteSaved)] == [f"{tag}-{i}" for i in range(count)]
        assert store.load(session_id).rounds[0].notes[(count - 1) % 7] == f"{tag}-{count - 1}"
    assert len(store.sessions()) == 3


def test_two_threads_sharing_one_store_take_turns(store: Store) -> None:
    engine = small_round(store, people=1)
    engine.vote(0, engine.state.groups[0][0], "A")
    engine.reveal(0)
    engine.start_deliberation(0)
    session_id = factory.session_id(engine)
    setup = engine.state.events
    count = 300
    errors: list[str] = []
    conflicts = [0, 0]
    barrier = threading.Barrier(2)

    def work(index: int, tag: str) -> None:
        barrier.wait()
        known = store.last_seq(session_id)
        for i in range(count):
            while True:
                try:
                    known = store.append(session_id, StepNoteSaved(round=0, step=0, text=f"{tag}-{i}"), expected=known)
                    break
                except SessionConflict:
                    conflicts[index] += 1
                    known = store.last_seq(session_id)
                except StoreError as exc:
                    errors.append(str(exc))
                    return

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(index, tag)) for index, tag in enumerate("ab")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(old)
    assert errors == []
    assert seqs(store.path, session_id) == list(range(1, setup + 1 + 2 * count))
    assert store.read(session_id).damage is None
    texts = [e.text for e in store.events(session_id)[setup:]]  # type: ignore[attr-defined]
    for tag in "ab":
        assert [x for x in texts if x.startswith(tag)] == [f"{tag}-{i}" for i in range(count)]


# --- write failures -------------------------------------------------------------------------


class FailingConnection:
    """Wraps the store's connection; statements matching ``fail_on`` raise like a full disk."""

    def __init__(self, real: sqlite3.Connection, fail_on: str = "INSERT INTO events") -> None:
        self.real = real
        self.fail_on = fail_on
        self.failures = 0

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().startswith(self.fail_on):
            self.failures += 1
            raise sqlite3.OperationalError("database or disk is full")
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _commands(engine: Engine) -> list[tuple[str, Any]]:
    first, second, third = engine.state.groups[0][:3]
    return [
        ("vote", lambda: engine.vote(0, first, "A", "Ik stem mee.")),
        ("add participant", lambda: engine.add_participant(Participant(name="Laatkomer", side="none"), group=0)),
        ("absent", lambda: engine.set_absent(third, True)),
        ("other vote", lambda: engine.vote(0, second, "other", "eigen weg", other="Ik vraag het de griffier")),
    ]


@pytest.mark.parametrize("index", range(4), ids=["vote", "add-participant", "absent", "other-vote"])
def test_a_failed_commit_leaves_the_engine_unchanged(index: int, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = small_round(store)
    session_id = factory.session_id(engine)
    for _, command in _commands(engine)[:index]:
        command()
    name, command = _commands(engine)[index]
    before = copy.deepcopy(engine.state)
    committed = seqs(store.path, session_id)

    failing = FailingConnection(store.db)
    monkeypatch.setattr(store, "db", failing)
    with pytest.raises(StoreError, match="full"):
        command()
    assert failing.failures == 1
    assert engine.state == before, name
    assert seqs(store.path, session_id) == committed
    assert not store.db.in_transaction

    monkeypatch.undo()
    command()
    assert engine.state.events == before.events + 1
    assert seqs(store.path, session_id) == committed + [len(committed) + 1]
    assert store.load(session_id) == engine.state


def test_a_failed_start_creates_no_session(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = factory.engine_for(store)
    monkeypatch.setattr(store, "db", FailingConnection(store.db, fail_on="INSERT INTO sessions"))
    with pytest.raises(StoreError):
        factory.start(engine)
    assert engine.state == SessionState()
    assert engine.sink.session_id is None  # type: ignore[attr-defined]
    monkeypatch.undo()
    assert store.sessions() == []
    factory.start(engine)
    assert [s.id for s in store.sessions()] == [factory.session_id(engine)]


def _fill_to_the_brim(store: Store) -> None:
    """Let SQLite itself report a full disk: no page may be added to the database any more."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_really_full_database_leaves_the_engine_unchanged(store: Store) -> None:
    engine = small_round(store)
    session_id = factory.session_id(engine)
    pid = engine.state.groups[0][0]
    before = copy.deepcopy(engine.state)
    _fill_to_the_brim(store)
    long_reasoning = "Een lange toelichting die niet meer past. " * 400
    with pytest.raises(StoreError):
        engine.vote(0, pid, "B", long_reasoning)
    assert engine.state == before
    assert len(seqs(store.path, session_id)) == before.events
    store.db.execute("PRAGMA max_page_count = 1073741823")
    engine.vote(0, pid, "B", long_reasoning)
    assert store.load(session_id).rounds[0].votes[pid].reasoning == long_reasoning


def test_a_full_database_is_reported_as_full(store: Store) -> None:
    engine = small_round(store)
    _fill_to_the_brim(store)
    with pytest.raises(StoreError, match="full"):
        engine.vote(0, engine.state.groups[0][0], "B", "Een lange toelichting. " * 800)


def test_a_read_only_database_leaves_the_engine_unchanged(store: Store) -> None:
    engine = small_round(store)
    session_id = factory.session_id(engine)
    before = copy.deepcopy(engine.state)
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="readonly"):
        engine.vote(0, engine.state.groups[0][0], "C", "")
    assert engine.state == before
    store.db.execute("PRAGMA query_only = OFF")
    engine.vote(0, engine.state.groups[0][0], "C", "")
    assert seqs(store.path, session_id) == list(range(1, before.events + 2))


def test_a_session_must_start_with_session_started(store: Store) -> None:
    sink = StoreSink(store)
    with pytest.raises(StoreError):
        sink.append(StepNoteSaved(round=0, step=0, text="te vroeg"))
    assert store.sessions() == []


def test_appending_to_an_unknown_session_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.append("bestaatniet", StepNoteSaved(round=0, step=0, text="x"), expected=0)


# --- queries --------------------------------------------------------------------------------


def test_sessions_summaries(store: Store) -> None:
    assert store.sessions() == []
    done_id = factory.realistic_session(store)
    engine = small_round(store, people=4)
    running_id = factory.session_id(engine)
    summaries = {s.id: s for s in store.sessions()}
    assert set(summaries) == {done_id, running_id}
    done, running = summaries[done_id], summaries[running_id]
    assert (done.mode, done.title, done.decks, done.status) == ("group", "Integriteitsavond gemeenteraad Zandvliet", "mini3", "finished")
    assert (done.groups, done.rounds, done.closed_rounds, done.participants) == (2, 3, 3, 9)
    assert done.created_at == factory.FIXED_NOW
    assert (running.status, running.groups, running.rounds, running.closed_rounds, running.participants) == ("active", 1, 1, 0, 4)
    assert [s.id for s in store.sessions("finished")] == [done_id]
    assert [s.id for s in store.sessions("active")] == [running_id]


def test_status_goes_from_active_to_finished(store: Store) -> None:
    engine = small_round(store, people=2)
    session_id = factory.session_id(engine)
    [summary] = store.sessions()
    assert summary.status == "active"
    for pid in engine.state.groups[0]:
        engine.vote(0, pid, "A")
    engine.reveal(0)
    engine.close_round(0)
    [summary] = store.sessions()
    assert (summary.status, summary.closed_rounds) == ("active", 1)
    engine.finish()
    [summary] = store.sessions()
    assert (summary.id, summary.status) == (session_id, "finished")


def test_sessions_are_listed_newest_first(store: Store) -> None:
    today = store.db.execute("SELECT date('now')").fetchone()[0]
    factory.start(factory.engine_for(store, clock=lambda: f"{today}T00:00:00+00:00"), title="vroeg")
    later = factory.start(factory.engine_for(store, clock=lambda: f"{today}T00:00:01+00:00"), title="later")
    later.add_participant(Participant(name="Iemand"))
    assert [s.title for s in store.sessions()] == ["later", "vroeg"]


def test_resolve_by_prefix(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = iter(["abc123000001", "abc123000002", "ffe000000003"])
    monkeypatch.setattr(store_module.uuid, "uuid4", lambda: uuid.UUID(next(ids).ljust(32, "0")))
    for _ in range(3):
        factory.start(factory.engine_for(store))
    assert store.resolve("abc123000001") == "abc123000001"
    assert store.resolve("abc1230000") is None  # ambiguous
    assert store.resolve("ffe") == "ffe000000003"
    assert store.resolve("f") == "ffe000000003"
    assert store.resolve("0") is None
    assert store.resolve("abc123000001x") is None


@pytest.mark.parametrize("prefix", ["%", "_", ""])
def test_resolve_takes_the_prefix_literally(prefix: str, store: Store) -> None:
    factory.start(factory.engine_for(store))
    assert store.resolve(prefix) is None


def test_load_unknown_session(store: Store) -> None:
    with pytest.raises(KeyError):
        store.load("bestaatniet")
    assert not store.exists("bestaatniet")


def test_card_history(store: Store) -> None:
    from dilemmaspel.core.history import card_history

    def played(day: str, card_rounds: int, mode: str = "group") -> str:
        engine = factory.start(factory.engine_for(store, clock=lambda: f"2026-03-{day}T19:00:00+00:00"), mode=mode)
        factory.add_people(engine, factory.ROSTER[:2] if mode != "solo" else factory.ROSTER[:1])
        engine.form_groups(count=1)
        for _ in range(card_rounds):
            factory.play_simple_round(engine, 0)
        return factory.session_id(engine)

    third = played("20", 1)
    first = played("01", 3)
    second = played("10", 2)
    none = played("05", 0)
    solo = played("06", 2, mode="solo")
    unrevealed = small_round(store, people=2)  # voted, never revealed: not counted
    unrevealed.vote(0, unrevealed.state.groups[0][0], "C")
    ids = [first, second, third, none, solo, factory.session_id(unrevealed)]
    states = {sid: store.load(sid) for sid in ids}
    for card in ("sponsor", "kerstpakket", "geheim-stuk", "bestaat-niet"):
        assert store.card_history(card) == card_history(states.values(), card), card
        for left_out in ids:
            others = [state for sid, state in states.items() if sid != left_out]
            assert store.card_history(card, exclude_session=left_out) == card_history(others, card), (card, left_out)
    sponsor = store.card_history("sponsor")
    assert (sponsor.sessions, sponsor.rounds, sponsor.votes) == (3, 3, 6)
    assert sponsor.tally == {"A": 3, "B": 3}
    assert store.card_history("bestaat-niet").votes == 0


def test_practised_cards(store: Store) -> None:
    def solo(name: str, vote_rounds: int, dealt_only: int = 0) -> None:
        engine = factory.start(factory.engine_for(store), mode="solo", cards=3, method=None)
        [pid] = factory.add_people(engine, [Participant(name=name)])
        engine.form_groups(count=1)
        for _ in range(vote_rounds):
            rnd = engine.deal(0, [factory.deck()], practised=store.practised_cards(name))
            engine.vote(rnd.number, pid, "A")
            engine.reveal(rnd.number)
            engine.close_round(rnd.number)
        for _ in range(dealt_only):
            engine.deal(0, [factory.deck()])

    assert store.practised_cards("Wim Ödegaard") == set()
    solo("Wim Ödegaard", 1)
    first = store.practised_cards("Wim Ödegaard")
    assert len(first) == 1
    solo("wim  odegaard", 1, dealt_only=1)  # same person: case, accents, spacing do not matter
    second = store.practised_cards("WIM ODEGAARD")
    assert len(second) == 2 and first < second  # the second session preferred an unpractised card
    solo("Iemand Anders", 2)
    assert store.practised_cards("Wim Ödegaard") == second
    factory.realistic_session(store)  # group sessions do not count as practice
    assert store.practised_cards("Kees de Boer") == set()


def test_delete_session_removes_it_and_its_events(store: Store) -> None:
    keep = factory.realistic_session(store)
    gone = factory.realistic_session(store)
    kept_events = len(store.events(keep))
    assert store.delete_session(gone).existed is True
    assert not store.exists(gone)
    assert store.events(gone) == []
    with peek(store.path) as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE session_id = ?", (gone,)).fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM sessions WHERE id = ?", (gone,)).fetchone()[0] == 0
    assert [s.id for s in store.sessions()] == [keep]
    assert len(store.events(keep)) == kept_events
    assert store.delete_session(gone).existed is False
    from dilemmaspel.core.history import card_history

    for card in ("sponsor", "kerstpakket", "geheim-stuk"):
        assert store.card_history(card) == card_history([store.load(keep)], card)


def _without_secure_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate an SQLite build whose default is secure_delete=OFF (the stock default)."""
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = real(*args, **kwargs)
        db.execute("PRAGMA secure_delete = OFF")
        return db

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)


def test_forgetting_leaves_no_trace_in_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _without_secure_delete(monkeypatch)
    data = tmp_path / "data"
    with Store(data) as opened:
        keep = factory.start(factory.engine_for(opened), title="blijft")
        engine = small_round(opened, people=3)
        for pid in engine.state.groups[0]:
            engine.vote(0, pid, "A", "GEHEIME-TOELICHTING-" + "z" * 200)
        opened.delete_session(factory.session_id(engine))
        assert keep.state.started
    raw = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    assert b"GEHEIME-TOELICHTING" not in raw
    assert "Jan [/] de Vries".encode() not in raw


def test_the_store_overwrites_what_it_deletes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data) as opened:
        assert opened.db.execute("PRAGMA secure_delete").fetchone()[0] == 1
        engine = small_round(opened, people=3)
        for pid in engine.state.groups[0]:
            engine.vote(0, pid, "A", "GEHEIME-TOELICHTING-" + "z" * 200)
        opened.delete_session(factory.session_id(engine))
    raw = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    assert b"GEHEIME-TOELICHTING" not in raw
