"""A database written by schema 1 is migrated to schema 2 and gives the same answers.

``tests/data/schema1.sqlite3`` was written by the first release's store, and
``tests/data/schema1.json`` holds what that store answered (see ``tests/data/make_schema1.py``).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import dilemmaspel.store as store_module
from dilemmaspel.core.history import card_history
from dilemmaspel.store import DB_NAME, SCHEMA_VERSION, Store
from tests import sessionfactory as factory
from tests.conftest import DATA

ANSWERS: dict[str, Any] = json.loads((DATA / "schema1.json").read_text(encoding="utf-8"))
IDS: dict[str, str] = ANSWERS["ids"]


@pytest.fixture
def old_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(DATA / "schema1.sqlite3", home / DB_NAME)
    (home / DB_NAME).chmod(0o600)
    with sqlite3.connect(home / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    return home


def _same_answers(store: Store) -> None:
    summaries = store.sessions()
    assert [{k: v for k, v in s._asdict().items() if k != "damage"} for s in summaries] == ANSWERS["sessions"]
    assert [s.id for s in store.sessions("active")] == ANSWERS["active"]
    for card, expected in ANSWERS["card_history"].items():
        assert vars(store.card_history(card)) == expected, card
        assert vars(store.card_history(card, IDS["evening"])) == ANSWERS["card_history_without_evening"][card], card
    for name, cards in ANSWERS["practised"].items():
        assert sorted(store.practised_cards(name)) == cards, name


def test_a_schema_1_database_is_migrated_and_answers_the_same(old_home: Path) -> None:
    with Store(old_home) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        _same_answers(store)
        for name, session_id in IDS.items():
            if name != "two windows":
                assert len(store.events(session_id)) == ANSWERS["events"][session_id], name
                assert store.read(session_id).damage is None
                assert store.last_seq(session_id) == ANSWERS["events"][session_id]
    with Store(old_home) as again:  # opening once more changes nothing
        _same_answers(again)


def test_the_migration_finds_the_session_two_windows_wrote_to(old_home: Path) -> None:
    with Store(old_home) as store:
        session_id = IDS["two windows"]
        [summary] = [s for s in store.sessions() if s.id == session_id]
        assert summary.damage is not None
        assert (summary.damage.type, summary.damage.key) == ("vote_cast", "rule.voted_twice")
        stored = store.read(session_id)
        assert stored.damage == summary.damage
        assert len(stored.events) == stored.damage.seq - 1
        assert stored.last_seq == ANSWERS["events"][session_id]
        assert [v.reasoning for v in stored.state.rounds[0].votes.values()] == ["venster A"] * 3


def test_a_migrated_session_plays_on_and_keeps_its_read_models(old_home: Path) -> None:
    with Store(old_home) as store:
        session_id = IDS["running"]
        engine = factory.engine_for(store)
        stored = store.read(session_id)
        engine.sink = store_module.StoreSink(store, session_id, stored.last_seq)
        engine.state = stored.state
        rnd = engine.state.rounds[-1]
        while (pid := engine.state.next_voter(rnd)) is not None:
            engine.vote(rnd.number, pid, "B", "na de migratie")
        engine.reveal(rnd.number)
        states = [store.load(sid) for name, sid in IDS.items() if name != "two windows"]
        assert rnd.card is not None
        assert store.card_history(rnd.card.id) == card_history(states, rnd.card.id)
        [summary] = [s for s in store.sessions() if s.id == session_id]
        assert (summary.rounds, summary.closed_rounds, summary.participants) == (2, 1, 4)


def test_a_read_only_schema_1_database_is_read_through_a_migrated_copy(old_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the file cannot be written, it stays schema 1 on disk and is migrated in memory."""
    monkeypatch.setattr(store_module, "writable", lambda path: False)
    before = (old_home / DB_NAME).read_bytes()
    with Store(old_home) as store:
        assert store.read_only
        _same_answers(store)
        assert len(store.events(IDS["evening"])) == ANSWERS["events"][IDS["evening"]]
    assert (old_home / DB_NAME).read_bytes() == before
    with sqlite3.connect(old_home / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
