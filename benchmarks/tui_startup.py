"""Time from launch to the first frame of the start screen, against a bare Textual app.

Both are fresh processes (interpreter start and imports included), timed from launch until the
first frame in which their first screen is complete: for dilemmaspel, through its own start
(``run_app``: one start screen, nothing run twice), the menu and the key line with its keys; for
the bare app, one Screen with a Static and no Footer. Both run headless at 80x24, interleaved in the same run; each figure is
the median of RUNS launches. Run: python benchmarks/tui_startup.py [RUNS]. Target: ratio <= 1.15.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

# Each child prints the clock time of the first frame after which its first screen is complete.
REPORT = """
import time

def report_first_frame(app, complete):
    def check():
        drawn, cpu = time.monotonic(), time.process_time()  # checking the frame is not counted
        if complete(app.screen):
            print(f"frame {drawn} {cpu}", flush=True)
            app.exit()
        else:
            app.call_after_refresh(check)

    app.call_after_refresh(check)
    app.set_timer(20, lambda: (print("never complete", flush=True), app.exit()))

def text_at(screen, x, y):
    widget, _ = screen.get_widget_at(x, y)
    return widget, str(widget.render())
"""

BARE = REPORT + """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

class Start(Screen):
    def compose(self):
        yield Static("dilemmaspel", id="welcome")

def complete(screen):
    return isinstance(screen, Start) and "dilemmaspel" in text_at(screen, 0, 0)[1]

class Bare(App):
    def on_mount(self):
        self.push_screen(Start())
        report_first_frame(self, complete)

Bare().run(headless=True, size=(80, 24))
"""

OURS = REPORT + """
import sys
from pathlib import Path
from dilemmaspel.i18n import t
from dilemmaspel.tui import app as tui

def complete(screen):
    from dilemmaspel.tui.screens.start import StartScreen

    if not isinstance(screen, StartScreen):
        return False
    menu = screen.query_one("#menu")
    painted, _ = screen.get_widget_at(menu.region.x + 2, menu.region.y)
    _, key_line = text_at(screen, 2, screen.size.height - 1)  # the key line shows its keys
    return painted is menu and menu.option_count > 0 and t("key.new_group") in key_line

class Timed(tui.DilemmaApp):
    # Textual calls on_mount of every class in the chain, so DilemmaApp.on_mount runs once by
    # itself: this one only asks to be told when the start screen has been drawn.
    def on_mount(self):
        report_first_frame(self, complete)

    def run(self, **options):
        return super().run(headless=True, size=(80, 24))

tui.DilemmaApp = Timed  # the app's own start (settings, language, store) builds this one
sys.exit(tui.run_app(Path(sys.argv[1])))
"""


def launch(code: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting the process until its first screen is drawn complete: (wall, CPU)."""
    start = time.monotonic()  # the same clock as the child's time.monotonic()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, env=env)
    word, *times = result.stdout.split()
    if word != "frame" or result.returncode != 0:
        raise SystemExit(f"benchmark child failed ({result.returncode}): {result.stdout}\n{result.stderr}")
    return float(times[0]) - start, float(times[1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as pycache:
        # As installed: with compiled bytecode (pip compiles at install), even where the shell
        # says not to write it; kept in a folder of its own, not in the source tree.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        launch(OURS, home, env=env)  # the first runs compile and create the database: not counted
        launch(BARE, env=env)
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare.append(launch(BARE, env=env))
            ours.append(launch(OURS, home, env=env))
    b, o = (statistics.median(w for w, _ in bare), statistics.median(w for w, _ in ours))
    bc, oc = (statistics.median(c for _, c in bare), statistics.median(c for _, c in ours))
    print(f"to the first complete frame, median of {runs}:   wall clock   CPU time of the process")
    print(f"bare Textual app (Screen + Static, no Footer): {b * 1000:7.1f} ms   {bc * 1000:7.1f} ms")
    print(f"dilemmaspel start screen:                      {o * 1000:7.1f} ms   {oc * 1000:7.1f} ms")
    print(f"ratio: {o / b:.2f} (target <= 1.15); CPU time ratio {oc / bc:.2f} (steadier on a busy machine)")


if __name__ == "__main__":
    main()
