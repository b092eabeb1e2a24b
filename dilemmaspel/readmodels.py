"""Read models kept beside the events: what the history screens ask, answered without replay.

Each committed event is folded into a few small tables in the same transaction (``project``):
the session's summary columns (what the session list shows) and per-card first-vote counts
(how groups voted on a card) and practised cards (solo). Their size does not grow with a
session's length, and their queries do not grow with the number of stored sessions.

Only events that passed the rules reach ``project``; event types it does not know are ignored.
Votes are counted when their round is revealed, as the history has always shown them (split by
side only for sessions revealed with names, as ``core.history`` does); the
pending first votes of a round (``rm_ballots``) are removed at the reveal and when the session
finishes, so no table here links a person to a vote once it has been counted.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dilemmaspel.core.events import Event
    from dilemmaspel.core.history import CardHistory

SCHEMA = """
ALTER TABLE sessions ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN participants INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN groups INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN rounds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN closed_rounds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN damage TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN named INTEGER NOT NULL DEFAULT 1;
CREATE INDEX sessions_listed ON sessions(updated_at, created_at);
CREATE INDEX sessions_by_status ON sessions(status, updated_at, created_at);
CREATE TABLE rm_people (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    pid TEXT NOT NULL,
    side TEXT NOT NULL,
    name_key TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, pid)
) WITHOUT ROWID;
CREATE TABLE rm_rounds (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    card_id TEXT NOT NULL,
    PRIMARY KEY (session_id, round)
) WITHOUT ROWID;
CREATE TABLE rm_ballots (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    pid TEXT NOT NULL,
    choice TEXT NOT NULL,
    PRIMARY KEY (session_id, round, pid)
) WITHOUT ROWID;
CREATE TABLE card_votes (
    card_id TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    side TEXT NOT NULL,
    choice TEXT NOT NULL,
    votes INTEGER NOT NULL,
    PRIMARY KEY (card_id, session_id, side, choice)
) WITHOUT ROWID;
CREATE INDEX card_votes_session ON card_votes(session_id);
CREATE TABLE card_rounds (
    card_id TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    rounds INTEGER NOT NULL,
    PRIMARY KEY (card_id, session_id)
) WITHOUT ROWID;
CREATE INDEX card_rounds_session ON card_rounds(session_id);
CREATE TABLE card_totals (
    card_id TEXT NOT NULL,
    side TEXT NOT NULL,
    choice TEXT NOT NULL,
    votes INTEGER NOT NULL,
    PRIMARY KEY (card_id, side, choice)
) WITHOUT ROWID;
CREATE TABLE card_plays (
    card_id TEXT PRIMARY KEY,
    sessions INTEGER NOT NULL,
    rounds INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE practised (
    name_key TEXT NOT NULL,
    card_id TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    PRIMARY KEY (name_key, card_id, session_id)
) WITHOUT ROWID;
CREATE INDEX practised_session ON practised(session_id);
"""

# The summary columns each event type moves, as (column, change).
_COUNTS = {
    "participant_added": ("participants", 1),
    "participant_removed": ("participants", -1),
    "card_dealt": ("rounds", 1),
    "case_opened": ("rounds", 1),
    "round_closed": ("closed_rounds", 1),
}


def _card_of(db: sqlite3.Connection, session_id: str, number: int) -> str | None:
    row = db.execute("SELECT card_id FROM rm_rounds WHERE session_id = ? AND round = ?", (session_id, number)).fetchone()
    return row[0] if row else None


def project(db: sqlite3.Connection, session_id: str, mode: str, seq: int, at: str, event: Event) -> None:
    """Fold one committed event into the read models (inside the caller's transaction)."""
    from dilemmaspel.core.roster import name_key

    kind = event.type
    solo = mode == "solo"
    if kind == "participant_added":
        person = event.participant  # type: ignore[union-attr]
        db.execute("INSERT OR REPLACE INTO rm_people (session_id, pid, side, name_key) VALUES (?, ?, ?, ?)",
                   (session_id, event.pid, person.side, name_key(person.name) if solo else ""))  # type: ignore[union-attr]
    elif kind == "participant_removed":
        db.execute("DELETE FROM rm_people WHERE session_id = ? AND pid = ?", (session_id, event.pid))  # type: ignore[union-attr]
    elif kind == "groups_formed":
        db.execute("UPDATE sessions SET groups = ? WHERE id = ?", (len(event.groups), session_id))  # type: ignore[union-attr]
    elif kind == "card_dealt":
        db.execute("INSERT OR REPLACE INTO rm_rounds (session_id, round, card_id) VALUES (?, ?, ?)",
                   (session_id, event.round, event.card.id))  # type: ignore[union-attr]
    elif kind == "vote_cast" and event.phase == 1:  # type: ignore[union-attr]
        card = _card_of(db, session_id, event.round)  # type: ignore[union-attr]
        if card is not None and solo:
            db.execute("INSERT OR IGNORE INTO practised (name_key, card_id, session_id)"
                       " SELECT name_key, ?, ? FROM rm_people WHERE session_id = ? AND pid = ?",
                       (card, session_id, session_id, event.pid))  # type: ignore[union-attr]
        elif card is not None:
            db.execute("INSERT OR REPLACE INTO rm_ballots (session_id, round, pid, choice) VALUES (?, ?, ?, ?)",
                       (session_id, event.round, event.pid, event.choice))  # type: ignore[union-attr]
    elif kind == "votes_revealed" and event.phase == 1 and not solo:  # type: ignore[union-attr]
        _count_round(db, session_id, event.round)  # type: ignore[union-attr]
    elif kind == "session_finished":
        db.execute("DELETE FROM rm_ballots WHERE session_id = ?", (session_id,))
    count = _COUNTS.get(kind)
    if count is not None:
        column, change = count
        db.execute(f"UPDATE sessions SET {column} = {column} + ? WHERE id = ?", (change, session_id))
    status = "finished" if kind == "session_finished" else "active"
    db.execute("UPDATE sessions SET last_seq = ?, updated_at = ?, status = ? WHERE id = ?", (seq, at, status, session_id))


def _count_round(db: sqlite3.Connection, session_id: str, number: int) -> None:
    """A revealed round's first votes join the card's counts; its pending ballots are dropped."""
    card = _card_of(db, session_id, number)
    if card is None:
        return
    # Only a session revealed with names is split by side; an anonymous one counts in the tally.
    named = db.execute("SELECT named FROM sessions WHERE id = ?", (session_id,)).fetchone()[0]
    rows = db.execute(
        "SELECT CASE WHEN ? THEN COALESCE(p.side, 'none') ELSE '' END, b.choice, count(*) FROM rm_ballots b"
        " LEFT JOIN rm_people p ON p.session_id = b.session_id AND p.pid = b.pid"
        " WHERE b.session_id = ? AND b.round = ? GROUP BY 1, 2",
        (named, session_id, number),
    ).fetchall()
    for side, choice, votes in rows:
        db.execute("INSERT INTO card_votes (card_id, session_id, side, choice, votes) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT DO UPDATE SET votes = votes + excluded.votes", (card, session_id, side, choice, votes))
        db.execute("INSERT INTO card_totals (card_id, side, choice, votes) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT DO UPDATE SET votes = votes + excluded.votes", (card, side, choice, votes))
    first = db.execute("SELECT 1 FROM card_rounds WHERE card_id = ? AND session_id = ?", (card, session_id)).fetchone() is None
    db.execute("INSERT INTO card_rounds (card_id, session_id, rounds) VALUES (?, ?, 1)"
               " ON CONFLICT DO UPDATE SET rounds = rounds + 1", (card, session_id))
    db.execute("INSERT INTO card_plays (card_id, sessions, rounds) VALUES (?, ?, 1)"
               " ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions, rounds = rounds + 1",
               (card, int(first)))
    db.execute("DELETE FROM rm_ballots WHERE session_id = ? AND round = ?", (session_id, number))


def forget(db: sqlite3.Connection, session_id: str) -> None:
    """Take a session out of the totals and drop its rows (inside the caller's transaction)."""
    for card, side, choice, votes in db.execute(
        "SELECT card_id, side, choice, votes FROM card_votes WHERE session_id = ?", (session_id,)
    ).fetchall():
        db.execute("UPDATE card_totals SET votes = votes - ? WHERE card_id = ? AND side = ? AND choice = ?",
                   (votes, card, side, choice))
    for card, rounds in db.execute("SELECT card_id, rounds FROM card_rounds WHERE session_id = ?", (session_id,)).fetchall():
        db.execute("UPDATE card_plays SET sessions = sessions - 1, rounds = rounds - ? WHERE card_id = ?", (rounds, card))
    db.execute("DELETE FROM card_totals WHERE votes <= 0")
    db.execute("DELETE FROM card_plays WHERE sessions <= 0")
    for table in ("card_votes", "card_rounds", "practised", "rm_people", "rm_rounds", "rm_ballots"):
        db.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))


def card_history(db: sqlite3.Connection, card_id: str, exclude_session: str | None = None) -> CardHistory:
    """First votes on a card in stored group and beraad sessions (optionally leaving one out)."""
    from dilemmaspel.core.history import CardHistory

    row = db.execute("SELECT sessions, rounds FROM card_plays WHERE card_id = ?", (card_id,)).fetchone()
    if row is None:
        return CardHistory()
    sessions, rounds = row
    counts = db.execute("SELECT side, choice, votes FROM card_totals WHERE card_id = ?", (card_id,)).fetchall()
    if exclude_session is not None:
        mine = db.execute("SELECT rounds FROM card_rounds WHERE card_id = ? AND session_id = ?",
                          (card_id, exclude_session)).fetchone()
        if mine is not None:
            sessions, rounds = sessions - 1, rounds - mine[0]
        own = db.execute("SELECT side, choice, votes FROM card_votes WHERE card_id = ? AND session_id = ?",
                         (card_id, exclude_session)).fetchall()
        counts += [(side, choice, -votes) for side, choice, votes in own]
    return CardHistory.from_counts(sessions, rounds, counts)


def practised_cards(db: sqlite3.Connection, key: str) -> set[str]:
    """Ids of the cards a person (by folded name) has voted on in solo sessions."""
    return {card for (card,) in db.execute("SELECT DISTINCT card_id FROM practised WHERE name_key = ?", (key,))}
