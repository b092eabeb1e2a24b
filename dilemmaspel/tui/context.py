"""The running session a screen works on: its engine, id and the decks it deals from."""

from __future__ import annotations

from dataclasses import dataclass, field

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.session import SessionState
from dilemmaspel.store import DamagedSession, SessionConflict, Store, StoreError, StoreSink


@dataclass
class Live:
    """One open session."""

    session_id: str
    engine: Engine
    decks: list[Deck] = field(default_factory=list)

    @property
    def state(self) -> SessionState:
        return self.engine.state

    @property
    def read_only(self) -> StoreError | None:
        """Why this window may not change the session (open elsewhere, damaged, read-only
        database), or None when it is the session's writer."""
        sink = self.engine.sink
        return sink.refused if isinstance(sink, StoreSink) else None

    def refuse(self, reason: StoreError) -> None:
        """Show the session read-only from now on: every command is refused with ``reason``."""
        sink = self.engine.sink
        if isinstance(sink, StoreSink):
            sink.refuse(reason)

    @classmethod
    def resume(cls, store: Store, session_id: str, decks: list[Deck]) -> "Live":
        """Open a stored session: as its writer, or read-only when another live window has it,
        its stream is damaged (shown up to the first bad event) or the database cannot be written."""
        if not store.exists(session_id):
            raise KeyError(session_id)
        holder = store.acquire(session_id)
        stored = store.read(session_id)
        live = cls(session_id, Engine(StoreSink(store, session_id, stored.last_seq), stored.state), decks)
        if stored.damage is not None:
            store.release(session_id)
            live.refuse(DamagedSession(stored))
        elif holder is not None:
            live.refuse(SessionConflict(key="store.open_elsewhere", pid=holder.pid, host=holder.host))
        elif store.read_only:
            live.refuse(StoreError(key="store.read_only", path=store.path))
        return live
