"""Vote bars: one line per option with a bar, the count and (when it may be shown) the side split."""

from __future__ import annotations

from textual.content import Content

from dilemmaspel.core.events import OTHER
from dilemmaspel.core.stats import RoundStats
from dilemmaspel.i18n import t


def vote_bars(stats: RoundStats, width: int = 30, splits: bool = True) -> Content:
    """A block of bars for the reveal screen (``splits=False``: no coalition/opposition split)."""
    top = max(stats.tally.values()) if stats.total else 0
    lines: list[Content] = []
    for option, count in stats.tally.items():
        if option == OTHER and not count:
            continue
        label = t("vote.other") if option == OTHER else option
        length = round(width * count / top) if top else 0
        split = "" if stats.by_side is None else t(
            "ui.reveal.split",
            coalition=stats.by_side["coalition"][option],
            opposition=stats.by_side["opposition"][option],
            none=stats.by_side["none"][option],
        )
        lines.append(
            Content.assemble(
                (f"{label:>7} ", "bold"),
                ("█" * length, "$accent"),
                ("░" * (width - length), "$text-muted 30%"),
                f" {count:>2}  ",
                (split if splits else "", "$text-muted"),
            )
        )
    return Content("\n").join(lines)
