"""Helpers for driving the app through Textual's Pilot as a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from dilemmaspel.tui.app import DilemmaApp

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


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


async def fill(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Focus a field and put text in it (typing short text key by key)."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, Input):
        widget.value = ""
        if len(text) <= 30 and text.isascii() and "[" not in text:
            await pilot.press(*[("space" if ch == " " else ch) for ch in text])
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


def make_app(home: Path, extra: list[Path] | None = None) -> DilemmaApp:
    return DilemmaApp(home, extra or [])


def all_text(app: DilemmaApp) -> str:
    """The text of every Static on the top screen, also what is scrolled out of view."""
    from textual.widgets import Static

    return "\n".join(str(widget.content) for widget in app.screen.query(Static))


async def shows(pilot: Pilot[Any], text: str, tries: int = 50) -> bool:
    """Whether the screen shows ``text`` once it has settled (a slow machine may need a few frames)."""
    for _ in range(tries):
        if text in screen_text(pilot.app):  # type: ignore[arg-type]
            return True
        await pilot.pause(0.05)
    return False
