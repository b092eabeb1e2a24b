"""Time to open each main screen of a session, against a plain screen in the same app.

A headless app (80x24) holds a session where group 1 has a revealed round under deliberation and
group 2 a round in its vote. Each screen is pushed and popped RUNS times; a push counts until the
app is idle again (its messages handled, the frame drawn). The baseline is a Screen with one Static,
pushed the same way in the same run. Prints the median push time per screen and its ratio to the
baseline. This is the cost a trainer waits for at every step of a workshop, and most of a Pilot
test's time. Run: python benchmarks/screen_push.py [RUNS].
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


async def push_time(pilot: object, app: object, make: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        app.push_screen(make())  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        app.pop_screen()  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    return statistics.median(times)


async def main(runs: int) -> None:
    home = Path(tempfile.mkdtemp())
    os.environ["DILEMMASPEL_HOME"] = str(home)
    from textual.screen import Screen
    from textual.widgets import Static

    from dilemmaspel.tui.app import DilemmaApp
    from tests.tui_helpers import main_screens, session_in_play

    class Plain(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("dilemmaspel")

    store, live = session_in_play(home)
    screens: dict[str, Callable[[], object]] = main_screens(live)
    app = DilemmaApp(home, [])
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.library  # loaded once, as the app does in the background after its first frame
        for make in screens.values():  # first showings load modules and CSS: not counted
            await push_time(pilot, app, make, 1)
        base = await push_time(pilot, app, Plain, runs)
        print(f"opening a screen, median of {runs} (80x24, headless):")
        print(f"  {'plain Screen + Static':24s} {base * 1000:7.1f} ms   1.00")
        for name, make in screens.items():
            took = await push_time(pilot, app, make, runs)
            print(f"  {name:24s} {took * 1000:7.1f} ms  {took / base:5.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
