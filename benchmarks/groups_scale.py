"""Forming mixed groups for 500 and for 5,000 participants.

Run: python benchmarks/groups_scale.py
Target: 5,000 participants in < 100 ms; the 500 -> 5,000 ratio near 10 (linear).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import best_of  # noqa: E402

from dilemmaspel.core.groups import form_groups, reshuffle_seed  # noqa: E402
from dilemmaspel.core.roster import SIDES, Participant  # noqa: E402

PARTIES = ("VVD", "D66", "CDA", "SP", "GroenLinks-PvdA", "PVV", "ChristenUnie", "Lokaal Belang", "BBB", "")


def roster(people: int) -> list[Participant]:
    """A mixed roster: uneven sides and parties, as in a real council."""
    return [
        Participant(name=f"Deelnemer {n:05d}", party=PARTIES[(n * 7) % len(PARTIES)],
                    side=SIDES[0 if n % 5 < 2 else 1 if n % 5 < 4 else 2], role="raadslid")
        for n in range(people)
    ]


def main() -> None:
    small, large = roster(500), roster(5_000)
    for people in (small, large):
        groups = form_groups(people, size=6, seed=1)
        assert sum(map(len, groups)) == len(people) and max(map(len, groups)) <= 6
    t_small = best_of(lambda: form_groups(small, size=6, seed=1), repeat=20)
    t_large = best_of(lambda: form_groups(large, size=6, seed=1), repeat=20)
    t_reshuffle = best_of(lambda: reshuffle_seed(large, 1, size=6), repeat=5)
    print(f"form_groups, 500 people (size 6):     {t_small * 1000:7.2f} ms")
    print(f"form_groups, 5,000 people (size 6):   {t_large * 1000:7.2f} ms (target < 100 ms)")
    print(f"reshuffle_seed, 5,000 people:         {t_reshuffle * 1000:7.2f} ms")
    print(f"ratio 500 -> 5,000: {t_large / t_small:.1f} (linear ~10)")


if __name__ == "__main__":
    main()
