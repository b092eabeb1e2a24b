"""Who sits where: the seating of the current groups, for a printed table list and name cards."""

from __future__ import annotations

from dataclasses import dataclass

from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import SessionState


@dataclass(frozen=True)
class Table:
    """One group at its table: number (from 1) and its members in seating order."""

    number: int
    members: tuple[Participant, ...]
    absent: tuple[str, ...] = ()  # names of members marked absent

    def is_absent(self, person: Participant) -> bool:
        return person.name in self.absent


def seating(state: SessionState) -> list[Table]:
    """The tables of the current groups; members sorted by name so a list is easy to scan."""
    tables = []
    for index, pids in enumerate(state.groups):
        people = sorted((state.participants[pid] for pid in pids), key=lambda p: p.name.casefold())
        absent = tuple(state.participants[pid].name for pid in pids if pid in state.absent)
        tables.append(Table(number=index + 1, members=tuple(people), absent=absent))
    return tables
