"""Secrets and guards of the room server: link tokens, join codes, device cookies, CSRF tokens,
client address checks and a small per-address rate limit."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections import deque

#: Join-code letters without look-alikes (no 0/O/D/Q, 1/I/L/7, 2/Z, 5/S, 6/G, 8/B, U/V).
CODE_ALPHABET = "ACEFHJKMNPRTWXY349"
CODE_LENGTH = 6
TOKEN_BYTES = 24  # 192 bits in every link


def new_token() -> str:
    """A random URL-safe token of 192 bits."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_code() -> str:
    """A short join code for people who type it."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What someone typed, as a code: spaces and dashes dropped, upper case."""
    return "".join(ch for ch in text.upper() if ch.isalnum())[:32]


def device_hash(cookie: str) -> str:
    """What the session keeps of a device cookie: its SHA-256, never the cookie itself."""
    return hashlib.sha256(cookie.encode("utf-8")).hexdigest()


def csrf_token(secret: str, cookie: str) -> str:
    """The CSRF token of one device: tied to its cookie, so another site cannot know it."""
    return hmac.new(secret.encode("utf-8"), b"csrf:" + cookie.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    """Compare secrets in constant time."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def is_local_client(address: str | None) -> bool:
    """Whether a client address belongs to a private network (or this machine)."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local


def is_public_address(address: str) -> bool:
    """Whether binding to ``address`` would face the internet."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return True
    return not (ip.is_private or ip.is_loopback or ip.is_link_local)


class RateLimit:
    """At most ``limit`` attempts per ``window`` seconds for each client address."""

    def __init__(self, limit: int, window: float, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}

    def allow(self, address: str) -> bool:
        now = self.clock()
        hits = self._hits.setdefault(address, deque())
        while hits and now - hits[0] > self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        if len(self._hits) > 10_000:  # forget idle addresses rather than grow without bound
            for key in [k for k, v in self._hits.items() if not v or now - v[-1] > self.window]:
                del self._hits[key]
        return True
