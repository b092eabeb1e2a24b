"""Light stand-ins for Header and Footer, so that the start screen's first frame comes quickly.

Textual's Header is four widgets and its Footer one widget per key; the Footer even starts empty
and only shows its keys a frame later. On the app's first screen that costs a noticeable part of
the start-up time (``benchmarks/tui_startup.py``). ``TitleLine`` and ``KeyLine`` are one widget
each and paint the same line in the same colours, from the same sources (the screen's title and
``Screen.active_bindings``). After the first frame, :func:`use_real_chrome` mounts the real Header
and Footer hidden and lets each take its stand-in's place once it has its content, in one update,
so no frame shows a blank line. From then on the screen has the real widgets (mouse, tooltips,
the command palette icon, key updates).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

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
    palette key at the right (binding groups, which this app does not use, are not drawn).
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

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

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
        for binding, enabled in first_per_action.values():
            line.append_text(self._item(binding, enabled))
            line.append(" ")
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            right = Text("▏", self.get_component_rich_style("key-line--palette-edge"), end="")
            right.append_text(self._item(binding, enabled))
            right.append(" ")
            gap = self.size.width - line.cell_len - right.cell_len
            if gap > 0:
                line.append(" " * gap)
            line.append_text(right)
        return line


def use_real_chrome(screen: Screen[object], *, tries: int = 100) -> None:
    """Replace the screen's TitleLine and KeyLine by a real Header and Footer once those are ready.

    Returns at once (call it after the first frame): the real widgets mount hidden, and each
    takes its stand-in's place after a refresh at which it has its content (at most ``tries``).
    """
    from textual.widgets import Header

    from dilemmaspel.tui.widgets.key_footer import KeyFooter

    class KeysFooter(KeyFooter):
        """The screen's key line, composing its keys as soon as it is mounted."""

        def on_mount(self) -> None:  # Textual runs Footer's on_mount (the subscription) too
            self.bindings_changed(self.screen)

    stand_ins: list[tuple[Widget, Widget]] = []
    for light, real in ((TitleLine, Header()), (KeyLine, KeysFooter())):
        found = screen.query(light)
        if found:
            real.display = False
            stand_ins.append((found.first(), real))
    if not stand_ins:
        return
    screen.mount_all([real for _, real in stand_ins])

    def ready(real: Widget) -> bool:
        if isinstance(real, Header):
            return any(str(title.content) for title in real.query("HeaderTitle").results(Static))
        return bool(real.children)  # a Footer's keys

    def swap(tries_left: int) -> None:
        waiting = [(light, real) for light, real in stand_ins if light.is_attached]
        done = [(light, real) for light, real in waiting if real.is_attached and ready(real)]
        if done:
            with screen.app.batch_update():
                for light, real in done:
                    real.display = True
                    light.remove()
        if len(done) < len(waiting) and tries_left > 0:
            screen.call_after_refresh(swap, tries_left - 1)

    screen.call_after_refresh(swap, tries)
