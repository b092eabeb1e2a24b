"""The key line at the bottom of every screen: Textual's Footer, rebuilt only when its keys change.

Textual's Footer builds all its key widgets anew whenever the screen's bindings may have changed:
after every focus move, every key that changes an enabled state, every screen resume. Most of
those moves leave the keys as they were (typing in a reasoning field, tabbing between buttons),
and each rebuild styles one widget per key and two virtual nodes for its parts. ``KeyFooter``
compares what it would show with what it shows and only rebuilds when that differs.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A compact Footer that rebuilds its keys only when the keys it shows have changed."""

    def __init__(self, *, compact: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(compact=compact, id=id, classes=classes)
        self._shown: Hashable | None = None

    def shown_keys(self, screen: Screen[object]) -> Hashable:
        """Everything of the screen's bindings that the Footer draws, in its order.

        Bindings with ``show=False`` are left out (focus moves change those most), except the
        command palette's key, which the Footer draws at its right end."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if self.show_command_palette and app.ENABLE_COMMAND_PALETTE else None
        return (
            self.compact,
            tuple(
                (key, binding.action, binding.description, app.get_key_display(binding), enabled,
                 tooltip, binding.show, binding.group.description if binding.group else None)
                for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
                if binding.show or key == palette
            ),
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Footer only rebuilds for its own screen while the app has focus: remember what it
        # showed only then, so a change made while the app had no focus still gets drawn later.
        will_rebuild = screen.app.app_focus and self.is_attached and screen is self.screen
        if will_rebuild:
            shown = self.shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
