"""Time from a key press to the updated screen while voting, against the same press in a bare app.

Pilot presses 'b' on the vote screen (choosing option B updates the 'your choice' line) and
waits for the screen to settle; the baseline is a bare app whose OptionList takes the same key.
Run: python benchmarks/tui_keypress.py [PRESSES]. Target: well under 100 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from tests.test_tui_snapshots import build  # noqa: E402
from dilemmaspel.tui.app import DilemmaApp  # noqa: E402


class Bare(App[None]):
    BINDINGS = [("b", "pick", "pick")]

    def compose(self) -> ComposeResult:
        yield OptionList("A", "B", "C", "D")

    def action_pick(self) -> None:
        self.query_one(OptionList).highlighted = 1


async def presses(app: App[None], setup, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await setup(pilot)
        for index in range(count):
            key = "b" if index % 2 == 0 else "a"
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


async def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60

    async def nothing(pilot) -> None:  # type: ignore[no-untyped-def]
        return None

    bare = await presses(Bare(), nothing, count)
    with tempfile.TemporaryDirectory() as tmp:
        store, live = build(Path(tmp))

        async def to_vote(pilot) -> None:  # type: ignore[no-untyped-def]
            from dilemmaspel.tui.screens.vote import VoteScreen

            rnd = live.state.rounds[0]
            pilot.app.push_screen(VoteScreen(live, rnd, live.state.next_voter(rnd) or ""))
            await pilot.pause()

        ours = await presses(DilemmaApp(Path(tmp), store=store), to_vote, count)
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare app, key to settled screen:        {b * 1000:6.1f} ms (median of {count})")
    print(f"vote screen, key to 'your choice' shown: {o * 1000:6.1f} ms (p90 {sorted(ours)[int(0.9 * count)] * 1000:.1f} ms)")
    print(f"ratio: {o / b:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
