"""Memory of a 40-member, 10-card session held in the app, against a bare Textual app.

Each figure is the peak resident memory of a fresh process (resource.ru_maxrss, POSIX only):
a bare app showing one Static, and dilemmaspel with the session loaded on its reveal screen.
The session's own state is measured with tracemalloc too. Run: python benchmarks/tui_memory.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import asyncio, resource
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("dilemmaspel")
async def main():
    async with Bare().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

OURS = """
import asyncio, resource, sys, tempfile, tracemalloc
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.decks import load_library
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.tui.app import DilemmaApp
from dilemmaspel.tui.context import Live

async def main():
    home = Path(tempfile.mkdtemp())
    library = load_library()
    deck = library.deck("bestuurlijke-integriteit")
    store = Store(home)
    sink = StoreSink(store)
    tracemalloc.start()
    engine = Engine(sink)
    engine.start("group", Settings(decks=[deck.id], cards=10, same_card=False, method=library.method("zeven-stappen"), seed=1))
    for i in range(40):
        engine.add_participant(Participant(name=f"Deelnemer {i}", party=f"Partij {i % 6}", side=("coalition", "opposition", "none")[i % 3]))
    engine.form_groups(size=8)
    for _ in range(10):
        for group in range(len(engine.state.groups)):
            rnd = engine.deal(group, [deck])
            for pid in engine.state.voters(rnd):
                engine.vote(rnd.number, pid, "A", "Een toelichting van een paar zinnen. " * 6)
            engine.reveal(rnd.number)
            engine.start_deliberation(rnd.number)
            for step in range(7):
                engine.save_note(rnd.number, step, "Aantekeningen van de groep. " * 10)
            engine.close_round(rnd.number)
    state_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    live = Live(sink.session_id, engine, [deck])
    app = DilemmaApp(home, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        from dilemmaspel.tui.screens.reveal import RevealScreen
        app.push_screen(RevealScreen(live, live.state.rounds[-1]))
        await pilot.pause()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, state_bytes, engine.state.events)

asyncio.run(main())
"""


def main() -> None:
    bare_kb = int(subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True, check=True).stdout.split()[-1])
    out = subprocess.run([sys.executable, "-c", OURS, str(ROOT)], capture_output=True, text=True, check=True).stdout.split()
    ours_kb, state_bytes, events = int(out[-3]), int(out[-2]), int(out[-1])
    print(f"bare Textual app:                      {bare_kb / 1024:6.1f} MiB peak RSS")
    print(f"dilemmaspel, 40 members x 10 cards:    {ours_kb / 1024:6.1f} MiB peak RSS ({events} events)")
    print(f"  of which the session state (traced):  {state_bytes / 1024 / 1024:6.1f} MiB")
    print(f"ratio: {ours_kb / bare_kb:.2f}")


if __name__ == "__main__":
    main()
