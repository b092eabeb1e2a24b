"""Time from launch to the first frame of the start screen, against a bare Textual app.

Both are fresh processes (interpreter start and imports included), timed from launch until the
process reports that the first frame of its first screen has been drawn: dilemmaspel through its
own start (``run_app``, one start screen, nothing run twice), the bare app showing one Screen with
a Static and no Footer. Both run headless at 80x24, interleaved in the same run; each figure is
the median of RUNS launches. Run: python benchmarks/tui_startup.py [RUNS]. Target: ratio <= 1.15.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

# Each child prints one line when its first screen has been drawn, then exits.
REPORT = """
def first_frame(app, screen_type, widget):
    drawn = isinstance(app.screen, screen_type) and app.screen.query_one(widget).region.area > 0
    print("frame" if drawn else f"not drawn: {app.screen!r}", flush=True)
    app.exit()
"""

BARE = REPORT + """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

class Start(Screen):
    def compose(self):
        yield Static("dilemmaspel", id="welcome")

class Bare(App):
    def on_mount(self):
        self.push_screen(Start())
        self.call_after_refresh(first_frame, self, Start, "#welcome")

Bare().run(headless=True, size=(80, 24))
"""

OURS = REPORT + """
import sys
from pathlib import Path
from dilemmaspel.tui import app as tui

class Timed(tui.DilemmaApp):
    # Textual calls on_mount of every class in the chain, so DilemmaApp.on_mount runs once by
    # itself: this one only asks to be told when the start screen has been drawn.
    def on_mount(self):
        from dilemmaspel.tui.screens.start import StartScreen

        self.call_after_refresh(first_frame, self, StartScreen, "#menu")

    def run(self, **options):
        return super().run(headless=True, size=(80, 24))

tui.DilemmaApp = Timed  # the app's own start (settings, language, store) builds this one
sys.exit(tui.run_app(Path(sys.argv[1])))
"""


def launch(code: str, *args: str) -> float:
    """Seconds from starting the process until it reports its first frame."""
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        elapsed = time.perf_counter() - start
        _, err = child.communicate()
    if line != "frame" or child.returncode != 0:
        raise SystemExit(f"benchmark child failed ({child.returncode}): {line}\n{err}")
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as home:
        launch(OURS, home)  # the first run creates the database; neither first run is counted
        launch(BARE)
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare.append(launch(BARE))
            ours.append(launch(OURS, home))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app (Screen + Static): {b * 1000:7.1f} ms to first frame (median of {runs})")
    print(f"dilemmaspel start screen:           {o * 1000:7.1f} ms to first frame")
    print(f"ratio: {o / b:.2f} (target <= 1.15)")


if __name__ == "__main__":
    main()
