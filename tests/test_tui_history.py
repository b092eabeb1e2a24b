"""The solo reveal reads "how others voted" and the progress per theme off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from dilemmaspel.core.engine import Engine
from dilemmaspel.core.events import Settings
from dilemmaspel.core.roster import Participant
from dilemmaspel.store import Store, StoreSink
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.reveal import RevealScreen
from tests import sessionfactory as factory
from tests.tui_helpers import all_text, make_app, settle


def _solo_on_a_played_card(home: Path) -> str:
    with Store(home) as store:
        group = factory.start(factory.engine_for(store))
        factory.add_people(group, factory.ROSTER[:3])
        group.form_groups(count=1)
        rnd = group.deal_card(0, factory.deck(), "sponsor")
        for pid, choice in zip(group.state.voters(rnd), "ABB"):
            group.vote(rnd.number, pid, choice)
        group.reveal(rnd.number)
        solo = Engine(StoreSink(store))
        solo.start("solo", Settings(decks=[factory.DECK_ID], cards=3, seed=1))
        solo.add_participant(Participant(name="Sanne"))
        solo.form_single_group()
        mine = solo.deal_card(0, factory.deck(), "sponsor")
        solo.vote(mine.number, solo.state.groups[0][0], "B")
        solo.reveal(mine.number)
        return solo.sink.session_id  # type: ignore[attr-defined,return-value]


async def test_the_history_is_read_in_a_worker_and_shown_when_it_arrives(isolated_home: Path) -> None:
    session_id = _solo_on_a_played_card(isolated_home)
    app = make_app(isolated_home, [factory.DECK_FILE])
    readers: list[str] = []
    async with app.run_test(size=(100, 34)) as pilot:
        store = app.store
        for name in ("card_history", "practised_cards"):
            real = getattr(store, name)

            def spy(*args: Any, _real: Any = real, _name: str = name) -> Any:
                readers.append(f"{_name}:{threading.current_thread() is threading.main_thread()}")
                return _real(*args)

            setattr(store, name, spy)
        live = Live.resume(store, session_id, [factory.deck()])
        app.push_screen(RevealScreen(live, live.state.rounds[0]))
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert readers and all(entry.endswith(":False") for entry in readers), readers
        text = all_text(app)
        assert "In 1 eerdere sessie(s) op deze computer stemden 3 deelnemers zo" in text
        assert "67%  (2)  B." in text
        assert "U heeft 1 van de 3" in text
