"""Time from launch to the first frame of the start screen, against a bare Textual app.

Each run starts a fresh process in a pseudo-terminal of 80x24, as a user starts the app, and
times it from launch until the terminal has received the first complete frame: for dilemmaspel,
started by its own command line (``dilemmaspel`` with an empty data dir), the title line, the
menu and the key line with its keys; for the bare app, one Screen with a Static and no Footer.
Interpreter start and imports count; both run with compiled bytecode, as installed. The two are
launched interleaved in the same run and each figure is the median of RUNS launches. Besides
the wall-clock time it reports the CPU time the process had used by then, which a busy machine
disturbs less. dilemmaspel pauses garbage collection until its first frame; a third launch, the
bare app with the same pause, shows how much of the gap that is. POSIX only (a pseudo-terminal).
Run: python benchmarks/tui_startup.py [RUNS]. Target: ratio <= 1.15 (to the plain bare app).
"""

from __future__ import annotations

import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

# On SIGUSR1 the child writes the CPU time it has used to the pipe the benchmark passed it.
REPORT_CPU = """
import os, signal, time
signal.signal(signal.SIGUSR1, lambda *_: os.write(int(os.environ["BENCH_FD"]), b"%f\\n" % time.process_time()))
"""

BARE = REPORT_CPU + """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

class Start(Screen):
    def compose(self):
        yield Static("dilemmaspel", id="welcome")

class Bare(App):
    def on_mount(self):
        self.push_screen(Start())

Bare().run()
"""

# The same bare app with garbage collection paused until its first frame, as dilemmaspel's command
# line does: how much of the gap is that pause, and how much the app's own work.
BARE_NO_GC = BARE.replace("from textual.app import App", "import gc\ngc.disable()\nfrom textual.app import App", 1)

OURS = REPORT_CPU + """
import sys
from dilemmaspel.cli import main

sys.exit(main([]))
"""


def markers_of_the_start_screen() -> list[bytes]:
    """Texts that the complete first frame of the start screen contains (in Dutch, the default)."""
    from dilemmaspel.i18n import t

    return [t(key, lang="nl").encode() for key in ("ui.start.subtitle", "ui.start.new_group", "key.new_group")]


def launch(code: str, markers: list[bytes], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch until the terminal shows all ``markers``: (wall clock, CPU time of the child)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    cpu_read, cpu_write = os.pipe()
    start = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave,
                             env={**env, "BENCH_FD": str(cpu_write)}, pass_fds=(cpu_write,), start_new_session=True)
    os.close(slave)
    os.close(cpu_write)
    screen = b""
    try:
        while not all(marker in screen for marker in markers):
            if time.monotonic() - start > 30 or not select.select([master], [], [], 30)[0]:
                raise SystemExit(f"the first frame never came complete; the terminal got:\n{screen[-2000:]!r}")
            try:
                screen += os.read(master, 1 << 16)
            except OSError as exc:  # the child ended
                raise SystemExit(f"the child stopped before its first frame: {screen[-2000:]!r}") from exc
        wall = time.monotonic() - start
        child.send_signal(signal.SIGUSR1)
        select.select([cpu_read], [], [], 10)
        cpu = float(os.read(cpu_read, 64).decode().split()[0])
        return wall, cpu
    finally:
        child.kill()
        child.wait()
        os.close(master)
        os.close(cpu_read)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    ours_markers = markers_of_the_start_screen()
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as pycache:
        # As installed: with compiled bytecode (pip compiles at install), even where the shell
        # says not to write it; kept in a folder of its own, not in the source tree.
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "DILEMMASPEL_LANG")}
        env.update(PYTHONPYCACHEPREFIX=pycache, DILEMMASPEL_HOME=home, TERM="xterm-256color", COLORTERM="truecolor")
        launch(OURS, ours_markers, env)  # the first runs compile and create the database: not counted
        launch(BARE, [b"dilemmaspel"], env)
        bare, ours, bare_no_gc = [], [], []
        for _ in range(runs):  # interleaved, so drift affects all alike
            bare.append(launch(BARE, [b"dilemmaspel"], env))
            ours.append(launch(OURS, ours_markers, env))
            bare_no_gc.append(launch(BARE_NO_GC, [b"dilemmaspel"], env))
    b, o, n = (statistics.median(w for w, _ in runs_) for runs_ in (bare, ours, bare_no_gc))
    bc, oc, nc = (statistics.median(c for _, c in runs_) for runs_ in (bare, ours, bare_no_gc))
    print(f"launch to the first complete frame in a terminal, median of {runs}:  wall clock   CPU time")
    print(f"bare Textual app (Screen + Static, no Footer):            {b * 1000:7.1f} ms   {bc * 1000:7.1f} ms")
    print(f"dilemmaspel start screen (its own command line):          {o * 1000:7.1f} ms   {oc * 1000:7.1f} ms")
    print(f"bare app, garbage collection paused as dilemmaspel does: {n * 1000:7.1f} ms   {nc * 1000:7.1f} ms")
    print(f"ratio: {o / b:.2f} (target <= 1.15); CPU time ratio {oc / bc:.2f} (steadier on a busy machine)")
    print(f"ratio to the bare app that pauses collection too: {o / n:.2f} (what is left of the app's own work)")


if __name__ == "__main__":
    main()
