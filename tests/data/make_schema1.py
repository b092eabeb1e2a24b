"""Write ``schema1.sqlite3`` and ``schema1.json`` beside this file with the store of schema 1.

The database is what a user of the first release has on disk; the JSON holds what that store
answered (session list, card history, practised cards), so ``tests/test_store_migration.py``
can check that the migrated database gives the same answers. Regenerate only on purpose:

    git show 22b9169:dilemmaspel/store.py > /tmp/store_v1.py
    python tests/data/make_schema1.py /tmp/store_v1.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from dilemmaspel.core.engine import Engine  # noqa: E402
from dilemmaspel.core.history import card_history  # noqa: E402
from dilemmaspel.core.roster import Participant  # noqa: E402
from tests import sessionfactory as factory  # noqa: E402

CARDS = ("sponsor", "kerstpakket", "geheim-stuk")
NAMES = ("Wim Ödegaard", "WIM ODEGAARD", "Iemand Anders", "Kees de Boer")


def main(old_store: Path) -> None:
    spec = importlib.util.spec_from_file_location("store_v1", old_store)
    assert spec is not None and spec.loader is not None
    old = importlib.util.module_from_spec(spec)
    sys.modules["store_v1"] = old
    spec.loader.exec_module(old)
    assert old.SCHEMA_VERSION == 1
    factory.StoreSink = old.StoreSink  # the factory's engines commit through the old sink

    with tempfile.TemporaryDirectory() as tmp:
        store = old.Store(Path(tmp))
        ids: dict[str, str] = {}
        ids["evening"] = factory.realistic_session(store)
        ids["anonymous evening"] = factory.realistic_session(store, reveal="anonymous")  # finished: unlinked

        beraad = factory.start(factory.engine_for(store), mode="beraad")
        factory.add_people(beraad, factory.ROSTER[:3])
        beraad.form_single_group()
        factory.play_simple_round(beraad, 0, choices=("B", "C", "B"))
        ids["beraad"] = beraad.sink.session_id

        for name in ("Wim Ödegaard", "wim  odegaard", "Iemand Anders"):
            solo = factory.start(factory.engine_for(store), mode="solo", cards=3, method=None)
            [pid] = factory.add_people(solo, [Participant(name=name)])
            solo.form_groups(count=1)
            rnd = solo.deal(0, [factory.deck()], practised=store.practised_cards(name))
            solo.vote(rnd.number, pid, "A")
            solo.reveal(rnd.number)
            solo.close_round(rnd.number)
            ids[f"solo {name}"] = solo.sink.session_id

        running = factory.start(factory.engine_for(store), title="Nog bezig")
        factory.add_people(running, factory.ROSTER[:4])
        running.form_groups(count=1)
        factory.play_simple_round(running, 0, choices=("C",))
        rnd = running.deal(0, [factory.deck()])
        running.vote(rnd.number, running.state.groups[0][0], "A", "nog niet onthuld")
        ids["running"] = running.sink.session_id

        # Two windows on one session, as schema 1 allowed: both let everyone vote.
        shared = factory.start(factory.engine_for(store), title="Twee vensters")
        factory.add_people(shared, factory.ROSTER[:3])
        shared.form_groups(count=1)
        shared.deal(0, [factory.deck()])
        sid = shared.sink.session_id
        windows = [Engine(old.StoreSink(store, sid), store.load(sid)) for _ in range(2)]
        for window, choice in zip(windows, "AB"):
            for pid in list(window.state.groups[0]):
                window.vote(0, pid, choice, f"venster {choice}")
        ids["two windows"] = sid

        answers = {
            "ids": ids,
            "sessions": [vars(s) for s in store.sessions()],
            "active": [s.id for s in store.sessions("active")],
            "card_history": {card: vars(card_history([state for _, state in store.card_history(card)], card)) for card in CARDS},
            "card_history_without_evening": {
                card: vars(card_history([state for _, state in store.card_history(card, ids["evening"])], card)) for card in CARDS
            },
            "practised": {name: sorted(store.practised_cards(name)) for name in NAMES},
            "events": {sid: len(store.events(sid)) for sid in ids.values()},
        }
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        (HERE / "schema1.sqlite3").write_bytes((Path(tmp) / old.DB_NAME).read_bytes())
    (HERE / "schema1.json").write_text(json.dumps(answers, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
