"""The title line at the top and the key line at the bottom of every screen.

Textual's Header is four widgets and its Footer one widget per key (each styled with two more
virtual nodes for its parts), rebuilt after every focus move. Every screen and dialog of the app
has them, so they cost a noticeable part of each screen change and of the start-up time
(``benchmarks/tui_startup.py``). ``TitleLine`` and ``KeyLine`` are one widget each. They paint
the same line in the same colours as ``Header()`` and ``Footer(compact=True)``, from the same
sources (the screen's title and ``Screen.active_bindings``), and react to the mouse as those do:
a click on a key presses it, a click on the icon opens the command palette.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

HEADER_ICON = "⭘"  # Textual's Header default
HEADER_ICON_WIDTH = 8  # HeaderIcon: width 8, padding 0 1
HEADER_CLOCK_WIDTH = 10  # HeaderClockSpace: width 10


class TitleLine(Widget):
    """The screen's title and sub-title as ``Header()`` (no clock) shows them."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleLine {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    async def on_click(self, event: events.Click) -> None:
        """A click on the icon opens the command palette, as Header's icon does."""
        if event.x < HEADER_ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")

    def on_mount(self) -> None:
        for attribute in ("title", "sub_title"):
            self.watch(self.screen, attribute, lambda _value: self.refresh(), init=False)

    def render(self) -> RenderResult:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        text = self.app.format_title(title, sub_title)
        room = max(0, self.size.width - HEADER_ICON_WIDTH - HEADER_CLOCK_WIDTH)
        if text.cell_length > room:
            text = text.truncate(room, ellipsis=True)
        left = (room - text.cell_length) // 2
        icon = f" {HEADER_ICON}".ljust(HEADER_ICON_WIDTH)
        return Content.assemble(icon, " " * left, text, " " * (room - left - text.cell_length + HEADER_CLOCK_WIDTH))


class KeyLine(Widget):
    """The keys of the screen's active bindings in one line, as ``Footer(compact=True)`` shows them.

    Like Footer: the first binding shown per action, dimmed when disabled, and the command
    palette key at the right when asked (binding groups, which this app does not use, are not drawn). A key
    that does not fit is cut off; every key is also in the help and the command palette.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-line--key", "key-line--description", "key-line--palette-edge"}
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-line--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-line--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-line--palette-edge {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, palette: bool = False) -> None:
        super().__init__()
        self.palette = palette
        """Whether the command palette's key is drawn at the right (the start screen only: elsewhere
        the screen's own keys need the room)."""
        self._spans: list[tuple[int, int, str, bool]] = []
        """Where each key is drawn: first and last cell, the key, whether it is enabled."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it; on a disabled key it rings the bell, as Footer does."""
        for start, end, key, enabled in self._spans:
            if start <= event.x < end:
                event.stop()
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _item(self, binding: Binding, enabled: bool) -> Text:
        key = self.get_component_rich_style("key-line--key")
        description = self.get_component_rich_style("key-line--description")
        dim = Style() if enabled else Style(dim=True)
        item = Text.assemble((self.app.get_key_display(binding), dim + key))
        if binding.description:
            item.append(f" {binding.description}", dim + description)
        return item

    def render(self) -> RenderResult:
        active = self.screen.active_bindings
        first_per_action: dict[str, tuple[Binding, bool]] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show:
                first_per_action.setdefault(binding.action, (binding, enabled))
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str, bool]] = []
        for binding, enabled in first_per_action.values():
            start = line.cell_len
            line.append_text(self._item(binding, enabled))
            spans.append((start, line.cell_len, binding.key, enabled))
            line.append(" ")
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.palette and self.app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            right = Text("▏", self.get_component_rich_style("key-line--palette-edge"), end="")
            right.append_text(self._item(binding, enabled))
            right.append(" ")
            gap = self.size.width - line.cell_len - right.cell_len
            if gap > 0:
                line.append(" " * gap)
            start = line.cell_len + 1  # after the edge
            line.append_text(right)
            spans.append((start, line.cell_len, binding.key, enabled))
        self._spans = [span for span in spans if span[0] < self.size.width]
        return line
