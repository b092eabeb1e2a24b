"""Transcripts of a session: a printable Markdown report and a complete, reloadable JSON file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from dilemmaspel.core.anonymise import anonymise
from dilemmaspel.core.events import OTHER, Event, event_from_json
from dilemmaspel.core.session import RoundState, SessionState, Vote, replay
from dilemmaspel.core.stats import RoundStats, round_stats, shifts
from dilemmaspel.i18n import t
from dilemmaspel.paths import ensure_private_dir, write_private_atomic

SCHEMA = "dilemmaspel.transcript"
SCHEMA_VERSION = 1


class TranscriptError(ValueError):
    """A JSON transcript that cannot be loaded."""


# --- Markdown -------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line.strip() else ">" for line in text.strip().splitlines()] or [">"]


def _indent(text: str) -> str:
    """Multi-line free text inside a list item: continuation lines indented."""
    lines = text.strip().splitlines() or [""]
    return "\n".join([lines[0]] + [f"  {line}" for line in lines[1:]])


def _date(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class MarkdownReport:
    """Renders one session's state as Markdown in one language."""

    def __init__(self, state: SessionState, lang: str) -> None:
        self.s = state
        self.lang = lang

    def t(self, key: str, **params: object) -> str:
        return t(key, lang=self.lang, **params)

    def person(self, pid: str) -> str:
        p = self.s.participants.get(pid)
        if p is None:
            return pid
        details = [p.party] if p.party else []
        details.append(self.t(f"side.{p.side}"))
        if p.role:
            details.append(p.role)
        return f"{p.name} ({', '.join(details)})"

    def render(self) -> str:
        s = self.s
        settings = s.settings
        title = settings.title or self.t(f"mode.{s.mode}")
        out = [f"# {self.t('report.title', title=title)}", ""]
        facts = [
            (self.t("report.date"), _date(s.started_at)),
            (self.t("report.mode"), self.t(f"mode.{s.mode}")),
            (self.t("report.organisation"), settings.organisation),
            (self.t("report.trainer"), settings.trainer),
            (self.t("report.decks"), ", ".join(sorted({r.deck for r in s.rounds if r.deck}) or settings.decks)),
            (self.t("report.method"), settings.method.title if settings.method else ""),
            (self.t("report.reveal"), self.t(f"reveal.{settings.reveal}")),
            (self.t("report.status"), self.t("report.finished", date=_date(s.finished_at)) if s.finished else self.t("report.unfinished")),
        ]
        out += [f"- **{label}:** {_cell(value)}" for label, value in facts if value]
        out.append("")
        if s.participants:
            out += [f"## {self.t('report.participants')}", ""]
            if s.groups:
                for number, members in enumerate(s.groups, start=1):
                    out.append(f"### {self.t('report.group', number=number)}")
                    out.append("")
                    for pid in members:
                        absent = f" - {self.t('report.absent')}" if pid in s.absent else ""
                        out.append(f"- {_cell(self.person(pid))}{absent}")
                    out.append("")
            else:
                out += [f"- {_cell(self.person(pid))}" for pid in s.participants] + [""]
        for rnd in s.rounds:
            out += self.round(rnd)
        return "\n".join(out).rstrip() + "\n"

    def round(self, rnd: RoundState) -> list[str]:
        s = self.s
        heading = self.t("report.round", number=rnd.number + 1, title=rnd.title)
        if len(s.groups) > 1:
            heading += f" - {self.t('report.group', number=rnd.group + 1)}"
        out = [f"## {heading}", ""]
        if rnd.card is not None:
            out.append(f"- **{self.t('report.theme')}:** {rnd.card.theme}")
            out.append(f"- **{self.t('report.card')}:** {rnd.deck} / {rnd.card.id}")
        else:
            out.append(f"- **{self.t('report.own_case')}**")
        out.append("")
        if rnd.situation:
            out += _quote(rnd.situation) + [""]
        out += [f"**{_cell(rnd.question)}**", ""]
        for letter, option in zip(rnd.letters, rnd.options):
            out.append(f"- {letter}. {_cell(option)}")
        if rnd.options:
            out.append("")
        if rnd.votes:
            out += self.votes(rnd, 1)
        if rnd.twists_shown:
            out += [f"### {self.t('report.twists')}", ""]
            out += [f"- {_cell(twist)}" for twist in rnd.twists[: rnd.twists_shown]] + [""]
        method = s.settings.method
        if rnd.notes and method is not None:
            out += [f"### {self.t('report.deliberation', method=method.title)}", ""]
            for index, step in enumerate(method.steps):
                note = rnd.notes.get(index, "").strip()
                out.append(f"**{self.t('report.step', number=index + 1, title=step.title)}**")
                out.append("")
                out += (_quote(note) if note else [f"_{self.t('report.no_notes')}_"]) + [""]
        if rnd.personal:
            out += [f"### {self.t('report.personal')}", ""]
            for pid, text in rnd.personal.items():
                out.append(f"- **{_cell(s.name(pid))}:** {_indent(text)}")
            out.append("")
        if rnd.conclusion.strip() or rnd.actions.strip():
            out += [f"### {self.t('report.conclusion')}", ""]
            if rnd.conclusion.strip():
                out += _quote(rnd.conclusion) + [""]
            if rnd.actions.strip():
                out += [f"**{self.t('report.actions')}**", ""] + _quote(rnd.actions) + [""]
        if rnd.revotes:
            out += self.votes(rnd, 2)
        if rnd.phase != "closed":
            out += [f"_{self.t('report.round_open')}_", ""]
        return out

    def votes(self, rnd: RoundState, phase: int) -> list[str]:
        stats = round_stats(self.s, rnd, phase)
        out = [f"### {self.t('report.votes' if phase == 1 else 'report.revotes')}", ""]
        if not rnd.revealed or (phase == 2 and rnd.phase == "revoting"):
            return out + [f"_{self.t('report.not_revealed', count=stats.total)}_", ""]
        out += self.tally(rnd, stats)
        named = self.s.settings.reveal == "named"
        out += [f"**{self.t('report.reasoning')}**", ""]
        for vote in _ordered(rnd.votes_in(phase), rnd):
            choice = self.choice(rnd, vote)
            who = f"{_cell(self.s.name(vote.pid))} - " if named else ""
            reasoning = vote.reasoning.strip() or self.t("report.no_reasoning")
            out.append(f"- {who}{choice}: {_indent(reasoning)}")
        out.append("")
        if phase == 2:
            changed = shifts(rnd)
            out.append(self.t("report.shifts", count=len(changed), total=len(rnd.revotes)))
            out.append("")
            for shift in changed:
                who = f"{_cell(self.s.name(shift.pid))}: " if named else ""
                out.append(f"- {who}{self.letter(shift.before)} -> {self.letter(shift.after)}")
            if changed:
                out.append("")
        return out

    def letter(self, choice: str) -> str:
        return self.t("vote.other") if choice == OTHER else choice

    def choice(self, rnd: RoundState, vote: Vote) -> str:
        if vote.choice == OTHER:
            return f"{self.t('vote.other')} ({_cell(vote.other)})"
        return vote.choice

    def tally(self, rnd: RoundState, stats: RoundStats) -> list[str]:
        header = [self.t("report.option"), self.t("report.count"), self.t("side.coalition"), self.t("side.opposition"), self.t("side.none")]
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for option, count in stats.tally.items():
            if option == OTHER and not count:
                continue
            label = self.letter(option)
            sides = [str(stats.by_side[side][option]) for side in ("coalition", "opposition", "none")]
            out.append(f"| {label} | {count} | " + " | ".join(sides) + " |")
        out.append("")
        if stats.majority is not None:
            out.append(self.t("report.majority", option=self.letter(stats.majority), share=round(stats.majority_share * 100)))
        else:
            out.append(self.t("report.no_majority"))
        line = stats.party_line
        reading = self.t(line.reading)
        figure = f" (Cramér's V = {line.v:.2f})" if line.v is not None else ""
        out += ["", f"{self.t('report.party_line')}: {reading}{figure}", ""]
        return out


def _ordered(votes: dict[str, Vote], rnd: RoundState) -> list[Vote]:
    order = {letter: i for i, letter in enumerate(list(rnd.letters) + [OTHER])}
    return sorted(votes.values(), key=lambda v: order.get(v.choice, 99))


def to_markdown(state: SessionState, lang: str | None = None) -> str:
    """A printable Markdown report of the session."""
    return MarkdownReport(state, lang or state.language).render()


# --- JSON -----------------------------------------------------------------------------------


def to_json(session_id: str, events: Sequence[Event], anonymised: bool = False) -> str:
    """The complete session: a readable summary and every event, loadable again."""
    state = replay(events)
    rounds: list[dict[str, Any]] = []
    for rnd in state.rounds:
        entry: dict[str, Any] = {
            "number": rnd.number + 1,
            "group": rnd.group + 1,
            "deck": rnd.deck,
            "card": rnd.card.model_dump() if rnd.card else None,
            "case": rnd.case.model_dump() if rnd.case else None,
            "phase": rnd.phase,
            "votes": [vars(v) for v in rnd.votes.values()],
            "revotes": [vars(v) for v in rnd.revotes.values()],
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
            entry["party_line_v"] = stats.party_line.v
        if rnd.revotes:
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
    except Exception as exc:  # pydantic ValidationError, KeyError, TypeError
        raise TranscriptError(str(exc)) from exc
    return str(document.get("session", "")), events


# --- files ----------------------------------------------------------------------------------


def transcripts_dir(data_dir: Path) -> Path:
    return data_dir / "transcripts"


def file_stem(session_id: str, state: SessionState, anonymised: bool) -> str:
    day = state.started_at[:10] or "sessie"
    suffix = f"-{t('anon.suffix', lang=state.language)}" if anonymised else ""
    return f"{day}-{state.mode}-{session_id}{suffix}"


def write_transcripts(
    session_id: str,
    events: Sequence[Event],
    out_dir: Path,
    formats: Sequence[str] = ("md", "json"),
    anonymised: bool = False,
    lang: str | None = None,
) -> list[Path]:
    """Write the transcript files (atomically, owner-only) and return their paths."""
    if anonymised:
        events = anonymise(events, lang or replay(events).language)
    state = replay(events)
    ensure_private_dir(out_dir)
    stem = file_stem(session_id, state, anonymised)
    written: list[Path] = []
    if "md" in formats:
        path = out_dir / f"{stem}.md"
        write_private_atomic(path, to_markdown(state, lang))
        written.append(path)
    if "json" in formats:
        path = out_dir / f"{stem}.json"
        write_private_atomic(path, to_json(session_id, events, anonymised))
        written.append(path)
    return written
