"""Helpers for driving the app through Textual's Pilot as a user would.

Waits never sleep for a fixed time: they let the app work (``pilot.pause(0)``) until it is quiet
or until the screen shows what the test expects, with a generous upper bound that only fails a
test when that never happens. A loaded machine makes them slower, never wrong.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.keys import key_to_character
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from dilemmaspel.tui.app import DilemmaApp

if TYPE_CHECKING:
    from dilemmaspel.store import Store
    from dilemmaspel.tui.context import Live

WAIT_LIMIT = 30.0
"""Seconds a wait may take before the test fails: far beyond any normal frame, even under load."""

ROSTER = """naam;partij;kant;rol
Anna de Vries;Groen Dorp;coalitie;raadslid
Ben Jansen;Lokaal Sterk;oppositie;fractievoorzitter
Cor Bakker;Groen Dorp;coalitie;wethouder
Dina Smit;Lokaal Sterk;oppositie;raadslid
Eef Mol;;geen;griffier
Femke Ouali;Samen Verder;coalitie;raadslid
Gert Kok;Nieuw Oost;oppositie;raadslid
Hans [/] Vos;Samen Verder;coalitie;commissielid
Ilse 🌷 Dijk;Nieuw Oost;oppositie;raadslid
"""


def screen_text(app: DilemmaApp) -> str:
    """What the top screen shows right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class CountingExecutor(ThreadPoolExecutor):
    """The loop's default executor, counting the jobs it is running (thread workers run here)."""

    def __init__(self) -> None:
        super().__init__(thread_name_prefix="test-worker")
        self.running = 0
        self._count_lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._count_lock:
            self.running += 1
        try:
            future = super().submit(fn, *args, **kwargs)
        except BaseException:
            self._finished(None)
            raise
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _future: object) -> None:
        with self._count_lock:
            self.running -= 1


_executors: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CountingExecutor] = weakref.WeakKeyDictionary()


def _count_thread_jobs() -> None:
    """Run the current loop's thread jobs (thread workers, to_thread) where settle can see them."""
    loop = asyncio.get_running_loop()
    if loop not in _executors:
        _executors[loop] = CountingExecutor()
        loop.set_default_executor(_executors[loop])


def _busy(app: App[Any]) -> bool:
    """Whether the app has messages left to handle on its top screen, or a thread job running."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    if any(node.message_queue_size for node in nodes):
        return True
    executor = _executors.get(asyncio.get_running_loop())
    return executor is not None and executor.running > 0


async def _step(pilot: Pilot[Any], polls: int) -> None:
    """One poll: let the app handle what is pending; after a few polls also give threads a moment."""
    await pilot.pause(0 if polls < 20 else 0.01)


async def settle(pilot: Pilot[Any]) -> None:
    """Let the app finish handling what it was sent: no messages pending, no thread job running.

    While messages are queued it only yields to the loop (cheap); a full ``pilot.pause``, which
    has every widget confirm its queue and refreshes the screen, only confirms the quiet.
    """
    deadline = time.monotonic() + WAIT_LIMIT
    polls = 0
    while True:
        quiet = 0
        while quiet < 2:
            await asyncio.sleep(0 if polls < 50 else 0.005)
            polls += 1
            quiet = 0 if _busy(pilot.app) else quiet + 1
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not settle within {WAIT_LIMIT:.0f} s")
        await pilot.pause(0)
        if not _busy(pilot.app):
            return


async def until(pilot: Pilot[Any], condition: Callable[[], object], limit: float = WAIT_LIMIT) -> bool:
    """Let the app work until ``condition()`` holds; False only if it never did within ``limit`` seconds."""
    deadline = time.monotonic() + limit
    polls = 0
    while True:
        await _step(pilot, polls)
        polls += 1
        if condition():
            return True
        if time.monotonic() > deadline:
            return False


async def fill(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Focus a field and put text in it (typing short text key by key)."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await settle(pilot)
    if isinstance(widget, Input):
        widget.value = ""
        if len(text) <= 30 and text.isascii() and "[" not in text:
            for ch in text:  # typed as the terminal sends keys, handled in one go
                pilot.app.post_message(events.Key("space" if ch == " " else ch, ch))
        else:
            widget.insert_text_at_cursor(text)
    elif isinstance(widget, TextArea):
        widget.text = ""
        widget.insert(text)
    await settle(pilot)


async def vote(pilot: Pilot[Any], choice: str, reasoning: str = "", other: str = "") -> None:
    """On a pass screen: take the laptop, choose, explain, confirm."""
    from dilemmaspel.tui.screens.vote import PassScreen, VoteScreen

    assert isinstance(pilot.app.screen, PassScreen), type(pilot.app.screen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, VoteScreen)
    await pilot.press(choice.lower() if choice != "other" else "o")
    await settle(pilot)
    if other:
        await fill(pilot, "#other", other)
    if reasoning:
        await fill(pilot, "#reasoning", reasoning)
    await pilot.press("ctrl+s")
    await settle(pilot)
    await pilot.press("j")
    await settle(pilot)


class QuickPilot(Pilot[Any]):
    """Pilot whose key presses wait for the app to handle them, not for the clock.

    ``Pilot.press`` waits for the process to look idle after every key (at least 40 ms each).
    This one posts the same ``Key`` event the terminal driver posts to the app, then settles.
    """

    async def press(self, *keys: str) -> None:
        for key in keys:
            if key.startswith("wait:") or (len(key) == 1 and not key.isalnum()):
                await super().press(key)  # Textual's own spelling of punctuation keys and waits
                continue
            self.app.post_message(events.Key(key, key_to_character(key)))
            await settle(self)


class PilotedApp(DilemmaApp):
    """The app itself, driven in tests by a QuickPilot."""

    @asynccontextmanager
    async def run_test(self, **kwargs: Any) -> AsyncIterator[Pilot[None]]:  # type: ignore[override]
        _count_thread_jobs()
        async with super().run_test(**kwargs) as pilot:
            await settle(pilot)
            yield QuickPilot(self)


def make_app(home: Path, extra: list[Path] | None = None) -> DilemmaApp:
    return PilotedApp(home, extra or [])


def all_text(app: DilemmaApp) -> str:
    """The text of every Static on the top screen, also what is scrolled out of view."""
    from textual.widgets import Static

    return "\n".join(str(widget.content) for widget in app.screen.query(Static))


async def shows(pilot: Pilot[Any], text: str, tries: int = 50) -> bool:
    """Whether the screen shows ``text``, waiting for it as long as a slow machine may need.

    Returns as soon as the text is there. ``tries`` is kept for callers that pass it (it was a
    count of 50 ms polls): the wait lasts up to the longer of ``tries`` x 50 ms and ``WAIT_LIMIT``.
    """
    if _shown(pilot.app, text):  # type: ignore[arg-type]
        return True
    limit = max(WAIT_LIMIT, tries * 0.05)
    return await until(pilot, lambda: _shown(pilot.app, text), limit)  # type: ignore[arg-type]


_BORDER_RUN = re.compile(r"[\s▊▎▏│┃║▌▐]+")


def _shown(app: DilemmaApp, text: str) -> bool:
    """Whether ``text`` is on the screen, on one line or wrapped over several (a card title's
    length decides where a line breaks, so a wrapped phrase counts as shown)."""
    lines = screen_text(app)
    if text in lines:
        return True
    return _BORDER_RUN.sub(" ", text) in _BORDER_RUN.sub(" ", lines)


def session_in_play(home: Path, language: str = "nl") -> tuple["Store", "Live"]:
    """A stored session where group 1 has a revealed round under deliberation and group 2 a
    round in its vote."""
    from dilemmaspel.store import Store
    from dilemmaspel.tui.context import Live
    from tests import sessionfactory as factory

    store = Store(home)
    engine = factory.engine_for(store)
    factory.start(engine, language=language)
    factory.add_people(engine)
    engine.form_groups(count=2, seed=factory.SEED)
    first = engine.deal(0, [factory.deck()])
    for pid in engine.state.voters(first):
        engine.vote(first.number, pid, "A", "Omdat")
    engine.reveal(first.number)
    engine.start_deliberation(first.number)
    engine.deal(1, [factory.deck()])
    return store, Live(factory.session_id(engine), engine, [factory.deck()])


def main_screens(live: Live) -> dict[str, Any]:
    """Factories of the main screens of a session where group 1 has a revealed round under
    deliberation and group 2 a round in its vote."""
    from dilemmaspel.tui.screens.card import CardScreen
    from dilemmaspel.tui.screens.deliberation import DeliberationScreen
    from dilemmaspel.tui.screens.groups import GroupsScreen
    from dilemmaspel.tui.screens.participants import ParticipantsScreen
    from dilemmaspel.tui.screens.play import PlayScreen
    from dilemmaspel.tui.screens.reveal import RevealScreen
    from dilemmaspel.tui.screens.setup import SetupScreen
    from dilemmaspel.tui.screens.start import StartScreen
    from dilemmaspel.tui.screens.vote import PassScreen, VoteScreen

    state = live.state
    revealed, voting = state.rounds[0], state.rounds[1]
    pid = state.next_voter(voting)
    assert pid is not None
    return {
        "start": StartScreen,
        "setup": lambda: SetupScreen("group"),
        "participants": lambda: ParticipantsScreen(live),
        "groups": lambda: GroupsScreen(live),
        "play": lambda: PlayScreen(live),
        "card": lambda: CardScreen(live, voting),
        "pass": lambda: PassScreen(live, voting, pid),
        "vote": lambda: VoteScreen(live, voting, pid),
        "reveal": lambda: RevealScreen(live, revealed),
        "deliberation": lambda: DeliberationScreen(live, revealed),
    }


def record_notifications(app: App[Any]) -> list[str]:
    """Every notification the app shows from now on, in order (they are shown as well)."""
    seen: list[str] = []
    real = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        seen.append(message)
        real(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return seen
