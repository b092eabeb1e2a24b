"""One session, one writer: the sequence check refuses a stale writer, leases tell a second
window at once, and a dead owner's lease (``kill -9``) is taken over so resume still works."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dilemmaspel import leases
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import PresenceChanged, StepNoteSaved
from dilemmaspel.core.session import replay_checked
from dilemmaspel.i18n import t
from dilemmaspel.store import DB_NAME, SessionConflict, Store, StoreError, StoreSink
from dilemmaspel.tui.context import Live
from tests import sessionfactory as factory
from tests.conftest import ROOT

can_kill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def voting_session(store: Store, people: int = 9) -> str:
    """A group session of ``people`` in one group with a card dealt; nobody has voted."""
    engine = factory.start(factory.engine_for(store))
    factory.add_people(engine, factory.ROSTER[:people])
    engine.form_groups(count=1)
    engine.deal(0, [factory.deck()])
    return factory.session_id(engine)


def resumed(store: Store, session_id: str) -> Engine:
    """An engine on a stored session, as a second program would open it (no lease asked)."""
    stored = store.read(session_id)
    return Engine(StoreSink(store, session_id, stored.last_seq), stored.state, clock=factory.fixed_clock)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env())


def _close(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


# --- the reproduction from the issue ---------------------------------------------------------

VOTER = r"""
import json, sys
from pathlib import Path
from dilemmaspel.core.engine import Engine
from dilemmaspel.store import SessionConflict, Store, StoreSink

data, shared, choice = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
store = Store(data)
stored = store.read(shared)
engine = Engine(StoreSink(store, shared, stored.last_seq), stored.state)
print("ready", flush=True)
sys.stdin.readline()
voted = 0
try:
    rnd = engine.state.rounds[0]
    while (pid := engine.state.next_voter(rnd)) is not None:
        engine.vote(0, pid, choice, f"stem uit venster {choice}")
        voted += 1
    engine.reveal(0)
except SessionConflict as exc:
    again = None
    try:
        engine.set_absent(engine.state.groups[0][0], True)
    except SessionConflict as later:
        again = later.key
    print(json.dumps({"conflict": exc.key, "again": again, "voted": voted, "events": engine.state.events,
                      "votes_in_state": len(engine.state.rounds[0].votes)}), flush=True)
    sys.exit(0)
print(json.dumps({"done": True, "voted": voted, "events": engine.state.events}), flush=True)
"""


def test_two_processes_on_one_session_never_both_write(tmp_path: Path) -> None:
    """Two programs resume one session and let everyone vote: one writes, the other is refused
    with a clear error and its state stays as it was; the stream has no duplicate votes."""
    data = tmp_path / "data"
    with Store(data) as store:
        shared = voting_session(store)
        setup = store.last_seq(shared)
    procs = [_spawn(VOTER, str(data), shared, choice) for choice in ("A", "B")]
    try:
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            results.append(json.loads(out))
    finally:
        for proc in procs:
            _close(proc)
    winners = [r for r in results if r.get("done")]
    losers = [r for r in results if "conflict" in r]
    assert len(winners) == 1 and len(losers) == 1, results
    loser = losers[0]
    assert loser["conflict"] in ("store.conflict", "store.open_elsewhere")
    assert loser["again"] == loser["conflict"]  # refused from then on, without touching the database
    assert loser["events"] == setup + loser["voted"]  # its own state holds only what it committed
    assert loser["votes_in_state"] == loser["voted"]
    with Store(data) as store:
        stored = store.read(shared)
        assert stored.damage is None
        rnd = stored.state.rounds[0]
        assert rnd.phase == "revealed" and len(rnd.votes) == 9
        votes = [e for e in stored.events if e.type == "vote_cast"]
        assert len(votes) == len({(e.pid, e.phase) for e in votes}) == 9  # type: ignore[union-attr]
        assert replay_checked(store.events(shared)).broken is None


def test_a_stale_writer_is_refused_and_its_state_stays(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=3)
        first, second = resumed(store, session_id), resumed(store, session_id)
        pids = first.state.groups[0]
        first.vote(0, pids[0], "A", "eerst")
        before = copy.deepcopy(second.state)
        with pytest.raises(SessionConflict) as refused:
            second.vote(0, pids[0], "B", "te laat")
        assert refused.value.key == "store.conflict"
        assert second.state == before
        with pytest.raises(SessionConflict):
            second.vote(0, pids[1], "B", "ook te laat")  # the sink stays refused
        assert second.state == before
        assert [v.choice for v in store.load(session_id).rounds[0].votes.values()] == ["A"]
        # The fresh writer is not disturbed.
        first.vote(0, pids[1], "C")
        assert len(store.load(session_id).rounds[0].votes) == 2


def test_append_checks_the_expected_sequence_number_in_its_transaction(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=2)
        last = store.last_seq(session_id)
        pid = store.load(session_id).groups[0][0]
        assert store.append(session_id, PresenceChanged(pid=pid, absent=True), expected=last) == last + 1
        for stale in (last, last - 3, last + 5, 0):
            with pytest.raises(SessionConflict):
                store.append(session_id, PresenceChanged(pid=pid, absent=False), expected=stale)
        assert store.last_seq(session_id) == last + 1
        with sqlite3.connect(store.path) as db:
            assert db.execute("SELECT max(seq), count(*) FROM events WHERE session_id = ?", (session_id,)).fetchone() == (last + 1, last + 1)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_conflict_messages_are_in_the_catalogs(lang: str) -> None:
    for key, params in [("store.conflict", {}), ("store.open_elsewhere", {"pid": 4242, "host": "laptop"}),
                        ("store.gone", {"session": "abc"})]:
        text = str(SessionConflict(key=key, **params)) if lang == "nl" else t(key, lang="en", **params)
        assert text and text != key and "{" not in text
        assert isinstance(SessionConflict(key=key, **params), StoreError)
    assert "4242" in t("store.open_elsewhere", lang=lang, pid=4242, host="laptop")


def test_a_deleted_session_refuses_its_writer(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=2)
        engine = resumed(store, session_id)
        store.delete_session(session_id)
        with pytest.raises(SessionConflict) as refused:
            engine.set_absent(engine.state.groups[0][0], True)
        assert refused.value.key == "store.gone"
        assert not store.exists(session_id)


# --- leases ---------------------------------------------------------------------------------


def test_a_second_store_sees_the_first_holding_the_session(tmp_path: Path) -> None:
    with Store(tmp_path) as first:
        session_id = voting_session(first, people=2)  # creating it took the lease
        with Store(tmp_path) as second:
            holder = second.acquire(session_id)
            assert holder is not None and holder.pid == os.getpid() and holder.host == leases.HOST
            live = Live.resume(second, session_id, [factory.deck()])
            assert isinstance(live.read_only, SessionConflict) and live.read_only.key == "store.open_elsewhere"
            assert str(os.getpid()) in str(live.read_only)
            with pytest.raises(SessionConflict):
                live.engine.set_absent(live.state.groups[0][0], True)
            # A sink that ignores the lease question still meets the lease on append.
            with pytest.raises(SessionConflict) as refused:
                resumed(second, session_id).set_absent(live.state.groups[0][0], True)
            assert refused.value.key == "store.open_elsewhere"
        assert first.holder(session_id) is None
    with Store(tmp_path) as third:  # the first window is closed: its lease went with it
        assert third.acquire(session_id) is None
        assert Live.resume(third, session_id, [factory.deck()]).read_only is None


def test_opening_another_session_lets_go_of_the_first(tmp_path: Path) -> None:
    with Store(tmp_path) as window, Store(tmp_path) as other:
        one = voting_session(window, people=2)
        two = voting_session(window, people=2)  # a new session in the same window
        assert other.acquire(one) is None
        assert other.acquire(two) is not None
        window.release()
        assert other.acquire(two) is None


HOLDER = r"""
import sys, time
from pathlib import Path
from dilemmaspel.store import Store
store = Store(Path(sys.argv[1]))
print("held" if store.acquire(sys.argv[2]) is None else "refused", flush=True)
time.sleep(600)
"""


@can_kill
def test_the_lease_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data) as store:
        session_id = voting_session(store, people=2)
    proc = _spawn(HOLDER, str(data), session_id)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "held", proc.stderr.read() if proc.stderr else ""
        with Store(data) as window:
            holder = window.acquire(session_id)
            assert holder is not None and holder.pid == proc.pid
            assert Live.resume(window, session_id, [factory.deck()]).read_only is not None
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            live = Live.resume(window, session_id, [factory.deck()])
            assert live.read_only is None
            live.engine.vote(0, live.state.groups[0][0], "A", "na de crash")
            assert len(window.load(session_id).rounds[0].votes) == 1
    finally:
        _close(proc)


def test_a_heartbeat_keeps_the_lease_and_a_stale_one_frees_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where liveness of a process cannot be checked (or on another host), the heartbeat decides."""
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=2)
        store.release()

        def lease(pid: int, host: str, beat: float) -> None:
            with sqlite3.connect(store.path) as db:
                db.execute("INSERT OR REPLACE INTO leases VALUES (?, 'someone-else', ?, ?, '2026-03-14', ?)",
                           (session_id, pid, host, beat))

        monkeypatch.setattr(leases, "pid_alive", lambda pid: None)
        lease(999_999, leases.HOST, time.time())
        assert store.holder(session_id) is not None
        lease(999_999, leases.HOST, time.time() - leases.TTL - 1)
        assert store.holder(session_id) is None
        lease(1, "andere-laptop", time.time())
        assert store.holder(session_id) is not None
        lease(1, "andere-laptop", time.time() - leases.TTL - 1)
        assert store.acquire(session_id) is None
        monkeypatch.undo()
        # With process checks: a fresh heartbeat of a process that no longer exists frees it too.
        lease(_dead_pid(), leases.HOST, time.time())
        assert store.holder(session_id) is None


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_heartbeat_refreshes_a_held_lease(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leases, "HEARTBEAT", 0.01)
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=2)
        with sqlite3.connect(store.path) as db:
            db.execute("UPDATE leases SET heartbeat = 0")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with sqlite3.connect(store.path) as db:
                if db.execute("SELECT heartbeat FROM leases WHERE session_id = ?", (session_id,)).fetchone()[0] > 0:
                    break
            time.sleep(0.01)
        else:
            raise AssertionError("no heartbeat")


def test_liveness_checks_never_kill_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.kill(pid, 0)`` terminates a process on Windows; there the check must not call it."""
    calls: list[int] = []
    monkeypatch.setattr(leases.os, "kill", lambda pid, sig: calls.append(pid))
    monkeypatch.setattr(leases.os, "name", "nt")
    assert leases.pid_alive(12345) in (None, True, False)
    assert calls == []
    monkeypatch.setattr(leases.os, "name", "java")
    assert leases.pid_alive(12345) is None


def test_threads_of_one_store_share_its_lease(tmp_path: Path) -> None:
    """The room server and the TUI share one store (one window): both may write."""
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=2)
        engine = resumed(store, session_id)
        pids = engine.state.groups[0]
        done = threading.Event()

        def vote() -> None:
            engine.vote(0, pids[0], "A")
            done.set()

        thread = threading.Thread(target=vote)
        thread.start()
        thread.join()
        assert done.is_set()
        engine.vote(0, pids[1], "B")
        assert len(store.load(session_id).rounds[0].votes) == 2
        with sqlite3.connect(tmp_path / DB_NAME) as db:
            assert db.execute("SELECT owner FROM leases").fetchall() == [(store.owner,)]


def test_step_notes_from_a_stale_copy_are_refused(tmp_path: Path) -> None:
    """A second engine built from an older load never overwrites what the first one wrote."""
    with Store(tmp_path) as store:
        session_id = voting_session(store, people=1)
        engine = resumed(store, session_id)
        pid = engine.state.groups[0][0]
        engine.vote(0, pid, "A")
        engine.reveal(0)
        engine.start_deliberation(0)
        old = resumed(store, session_id)
        engine.save_note(0, 0, "de echte aantekening")
        with pytest.raises(SessionConflict):
            old.save_note(0, 0, "een oude kopie")
        assert [e.text for e in store.events(session_id) if isinstance(e, StepNoteSaved)] == ["de echte aantekening"]
