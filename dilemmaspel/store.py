"""SQLite persistence: sessions as append-only event lists, one transaction per event.

The database lives in the data dir, is readable by its owner only, runs in WAL mode and may be
shared by several processes at once. A session has one writer: an append commits only if the
session's last sequence number is still the one the writer knows (optimistic concurrency,
checked in the same transaction), and a lease tells a second window at once that the session
is open elsewhere (``dilemmaspel.leases``). Read models for the session list and the card
history are kept in the same transaction as each event (``dilemmaspel.readmodels``). A session
is resumed by replaying its events through the rules; a stream that breaks them is reported
with its first bad event and stays readable up to there. A database or data dir that cannot
be written is opened read-only: listing and exporting still work.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Any, NamedTuple

from dilemmaspel import leases, readmodels
from dilemmaspel.i18n import t
from dilemmaspel.leases import LeaseHolder
from dilemmaspel.paths import ensure_private_dir, restrict, writable

if TYPE_CHECKING:  # the domain (and pydantic) is imported when first needed: a fast start screen
    from dilemmaspel.core.events import Event, SessionStarted
    from dilemmaspel.core.history import CardHistory
    from dilemmaspel.core.session import SessionState

DB_NAME = "dilemmaspel.sqlite3"
SCHEMA_VERSION = 2

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        mode TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        decks TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active'
    );
    CREATE TABLE events (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        card_id TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    CREATE INDEX events_card ON events(card_id) WHERE card_id IS NOT NULL;
    """,
    2: readmodels.SCHEMA + """
    CREATE TABLE leases (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        since TEXT NOT NULL,
        heartbeat REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE pending_wipes (session_id TEXT PRIMARY KEY, forgotten_at TEXT NOT NULL) WITHOUT ROWID;
    """,
}


def _now() -> str:
    """UTC time in the one format every timestamp in the database uses."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class StoreError(Exception):
    """The database could not be opened or written (disk full, read-only, locked, corrupt).

    Errors the app itself raises carry a catalog ``key`` and its ``params``; ``str()`` gives the
    message in the current language.
    """

    def __init__(self, message: str = "", *, key: str | None = None, **params: Any) -> None:
        super().__init__(message or key or "")
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return t(self.key, **self.params) if self.key else super().__str__()


class SessionConflict(StoreError):
    """Another writer has the session: it moved on since this writer last saw it, it is open in
    another live window, or it was deleted. Nothing was written."""


@dataclass(frozen=True)
class Damage:
    """The first stored event of a session that cannot be read or that the rules refuse."""

    seq: int
    type: str
    key: str  # catalog key of the reason
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def reason(self, lang: str | None = None) -> str:
        return t(self.key, lang=lang, **self.params)

    def message(self, session_id: str, lang: str | None = None) -> str:
        return t("store.damaged", lang=lang, session=session_id, seq=self.seq, type=self.type, reason=self.reason(lang))

    def to_json(self) -> str:
        return json.dumps({"seq": self.seq, "type": self.type, "key": self.key, "params": self.params}, default=str)

    @classmethod
    def from_json(cls, text: str) -> "Damage | None":
        try:
            value = json.loads(text) if text else None
            return cls(int(value["seq"]), str(value["type"]), str(value["key"]), dict(value.get("params") or {}))
        except (ValueError, TypeError, KeyError):
            return None


class DamagedSession(StoreError):
    """A session whose stored events break the rules; ``stored`` holds what is usable."""

    def __init__(self, stored: "StoredSession") -> None:
        damage = stored.damage
        assert damage is not None
        super().__init__(key="store.damaged", session=stored.id, seq=damage.seq, type=damage.type, reason=damage.reason())
        self.stored = stored


@dataclass
class StoredSession:
    """A session as read back: the events that pass the rules, their state, and any damage."""

    id: str
    events: list[Event]
    seqs: list[int]  # the stored sequence number of each of those events
    state: SessionState
    last_seq: int  # the sequence number of the last stored event (a writer appends after it)
    damage: Damage | None = None


class SessionSummary(NamedTuple):
    """One line of the session list. (A NamedTuple, like the other small records read before the
    first frame: a frozen dataclass costs half a millisecond to define at start-up.)"""

    id: str
    created_at: str
    updated_at: str
    mode: str
    title: str
    decks: str
    status: str
    groups: int
    rounds: int
    closed_rounds: int
    participants: int
    damage: Damage | None = None


class Forgotten(NamedTuple):
    """What forgetting a session achieved."""

    existed: bool
    wiped: bool  # no copy is left in the write-ahead log either


def _is_read_only_error(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


class Store:
    """The SQLite database of one data dir."""

    checkpoint_wait_ms = 1000
    """How long a checkpoint waits for another connection's read to end before it reports busy."""

    def __init__(self, data_dir: Path) -> None:
        self._lock = threading.RLock()
        self.owner = uuid.uuid4().hex  # this store's lease token: one per window
        self.read_only = False
        self._stop = threading.Event()
        self._keeper: threading.Thread | None = None
        try:
            folder = ensure_private_dir(Path(data_dir))
            self.path = folder / DB_NAME
            if writable(folder) and (not self.path.exists() or writable(self.path)):
                try:
                    self._open_writable()
                except sqlite3.OperationalError as exc:
                    if not _is_read_only_error(exc):
                        raise
                    if getattr(self, "db", None) is not None:
                        self.db.close()
                    self._open_read_only()
            else:
                self._open_read_only()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(getattr(exc, "strerror", None) or str(exc)) from exc
        leases.LIVE_OWNERS.add(self.owner)
        self.wiped: list[str] = []  # forgotten sessions whose last copies this store removed
        if not self.read_only and self._pending_wipes():
            self.wipe_pending()  # finish a forget that another window held up

    def _open_writable(self) -> None:
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        restrict(self.path)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA busy_timeout = 30000")
        self._set_wal()
        # FULL: a committed vote survives a power cut too, not only a killed process.
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("PRAGMA foreign_keys = ON")
        # Deleted sessions are overwritten, not left readable in free pages.
        self.db.execute("PRAGMA secure_delete = ON")
        self._migrate()

    def _open_read_only(self) -> None:
        """Open for reading only (``mode=ro``); an older schema is migrated in a copy in memory."""
        if not self.path.exists():
            self.db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
            try:
                self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL database in a folder we cannot write: without a -wal file nothing is
                # pending, so the file alone is the whole database.
                self.db.close()
                wal = self.path.with_name(self.path.name + "-wal")
                if wal.exists() and wal.stat().st_size:
                    raise
                self.db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)
                self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self.db.execute("PRAGMA busy_timeout = 30000")
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"database schema {version} is newer than this app ({SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            if self.path.exists():
                self.db.backup(memory)
            self.db.close()
            self.db = memory
            self._migrate()
        self.read_only = True

    def _set_wal(self) -> None:
        """Switch to WAL; another process creating the same new database may hold it briefly."""
        deadline = time.monotonic() + 30
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def close(self) -> None:
        self.release()
        leases.LIVE_OWNERS.discard(self.owner)
        with self._lock:
            self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, serialised between threads, errors as StoreError."""
        if self.read_only:
            raise StoreError(key="store.read_only", path=self.path)
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                    self.db.execute("COMMIT")
                except BaseException:
                    # SQLite may already have rolled back (e.g. on a full disk).
                    if self.db.in_transaction:
                        self.db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StoreError(str(exc)) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """A read, serialised with the writes of other threads on this connection."""
        with self._lock:
            try:
                return self.db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(str(exc)) from exc

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"database schema {version} is newer than this app ({SCHEMA_VERSION})")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction() as db:
                if db.execute("PRAGMA user_version").fetchone()[0] < target:
                    for statement in MIGRATIONS[target].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    if target == 2:
                        self._build_read_models()
                    db.execute(f"PRAGMA user_version = {target}")

    def _build_read_models(self) -> None:
        """Fill the read models of a database written before they existed (inside the migration)."""
        sessions = self.db.execute("SELECT id, mode, updated_at, status FROM sessions").fetchall()
        for session_id, mode, updated, status in sessions:
            stored = self._scan(session_id)
            named = stored.state.settings.reveal == "named"
            self.db.execute("UPDATE sessions SET named = ? WHERE id = ?", (named, session_id))
            for seq, event in zip(stored.seqs, stored.events):
                readmodels.project(self.db, session_id, mode, seq, updated, event)
            self.db.execute(
                "UPDATE sessions SET last_seq = ?, updated_at = ?, status = ?, damage = ? WHERE id = ?",
                (stored.last_seq, updated, status, stored.damage.to_json() if stored.damage else "", session_id),
            )

    # --- writing --------------------------------------------------------------------------

    def create_session(self, first: SessionStarted, owner: str | None = None) -> str:
        """Create a session with its first event; returns its id. With ``owner``, that owner
        holds the session's lease from the start."""
        session_id = uuid.uuid4().hex[:12]
        settings = first.settings
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, created_at, updated_at, mode, title, decks, named) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, first.started_at, _now(), first.mode, settings.title, ",".join(settings.decks),
                 settings.reveal == "named"),
            )
            self._insert(session_id, first.mode, 1, first)
            if owner is not None:
                self._claim(session_id, owner, only=True)
        return session_id

    def import_session(self, events: Sequence[Event]) -> str:
        """Store a whole, rule-abiding event stream as a new session in one transaction."""
        from dilemmaspel.core.events import SessionStarted
        from dilemmaspel.core.session import replay_checked

        replayed = replay_checked(events)
        if replayed.broken is not None or not events or not isinstance(events[0], SessionStarted):
            broken = replayed.broken
            damage = Damage(broken.index + 1, broken.type, broken.key, broken.params) if broken else Damage(1, "", "rule.not_started")
            raise StoreError(key="store.damaged", session="-", seq=damage.seq, type=damage.type, reason=damage.reason())
        first = events[0]
        session_id = uuid.uuid4().hex[:12]
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, created_at, updated_at, mode, title, decks, named) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, first.started_at, _now(), first.mode, first.settings.title, ",".join(first.settings.decks),
                 first.settings.reveal == "named"),
            )
            for seq, event in enumerate(events, start=1):
                self._insert(session_id, first.mode, seq, event)
        return session_id

    def append(self, session_id: str, event: Event, *, expected: int, owner: str | None = None) -> int:
        """Commit one event in its own transaction, only if the session's last sequence number
        is still ``expected`` (and, with ``owner``, no other live window holds its lease).
        Returns the new sequence number; raises SessionConflict if another writer came first."""
        with self._transaction() as db:
            row = db.execute("SELECT last_seq, mode FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise SessionConflict(key="store.gone", session=session_id)
            last, mode = row
            if last != expected:
                raise SessionConflict(key="store.conflict", expected=expected, found=last)
            if owner is not None:
                holder = self._claim(session_id, owner)
                if holder is not None:
                    raise SessionConflict(key="store.open_elsewhere", pid=holder.pid, host=holder.host)
            seq = last + 1
            self._insert(session_id, mode, seq, event)
        return seq

    def _insert(self, session_id: str, mode: str, seq: int, event: Event) -> None:
        from dilemmaspel.core.events import event_to_json

        at = _now()
        card_id = event.card.id if event.type == "card_dealt" else None  # type: ignore[union-attr]
        self.db.execute(
            "INSERT INTO events (session_id, seq, at, type, card_id, data) VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, seq, at, event.type, card_id, event_to_json(event)),
        )
        readmodels.project(self.db, session_id, mode, seq, at, event)

    # --- leases: who has a session open ---------------------------------------------------

    def _claim(self, session_id: str, owner: str, only: bool = False) -> LeaseHolder | None:
        """Take or refresh ``owner``'s lease (inside a transaction); the live holder if another has it."""
        row = self.db.execute("SELECT owner, pid, host, since, heartbeat FROM leases WHERE session_id = ?",
                              (session_id,)).fetchone()
        if row is not None and leases.held(row[0], row[1], row[2], row[4], owner):
            return LeaseHolder(row[1], row[2], row[3])
        if row is not None and row[0] == owner:
            self.db.execute("UPDATE leases SET heartbeat = ? WHERE session_id = ?", (time.time(), session_id))
        else:
            self.db.execute(
                "INSERT OR REPLACE INTO leases (session_id, owner, pid, host, since, heartbeat) VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, owner, os.getpid(), leases.HOST, _now(), time.time()),
            )
        if only:
            self.db.execute("DELETE FROM leases WHERE owner = ? AND session_id != ?", (owner, session_id))
        self._keep_beating()
        return None

    def acquire(self, session_id: str) -> LeaseHolder | None:
        """Open ``session_id`` for writing in this store (window), letting go of any other.

        Returns None when this store now holds it, or who holds it when another live window
        does (then this window should show the session read-only). A read-only store holds
        nothing and returns None; its writes are refused anyway.
        """
        if self.read_only:
            return None
        with self._transaction():
            return self._claim(session_id, self.owner, only=True)

    def release(self, session_id: str | None = None) -> None:
        """Let go of this store's lease on one session, or on all (best effort)."""
        if session_id is None:
            self._stop.set()
            self._keeper = None
        if self.read_only:
            return
        try:
            with self._transaction() as db:
                if session_id is None:
                    db.execute("DELETE FROM leases WHERE owner = ?", (self.owner,))
                else:
                    db.execute("DELETE FROM leases WHERE owner = ? AND session_id = ?", (self.owner, session_id))
        except (StoreError, sqlite3.ProgrammingError):
            pass  # a closed, full or locked database: the lease expires with this process

    def _keep_beating(self) -> None:
        """Refresh this store's leases in the background while it holds any."""
        if self._keeper is not None and self._keeper.is_alive():
            return
        self._stop = threading.Event()
        self._keeper = threading.Thread(target=self._beat, args=(self._stop,), name="dilemmaspel-lease", daemon=True)
        self._keeper.start()

    def _beat(self, stop: threading.Event) -> None:
        while not stop.wait(leases.HEARTBEAT):
            try:
                db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
                try:
                    db.execute("UPDATE leases SET heartbeat = ? WHERE owner = ?", (time.time(), self.owner))
                finally:
                    db.close()
            except sqlite3.Error:
                pass  # busy or gone: the next beat tries again

    def holder(self, session_id: str) -> LeaseHolder | None:
        """Who else has this session open right now, if anyone."""
        for owner, pid, host, since, beat in self._rows(
            "SELECT owner, pid, host, since, heartbeat FROM leases WHERE session_id = ?", (session_id,)
        ):
            if leases.held(owner, pid, host, beat, self.owner):
                return LeaseHolder(pid, host, since)
        return None

    # --- forgetting -----------------------------------------------------------------------

    def delete_session(self, session_id: str) -> Forgotten:
        """Delete a session, its events and its share of the read models, overwriting them on
        disk, then empty the write-ahead log so no copy stays behind.

        ``wiped`` is False when another connection kept the log busy (a window reading the
        database): the copies go once it is closed and :meth:`wipe_pending` runs again
        (``dilemmaspel forget`` with the same id does that, and so does opening the store).
        """
        with self._transaction() as db:
            readmodels.forget(db, session_id)
            db.execute("DELETE FROM leases WHERE session_id = ?", (session_id,))
            db.execute("DELETE FROM events WHERE session_id = ?", (session_id,))
            existed = bool(db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount)
            if existed:
                db.execute("INSERT OR REPLACE INTO pending_wipes (session_id, forgotten_at) VALUES (?, ?)", (session_id, _now()))
        return Forgotten(existed, self.wipe_pending())

    def _pending_wipes(self) -> list[str]:
        return [row[0] for row in self._rows("SELECT session_id FROM pending_wipes ORDER BY forgotten_at")]

    def pending_wipe(self, prefix: str) -> str | None:
        """The one forgotten session id starting with ``prefix`` whose copies may still be in the
        log, or that this store has just wiped (when it opened)."""
        if not prefix:
            return None
        rows = self._rows("SELECT session_id FROM pending_wipes WHERE substr(session_id, 1, ?) = ?", (len(prefix), prefix))
        found = {row[0] for row in rows} | {sid for sid in self.wiped if sid.startswith(prefix)}
        return found.pop() if len(found) == 1 else None

    def _checkpoint(self) -> bool:
        """Copy the whole log into the database file and truncate it; False while another
        connection keeps part of it in use (waiting only briefly for a reader to finish)."""
        with self._lock:
            try:
                self.db.execute(f"PRAGMA busy_timeout = {int(self.checkpoint_wait_ms)}")
                busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error:
                busy = 1
            finally:
                self.db.execute("PRAGMA busy_timeout = 30000")
        return not busy

    def wipe_pending(self) -> bool:
        """Checkpoint the whole log into the database file and truncate it; True when no copy of
        a forgotten session is left, False while another connection keeps the log busy."""
        if self.read_only:
            return not self._pending_wipes()
        with self._lock:
            if not self._checkpoint():
                return False
            try:
                done = self._pending_wipes()
                with self._transaction() as db:
                    db.execute("DELETE FROM pending_wipes")
                self.wiped += done
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except (StoreError, sqlite3.Error):
                pass  # the data itself is gone; only the note to finish it is left
        return True

    # --- reading --------------------------------------------------------------------------

    def _scan(self, session_id: str) -> StoredSession:
        """Read a session's rows, parse them and replay them through the rules (under the lock)."""
        from dilemmaspel.core.events import event_from_json
        from dilemmaspel.core.session import replay_checked

        rows = self.db.execute("SELECT seq, type, data FROM events WHERE session_id = ? ORDER BY seq", (session_id,)).fetchall()
        events: list[Event] = []
        seqs: list[int] = []
        damage: Damage | None = None
        for seq, kind, data in rows:
            try:
                events.append(event_from_json(data))
            except ValueError:  # pydantic's ValidationError, broken JSON
                damage = Damage(seq, kind, "store.unreadable")
                break
            seqs.append(seq)
        replayed = replay_checked(events)
        if replayed.broken is not None:
            broken = replayed.broken
            damage = Damage(seqs[broken.index], broken.type, broken.key, broken.params)
        last = rows[-1][0] if rows else 0
        usable = replayed.applied
        return StoredSession(session_id, events[:usable], seqs[:usable], replayed.state, last, damage)

    def read(self, session_id: str) -> StoredSession:
        """A session's usable events and state, and the first damage if its stream has any;
        ``KeyError`` if there is no such session. Damage found here is noted in the session list."""
        with self._lock:
            row = self.db.execute("SELECT damage FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise KeyError(session_id)
            try:
                stored = self._scan(session_id)
            except sqlite3.Error as exc:
                raise StoreError(str(exc)) from exc
        noted = stored.damage.to_json() if stored.damage else ""
        if noted != row[0] and not self.read_only:
            try:
                with self._transaction() as db:
                    db.execute("UPDATE sessions SET damage = ? WHERE id = ?", (noted, session_id))
            except StoreError:
                pass  # the list shows it next time
        return stored

    def events(self, session_id: str) -> list[Event]:
        """A session's events in order (up to the first damaged one); [] if there is no such session."""
        try:
            return self.read(session_id).events
        except KeyError:
            return []

    def load(self, session_id: str) -> SessionState:
        """Rebuild a session's state; ``KeyError`` if there is no such session, DamagedSession
        (with the usable part) if its stream breaks the rules."""
        stored = self.read(session_id)
        if stored.damage is not None:
            raise DamagedSession(stored)
        return stored.state

    def last_seq(self, session_id: str) -> int:
        """The sequence number of a session's last event (0 if there is no such session)."""
        rows = self._rows("SELECT last_seq FROM sessions WHERE id = ?", (session_id,))
        return int(rows[0][0]) if rows else 0

    def exists(self, session_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM sessions WHERE id = ?", (session_id,)))

    def resolve(self, prefix: str) -> str | None:
        """The one session id that starts with ``prefix`` literally (None if none or ambiguous)."""
        if not prefix:
            return None
        rows = self._rows("SELECT id FROM sessions WHERE substr(id, 1, ?) = ?", (len(prefix), prefix))
        return rows[0][0] if len(rows) == 1 else None

    def sessions(self, status: str | None = None) -> list[SessionSummary]:
        """All sessions (or those with ``status``), newest first, read from the summary rows."""
        query = f"""
            SELECT id, created_at, updated_at, mode, title, decks, status, groups, rounds, closed_rounds,
                participants, damage
            FROM sessions {"WHERE status = ?" if status is not None else ""}
            ORDER BY updated_at DESC, created_at DESC"""
        rows = self._rows(query, (status,) if status is not None else ())
        return [SessionSummary(*row[:-1], damage=Damage.from_json(row[-1])) for row in rows]

    def card_history(self, card_id: str, exclude_session: str | None = None) -> CardHistory:
        """How groups voted on ``card_id`` in stored group and beraad sessions (solo left out)."""
        with self._lock:
            try:
                return readmodels.card_history(self.db, card_id, exclude_session)
            except sqlite3.Error as exc:
                raise StoreError(str(exc)) from exc

    def practised_cards(self, person: str) -> set[str]:
        """Ids of the cards a person has voted on in solo sessions."""
        from dilemmaspel.core.roster import name_key

        with self._lock:
            try:
                return readmodels.practised_cards(self.db, name_key(person))
            except sqlite3.Error as exc:
                raise StoreError(str(exc)) from exc

    def unlink_ballots(self, session_id: str) -> bool:
        """Remove the person-ballot link of a finished anonymous session, also from the disk.

        The vote events are rewritten with random ballot ids and shuffled (``core.unlink``) in
        one transaction; ``secure_delete`` overwrites the old rows and a checkpoint empties the
        WAL. Returns whether anything was rewritten (False for named or already unlinked ones).
        """
        from dilemmaspel.core.events import event_from_json, event_to_json
        from dilemmaspel.core.unlink import needs_unlinking, unlink_ballots

        with self._transaction() as db:
            rows = db.execute("SELECT seq, data FROM events WHERE session_id = ? ORDER BY seq", (session_id,)).fetchall()
            events = [event_from_json(data) for _, data in rows]
            if not needs_unlinking(events):
                return False
            for (seq, data), event in zip(rows, unlink_ballots(events)):
                if event is None:
                    db.execute("DELETE FROM events WHERE session_id = ? AND seq = ?", (session_id, seq))
                elif (text := event_to_json(event)) != data:
                    db.execute("UPDATE events SET data = ? WHERE session_id = ? AND seq = ?", (text, session_id, seq))
            # The log keeps the linked rows until a full checkpoint: noted, so that if another
            # window holds it up now, the next open of the store (or a forget) finishes it.
            db.execute("INSERT OR REPLACE INTO pending_wipes (session_id, forgotten_at) VALUES (?, ?)", (session_id, _now()))
        self.wipe_pending()
        return True


class StoreSink:
    """Hands one session's events to the store (the engine's sink), as its one writer.

    It knows the sequence number of the session's last event (from the load or resume) and
    appends only after that one; when another writer got there first, or the session is open
    in another live window, it raises SessionConflict and refuses every later event too, so
    the engine's state stays what this window last saw.
    """

    def __init__(self, store: Store, session_id: str | None = None, last_seq: int | None = None) -> None:
        self.store = store
        self.session_id = session_id
        self.last_seq = last_seq if last_seq is not None else (store.last_seq(session_id) if session_id else 0)
        self.refused: StoreError | None = None

    def refuse(self, reason: StoreError) -> None:
        """Accept no more events (the session is shown read-only from now on)."""
        self.refused = reason

    def append(self, event: Event) -> None:
        if self.refused is not None:
            raise self.refused
        if self.session_id is None:
            if event.type != "session_started":
                raise StoreError("a session starts with SessionStarted")
            self.session_id = self.store.create_session(event, owner=self.store.owner)  # type: ignore[arg-type]
            self.last_seq = 1
            return
        try:
            self.last_seq = self.store.append(self.session_id, event, expected=self.last_seq, owner=self.store.owner)
        except SessionConflict as exc:
            self.refused = exc
            raise
        if event.type == "session_finished":
            try:
                self.store.unlink_ballots(self.session_id)
            except StoreError:
                pass  # the session is finished and saved; exports unlink on their own
