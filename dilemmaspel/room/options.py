"""How the trainer wants the room server to listen (from the command line). Imports nothing heavy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RoomOptions:
    """``--bind``, ``--port``, ``--tls-cert`` and ``--tls-key``; None means "choose for me"."""

    bind: str | None = None
    port: int | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
