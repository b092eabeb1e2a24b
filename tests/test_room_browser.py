"""Real phones: the system's Chromium through Playwright, three emulated phones in separate
contexts, the trainer's console through Pilot and the real server on 127.0.0.1, all in one loop.

Screenshots of the phone and presenter pages are saved in ``test-output/room-browser/`` (or
``$DILEMMASPEL_TEST_OUTPUT/room-browser``) for review. axe-core checks WCAG 2.1 A and AA.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from dilemmaspel.room.options import RoomOptions
from dilemmaspel.store import StoreSink
from dilemmaspel.tui.app import DilemmaApp
from tests.conftest import ROOT
from tests.roomhelpers import device_engine
from tests.sessionfactory import DECK_FILE
from tests.test_room_console import open_console, until

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
OUTPUT = Path(os.environ.get("DILEMMASPEL_TEST_OUTPUT", ROOT / "test-output")) / "room-browser"

MISSING = "the browser tests need the system's Chromium (Debian package 'chromium'); it is not installed here"


def need_chromium() -> None:
    """Skip without Chromium, saying why; fail instead where CI requires the browser tests."""
    if CHROMIUM is None:
        if os.environ.get("DILEMMASPEL_REQUIRE_BROWSER"):
            pytest.fail(MISSING + " (DILEMMASPEL_REQUIRE_BROWSER is set)")
        pytest.skip(MISSING)


async def accessible(page: Any, name: str) -> None:
    """No WCAG 2.1 A/AA violation on this page; a screenshot for review."""
    from axe_playwright_python.async_playwright import Axe

    OUTPUT.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)
    results = await Axe().run(page, options=WCAG)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def device(playwright: Any, name: str) -> dict[str, Any]:
    return {k: v for k, v in playwright.devices[name].items() if k != "default_browser_type"}


@pytest.mark.long
async def test_three_phones_join_vote_see_the_reveal_and_the_lead_runs_the_steps(isolated_home: Path) -> None:
    need_chromium()
    from playwright.async_api import async_playwright, expect

    expect.set_options(timeout=20_000)  # a busy CI machine renders later; still a wait, not a sleep

    app = DilemmaApp(isolated_home, [DECK_FILE], room_options=RoomOptions(bind="127.0.0.1", port=0))
    async with app.run_test(size=(100, 30)) as pilot, async_playwright() as playwright:
        engine = device_engine(app.store, people=3, groups=1, reveal="anonymous", cards=1)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        room = app.room
        assert room is not None
        state = room.engine.state
        await pilot.press("n")  # deal the card
        await until(pilot, lambda: state.open_round(0) is not None)
        rnd = state.open_round(0)
        assert rnd is not None
        pids = state.groups[0]
        names = [state.name(pid) for pid in pids]

        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # The projector shows the join QR and code while people join, and follows live.
            projector_context = await browser.new_context(viewport={"width": 1280, "height": 800})
            projector = await projector_context.new_page()
            await projector.goto(room.presenter_url)
            await expect(projector.get_by_role("img", name="QR-code om mee te doen")).to_be_visible()
            await expect(projector.get_by_text(room.code)).to_be_visible()
            await expect(projector.get_by_text("0 van 3 aangemeld")).to_be_visible()
            await accessible(projector, "0-presenter-join")
            contexts = [await browser.new_context(**device(playwright, kind))
                        for kind in ("Pixel 7", "iPhone 13", "Pixel 7")]
            phones = [await context.new_page() for context in contexts]
            # Phone 1 scans the QR code (the join URL) and taps its name.
            await phones[0].goto(room.join_url)
            await expect(phones[0].get_by_role("heading", name="Tafel 1")).to_be_visible()
            await accessible(phones[0], "1-join")
            await phones[0].get_by_role("button", name=names[0]).click()
            await expect(phones[0].get_by_text("De nieuwe sponsor")).to_be_visible()
            await accessible(phones[0], "2-vote")
            # Phone 2 types the code; phone 3 scans.
            await phones[1].goto(room.code_url)
            await phones[1].get_by_label("Code van het scherm").fill(room.code.lower())
            await phones[1].get_by_role("button", name="Meedoen").click()
            await phones[1].get_by_role("button", name=names[1]).click()
            await phones[2].goto(room.join_url)
            await expect(phones[2].locator(".taken")).to_have_count(2)
            await phones[2].get_by_role("button", name=names[2]).click()
            await until(pilot, lambda: len(state.claims) == 3)

            # Phone 1 votes B with reasoning: "Ontvangen" only once it is stored.
            await phones[0].get_by_label("B. ", exact=False).check()
            await phones[0].get_by_label("Toelichting").fill("Ik stem niet mee: de schijn telt.")
            await phones[0].get_by_role("button", name="Stem", exact=True).click()
            await expect(phones[0].locator("#vote-status")).to_have_text("Ontvangen")
            assert rnd.votes[pids[0]].reasoning == "Ik stem niet mee: de schijn telt."
            await expect(phones[1].get_by_text("1 van 3 hebben gestemd")).to_be_visible()
            await accessible(phones[0], "3-waiting")
            # Phone 2's draft survives a reload before it is sent.
            await phones[1].get_by_label("A. ", exact=False).check()
            await phones[1].get_by_label("Toelichting").fill("Ik ken het dossier.")
            await phones[1].reload()
            await expect(phones[1].get_by_label("Toelichting")).to_have_value("Ik ken het dossier.")
            await phones[1].get_by_role("button", name="Stem", exact=True).click()
            await expect(phones[1].locator("#vote-status")).to_have_text("Ontvangen")
            # Phone 3 chooses its own words, then changes its mind before the reveal.
            await phones[2].get_by_label("In uw eigen woorden").fill("Eerst de griffier bellen")
            await phones[2].get_by_role("button", name="Stem", exact=True).click()
            await expect(phones[2].locator("#vote-status")).to_have_text("Ontvangen")
            assert rnd.votes[pids[2]].choice == "other"
            await phones[2].get_by_label("C. ", exact=False).check()
            await phones[2].get_by_role("button", name="Stem wijzigen").click()
            await until(pilot, lambda: rnd.votes[pids[2]].choice == "C")
            await expect(phones[2].locator("#vote-status")).to_have_text("Ontvangen")
            await expect(phones[0].get_by_text("3 van 3 hebben gestemd")).to_be_visible()
            page_text = await phones[0].content()
            assert "dossier" not in page_text and "griffier bellen" not in page_text

            # The trainer reveals; every phone shows the result, without names.
            await pilot.press("r")
            for phone in phones:
                await expect(phone.get_by_role("heading", name="Uitslag")).to_be_visible()
            await expect(phones[0].get_by_text("Ik ken het dossier.")).to_be_visible()
            reasons = await phones[0].locator(".reasons").inner_text()
            assert "Eerst de griffier bellen" not in reasons  # changed before the reveal
            assert all(name not in reasons for name in names)
            await accessible(phones[1], "4-reveal")

            # The trainer makes phone 1 the table lead; it runs the steps for everyone.
            await pilot.press("l")
            await until(pilot, lambda: app.screen.__class__.__name__ == "ChooseDialog")
            await pilot.press("down", "enter")
            await until(pilot, lambda: state.leads.get(0) == pids[0])
            await phones[0].get_by_role("button", name="Begin met de stappen").click()
            await expect(phones[1].get_by_text("Stap 1 van 7", exact=False)).to_be_visible()
            await phones[0].get_by_role("button", name="Volgende stap").click()
            await expect(phones[2].get_by_text("Stap 2 van 7", exact=False)).to_be_visible()
            await phones[0].get_by_label("Notities bij deze stap").fill("Inwoners, de club, de sponsor.")
            await phones[0].get_by_label("Notities bij deze stap").blur()
            await until(pilot, lambda: rnd.notes.get(1) == "Inwoners, de club, de sponsor.")
            assert await phones[1].get_by_role("button", name="Volgende stap").count() == 0
            await accessible(phones[0], "5-lead")

            # The projector: progress and counts, never reasoning.
            await expect(projector.get_by_role("img", name="QR-code om mee te doen")).to_be_hidden()
            await expect(projector.get_by_role("heading", name="Tafels", exact=True)).to_be_visible()
            await expect(projector.get_by_text("Totaal in de zaal")).to_be_visible()
            projected = await projector.content()
            assert "dossier" not in projected and not any(name in projected for name in names)
            await accessible(projector, "6-presenter")
            # An English phone page, too.
            await phones[2].goto(f"{room.origin}/p?lang=en")
            await expect(phones[2].get_by_role("heading", name="Result")).to_be_visible()
            await accessible(phones[2], "7-reveal-en")
        finally:
            await browser.close()
        stored = app.store.load(sink.session_id)
        assert stored.rounds[0].notes == {1: "Inwoners, de club, de sponsor."}
        assert len(stored.rounds[0].votes) == 3


async def test_a_phone_reconnects_by_itself_when_the_room_comes_back(isolated_home: Path) -> None:
    need_chromium()
    from playwright.async_api import async_playwright, expect

    expect.set_options(timeout=20_000)  # a busy CI machine renders later; still a wait, not a sleep

    from dilemmaspel.tui.screens.start import StartScreen

    app = DilemmaApp(isolated_home, [DECK_FILE], room_options=RoomOptions(bind="127.0.0.1"))
    async with app.run_test(size=(100, 30)) as pilot, async_playwright() as playwright:
        engine = device_engine(app.store, people=2, groups=1, cards=1)
        sink = engine.sink
        assert isinstance(sink, StoreSink) and sink.session_id
        await open_console(pilot, app, sink.session_id)
        room = app.room
        assert room is not None
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = await browser.new_context(**device(playwright, "iPhone 13"))
            phone = await context.new_page()
            await phone.goto(room.join_url)
            await phone.get_by_role("button", name=engine.state.name(engine.state.groups[0][0])).click()
            await expect(phone.get_by_text("Wacht op de volgende kaart.")).to_be_visible()
            await pilot.press("escape")  # the trainer leaves: the room stops, the phone waits
            await until(pilot, lambda: isinstance(app.screen, StartScreen) and app.room is None)
            await expect(phone.locator("#status")).to_have_text("Verbinding verbroken, opnieuw verbinden ...")
            await open_console(pilot, app, sink.session_id)  # resumed at the same address
            await pilot.press("n")
            await expect(phone.get_by_text("De nieuwe sponsor")).to_be_visible(timeout=30_000)
            await expect(phone.locator("#status")).to_have_text("Verbonden")
        finally:
            await browser.close()
