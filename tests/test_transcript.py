"""Transcripts: golden Markdown and JSON, round trips, anonymisation, safe files, literal text.

The golden files in ``tests/golden/`` are the transcripts of
:func:`tests.sessionfactory.realistic_session`. After a deliberate change to the report, read
the new output and rewrite them with::

    UPDATE_GOLDEN=1 python -m pytest tests/test_transcript.py
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dilemmaspel.core.events import Event, ParticipantAdded
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import SessionState, replay
from dilemmaspel.store import Store
from dilemmaspel.transcript import (
    SCHEMA,
    SCHEMA_VERSION,
    TranscriptError,
    load_json,
    to_json,
    to_markdown,
    write_transcripts,
)
from tests import sessionfactory as factory

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
GOLDEN_ID = "golden0session"
# Central European Time as a POSIX TZ string (needs no tz database): the report shows local time.
AMSTERDAM = "CET-1CEST,M3.5.0,M10.5.0/3"

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Event]]:
    """The realistic session, built once for this module: (store id, events)."""
    with Store(tmp_path_factory.mktemp("realistic")) as store:
        session_id = factory.realistic_session(store)
        return session_id, store.events(session_id)


@pytest.fixture
def amsterdam_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Render local times as a Dutch trainer's laptop would."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", AMSTERDAM)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from the golden file; if intended, rerun with UPDATE_GOLDEN=1"


# --- golden files ---------------------------------------------------------------------------


def test_golden_markdown_dutch(realistic: tuple[str, list[Event]], amsterdam_time: None) -> None:
    _, events = realistic
    check_golden("realistic-nl.md", to_markdown(replay(events)))


def test_golden_markdown_english(realistic: tuple[str, list[Event]], amsterdam_time: None) -> None:
    _, events = realistic
    check_golden("realistic-en.md", to_markdown(replay(events), "en"))


def test_golden_json(realistic: tuple[str, list[Event]]) -> None:
    _, events = realistic
    check_golden("realistic-nl.json", to_json(GOLDEN_ID, events))


def test_golden_anonymised_markdown(realistic: tuple[str, list[Event]], amsterdam_time: None, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from dilemmaspel.core import anonymise

    monkeypatch.setattr(anonymise, "random_order", lambda: lambda numbers: None)  # pseudonyms in roster order
    _, events = realistic
    [path] = write_transcripts(GOLDEN_ID, events, tmp_path, ("md",), anonymised=True)
    assert path.name == f"2026-03-14-group-{GOLDEN_ID}-anoniem.md"
    check_golden("realistic-anon-nl.md", path.read_text(encoding="utf-8"))


def test_report_states_the_facts_a_trainer_needs(realistic: tuple[str, list[Event]]) -> None:
    """Independent of the golden file: the key facts are in the report, in a sensible order."""
    _, events = realistic
    text = to_markdown(replay(events))
    for fact in ("Karin Bosman", "Griffie gemeente Zandvliet", "Zeven stappen voor een moreel oordeel",
                 "## Kaart 1 · Tafel 1: De nieuwe sponsor", "## Kaart 2 · Tafel 2: Het geheime stuk",
                 "## Kaart 3 · Tafel 1: Het kerstpakket",
                 "Gewijzigd bij de herstemming: 2 van de 5 leden.",
                 "| 2 | Els Jansen | Ons Dorp | oppositie | commissielid |", "**Els Jansen** afwezig vanaf",
                 "Niet gestemd (afwezig): Els Jansen.", "anders (Ik vraag eerst advies aan de griffier)",
                 "Maar wat als een journalist dezelfde vraag stelt?", "## Alle afspraken"):
        assert fact in text, fact
    for step in range(1, 8):
        assert f"**Stap {step}: " in text
    positions = [text.index(h) for h in ("## Overzicht", "## Deelnemers", "## Kaart 1", "## Kaart 2", "## Kaart 3",
                                          "## Alle afspraken")]
    assert positions == sorted(positions)
    assert "Deze ronde is niet afgerond." not in text


def test_the_factory_session_is_deterministic(realistic: tuple[str, list[Event]]) -> None:
    assert factory.realistic_events() == realistic[1]


def test_the_long_factory_session(amsterdam_time: None) -> None:
    engine = factory.long_session(None, rounds=7, members=3)
    state = engine.state
    assert len(state.rounds) == 7 and all(r.phase == "closed" for r in state.rounds) and state.finished
    assert max(len(state.rounds_of(g)) for g in range(len(state.groups))) <= 3
    text = to_markdown(state)
    cards = [line for line in text.splitlines() if line.startswith("## Kaart ")]
    tables = [line for line in text.splitlines() if line.startswith("### Tafel ")]
    assert len(cards) == len({r.card.id for r in state.rounds if r.card}) and len(tables) == 7


# --- JSON -----------------------------------------------------------------------------------


def test_json_round_trip_replays_to_the_same_state(realistic: tuple[str, list[Event]]) -> None:
    session_id, events = realistic
    loaded_id, loaded = load_json(to_json(session_id, events))
    assert loaded_id == session_id
    assert loaded == events
    assert replay(loaded) == replay(events)


def test_json_summary_matches_the_state(realistic: tuple[str, list[Event]]) -> None:
    _, events = realistic
    document = json.loads(to_json("x", events))
    state = replay(events)
    assert document["schema"] == SCHEMA and document["version"] == SCHEMA_VERSION
    assert document["anonymised"] is False
    assert [p["name"] for p in document["participants"]] == [p.name for p in state.participants.values()]
    assert [p["group"] for p in document["participants"]] == [state.group_of(pid) + 1 for pid in state.participants]  # type: ignore[operator]
    first = document["rounds"][0]
    assert first["tally"] == {"A": 1, "B": 2, "C": 1, "other": 1}
    assert sorted((s["before"], s["after"]) for s in first["shifts"]) == [("A", "B"), ("other", "C")]
    assert list(first["notes"]) == [str(n) for n in range(1, 8)]
    assert [r["phase"] for r in document["rounds"]] == ["closed"] * 3


def test_an_unfinished_session_round_trips_too() -> None:
    engine = factory.start(factory.engine_for(None))
    factory.add_people(engine, factory.ROSTER[:4])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    engine.vote(rnd.number, engine.state.groups[0][0], "A", "nog geheim")
    events = engine.sink.events  # type: ignore[attr-defined]
    _, loaded = load_json(to_json("open", events))
    assert replay(loaded) == engine.state
    text = to_markdown(engine.state)
    assert "niet afgerond" in text and "1 stem(men) uitgebracht, nog niet onthuld" in text
    assert "nog geheim" not in text  # an unrevealed vote's reasoning stays secret in the report


def _document(realistic_events: list[Event], **changes: Any) -> str:
    document = json.loads(to_json("x", realistic_events))
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda ev: "{niet af", id="broken-json"),
        pytest.param(lambda ev: to_json("x", ev)[:-200], id="truncated"),
        pytest.param(lambda ev: "", id="empty"),
        pytest.param(lambda ev: "[1, 2]", id="not-an-object"),
        pytest.param(lambda ev: _document(ev, schema="iets.anders"), id="wrong-schema"),
        pytest.param(lambda ev: json.dumps({"version": 1, "events": []}), id="no-schema"),
        pytest.param(lambda ev: _document(ev, version=2), id="newer-version"),
        pytest.param(lambda ev: _document(ev, version="1"), id="version-as-text"),
        pytest.param(lambda ev: json.dumps({"schema": SCHEMA, "version": 1}), id="no-events"),
        pytest.param(lambda ev: _document(ev, events=None), id="events-null"),
        pytest.param(lambda ev: _document(ev, events={"a": 1}), id="events-object"),
        pytest.param(lambda ev: _document(ev, events=[{"type": "spel_gewonnen"}]), id="unknown-event"),
        pytest.param(lambda ev: _document(ev, events=[{"type": "vote_cast", "round": 0}]), id="incomplete-event"),
    ],
)
def test_bad_json_raises_transcript_error(make: Any, realistic: tuple[str, list[Event]]) -> None:
    with pytest.raises(TranscriptError):
        load_json(make(realistic[1]))


# --- anonymisation --------------------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    """Every string (keys and values) inside a parsed JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _leaks(text: str, fragments: tuple[str, ...] = factory.IDENTIFYING) -> list[str]:
    """Identifying fragments still in the text. A lower-case mention of a surname that is also an
    ordinary word ('een boer') is not a leak: the anonymiser leaves such words alone on purpose."""
    found = []
    for fragment in fragments:
        for match in re.finditer(rf"(?<!\w){re.escape(fragment)}(?!\w)", text, re.IGNORECASE):
            if not match.group(0)[:1].islower():
                found.append(fragment)
                break
    return found


@pytest.fixture
def anonymised_files(realistic: tuple[str, list[Event]], tmp_path: Path) -> dict[str, Path]:
    _, events = realistic
    paths = write_transcripts(GOLDEN_ID, events, tmp_path / "out", ("md", "json"), anonymised=True)
    return {p.suffix: p for p in paths}


def test_the_realistic_session_really_names_people_in_free_text(realistic: tuple[str, list[Event]]) -> None:
    """Guard for the next tests: the plain transcript does contain the identifying text."""
    _, events = realistic
    text = _plain(_markdown_tokens(to_markdown(replay(events))))
    assert set(_leaks(text)) == set(factory.IDENTIFYING)
    assert "Sanne wees op" in text and "Zoals Jan al zei" in text and "Stadspartij-fractie" in text


def test_anonymised_markdown_has_no_names_or_parties(anonymised_files: dict[str, Path]) -> None:
    text = anonymised_files[".md"].read_text(encoding="utf-8")
    assert _leaks(text) == []
    # Still a useful report: content and sides are kept.
    for side in ("geen kant", "coalitie", "oppositie"):
        assert re.search(rf"^\| [12] \| Deelnemer [1-9] \| – \| {side} \| – \|$", text, re.MULTILINE), side
    text = _plain(_markdown_tokens(text))
    assert "🌷" not in text
    assert "Meepraten kan, als de raad weet welke pet iemand op heeft." in text
    assert "Zoals Deelnemer " in text and " wees op de buurtbewoners" in text
    assert "de [partij]-fractie heeft hier geen rol in" in text


def test_anonymised_json_has_no_names_or_parties_anywhere(anonymised_files: dict[str, Path], realistic: tuple[str, list[Event]]) -> None:
    document = json.loads(anonymised_files[".json"].read_text(encoding="utf-8"))
    leaks = sorted({f for s in _strings(document) for f in _leaks(s)})
    assert leaks == []
    assert document["anonymised"] is True
    original = replay(realistic[1])
    assert [p["side"] for p in document["participants"]] == [p.side for p in original.participants.values()]
    assert [p["party"] for p in document["participants"]] == [""] * len(original.participants)
    assert [p["role"] for p in document["participants"]] == [""] * len(original.participants)
    assert sorted(p["name"] for p in document["participants"]) == [f"Deelnemer {n}" for n in range(1, 10)]
    # The anonymised events still replay to the same course of the session.
    _, events = load_json(json.dumps(document))
    state = replay(events)
    assert state.groups == original.groups
    assert [r.votes.keys() for r in state.rounds] == [r.votes.keys() for r in original.rounds]
    assert state.settings.trainer == ""


def test_anonymised_english_uses_english_aliases(realistic: tuple[str, list[Event]], tmp_path: Path) -> None:
    _, events = realistic
    [path] = write_transcripts("x", events, tmp_path, ("md",), anonymised=True, lang="en")
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^\| [12] \| Participant [1-9] \| – \| no side \| – \|$", text, re.MULTILINE) and _leaks(text) == []


def _session_mentioning(person: Participant, mention: str) -> list[Event]:
    engine = factory.start(factory.engine_for(None), reveal="anonymous")
    pids = factory.add_people(engine, [person, Participant(name="Kees de Boer", side="coalition")])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    engine.vote(rnd.number, pids[1], "A", f"Ik ben het eens met {mention}.")
    engine.vote(rnd.number, pids[0], "B", "")
    engine.reveal(rnd.number)
    return engine.sink.events  # type: ignore[attr-defined]


def test_anonymising_a_turkish_name_written_without_dotless_i(tmp_path: Path) -> None:
    events = _session_mentioning(Participant(name="Ayşe Yıldız", party="DENK", side="opposition"), "Yildiz")
    paths = write_transcripts("x", events, tmp_path, ("md", "json"), anonymised=True)
    for path in paths:
        assert "yildiz" not in path.read_text(encoding="utf-8").casefold()


def test_anonymising_a_name_with_dotted_capital_i(tmp_path: Path) -> None:
    events = _session_mentioning(Participant(name="Kübra İnce", party="DENK", side="opposition"), "mevrouw İnce")
    [path] = write_transcripts("x", events, tmp_path, ("md",), anonymised=True)
    assert "İnce" not in path.read_text(encoding="utf-8")


def test_anonymising_a_double_surname_mentioned_in_part(tmp_path: Path) -> None:
    events = _session_mentioning(Participant(name="Anne-Marie Jansen-Bakker", side="none"), "mevrouw Jansen")
    [path] = write_transcripts("x", events, tmp_path, ("md",), anonymised=True)
    assert "Jansen" not in path.read_text(encoding="utf-8")


# --- files ----------------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))


def test_written_files_are_complete_and_named_by_session(realistic: tuple[str, list[Event]], tmp_path: Path) -> None:
    _, events = realistic
    out = tmp_path / "verslagen"
    paths = write_transcripts("abc123", events, out)
    assert [p.name for p in paths] == ["2026-03-14-group-abc123.md", "2026-03-14-group-abc123.json"]
    assert paths[0].read_text(encoding="utf-8") == to_markdown(replay(events))
    assert load_json(paths[1].read_text(encoding="utf-8"))[1] == events
    assert _leftovers(out) == []


@posix_only
def test_written_files_are_owner_only(realistic: tuple[str, list[Event]], tmp_path: Path) -> None:
    _, events = realistic
    out = tmp_path / "nieuw" / "verslagen"
    paths = write_transcripts("abc123", events, out, anonymised=False)
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(out.stat().st_mode) == 0o700


@posix_only
def test_rewriting_a_file_keeps_it_owner_only(realistic: tuple[str, list[Event]], tmp_path: Path) -> None:
    _, events = realistic
    [path] = write_transcripts("abc123", events, tmp_path, ("md",))
    path.chmod(0o644)
    write_transcripts("abc123", events, tmp_path, ("md",))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("fail_at", ["replace", "fsync"])
def test_a_failing_write_leaves_the_previous_file_intact(
    fail_at: str, realistic: tuple[str, list[Event]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, events = realistic
    [old_md, old_json] = write_transcripts("abc123", events, tmp_path)
    before = {p: p.read_bytes() for p in (old_md, old_json)}
    more = list(events[:-1])  # the same session before it was finished: a different report

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, fail_at, boom)
    with pytest.raises(OSError):
        write_transcripts("abc123", more, tmp_path)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in before} == before
    assert _leftovers(tmp_path) == []
    # With the fault gone the same export works and replaces the file.
    write_transcripts("abc123", more, tmp_path)
    assert old_md.read_text(encoding="utf-8") == to_markdown(replay(more))


# --- unusual text survives literally --------------------------------------------------------

LONG = ("Dit is een heel lange toelichting. " * 300)[:10_000].strip()
ODD_NAMES = ("Jan [/] de Vries", "[@click=app.quit] Piet", "Émile 🎉 Feest", "Pijp | Streep", "[b]Vet[/b] Bram")


def _odd_session() -> SessionState:
    engine = factory.start(factory.engine_for(None), reveal="named", title="Sessie [/] | #1")
    pids = factory.add_people(engine, [Participant(name=n, party="Partij [x]", side=s, role="rol | rol")
                                       for n, s in zip(ODD_NAMES, ("coalition", "opposition", "none", "coalition", "opposition"))])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    texts = ["[/] sluit niets af en [@click=app.quit] is gewoon tekst", LONG, "kiezen | delen | wegen 🤔",
             "- geen lijst", "gewoon 🙂 tekst"]
    for index, (pid, text) in enumerate(zip(pids, texts)):
        if index == 3:
            engine.vote(rnd.number, pid, "other", text, other="eigen | weg [/]")
        else:
            engine.vote(rnd.number, pid, rnd.letters[index % len(rnd.letters)], text)
    engine.reveal(rnd.number)
    engine.start_deliberation(rnd.number)
    engine.save_note(rnd.number, 0, "Vraag | antwoord [@click=app.quit]")
    engine.conclude(rnd.number, "Conclusie met | streep en [/]", actions="Actie 🎯")
    engine.close_round(rnd.number)
    return engine.state


def _markdown_tokens(text: str) -> list[Any]:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable("table").parse(text)


def _plain(tokens: list[Any]) -> str:
    """The text a reader sees: inline content with escapes resolved, one line per block."""
    lines = []
    for token in tokens:
        if token.type == "inline":
            lines.append("".join(c.content if c.type != "softbreak" else "\n" for c in token.children or []))
    return "\n".join(lines)


def _headings(tokens: list[Any]) -> list[str]:
    """Heading texts as a reader sees them (escapes resolved)."""
    return ["".join(c.content for c in tokens[i + 1].children or []) for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_markup_like_and_unusual_text_is_shown_literally() -> None:
    text = to_markdown(_odd_session())
    tokens = _markdown_tokens(text)
    seen = _plain(tokens)
    for name in ODD_NAMES:
        assert name in seen, name
    for fragment in ("[/] sluit niets af en [@click=app.quit] is gewoon tekst", LONG, "kiezen | delen | wegen 🤔",
                     "anders (eigen | weg [/])", "Vraag | antwoord [@click=app.quit]", "Conclusie met | streep en [/]",
                     "Actie 🎯", "Partij [x]", "rol | rol", "- geen lijst"):
        assert fragment in seen, fragment
    # The headings are exactly the report's own; the title keeps its odd characters.
    assert _headings(tokens) == ["Verslag: Sessie [/] | #1", "Deelnemers", "Kaart 1: De nieuwe sponsor", "Alle afspraken"]
    # Two tables: the participants (name, party, side, role), then the split by side of a named vote.
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 3
    rows: list[list[str]] = []
    for token in tokens[tables[1]:]:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(token.content)
        elif token.type == "table_close":
            break
    assert [len(r) for r in rows] == [4] * len(rows)
    assert [r[0] for r in rows] == ["Optie", "A", "B", "C", "anders"]


def test_lines_starting_with_hash_do_not_become_headings() -> None:
    engine = factory.start(factory.engine_for(None))
    pids = factory.add_people(engine, factory.ROSTER[:2])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    engine.vote(rnd.number, pids[0], "A", "Mijn punten:\n# eerst melden\n## dan pas stemmen\n> geen citaat")
    engine.vote(rnd.number, pids[1], "B", "#geenkop, want geen spatie")
    engine.reveal(rnd.number)
    engine.start_deliberation(rnd.number)
    engine.save_note(rnd.number, 1, "Betrokkenen:\n# de inwoners")
    engine.save_personal(rnd.number, pids[0], "Voor mezelf:\n# nooit meer zonder melden")
    engine.conclude(rnd.number, "# Conclusie die geen kop is")
    text = to_markdown(engine.state)
    tokens = _markdown_tokens(text)
    headings = _headings(tokens)
    assert not [h for h in headings if "melden" in h or "inwoners" in h or "geen kop" in h], headings
    seen = _plain(tokens)
    for line in ("# eerst melden", "## dan pas stemmen", "> geen citaat", "# de inwoners", "# Conclusie die geen kop is"):
        assert line in seen, line


def test_own_case_text_is_quoted_and_anonymised(tmp_path: Path) -> None:
    from dilemmaspel.core.events import OwnCase

    engine = factory.start(factory.engine_for(None), mode="beraad")
    pids = factory.add_people(engine, factory.ROSTER[:3])
    engine.form_groups(count=1)
    case = OwnCase(title="De subsidie van Fatma's buurman", situation="Fatma Öztürk vertelde:\nhet gaat om veel geld.",
                   question="Moet Samen Verder dit melden?", options=["Ja", "Nee | later"])
    rnd = engine.open_case(0, case)
    for pid in pids:
        engine.vote(rnd.number, pid, "A", "")
    engine.reveal(rnd.number)
    engine.close_round(rnd.number)
    events = engine.sink.events  # type: ignore[attr-defined]
    text = to_markdown(replay(events))
    assert "## Casus 1: De subsidie van Fatma's buurman" in text
    assert "> Fatma Öztürk vertelde:\n> het gaat om veel geld." in text
    assert "- **B.** Nee \\| later" in text
    [path] = write_transcripts("x", events, tmp_path, ("md",), anonymised=True)
    anon = _plain(_markdown_tokens(path.read_text(encoding="utf-8")))
    assert _leaks(anon, ("Fatma", "Öztürk", "Samen Verder", "Jan [/] de Vries", "Sanne")) == []
    assert "Moet [partij] dit melden?" in anon


def test_participants_added_after_grouping_are_listed_with_their_group() -> None:
    engine = factory.start(factory.engine_for(None))
    factory.add_people(engine, factory.ROSTER[:4])
    engine.form_groups(count=2)
    late = engine.add_participant(Participant(name="Laatkomer Lisa", side="none"), group=1)
    events = engine.sink.events  # type: ignore[attr-defined]
    document = json.loads(to_json("x", events))
    entry = next(p for p in document["participants"] if p["id"] == late)
    assert entry["group"] == 2
    assert isinstance(events[-1], ParticipantAdded)
    text = to_markdown(engine.state)
    assert "| 2 | Laatkomer Lisa | – | geen kant | – |" in text
