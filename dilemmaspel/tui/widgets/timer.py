"""A visible time box: counts down, signals when over, never moves on by itself."""

from __future__ import annotations

import math
import time

from textual.widgets import Static

from dilemmaspel.i18n import t


class TimeBox(Static):
    """Counts down from ``minutes``; turns red and rings once when the time is up."""

    DEFAULT_CSS = """
    TimeBox { width: auto; padding: 0 1; background: $boost; }
    TimeBox.over { background: $error; color: $text; text-style: bold; }
    TimeBox.paused { text-style: dim; }
    """

    def __init__(self, minutes: int | None, elapsed: float = 0.0, **kwargs: object) -> None:
        """``elapsed``: time already used on this step earlier (a resumed deliberation)."""
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.total = (minutes or 0) * 60
        self.elapsed_before = float(elapsed)
        self.over_on_entry = bool(self.total) and self.elapsed_before >= self.total
        self.started: float | None = None
        self.signalled = False

    def on_mount(self) -> None:
        if self.total:
            self.started = time.monotonic()
            self.set_interval(1.0, self.tick)
        self.tick()

    @property
    def elapsed(self) -> float:
        running = time.monotonic() - self.started if self.started is not None else 0.0
        return self.elapsed_before + running

    def toggle_pause(self) -> None:
        if not self.total:
            return
        if self.started is None:
            self.started = time.monotonic()
            self.remove_class("paused")
        else:
            self.elapsed_before = self.elapsed
            self.started = None
            self.add_class("paused")
        self.tick()

    def tick(self) -> None:
        if not self.total:
            self.update(t("ui.timer.none"))
            return
        left = self.total - self.elapsed
        if left <= 0 and not self.signalled:
            self.signalled = True
            self.add_class("over")
            if not self.over_on_entry:  # a step re-opened after its time was up rings no second time
                self.app.bell()  # the box itself turns red and says so: no notification over the notes
        seconds = math.ceil(left) if left > 0 else int(-left)
        clock = f"{seconds // 60:02d}:{seconds % 60:02d}"
        if left <= 0:
            text = t("ui.timer.over", clock=clock)
        else:
            text = t("ui.timer.left", clock=clock)
        if self.started is None:
            text += " " + t("ui.timer.paused")
        self.update(text)
