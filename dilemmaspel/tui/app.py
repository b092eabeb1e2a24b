"""The dilemmaspel Textual app: start screen, group sessions, help, decks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

import threading
from typing import TYPE_CHECKING

from dilemmaspel.i18n import current_language, set_language, t
from dilemmaspel.i18n.oserror import os_error
from dilemmaspel.paths import ensure_private_dir, write_private_atomic
from dilemmaspel.store import Store, StoreError
from dilemmaspel.tui.base import BaseModal, BaseScreen, SessionScreen, binding, error_text

if TYPE_CHECKING:
    from dilemmaspel.decks import Library
    from dilemmaspel.room.options import RoomOptions
    from dilemmaspel.room.server import Room
    from dilemmaspel.tui.context import Live

SETTINGS_FILE = "settings.json"


def load_settings(data_dir: Path) -> dict[str, Any]:
    """The user's saved preferences (language, theme); {} when there are none or they are unreadable."""
    from dilemmaspel.safefile import SETTINGS_LIMIT, FileRefused, read_text

    try:
        value = json.loads(read_text(data_dir / SETTINGS_FILE, SETTINGS_LIMIT))
    except (FileRefused, ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


class DilemmaApp(App[None]):
    """The app. Holds the store and the deck library; screens do the rest."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    SCREENS_CSS = Path(__file__).with_name("screens.tcss")
    """The styles of every screen but the start screen: read when the first of them opens, so
    that the first frame parses only ``app.tcss`` (``benchmarks/tui_startup.py``)."""
    TITLE = "dilemmaspel"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        binding("f1", "help", "key.help", id="app.help"),
        binding("ctrl+q", "quit", "key.quit", show=False, priority=True, id="app.quit"),
        # Declared here (not left to Textual) so that it has a translated name and an id.
        binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True, id="app.palette"),
    ]

    def __init__(self, data_dir: Path, extra_decks: Sequence[Path] = (), store: Store | None = None,
                 room_options: RoomOptions | None = None) -> None:
        super().__init__()
        self.room_options = room_options
        self.room: Room | None = None  # the room server of an open device session
        self.data_dir = ensure_private_dir(Path(data_dir))
        self.store = store or Store(self.data_dir)
        self.extra_decks = list(extra_decks)
        self._library: Library | None = None
        self._library_lock = threading.Lock()
        self._screens_css_read = False
        self.settings = load_settings(self.data_dir)
        self.extra_modes: tuple[str, ...] = ("beraad", "solo")
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        keys = self.settings.get("keys")
        if isinstance(keys, dict):
            # A user's own keys: binding id -> key(s), e.g. {"round.close": "x"}.
            self.set_keymap({str(k): v for k, v in keys.items() if isinstance(v, str) and v.strip()})

    @property
    def library(self) -> Library:
        """The decks and methods; loaded on first use (the start screen shows before that)."""
        with self._library_lock:
            if self._library is None:
                from dilemmaspel.decks import load_library

                self._library = load_library(self.data_dir, self.extra_decks)
            return self._library

    def on_mount(self) -> None:
        from dilemmaspel.tui.screens.start import StartScreen

        self.push_screen(StartScreen())
        self.call_after_refresh(self.first_frame_drawn)
        # Load the decks once the start screen has settled (they load on demand if needed sooner).
        self.set_timer(0.5, self.warm_up)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        self.load_screens_css(screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        self.load_screens_css(screen)
        return super().switch_screen(screen)

    def load_screens_css(self, screen: Screen[Any] | str) -> None:
        """Add ``screens.tcss`` to the stylesheet before a screen other than the start screen first
        shows. Its rules come after those of ``app.tcss``, as when the two were one file."""
        from dilemmaspel.tui.screens.start import StartScreen

        if self._screens_css_read or isinstance(screen, StartScreen):
            return
        self._screens_css_read = True
        self.stylesheet.read(self.SCREENS_CSS)
        self.stylesheet.parse()  # the sources parsed before come from the stylesheet's cache

    def first_frame_drawn(self) -> None:
        """The start screen is up: resume the garbage collection that ``dilemmaspel.cli`` paused
        for the start-up, and exempt what start-up built (it lives as long as the app) from it."""
        import gc

        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def warm_up(self) -> None:
        """Load the decks in the background once the start screen is up, then report bad ones."""

        def load() -> None:
            library = self.library
            for skipped in library.skipped:
                self.call_from_thread(self.notify, str(skipped.problem), title=t("ui.deck_skipped"),
                                      severity="warning", timeout=10)

        threading.Thread(target=load, name="load-decks", daemon=True).start()

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications never interpret markup: they often carry names or file contents."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "settings", None) is not None and self.settings.get("theme") != theme:
            self.save_settings(theme=theme)

    def save_settings(self, **values: Any) -> None:
        self.settings.update(values)
        try:
            write_private_atomic(self.data_dir / SETTINGS_FILE, json.dumps(self.settings, indent=2))
        except OSError as exc:
            self.notify(t("ui.save_failed", reason=os_error(exc)), severity="warning")

    # --- navigation -----------------------------------------------------------------------

    def show(self, screen: Screen[Any]) -> None:
        """Open a session screen in place of the current one (the start screen stays below)."""
        from dilemmaspel.tui.screens.start import StartScreen

        if isinstance(self.screen, StartScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def to_start(self) -> None:
        """Back to the start screen."""
        from dilemmaspel.tui.screens.start import StartScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, StartScreen):
            self.pop_screen()
        self.store.release()  # no session is open in this window any more

    def route(self, live: Live) -> None:
        """Show the screen where this session stands now (also used to resume)."""
        from dilemmaspel.tui.screens.groups import GroupsScreen
        from dilemmaspel.tui.screens.participants import ParticipantsScreen
        from dilemmaspel.tui.screens.play import PlayScreen
        from dilemmaspel.core.flow import next_step
        from dilemmaspel.tui.screens.summary import SummaryScreen

        step = next_step(live.state)
        if live.state.settings.devices and step.kind not in ("participants", "groups") and not live.state.finished:
            from dilemmaspel.tui.screens.console import ConsoleScreen

            self.show(ConsoleScreen(live))
        elif step.kind == "participants":
            self.show(ParticipantsScreen(live))
        elif step.kind == "groups":
            self.show(GroupsScreen(live))
        elif step.kind == "finished" and live.state.finished:
            self.show(SummaryScreen(live))
        else:
            self.show(PlayScreen(live))

    def resume(self, session_id: str) -> None:
        """Open a stored session where it stopped."""
        from dilemmaspel.tui.context import Live

        try:
            live = Live.resume(self.store, session_id, [s.deck for s in self.library.decks.values()])
        except (StoreError, KeyError) as exc:
            self.notify(error_text(exc), severity="error")
            return
        if live.read_only is not None:  # open elsewhere, damaged, or a read-only database: say so at once
            self.notify(error_text(live.read_only), title=t("store.read_only_title"), severity="warning", timeout=15)
        self.route(live)

    async def close_room(self) -> None:
        """Stop the room server (open streams are told to finish first, so this is quick)."""
        room, self.room = self.room, None
        if room is not None:
            await room.stop()

    async def on_unmount(self) -> None:
        await self.close_room()
        self.store.release()  # let other windows have the session this one had open

    # --- actions --------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, with its search prompt in the UI language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("ui.palette.placeholder"), id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: say how to quit, in the UI language."""
        self.notify(t("ui.quit.hint"), title=t("ui.quit.hint_title"))

    async def action_quit(self) -> None:
        """Ctrl+Q (and Q on some screens): ask first when quitting would lose something."""
        self.ask_to_quit()

    def quit_question(self) -> str | None:
        """Why quitting now needs a yes (something typed, or a session open), or None."""
        screens = [s for s in reversed(self.screen_stack) if isinstance(s, (BaseScreen, BaseModal))]
        for screen in screens:
            loss = screen.pending_loss()
            if loss:
                return t("ui.quit.loses", what=loss)
        if any(isinstance(s, SessionScreen) for s in screens):
            return t("ui.quit.session")
        return None

    @work(exclusive=True, group="quit")
    async def ask_to_quit(self) -> None:
        from dilemmaspel.tui.dialogs.confirm import ConfirmDialog

        if isinstance(self.screen, ConfirmDialog) and self.screen.id == "quit-dialog":
            return
        question = self.quit_question()
        if question is not None:
            dialog = ConfirmDialog(question, t("ui.quit.yes"), t("ui.quit.no"))
            dialog.id = "quit-dialog"
            if not await self.push_screen_wait(dialog):
                return
        self.exit()

    def action_new_group(self) -> None:
        self.start_mode("group")

    def start_mode(self, mode: str) -> None:
        """Set up a session of the given mode (group, beraad or solo)."""
        from dilemmaspel.tui.screens.setup import SetupScreen

        self.show(SetupScreen(mode))

    def action_browse(self) -> None:
        from dilemmaspel.tui.screens.decks import DecksScreen

        self.push_screen(DecksScreen())

    def action_help(self) -> None:
        """Show the help; it is built once per language and kept (it is a long text to lay out)."""
        from dilemmaspel.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        name = f"help-{current_language()}"
        if not self.is_screen_installed(name):
            self.install_screen(HelpScreen(), name)
        kept = self.get_screen(name)
        # Already further down (help, the palette, another screen, help again): a fresh one on top.
        self.push_screen(HelpScreen() if kept in self.screen_stack else kept)

    def action_language(self) -> None:
        """Switch between Dutch and English and remember the choice."""
        from dilemmaspel.tui.screens.start import StartScreen

        language = "en" if current_language() == "nl" else "nl"
        set_language(language)
        self.save_settings(language=language)
        self.to_start()
        self.switch_screen(StartScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(t("cmd.new_group"), t("cmd.new_group.help"), self.action_new_group)
        yield SystemCommand(t("cmd.beraad"), t("cmd.beraad.help"), lambda: self.start_mode("beraad"))
        yield SystemCommand(t("cmd.solo"), t("cmd.solo.help"), lambda: self.start_mode("solo"))
        yield SystemCommand(t("cmd.browse"), t("cmd.browse.help"), self.action_browse)
        yield SystemCommand(t("cmd.help"), t("cmd.help.help"), self.action_help)
        yield SystemCommand(t("cmd.language"), t("cmd.language.help"), self.action_language)
        yield SystemCommand(t("cmd.start"), t("cmd.start.help"), self.to_start)
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.keys"), t("cmd.keys.help"), self.action_show_help_panel)
        yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), self.ask_to_quit)
        extra = getattr(screen, "palette_commands", None)
        if callable(extra):
            yield from extra()


def run_app(data_dir: Path, extra_decks: Sequence[Path] = (), language: str | None = None,
            room: RoomOptions | None = None) -> int:
    """Start the app; returns the exit code. A broken data dir gets a message, not a traceback."""
    import sys

    settings = load_settings(Path(data_dir))
    if language is None and settings.get("language") in ("nl", "en"):
        set_language(settings["language"])
    try:
        app = DilemmaApp(data_dir, extra_decks, room_options=room)
    except (StoreError, OSError) as exc:
        print(t("ui.cannot_open", path=data_dir, reason=os_error(exc) if isinstance(exc, OSError) else exc), file=sys.stderr)
        return 1
    app.run()
    return 0
