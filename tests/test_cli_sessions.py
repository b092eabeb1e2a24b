"""The session commands: groups, sessions, export, forget (run through dilemmaspel.cli.main)."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

import pytest

from dilemmaspel.cli import main
from dilemmaspel.store import Store
from dilemmaspel.transcript import load_json, to_markdown
from tests import sessionfactory as factory

Capture = pytest.CaptureFixture[str]

PEOPLE = [
    ("Jan [/] de Vries", "Stadspartij", "coalitie", "raadslid"),
    ("Fatma Öztürk", "Samen Verder", "oppositie", "fractievoorzitter"),
    ("Sanne 🌷 Bakker", "Groen Dorp", "oppositie", ""),
    ("Pieter van den Berg", "Burgerbelang", "coalitie", "wethouder"),
    ("Mohamed El Amrani", "Lokaal Belang", "coalitie", "raadslid"),
    ("Els Jansen", "Ons Dorp", "oppositie", "commissielid"),
    ("Annelies Smit", "", "geen", "griffier"),
]
SIDES = {"coalitie": "coalition", "oppositie": "opposition", "geen": "none"}


def roster(path: Path, rows: list[tuple[str, ...]] = PEOPLE, sep: str = ";", header: str = "naam;partij;kant;rol",
           bom: bool = False) -> Path:
    lines = [header.replace(";", sep)] + [sep.join(row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- groups ---------------------------------------------------------------------------------


def test_groups_table(tmp_path: Path, capsys: Capture) -> None:
    path = roster(tmp_path / "raad.csv")
    code, out, err = run(capsys, "groups", str(path), "--groups", "2", "--seed", "3")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "7 deelnemers in 2 groepen (startgetal 3)"
    headers = [(i, re.fullmatch(r"Groep (\d) \((\d) leden: (\d) coalitie, (\d) oppositie, (\d) geen\)", line))
               for i, line in enumerate(lines) if line.startswith("Groep ")]
    assert [m.group(1) for _, m in headers if m] == ["1", "2"]
    by_name = {person[0]: person for person in PEOPLE}
    seen: list[str] = []
    for (start, match), end in zip(headers, [h[0] for h in headers[1:]] + [len(lines)]):
        assert match is not None
        members = [line for line in lines[start + 1:end] if line.strip()]
        assert len(members) == int(match.group(2))
        sides = {"coalitie": 0, "oppositie": 0, "geen": 0}
        starts = set()
        for line in members:
            [name] = [n for n in by_name if line.startswith(f"  {n} ")]
            _, party, side, role = by_name[name]
            details = ", ".join(x for x in (party, side, role) if x)
            assert re.fullmatch(rf"  {re.escape(name)} +{re.escape(details)}", line), line
            starts.add(len(line) - len(details))
            sides[side] += 1
            seen.append(name)
        assert [sides["coalitie"], sides["oppositie"], sides["geen"]] == [int(match.group(n)) for n in (3, 4, 5)]
        assert len(starts) == 1  # names are padded to one width within a group, so the details line up
    assert sorted(seen) == sorted(by_name)


def _json_groups(capsys: Capture, path: Path, *extra: str) -> dict:
    code, out, err = run(capsys, "groups", str(path), "--json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_groups_json_shape(tmp_path: Path, capsys: Capture) -> None:
    document = _json_groups(capsys, roster(tmp_path / "raad.csv"), "--size", "4", "--seed", "11")
    assert list(document) == ["seed", "groups"]
    assert document["seed"] == 11
    assert [g["number"] for g in document["groups"]] == [1, 2]
    for group in document["groups"]:
        assert list(group) == ["number", "members"]
        assert 3 <= len(group["members"]) <= 4
        for member in group["members"]:
            assert list(member) == ["name", "party", "side", "role"]
    members = sorted((m["name"], m["party"], m["side"], m["role"]) for g in document["groups"] for m in g["members"])
    assert members == sorted((n, p, SIDES[s], r) for n, p, s, r in PEOPLE)


def test_groups_same_seed_same_output(tmp_path: Path, capsys: Capture) -> None:
    path = roster(tmp_path / "raad.csv")
    first = run(capsys, "groups", str(path), "--groups", "3", "--seed", "42")
    again = run(capsys, "groups", str(path), "--groups", "3", "--seed", "42")
    assert first == again and first[0] == 0
    outputs = {run(capsys, "groups", str(path), "--groups", "3", "--seed", str(seed))[1] for seed in range(6)}
    assert len(outputs) > 1  # the seed matters


def test_groups_without_seed_prints_one_that_reproduces(tmp_path: Path, capsys: Capture) -> None:
    path = roster(tmp_path / "raad.csv")
    document = _json_groups(capsys, path, "--groups", "2")
    assert isinstance(document["seed"], int)
    assert _json_groups(capsys, path, "--groups", "2", "--seed", str(document["seed"])) == document


@pytest.mark.parametrize(
    ("sep", "header", "bom"),
    [
        (",", "name,party,side,role", False),
        (";", "naam;partij;kant;rol", True),
        (",", "Naam,Fractie,Kant,Functie", True),
        ("\t", "naam\tpartij\tkant\trol", False),
    ],
    ids=["comma-english", "semicolon-bom", "comma-bom-synonyms", "tab"],
)
def test_groups_reads_spreadsheet_csv_variants(sep: str, header: str, bom: bool, tmp_path: Path, capsys: Capture) -> None:
    reference = _json_groups(capsys, roster(tmp_path / "ref.csv"), "--groups", "2", "--seed", "5")
    rows = PEOPLE
    if header.startswith("name"):
        english = {"coalitie": "coalition", "oppositie": "opposition", "geen": "none"}
        rows = [(n, p, english[s], r) for n, p, s, r in PEOPLE]
    variant = roster(tmp_path / "variant.csv", rows, sep=sep, header=header.replace(sep, ";"), bom=bom)
    assert _json_groups(capsys, variant, "--groups", "2", "--seed", "5") == reference


def test_groups_roster_error_in_english(tmp_path: Path, capsys: Capture) -> None:
    rows = list(PEOPLE)
    rows[1] = ("Fatma Öztürk", "Samen Verder", "coaltie", "")
    path = roster(tmp_path / "raad.csv", rows)
    code, out, err = run(capsys, "--lang", "en", "groups", str(path), "--groups", "2")
    assert code == 1
    assert out == ""
    assert err == f"{path}:3: kant: 'coaltie' is not one of coalitie, oppositie, geen\n"


def test_groups_reports_every_roster_error_in_dutch(tmp_path: Path, capsys: Capture) -> None:
    rows = list(PEOPLE) + [("", "Burgerbelang", "coalitie", ""), ("Jan [/] de Vries", "", "geen", "")]
    rows[0] = ("Jan [/] de Vries", "Stadspartij", "rechts", "")
    path = roster(tmp_path / "raad.csv", rows)
    code, out, err = run(capsys, "groups", str(path), "--size", "4")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{path}:2: kant: 'rechts' is niet een van coalitie, oppositie, geen",
        f"{path}:9: naam: naam ontbreekt",
        f"{path}:10: naam: 'Jan [/] de Vries' staat al op regel 2; maak de namen verschillend, bijvoorbeeld met een voorletter of partij",
    ]


@pytest.mark.parametrize(("lang", "message"), [
    ("nl", "dilemmaspel: 9 groepen is meer dan het aantal deelnemers (7)\n"),
    ("en", "dilemmaspel: 9 groups is more than the number of participants (7)\n"),
])
def test_groups_more_groups_than_people(lang: str, message: str, tmp_path: Path, capsys: Capture) -> None:
    code, out, err = run(capsys, "--lang", lang, "groups", str(roster(tmp_path / "raad.csv")), "--groups", "9")
    assert (code, out, err) == (1, "", message)


@pytest.mark.parametrize(("args", "message"), [
    (["--size", "0"], "dilemmaspel: een groep heeft minstens 1 lid\n"),
    (["--groups", "0"], "dilemmaspel: er is minstens 1 groep nodig\n"),
])
def test_groups_bad_numbers(args: list[str], message: str, tmp_path: Path, capsys: Capture) -> None:
    code, out, err = run(capsys, "groups", str(roster(tmp_path / "raad.csv")), *args)
    assert (code, out, err) == (1, "", message)


@pytest.mark.parametrize("args", [[], ["--size", "3", "--groups", "2"], ["--size", "drie"]],
                         ids=["neither", "both", "not-a-number"])
def test_groups_usage_errors_exit_2(args: list[str], tmp_path: Path, capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["groups", str(roster(tmp_path / "raad.csv")), *args])
    assert exit_info.value.code == 2
    assert "--size" in capsys.readouterr().err


def test_groups_missing_file(tmp_path: Path, capsys: Capture) -> None:
    code, out, err = run(capsys, "groups", str(tmp_path / "weg.csv"), "--size", "4")
    assert code == 1 and out == ""
    assert err.startswith(f"{tmp_path / 'weg.csv'}:1: kan het bestand niet lezen: ")


def test_groups_empty_roster(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "leeg.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    code, out, err = run(capsys, "groups", str(tmp_path / "leeg.csv"), "--size", "4")
    assert (code, out) == (1, "")
    assert err == f"{tmp_path / 'leeg.csv'}:1: het bestand is leeg\n"


# --- sessions -------------------------------------------------------------------------------


def test_sessions_when_there_are_none(capsys: Capture, isolated_home: Path) -> None:
    assert run(capsys, "sessions") == (0, "Nog geen sessies.\n", "")
    assert run(capsys, "--lang", "en", "sessions") == (0, "No sessions yet.\n", "")


def _running(store: Store) -> str:
    engine = factory.start(factory.engine_for(store), title="Nog bezig")
    factory.add_people(engine, factory.ROSTER[:3])
    engine.form_groups(count=1)
    engine.deal(0, [factory.deck()])
    return factory.session_id(engine)


def test_sessions_lists_them(capsys: Capture, isolated_home: Path) -> None:
    with Store(isolated_home) as store:
        done = factory.realistic_session(store)
        running = _running(store)
    code, out, err = run(capsys, "sessions")
    assert (code, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == ["SESSIE", "DATUM", "SOORT", "DECK", "GROEPEN", "RONDES", "STATUS"]
    assert len(rows) == 2
    by_id = {row.split()[0]: row.split("  ") for row in rows}
    assert set(by_id) == {done, running}
    cells = {sid: [c.strip() for c in cols if c.strip()] for sid, cols in by_id.items()}
    # The time of day is left out: it is UTC today, and may become local time like the report's.
    assert cells[done][1].startswith("2026-03-14 ") and cells[running][1].startswith("2026-03-14 ")
    assert cells[done][:1] + cells[done][2:] == [done, "Groepssessie", "mini3", "2", "3/3", "afgerond"]
    assert cells[running][:1] + cells[running][2:] == [running, "Groepssessie", "mini3", "1", "0/1", "loopt"]
    # Columns line up: every row starts its cells where the header does.
    status_at = header.index("STATUS")
    assert all(row[status_at:].strip() in ("afgerond", "loopt") for row in rows)


def test_sessions_in_english_and_with_data_dir(tmp_path: Path, capsys: Capture, isolated_home: Path) -> None:
    other = tmp_path / "elders"
    with Store(other) as store:
        running = _running(store)
    assert run(capsys, "sessions")[1] == "Nog geen sessies.\n"
    code, out, _ = run(capsys, "--lang", "en", "sessions", "--data-dir", str(other))
    assert code == 0
    assert out.splitlines()[0].split() == ["SESSION", "DATE", "KIND", "DECK", "GROUPS", "ROUNDS", "STATUS"]
    row = out.splitlines()[1].split()
    assert row[:2] == [running, "2026-03-14"] and row[3:] == ["Group", "session", "mini3", "1", "0/1", "running"]


def test_sessions_with_a_corrupt_database(capsys: Capture, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "dilemmaspel.sqlite3").write_bytes(b"kapot " * 1000)
    code, out, err = run(capsys, "sessions")
    assert (code, out) == (1, "")
    assert err.startswith("dilemmaspel: de database is niet te gebruiken: ")


def test_sessions_with_an_unusable_data_dir(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    code, out, err = run(capsys, "sessions", "--data-dir", str(tmp_path / "bestand" / "data"))
    assert (code, out) == (1, "")
    assert err.startswith("dilemmaspel: de database is niet te gebruiken: ")


# --- export ---------------------------------------------------------------------------------


@pytest.fixture
def stored(isolated_home: Path) -> str:
    with Store(isolated_home) as store:
        return factory.realistic_session(store)


def _events(home: Path, session_id: str) -> list:
    with Store(home) as store:
        return store.events(session_id)


def test_export_every_format_by_default(stored: str, capsys: Capture, isolated_home: Path) -> None:
    code, out, err = run(capsys, "export", stored)
    assert (code, err) == (0, "")
    folder = isolated_home / "transcripts"
    md, html, docx, js = (folder / f"2026-03-14-group-{stored}.{suffix}" for suffix in ("md", "html", "docx", "json"))
    assert out.splitlines() == [str(md), str(html), str(docx), str(js)]
    with Store(isolated_home) as store:
        state = store.load(stored)
        events = store.events(stored)
    assert md.read_text(encoding="utf-8") == to_markdown(state)
    assert load_json(js.read_text(encoding="utf-8")) == (stored, events)
    assert sorted(p.name for p in folder.iterdir()) == sorted([md.name, html.name, docx.name, js.name])


@pytest.mark.parametrize(("fmt", "suffixes"), [("md", [".md"]), ("json", [".json"]), ("both", [".md", ".json"]),
                                              ("docx", [".docx"]), ("html", [".html"]),
                                              ("all", [".md", ".html", ".docx", ".json"])])
def test_export_formats(fmt: str, suffixes: list[str], stored: str, capsys: Capture, isolated_home: Path) -> None:
    code, out, _ = run(capsys, "export", stored, "--format", fmt)
    assert code == 0
    assert [Path(line).suffix for line in out.splitlines()] == suffixes
    assert sorted(p.suffix for p in (isolated_home / "transcripts").iterdir()) == sorted(suffixes)


def test_export_by_prefix_to_another_folder(stored: str, capsys: Capture, tmp_path: Path, isolated_home: Path) -> None:
    out_dir = tmp_path / "usb" / "verslagen"
    code, out, _ = run(capsys, "export", stored[:5], "--out", str(out_dir), "--format", "md")
    assert code == 0
    assert out.splitlines() == [str(out_dir / f"2026-03-14-group-{stored}.md")]
    assert not (isolated_home / "transcripts").exists()


def test_export_anonymised(stored: str, capsys: Capture, isolated_home: Path) -> None:
    code, out, _ = run(capsys, "export", stored, "--anonymise", "--format", "both")
    assert code == 0
    paths = [Path(line) for line in out.splitlines()]
    assert [p.name for p in paths] == [f"2026-03-14-group-{stored}-anoniem.md", f"2026-03-14-group-{stored}-anoniem.json"]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        # A lower-case surname that is an ordinary word ('een boer') is left alone on purpose.
        leaks = [f for f in factory.IDENTIFYING
                 if any(not m.group(0)[:1].islower()
                        for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", text, re.IGNORECASE))]
        assert leaks == [], path.name
    document = json.loads(paths[1].read_text(encoding="utf-8"))
    assert document["anonymised"] is True
    assert run(capsys, "export", stored, "--anonymize", "--format", "md")[0] == 0  # US spelling too


@pytest.mark.parametrize("session", ["zzzz", "", "%"])
def test_export_unknown_session(session: str, stored: str, capsys: Capture, isolated_home: Path) -> None:
    with Store(isolated_home) as store:
        factory.realistic_session(store)  # two sessions: '' and '%' are ambiguous either way
    code, out, err = run(capsys, "export", session)
    assert (code, out) == (1, "")
    assert err == f"dilemmaspel: geen (eenduidige) sessie '{session}'; zie 'dilemmaspel sessions'\n"
    assert not (isolated_home / "transcripts").exists()


def test_export_write_failure(stored: str, capsys: Capture, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, out, err = run(capsys, "export", stored)
    assert (code, out) == (1, "")
    assert err == "dilemmaspel: kan het verslag niet schrijven: No space left on device\n"
    assert list((isolated_home / "transcripts").iterdir()) == []


def test_export_to_a_file_instead_of_a_folder(stored: str, capsys: Capture, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("niet overschrijven", encoding="utf-8")
    code, out, err = run(capsys, "export", stored, "--out", str(blocker))
    assert (code, out) == (1, "")
    assert err.startswith("dilemmaspel: kan het verslag niet schrijven: ")
    assert blocker.read_text(encoding="utf-8") == "niet overschrijven"


# --- forget ---------------------------------------------------------------------------------


@pytest.fixture
def two_exported(isolated_home: Path, capsys: Capture) -> tuple[str, str]:
    with Store(isolated_home) as store:
        gone, kept = factory.realistic_session(store), factory.realistic_session(store)
    for session_id in (gone, kept):
        assert main(["export", session_id, "--format", "both"]) == 0
        assert main(["export", session_id, "--anonymise", "--format", "both"]) == 0
    capsys.readouterr()
    return gone, kept


def _transcripts(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "transcripts").iterdir())


def test_forget_with_yes(two_exported: tuple[str, str], capsys: Capture, isolated_home: Path) -> None:
    gone, kept = two_exported
    code, out, err = run(capsys, "forget", gone[:6], "--yes")
    assert (code, err) == (0, "")
    assert out == f"Sessie {gone} verwijderd (4 verslagbestand(en) in de datamap mee verwijderd).\n"
    with Store(isolated_home) as store:
        assert not store.exists(gone) and store.events(gone) == []
        assert store.exists(kept)
    assert _transcripts(isolated_home) == sorted(
        f"2026-03-14-group-{kept}{suffix}" for suffix in (".md", ".json", "-anoniem.md", "-anoniem.json"))


def test_forget_without_yes_and_no_answer_deletes_nothing(
    two_exported: tuple[str, str], capsys: Capture, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone, _ = two_exported
    before = _transcripts(isolated_home)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # EOF, as with stdin from /dev/null
    code, out, _ = run(capsys, "forget", gone)
    assert code == 1
    assert out.endswith("Niets verwijderd.\n")
    assert f"Sessie {gone} met alle stemmen" in out
    with Store(isolated_home) as store:
        assert store.exists(gone) and len(store.events(gone)) > 50
    assert _transcripts(isolated_home) == before


@pytest.mark.parametrize(("answer", "deleted"), [("ja\n", True), ("J\n", True), ("nee\n", False), ("\n", False), ("jawel\n", False)])
def test_forget_asks_first(answer: str, deleted: bool, two_exported: tuple[str, str], capsys: Capture,
                           isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone, _ = two_exported
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    code, _, _ = run(capsys, "forget", gone)
    assert code == (0 if deleted else 1)
    with Store(isolated_home) as store:
        assert store.exists(gone) is not deleted


def test_forget_in_english_accepts_yes(two_exported: tuple[str, str], capsys: Capture, isolated_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    gone, _ = two_exported
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    code, out, _ = run(capsys, "--lang", "en", "forget", gone)
    assert code == 0
    assert out.startswith(f"Delete session {gone} with all votes")
    assert out.endswith(f"Session {gone} deleted (4 transcript file(s) in the data dir deleted too).\n")


def test_forget_without_any_stdin_deletes_nothing(two_exported: tuple[str, str], capsys: Capture,
                                                  isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone, _ = two_exported
    monkeypatch.setattr(sys, "stdin", None)
    code, out, _ = run(capsys, "forget", gone)
    assert code == 1 and out.endswith("Niets verwijderd.\n")


def test_forget_unknown_session(two_exported: tuple[str, str], capsys: Capture, isolated_home: Path) -> None:
    before = _transcripts(isolated_home)
    code, out, err = run(capsys, "forget", "zzzz", "--yes")
    assert (code, out) == (1, "")
    assert err == "dilemmaspel: geen (eenduidige) sessie 'zzzz'; zie 'dilemmaspel sessions'\n"
    assert _transcripts(isolated_home) == before


def test_forget_keeps_files_exported_elsewhere(stored: str, capsys: Capture, tmp_path: Path) -> None:
    out_dir = tmp_path / "usb"
    assert main(["export", stored, "--out", str(out_dir)]) == 0
    code, out, _ = run(capsys, "forget", stored, "--yes")
    assert code == 0
    assert "(0 verslagbestand(en)" in out.splitlines()[-1]
    assert len(list(out_dir.iterdir())) == 4  # outside the data dir: the trainer's own responsibility
