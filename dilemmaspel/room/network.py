"""The laptop's addresses on the local network, for the trainer to pick one to bind to."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass


@dataclass(frozen=True)
class LanAddress:
    """One IPv4 address of one network interface."""

    address: str
    interface: str


def lan_addresses() -> list[LanAddress]:
    """Private IPv4 addresses of this machine's interfaces (no loopback, no link-local).

    Phones resolve ``.local`` names unreliably, so the room is reached by IP address.
    """
    import ifaddr

    found: list[LanAddress] = []
    try:
        adapters = ifaddr.get_adapters()
    except OSError:
        return []  # no way to list them: the trainer is told there is no network and how on
    for adapter in adapters:
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6 entries are tuples; phones on a venue network use IPv4
            try:
                parsed = ipaddress.IPv4Address(ip.ip)
            except ValueError:
                continue
            if parsed.is_private and not parsed.is_loopback and not parsed.is_link_local:
                name = adapter.nice_name or adapter.name
                found.append(LanAddress(ip.ip, name if isinstance(name, str) else str(name)))
    unique = {a.address: a for a in found}
    return sorted(unique.values(), key=lambda a: (not a.address.startswith("192.168."), a.address))
