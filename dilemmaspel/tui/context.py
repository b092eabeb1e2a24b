"""The running session a screen works on: its engine, id and the decks it deals from."""

from __future__ import annotations

from dataclasses import dataclass, field

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.session import SessionState
from dilemmaspel.store import Store, StoreSink


@dataclass
class Live:
    """One open session."""

    session_id: str
    engine: Engine
    decks: list[Deck] = field(default_factory=list)

    @property
    def state(self) -> SessionState:
        return self.engine.state

    @classmethod
    def resume(cls, store: Store, session_id: str, decks: list[Deck]) -> "Live":
        state = store.load(session_id)
        return cls(session_id, Engine(StoreSink(store, session_id), state), decks)
