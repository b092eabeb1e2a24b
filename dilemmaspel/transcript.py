"""Transcripts of a session: the minutes (Markdown, HTML, Word) and a complete, reloadable JSON file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dilemmaspel.core.anonymise import anonymise
from dilemmaspel.core.events import Event, event_from_json
from dilemmaspel.core.session import SessionState, Vote, apply_in_place, check, replay
from dilemmaspel.core.stats import anonymous, round_stats, shift_table, shifts
from dilemmaspel.core.unlink import unlink_ballots
from dilemmaspel.i18n import t
from dilemmaspel.paths import ensure_private_dir, write_private_atomic
from dilemmaspel.report.build import Options, build_report

SCHEMA = "dilemmaspel.transcript"
SCHEMA_VERSION = 1


class TranscriptError(ValueError):
    """A JSON transcript that cannot be loaded."""


# --- the minutes ---------------------------------------------------------------------------

#: Every format the minutes can be written in, in the order they are written.
FORMATS = ("md", "html", "docx", "json")


def to_markdown(state: SessionState, lang: str | None = None, appendix: bool = False) -> str:
    """The minutes as Markdown."""
    from dilemmaspel.report.markdown import render_markdown

    return render_markdown(build_report(state, Options(lang=lang or state.language, appendix=appendix)))


def to_html(state: SessionState, lang: str | None = None, appendix: bool = False) -> str:
    """The minutes as one self-contained, printable HTML file."""
    from dilemmaspel.report.html import render_html

    return render_html(build_report(state, Options(lang=lang or state.language, appendix=appendix)))


def to_docx(state: SessionState, lang: str | None = None, appendix: bool = False) -> bytes:
    """The minutes as a Word document."""
    from dilemmaspel.report.docx import render_docx

    return render_docx(build_report(state, Options(lang=lang or state.language, appendix=appendix)))


# --- JSON -----------------------------------------------------------------------------------


def exportable(events: Sequence[Event]) -> list[Event]:
    """The events an export may carry: in an anonymous session, ballots unlinked from people.

    A finished session is unlinked in the database already; an open one is unlinked here, with
    fresh random ballot ids for each export.
    """
    # The room's link secrets and device claims stay on the laptop: an export opens no room.
    private = ("room_opened", "device_claimed", "device_released")
    return [event for event in unlink_ballots(events) if event is not None and event.type not in private]


def _ballot(vote: Vote, unlinked: bool) -> dict[str, str]:
    entry = {"ballot" if unlinked else "pid": vote.pid, "choice": vote.choice, "other": vote.other, "reasoning": vote.reasoning}
    return entry


def to_json(session_id: str, events: Sequence[Event], anonymised: bool = False) -> str:
    """The complete session: a readable summary and every event, loadable again.

    In an anonymous session the votes carry ballot ids (``votes[].ballot``), never a participant
    id, and the splits are only those the session published.
    """
    events = exportable(events)
    state = replay(events)
    unlinked = state.ballots_unlinked
    rounds: list[dict[str, Any]] = []
    for rnd in state.rounds:
        entry: dict[str, Any] = {
            "number": rnd.number + 1,
            "group": rnd.group + 1,
            "deck": rnd.deck,
            "card": rnd.card.model_dump() if rnd.card else None,
            "case": rnd.case.model_dump() if rnd.case else None,
            "phase": rnd.phase,
            "votes": [_ballot(v, unlinked) for v in rnd.votes.values()],
            "revotes": [_ballot(v, unlinked) for v in rnd.revotes.values()],
            "twists_shown": rnd.twists_shown,
            "notes": {str(k + 1): v for k, v in sorted(rnd.notes.items())},
            "personal_conclusions": dict(rnd.personal),
            "conclusion": rnd.conclusion,
            "actions": rnd.actions,
        }
        if rnd.votes and rnd.revealed:
            stats = round_stats(state, rnd, 1)
            entry["tally"] = stats.tally
            entry["by_side"] = stats.by_side
            entry["by_side_withheld"] = stats.side_withheld
            entry["party_line_v"] = stats.party_line.v
        if rnd.revotes and rnd.phase in ("revoted", "closed"):
            if anonymous(state):
                table = shift_table(state, rnd)
                entry["shifts"] = table.to_dict() if table is not None else None
            else:
                entry["shifts"] = [vars(s) for s in shifts(rnd)]
        rounds.append(entry)
    document = {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "session": session_id,
        "anonymised": anonymised,
        "mode": state.mode,
        "language": state.language,
        "started_at": state.started_at,
        "finished_at": state.finished_at,
        "participants": [
            {"id": pid, **p.model_dump(), "group": (state.group_of(pid) or 0) + 1 if state.groups else None, "absent": pid in state.absent}
            for pid, p in state.participants.items()
        ],
        "rounds": rounds,
        "events": [json.loads(e.model_dump_json()) for e in events],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def load_json(text: str) -> tuple[str, list[Event]]:
    """Read a JSON transcript back into its session id and events."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(str(exc)) from exc
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise TranscriptError("not a dilemmaspel transcript")
    if document.get("version") != SCHEMA_VERSION:
        raise TranscriptError(f"unsupported transcript version {document.get('version')}")
    try:
        events = [event_from_json(json.dumps(e)) for e in document["events"]]
        state = SessionState()
        for event in events:
            check(state, event)
            apply_in_place(state, event)
    except Exception as exc:  # pydantic ValidationError, RuleError, KeyError, TypeError
        raise TranscriptError(str(exc)) from exc
    return str(document.get("session", "")), events


# --- files ----------------------------------------------------------------------------------


def transcripts_dir(data_dir: Path) -> Path:
    return data_dir / "transcripts"


def file_stem(session_id: str, state: SessionState, anonymised: bool, lang: str | None = None,
              appendix: bool = False) -> str:
    day = state.started_at[:10] or "sessie"
    suffix = f"-{t('anon.suffix', lang=lang or state.language)}" if anonymised else ""
    if appendix:
        suffix += f"-{t('minutes.trainer_suffix', lang=lang or state.language)}"
    return f"{day}-{state.mode}-{session_id}{suffix}"


def write_transcripts(
    session_id: str,
    events: Sequence[Event],
    out_dir: Path,
    formats: Sequence[str] = ("md", "json"),
    anonymised: bool = False,
    lang: str | None = None,
    appendix: bool = False,
) -> list[Path]:
    """Write the transcript files (atomically, owner-only) and return their paths.

    ``appendix`` adds the trainer's background (rules, reflection, questions) to the minutes:
    the trainer's own copy. The JSON file is the complete session and has no such choice.
    """
    events = exportable(events)
    if anonymised:
        events = anonymise(events, lang or replay(events).language)
    state = replay(events)
    ensure_private_dir(out_dir)
    stem = file_stem(session_id, state, anonymised, lang, appendix)
    written: list[Path] = []
    for fmt in FORMATS:
        if fmt not in formats:
            continue
        # The JSON is the complete session, the same with or without the trainer's appendix.
        path = out_dir / f"{file_stem(session_id, state, anonymised, lang) if fmt == 'json' else stem}.{fmt}"
        if fmt == "md":
            write_private_atomic(path, to_markdown(state, lang, appendix))
        elif fmt == "html":
            write_private_atomic(path, to_html(state, lang, appendix))
        elif fmt == "docx":
            write_private_atomic(path, to_docx(state, lang, appendix))
        else:
            write_private_atomic(path, to_json(session_id, events, anonymised))
        written.append(path)
    return written
