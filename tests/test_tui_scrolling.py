"""Set-up fields that show their value, and help and reveal tabs that scroll with the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input

from dilemmaspel.i18n import set_language
from dilemmaspel.tui.screens.help import HelpScreen
from dilemmaspel.tui.screens.reveal import RevealScreen
from dilemmaspel.tui.screens.setup import SetupScreen
from tests.test_tui_snapshots import build
from tests.tui_helpers import make_app, screen_text, settle, shows, until


async def test_card_count_field_shows_its_value(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SetupScreen("group"))
        await settle(pilot)
        field = app.screen.query_one("#cards", Input)
        field.focus()
        field.scroll_visible(animate=False)
        await settle(pilot)
        assert field.size.height == 1  # one line of text inside its border, not squeezed away
        assert field.value
        lines = screen_text(app).splitlines()
        label = next(i for i, line in enumerate(lines) if "Aantal kaarten per groep" in line)
        # The field's line, between its left and right border (the page's scrollbar may follow).
        inside = lines[label + 2].split("▊", 1)[1].split("▎", 1)[0]
        assert inside.strip() == field.value, lines[label: label + 4]


@pytest.mark.parametrize("mode", ["group", "beraad", "solo"])
async def test_the_set_up_form_opens_at_its_top_with_its_first_field_taking_the_keys(isolated_home: Path, mode: str) -> None:
    from dilemmaspel.i18n import t

    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # from the start screen, as a user opens it
        app.action_new_group() if mode == "group" else app.start_mode(mode)
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        assert app.focused is not None and app.focused.id == ("person" if mode == "solo" else "title")
        await pilot.wait_for_scheduled_animations()  # a scroll to the field would be animated
        assert app.screen.query_one("#setup", VerticalScroll).scroll_y == 0
        assert await shows(pilot, t(f"ui.setup.intro.{mode}")[:40])


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_help_scrolls_to_the_key_list_at_80x24(isolated_home: Path, language: str) -> None:
    set_language(language)
    key_line = "Ctrl+Q"
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert key_line not in screen_text(app)
        scroll = app.screen.query_one("#help-scroll", VerticalScroll)
        assert app.screen.focused is scroll
        await pilot.press("pagedown")
        assert await until(pilot, lambda: scroll.scroll_y > 0)
        await pilot.press("end")
        assert await shows(pilot, key_line)
        await pilot.press("home")
        assert await until(pilot, lambda: scroll.scroll_y == 0)  # the scroll is animated
        await pilot.press("k")
        assert await shows(pilot, key_line)


async def test_help_is_kept_opens_at_the_top_again_and_follows_the_language(isolated_home: Path) -> None:
    app = make_app(isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        first = app.screen
        assert isinstance(first, HelpScreen) and await shows(pilot, "Hulp bij dilemmaspel")
        await pilot.press("k")
        scroll = first.query_one("#help-scroll", VerticalScroll)
        assert await until(pilot, lambda: scroll.scroll_y > 0)
        await pilot.press("escape")
        await pilot.press("f1")
        assert app.screen is first  # the same screen, not laid out again
        assert await until(pilot, lambda: scroll.scroll_y == 0) and app.screen.focused is scroll
        await pilot.press("escape")
        await pilot.press("l")  # English
        assert await shows(pilot, "New session")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen) and app.screen is not first
        assert await shows(pilot, "dilemmaspel help")
        english = app.screen
        await pilot.press("ctrl+p")  # the palette over the help, and its help command
        await settle(pilot)
        app.action_help()
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and app.screen is not english  # never twice in the stack
        assert len({id(screen) for screen in app.screen_stack}) == len(app.screen_stack)


@pytest.mark.parametrize("language", ["nl", "en"])
async def test_reveal_tabs_scroll_with_the_keyboard(isolated_home: Path, language: str) -> None:
    set_language(language)
    store, live = build(isolated_home, language, voted=5, reveal=True)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RevealScreen(live, live.state.rounds[0]))
        await settle(pilot)
        scrolled = 0
        for tab in ("1", "2", "3", "4", "5"):
            await pilot.press(tab)
            await settle(pilot)
            await settle(pilot)
            focused = app.screen.focused
            assert isinstance(focused, VerticalScroll), (tab, focused)
            if focused.max_scroll_y == 0:
                continue  # this tab fits the screen
            scrolled += 1
            await pilot.press("pagedown")
            assert await until(pilot, lambda: focused.scroll_y > 0), tab  # the scroll is animated
            await pilot.press("end")
            assert await until(pilot, lambda: focused.scroll_y == focused.max_scroll_y), tab
        assert scrolled >= 2  # at 80x24 the result and the rules are longer than the screen


async def test_left_and_right_still_change_the_reveal_tab(isolated_home: Path) -> None:
    from textual.widgets import TabbedContent

    store, live = build(isolated_home, voted=5, reveal=True)
    app = make_app(isolated_home)
    app.store = store
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RevealScreen(live, live.state.rounds[0]))
        await settle(pilot)
        tabs = app.screen.query_one("#tabs", TabbedContent)
        await pilot.press("right")
        await settle(pilot)
        assert tabs.active == "reasons"
        await pilot.press("left", "left")
        await settle(pilot)
        assert tabs.active == "card"  # wraps round
        assert isinstance(app.screen.focused, VerticalScroll)
