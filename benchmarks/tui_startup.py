"""Time from launch to the start screen being ready, against a bare Textual app showing one Static.

Each figure is the median wall-clock time of fresh processes (imports included), measured in
the same run. Run: python benchmarks/tui_startup.py [RUNS]. Target: ratio <= 1.3.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("dilemmaspel")
    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True)
"""

OURS = """
import sys
from pathlib import Path
from dilemmaspel.tui.app import DilemmaApp

class Timed(DilemmaApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.exit)

Timed(Path(sys.argv[1])).run(headless=True)
"""


def launch(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory() as home:
        launch(OURS, home)  # first run creates the database; not counted
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare.append(launch(BARE))
            ours.append(launch(OURS, home))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app (one Static): {b * 1000:7.1f} ms (median of {runs})")
    print(f"dilemmaspel start screen:      {o * 1000:7.1f} ms")
    print(f"ratio: {o / b:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
