"""Half-typed secret votes, kept beside their session until the member confirms or discards them.

A draft is not an event: events are kept for good and end up in the transcript, a draft must not.
Drafts live in their own table of the session database (owner-only, ``secure_delete`` on), one row
per member and vote, and are deleted when the vote is cast or discarded, when the session is
finished and, by the foreign key, when the session is forgotten. Only the vote screen of the
member they belong to reads them; no export, view or other screen does.
"""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone

from dilemmaspel.store import Store, StoreError

SCHEMA = """
CREATE TABLE IF NOT EXISTS vote_drafts (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    phase INTEGER NOT NULL,
    pid TEXT NOT NULL,
    choice TEXT NOT NULL DEFAULT '',
    other TEXT NOT NULL DEFAULT '',
    reasoning TEXT NOT NULL DEFAULT '',
    saved_at TEXT NOT NULL,
    PRIMARY KEY (session_id, round, phase, pid)
) WITHOUT ROWID
"""


@dataclass(frozen=True)
class Draft:
    """What a member had chosen and typed when the vote was interrupted."""

    choice: str
    other: str
    reasoning: str
    saved_at: str

    @property
    def empty(self) -> bool:
        return not (self.choice or self.other.strip() or self.reasoning.strip())


class Drafts:
    """The vote drafts of one data dir's database (a connection of its own, same file)."""

    def __init__(self, store: Store) -> None:
        try:
            self.db = sqlite3.connect(store.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.execute("PRAGMA synchronous = FULL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA secure_delete = ON")
            self.db.execute(SCHEMA)
            # However a session was finished (this app, another window, the room console):
            # nothing more will be cast in it, so its drafts go.
            self.db.execute("DELETE FROM vote_drafts WHERE session_id IN (SELECT id FROM sessions WHERE status = 'finished')")
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc

    def close(self) -> None:
        self.db.close()

    def _run(self, sql: str, params: tuple[object, ...]) -> None:
        try:
            self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc

    def save(self, session_id: str, round_number: int, phase: int, pid: str,
             choice: str, other: str, reasoning: str) -> None:
        """Keep (or replace) a member's draft; an empty draft is removed instead."""
        if not (choice or other.strip() or reasoning.strip()):
            self.discard(session_id, round_number, phase, pid)
            return
        saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._run(
            "INSERT INTO vote_drafts (session_id, round, phase, pid, choice, other, reasoning, saved_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, round, phase, pid) DO UPDATE SET"
            " choice = excluded.choice, other = excluded.other, reasoning = excluded.reasoning, saved_at = excluded.saved_at",
            (session_id, round_number, phase, pid, choice, other, reasoning, saved_at),
        )

    def get(self, session_id: str, round_number: int, phase: int, pid: str) -> Draft | None:
        try:
            row = self.db.execute(
                "SELECT choice, other, reasoning, saved_at FROM vote_drafts"
                " WHERE session_id = ? AND round = ? AND phase = ? AND pid = ?",
                (session_id, round_number, phase, pid),
            ).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc
        return Draft(*row) if row else None

    def discard(self, session_id: str, round_number: int, phase: int, pid: str) -> None:
        self._run("DELETE FROM vote_drafts WHERE session_id = ? AND round = ? AND phase = ? AND pid = ?",
                  (session_id, round_number, phase, pid))

    def discard_person(self, session_id: str, pid: str) -> None:
        """Remove every draft of one member (they left the session)."""
        self._run("DELETE FROM vote_drafts WHERE session_id = ? AND pid = ?", (session_id, pid))

    def discard_session(self, session_id: str) -> None:
        """Remove every draft of a session (it is finished: nothing more will be cast)."""
        self._run("DELETE FROM vote_drafts WHERE session_id = ?", (session_id,))

    def count(self, session_id: str) -> int:
        try:
            return int(self.db.execute("SELECT count(*) FROM vote_drafts WHERE session_id = ?", (session_id,)).fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc


_OPEN: "weakref.WeakKeyDictionary[Store, Drafts]" = weakref.WeakKeyDictionary()


def drafts_of(store: Store) -> Drafts:
    """The drafts beside this store's database (opened once per store)."""
    drafts = _OPEN.get(store)
    if drafts is None:
        drafts = _OPEN[store] = Drafts(store)
    return drafts
