"""The TOML line map on hostile shapes, against parsing the same text with tomllib alone.

Run: python benchmarks/toml_linemap.py
Targets: the line map costs at most as much as tomllib's parse of the same text (ratio <= 1),
and doubling a header's parts at most doubles its cost (growth <= 2.5: linear, not quadratic).
The 269 KB file with one dotted table header of 40,000 keys took 27.8 s to validate before.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import best_of  # noqa: E402
from deck_load import make_deck  # noqa: E402

from dilemmaspel.decks import parse_file  # noqa: E402
from dilemmaspel.tomllines import LineMap  # noqa: E402


def dotted_header(parts: int) -> str:
    return "[" + ".".join(f"k{i}" for i in range(parts)) + "]\n"


def main() -> None:
    header = dotted_header(40_000)
    print(f"one dotted header of 40,000 keys ({len(header) / 1000:.0f} KB)")
    start = time.perf_counter()
    tomllib.loads(header)  # quadratic inside tomllib itself: measured once
    baseline = time.perf_counter() - start
    scan = best_of(lambda: LineMap(header))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dotted.toml"
        path.write_text(header, encoding="utf-8")
        validate = best_of(lambda: parse_file(path))
    print(f"  tomllib.loads alone:            {baseline * 1000:8.1f} ms")
    print(f"  line map:                       {scan * 1000:8.1f} ms   ratio {scan / baseline:.3f} (target <= 1)")
    print(f"  validate (refused before parse): {validate * 1000:7.1f} ms   ratio {validate / baseline:.3f}")
    half = best_of(lambda: LineMap(dotted_header(20_000)))
    print(f"  line map 20,000 -> 40,000 keys: growth {scan / half:.2f} (target <= 2.5)")

    deck = make_deck(2_000)
    print(f"a deck of 2,000 cards ({len(deck) / 1e6:.1f} MB)")
    parse = best_of(lambda: tomllib.loads(deck), repeat=3)
    scan = best_of(lambda: LineMap(deck), repeat=3)
    print(f"  tomllib.loads alone:            {parse * 1000:8.1f} ms")
    print(f"  line map:                       {scan * 1000:8.1f} ms   ratio {scan / parse:.2f} (target <= 1)")


if __name__ == "__main__":
    main()
