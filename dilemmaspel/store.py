"""SQLite persistence: sessions as append-only event lists, one transaction per event.

The database lives in the data dir, is readable by its owner only, runs in WAL mode and may be
shared by several processes at once (each append takes the write lock, numbers its event and
commits). A session is resumed by replaying its events.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from dilemmaspel.paths import ensure_private_dir, restrict

if TYPE_CHECKING:  # the domain (and pydantic) is imported when first needed: a fast start screen
    from dilemmaspel.core.events import Event, SessionStarted
    from dilemmaspel.core.session import SessionState

DB_NAME = "dilemmaspel.sqlite3"
SCHEMA_VERSION = 1

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
}


def _now() -> str:
    """UTC time in the one format every timestamp in the database uses."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class StoreError(Exception):
    """The database could not be opened or written (disk full, read-only, locked, corrupt)."""


@dataclass(frozen=True)
class SessionSummary:
    """One line of the session list."""

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


class Store:
    """The SQLite database of one data dir."""

    def __init__(self, data_dir: Path) -> None:
        self._lock = threading.RLock()
        try:
            self.path = ensure_private_dir(Path(data_dir)) / DB_NAME
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
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(getattr(exc, "strerror", None) or str(exc)) from exc

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
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, serialised between threads, errors as StoreError."""
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
                    db.execute(f"PRAGMA user_version = {target}")

    # --- writing --------------------------------------------------------------------------

    def create_session(self, first: SessionStarted) -> str:
        """Create a session with its first event; returns its id."""
        session_id = uuid.uuid4().hex[:12]
        settings = first.settings
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, created_at, updated_at, mode, title, decks) VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, first.started_at, _now(), first.mode, settings.title, ",".join(settings.decks)),
            )
            self._insert(session_id, first)
        return session_id

    def append(self, session_id: str, event: Event) -> int:
        """Commit one event to a session in its own transaction; returns its sequence number."""
        with self._transaction() as db:
            seq = self._insert(session_id, event)
            status = "finished" if event.type == "session_finished" else "active"
            db.execute("UPDATE sessions SET updated_at = ?, status = ? WHERE id = ?", (_now(), status, session_id))
        return seq

    def _insert(self, session_id: str, event: Event) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE session_id = ?", (session_id,)).fetchone()
        seq = int(row[0])
        from dilemmaspel.core.events import event_to_json

        card_id = event.card.id if event.type == "card_dealt" else None  # type: ignore[union-attr]
        self.db.execute(
            "INSERT INTO events (session_id, seq, at, type, card_id, data) VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, seq, _now(), event.type, card_id, event_to_json(event)),
        )
        return seq

    def delete_session(self, session_id: str) -> bool:
        """Delete a session and all its events, overwriting them on disk; returns whether it existed."""
        with self._transaction() as db:
            db.execute("DELETE FROM events WHERE session_id = ?", (session_id,))
            deleted = db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount
        try:
            with self._lock:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another process holds the WAL open; secure_delete already zeroed the pages
        return bool(deleted)

    # --- reading --------------------------------------------------------------------------

    def events(self, session_id: str) -> list[Event]:
        """A session's events in order."""
        from dilemmaspel.core.events import event_from_json

        rows = self.db.execute("SELECT data FROM events WHERE session_id = ? ORDER BY seq", (session_id,))
        return [event_from_json(data) for (data,) in rows]

    def load(self, session_id: str) -> SessionState:
        """Rebuild a session's state; ``KeyError`` if there is no such session."""
        from dilemmaspel.core.session import replay

        if not self.exists(session_id):
            raise KeyError(session_id)
        return replay(self.events(session_id))

    def exists(self, session_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is not None

    def resolve(self, prefix: str) -> str | None:
        """The one session id that starts with ``prefix`` literally (None if none or ambiguous)."""
        if not prefix:
            return None
        rows = self.db.execute("SELECT id FROM sessions WHERE substr(id, 1, ?) = ?", (len(prefix), prefix)).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def sessions(self, status: str | None = None) -> list[SessionSummary]:
        """All sessions, newest first, with their group, round and participant counts.

        Counted in SQL from the event types (no replay), so the start screen lists quickly.
        """
        count = "(SELECT count(*) FROM events e WHERE e.session_id = s.id AND e.type IN ({}))"
        query = f"""
            SELECT s.id, s.created_at, s.updated_at, s.mode, s.title, s.decks, s.status,
                COALESCE((SELECT json_array_length(e.data, '$.groups') FROM events e
                          WHERE e.session_id = s.id AND e.type = 'groups_formed'
                          ORDER BY e.seq DESC LIMIT 1), 0),
                {count.format("'card_dealt', 'case_opened'")},
                {count.format("'round_closed'")},
                {count.format("'participant_added'")} - {count.format("'participant_removed'")}
            FROM sessions s {"WHERE s.status = ?" if status is not None else ""}
            ORDER BY s.updated_at DESC, s.created_at DESC"""
        rows = self.db.execute(query, (status,) if status is not None else ()).fetchall()
        return [SessionSummary(*row) for row in rows]

    def card_history(self, card_id: str, exclude_session: str | None = None) -> Iterator[tuple[str, SessionState]]:
        """Earlier sessions that played ``card_id``: (session id, state) pairs, oldest first."""
        rows = self.db.execute(
            "SELECT DISTINCT e.session_id FROM events e JOIN sessions s ON s.id = e.session_id"
            " WHERE e.card_id = ? ORDER BY s.created_at",
            (card_id,),
        ).fetchall()
        for (session_id,) in rows:
            if session_id != exclude_session:
                yield session_id, self.load(session_id)

    def practised_cards(self, person: str) -> set[str]:
        """Ids of the cards a person has voted on in solo sessions."""
        from dilemmaspel.core.roster import name_key

        key = name_key(person)
        practised: set[str] = set()
        for (session_id,) in self.db.execute("SELECT id FROM sessions WHERE mode = 'solo'").fetchall():
            state = self.load(session_id)
            pids = {pid for pid, p in state.participants.items() if name_key(p.name) == key}
            for rnd in state.rounds:
                if rnd.card is not None and pids & set(rnd.votes):
                    practised.add(rnd.card.id)
        return practised

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
        try:
            with self._lock:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another process holds the WAL open; secure_delete already zeroed the old rows
        return True


class StoreSink:
    """Hands one session's events to the store (the engine's sink)."""

    def __init__(self, store: Store, session_id: str | None = None) -> None:
        self.store = store
        self.session_id = session_id

    def append(self, event: Event) -> None:
        if self.session_id is None:
            if event.type != "session_started":
                raise StoreError("a session starts with SessionStarted")
            self.session_id = self.store.create_session(event)  # type: ignore[arg-type]
        else:
            self.store.append(self.session_id, event)
            if event.type == "session_finished":
                try:
                    self.store.unlink_ballots(self.session_id)
                except StoreError:
                    pass  # the session is finished and saved; exports unlink on their own
