"""The reveal screen of an anonymous session singles nobody out (issue 13, anonymity)."""

from __future__ import annotations

from pathlib import Path

from dilemmaspel.core.roster import Participant
from dilemmaspel.store import Store
from dilemmaspel.tui.context import Live
from dilemmaspel.tui.screens.reveal import RevealScreen
from tests import sessionfactory as factory
from tests.test_tui_group import SIZE
from tests.tui_helpers import all_text, make_app, settle

TABLE = (
    Participant(name="Anna Visser", party="Groen Dorp", side="coalition"),
    Participant(name="Bart Mulder", party="Lokaal Sterk", side="opposition"),
    Participant(name="Carla Dekker", party="Groen Dorp", side="coalition"),
    Participant(name="Daan Smits", party="Lokaal Sterk", side="opposition"),
    Participant(name="Eef Mol", party="", side="none", role="griffier"),
)


def _table_session(home: Path, reveal: str, absent: bool = False) -> str:
    """One table with a griffier: first vote, re-vote in which the griffier and one other change."""
    with Store(home) as store:
        engine = factory.start(factory.engine_for(store), reveal=reveal, cards=1)
        pids = factory.add_people(engine, TABLE)
        engine.form_groups(count=1)
        if absent:
            engine.set_absent(pids[3], True)
        rnd = engine.deal(0, [factory.deck()])
        first = {pids[0]: "B", pids[1]: "B", pids[2]: "B", pids[3]: "B", pids[4]: "A"}
        for pid in engine.state.present(0):
            engine.vote(rnd.number, pid, first[pid], "")
        engine.reveal(rnd.number)
        engine.open_revote(rnd.number)
        second = dict(first, **{pids[4]: "B", pids[0]: "C"})
        for pid in engine.state.present(0):
            engine.vote(rnd.number, pid, second[pid], "")
        engine.reveal(rnd.number)
        return factory.session_id(engine)


async def _reveal_text(home: Path, session_id: str) -> str:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        live = Live.resume(app.store, session_id, [factory.deck()])
        app.push_screen(RevealScreen(live, live.state.rounds[0]))
        await settle(pilot)
        return all_text(app)


async def test_a_lone_griffier_is_not_singled_out(isolated_home: Path) -> None:
    """Issue 13: the reveal showed 'A ... 1  coalitie 0 · oppositie 0 · geen 1'."""
    text = await _reveal_text(isolated_home, _table_session(isolated_home, "anonymous"))
    assert "geen 1" not in text and "coalitie 0" not in text and "oppositie 0" not in text
    assert "Verdeling weggelaten: een deelgroep heeft minder dan 3 stemmers." in text
    # The re-vote shift is a count per move, not a line per member in voting order.
    assert "2 van de 5 leden veranderden bij de herstemming van keuze." in text
    assert "A → B: 1" in text and "B → C: 1" in text


async def test_an_absent_member_does_not_expose_the_last_opposition_vote(isolated_home: Path) -> None:
    """Issue 13: with one member absent, 'oppositie 1' named the only opposition voter left."""
    text = await _reveal_text(isolated_home, _table_session(isolated_home, "anonymous", absent=True))
    assert "oppositie 1" not in text and "oppositie 0" not in text


async def test_a_named_session_still_shows_the_split(isolated_home: Path) -> None:
    text = await _reveal_text(isolated_home, _table_session(isolated_home, "named"))
    assert "coalitie 0 · oppositie 0 · geen 1" in text
    assert "Anna Visser: B → C" in text
