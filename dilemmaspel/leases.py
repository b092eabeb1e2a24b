"""Who has a session open: one lease per open session, so a second window knows at once.

A lease names its owner (a random token per open store, i.e. per window), the process id, the
host and a heartbeat. The owner refreshes the heartbeat while it runs. A lease counts as held
while its owner is alive: a store open in this process, or a process that still exists on this
host (POSIX ``kill(pid, 0)``; on Windows ``OpenProcess``/``GetExitCodeProcess``) and has beaten
within ``TTL`` seconds. Where liveness cannot be checked, the heartbeat alone decides. A lease
of a process killed with ``kill -9`` is therefore taken over as soon as the process is gone.

The lease is the courtesy layer (the second window is told at once); the store's sequence
check on every append is the guarantee (a stale writer is refused even if leases disagree).
"""

from __future__ import annotations

import os
import socket
import time
from typing import NamedTuple

TTL = 90.0  # seconds without a heartbeat after which a lease is free
HEARTBEAT = 20.0  # seconds between heartbeats of a live owner
HOST = socket.gethostname()

#: Owner tokens of the stores open in this process (two windows in one process, as in tests).
LIVE_OWNERS: set[str] = set()


class LeaseHolder(NamedTuple):
    """Another live owner of a session: which process, on which host, since when (UTC)."""

    pid: int
    host: str
    since: str


def pid_alive(pid: int) -> bool | None:
    """Whether a process with this id exists on this host; None where that cannot be told."""
    if pid <= 0:
        return False
    if os.name == "posix":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # exists, owned by someone else
        except OSError:
            return None
        return True
    if os.name == "nt":  # os.kill would terminate the process on Windows
        return _windows_pid_alive(pid)
    return None


def _windows_pid_alive(pid: int) -> bool | None:
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return None
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    except (OSError, AttributeError, ImportError):
        return None


def held(owner: str, pid: int, host: str, heartbeat: float, me: str, now: float | None = None) -> bool:
    """Whether a stored lease still belongs to a live owner other than ``me``."""
    if owner == me:
        return False
    if owner in LIVE_OWNERS:
        return True
    if host == HOST and pid == os.getpid():
        return False  # this process, but that store has been closed
    if (now if now is not None else time.time()) - heartbeat > TTL:
        return False
    if host == HOST:
        return pid_alive(pid) is not False
    return True
