"""Transcripts of a session: a printable Markdown report and a complete, reloadable JSON file."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dilemmaspel.core.anonymise import anonymise
from dilemmaspel.core.events import OTHER, Event, event_from_json
from dilemmaspel.core.session import RoundState, SessionState, Vote, apply_in_place, check, replay
from dilemmaspel.core.flow import reveal_order
from dilemmaspel.core.stats import RoundStats, anonymous, round_stats, shift_table, shifts
from dilemmaspel.core.unlink import unlink_ballots
from dilemmaspel.i18n import t
from dilemmaspel.localtime import local_time
from dilemmaspel.paths import ensure_private_dir, write_private_atomic

SCHEMA = "dilemmaspel.transcript"
SCHEMA_VERSION = 1


class TranscriptError(ValueError):
    """A JSON transcript that cannot be loaded."""


# --- Markdown -------------------------------------------------------------------------------


_BLOCK_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)])")


def _safe_line(line: str) -> str:
    """A typed line that cannot start a Markdown heading, quote or list."""
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line.rstrip())


def _line(text: str) -> str:
    """Free text on one line (headings, bold lines)."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Free text in a table cell or list item: one line, pipes escaped."""
    return _line(text).replace("|", "\\|")


def _short(text: str, limit: int = 60) -> str:
    """An option's words for a table cell, cut at a word boundary."""
    text = _cell(text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _quote(text: str) -> list[str]:
    return [f"> {_safe_line(line)}" if line.strip() else ">" for line in text.strip().splitlines()] or [">"]


def _indent(text: str) -> str:
    """Multi-line free text inside a list item: continuation lines indented."""
    lines = [_safe_line(line) for line in text.strip().splitlines()] or [""]
    return "\n".join([lines[0]] + [f"  {line}" if line else "" for line in lines[1:]])


class MarkdownReport:
    """Renders one session's state as Markdown in one language: minutes a griffier can file."""

    def __init__(self, state: SessionState, lang: str) -> None:
        self.s = state
        self.lang = lang

    def t(self, key: str, **params: object) -> str:
        return t(key, lang=self.lang, **params)

    @property
    def named(self) -> bool:
        return self.s.settings.reveal == "named"

    def person(self, pid: str) -> str:
        p = self.s.participants.get(pid)
        if p is None:
            return pid
        details = [p.party] if p.party else []
        details.append(self.t(f"report.side.{p.side}"))
        if p.role:
            details.append(p.role)
        return f"{p.name} ({', '.join(details)})"

    def number(self, value: float) -> str:
        text = f"{value:.2f}"
        return text.replace(".", ",") if self.lang == "nl" else text

    def render(self) -> str:
        s = self.s
        settings = s.settings
        title = settings.title or self.t(f"mode.{s.mode}")
        out = [f"# {self.t('report.title', title=_line(title))}", ""]
        decks = sorted({r.deck_title or r.deck for r in s.rounds if r.deck}) or settings.decks
        facts = [
            (self.t("report.date"), local_time(s.started_at)),
            (self.t("report.mode"), self.t(f"mode.{s.mode}")),
            (self.t("report.organisation"), settings.organisation),
            (self.t("report.trainer"), settings.trainer),
            (self.t("report.decks"), ", ".join(decks)),
            (self.t("report.method"), settings.method.title if settings.method else ""),
            (self.t("report.reveal"), self.t(f"reveal.{settings.reveal}")),
            (self.t("report.status"), self.t("report.finished", date=local_time(s.finished_at)) if s.finished else self.t("report.unfinished")),
        ]
        out += [f"- **{label}:** {_cell(value)}" for label, value in facts if value]
        out.append("")
        if s.rounds:
            out += self.overview()
        if s.participants:
            out += [f"## {self.t('report.participants')}", ""]
            if s.groups and len(s.groups) > 1:
                for number, members in enumerate(s.groups, start=1):
                    out += [f"### {self.t('report.group', number=number)}", ""]
                    out += self.members(members) + [""]
            else:
                out += self.members(list(s.participants)) + [""]
        for rnd in s.rounds:
            out += self.round(rnd)
        return "\n".join(out).rstrip() + "\n"

    def members(self, pids: list[str]) -> list[str]:
        return [f"- {_cell(self.person(pid))}" + (f" - {self.t('report.absent')}" if pid in self.s.absent else "") for pid in pids]

    def overview(self) -> list[str]:
        header = [self.t("report.col.round"), self.t("report.col.group"), self.t("report.col.case"),
                  self.t("report.col.first"), self.t("report.col.revote")]
        out = [f"## {self.t('report.overview')}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for rnd in self.s.rounds:
            first = self.leading(round_stats(self.s, rnd, 1)) if rnd.revealed and rnd.votes else "-"
            second = "-"
            if rnd.revotes and rnd.phase in ("revoted", "closed"):
                second = self.leading(round_stats(self.s, rnd, 2))
                changed = self.changed(rnd)
                if changed is not None:
                    second += "; " + self.t("report.changed_short", count=changed)
            out.append(f"| {rnd.number + 1} | {rnd.group + 1} | {_cell(rnd.title)} | {first} | {second} |")
        return out + [""]

    def changed(self, rnd: RoundState) -> int | None:
        """How many chose differently in the re-vote (None when an anonymous session hides it)."""
        if not anonymous(self.s):
            return len(shifts(rnd))
        table = shift_table(self.s, rnd)
        return table.changed if table is not None else None

    def leading(self, stats: RoundStats) -> str:
        """'B (3 van 5)' or 'A = B (2 van 5)' on a tie."""
        if not stats.total:
            return "-"
        labels = " = ".join(self.letter(option) for option in stats.leaders)
        return self.t("report.leading", options=labels, count=stats.tally[stats.leaders[0]], total=stats.total)

    def round(self, rnd: RoundState) -> list[str]:
        s = self.s
        heading = self.t("report.round", number=rnd.number + 1, title=_line(rnd.title))
        if len(s.groups) > 1:
            heading += f" - {self.t('report.group', number=rnd.group + 1)}"
        out = [f"## {heading}", ""]
        if rnd.card is not None:
            out.append(f"- **{self.t('report.theme')}:** {_cell(rnd.theme_name or rnd.card.theme)}")
            out.append(f"- **{self.t('report.card')}:** {_cell(rnd.deck_title or rnd.deck)} ({rnd.card.id})")
        else:
            out.append(f"- **{self.t('report.own_case')}**")
        out.append("")
        if rnd.situation:
            out += _quote(rnd.situation) + [""]
        out += [f"**{_line(rnd.question)}**", ""]
        for letter, option in zip(rnd.letters, rnd.options):
            out.append(f"- {letter}. {_cell(option)}")
        if rnd.options:
            out.append("")
        if rnd.votes or rnd.voting_phase == 1:
            out += self.votes(rnd, 1)
        if rnd.twists_shown:
            out += [f"### {self.t('report.twists')}", ""]
            out += [f"- {_cell(twist)}" for twist in rnd.twists[: rnd.twists_shown]] + [""]
        method = s.settings.method
        if rnd.notes and method is not None:
            out += [f"### {self.t('report.deliberation', method=_cell(method.title))}", ""]
            for index, step in enumerate(method.steps):
                note = rnd.notes.get(index, "").strip()
                out += [f"**{self.t('report.step', number=index + 1, title=_cell(step.title))}**", ""]
                out += (_quote(note) if note else [f"_{self.t('report.no_notes')}_"]) + [""]
        if any(text.strip() for text in rnd.personal.values()):
            out += [f"### {self.t('report.personal')}", ""]
            for pid, text in rnd.personal.items():
                if text.strip():
                    who = f"**{_cell(s.name(pid))}:** " if self.named else ""
                    out.append(f"- {who}{_indent(text)}")
            out.append("")
        if rnd.conclusion.strip() or rnd.actions.strip():
            out += [f"### {self.t('report.conclusion')}", ""]
            if rnd.conclusion.strip():
                out += _quote(rnd.conclusion) + [""]
            if rnd.actions.strip():
                out += [f"**{self.t('report.actions')}**", ""] + _quote(rnd.actions) + [""]
        if rnd.revotes or rnd.phase == "revoting":
            out += self.votes(rnd, 2)
        out += self.background(rnd)
        if rnd.phase != "closed":
            out += [f"_{self.t('report.round_open')}_", ""]
        return out

    def background(self, rnd: RoundState) -> list[str]:
        """The card's rules, reflection and discussion questions: what a trainer closes with."""
        card = rnd.card
        if card is None or not (card.rules or card.reflection or card.prompts):
            return []
        out = [f"### {self.t('report.background')}", ""]
        if card.rules:
            out += [
                f"- **{_cell(rule.ref)}:** {_cell(rule.summary)}" + (f" <{rule.source}>" if rule.source else "")
                for rule in card.rules
            ] + [""]
        if card.reflection.strip():
            out += _quote(card.reflection) + [""]
        if card.prompts:
            out += [f"**{self.t('report.prompts')}**", ""] + [f"- {_cell(p)}" for p in card.prompts] + [""]
        return out

    def votes(self, rnd: RoundState, phase: int) -> list[str]:
        stats = round_stats(self.s, rnd, phase)
        out = [f"### {self.t('report.votes' if phase == 1 else 'report.revotes')}", ""]
        if rnd.voting_phase == phase:
            return out + [f"_{self.t('report.not_revealed', count=stats.total)}_", ""]
        out += self.tally(rnd, stats)
        linked = not self.s.ballots_unlinked and rnd.group < len(self.s.groups)
        missing = [pid for pid in self.s.groups[rnd.group] if pid not in rnd.votes_in(phase)] if linked else []
        if missing:
            out += [self.t("report.not_voted", names=", ".join(_cell(self.s.name(pid)) for pid in missing)), ""]
        out += [f"**{self.t('report.reasoning')}**", ""]
        for pid in reveal_order(rnd, phase, self.s.seed):
            vote = rnd.votes_in(phase)[pid]
            who = f"{_cell(self.s.name(vote.pid))} - " if self.named else ""
            reasoning = vote.reasoning.strip() or self.t("report.no_reasoning")
            out.append(f"- {who}{self.choice(rnd, vote)}: {_indent(reasoning)}")
        out.append("")
        if phase == 2 and anonymous(self.s):
            out += self.shift_counts(rnd)
        elif phase == 2:
            changed = shifts(rnd)
            out += [self.t("report.shifts", count=len(changed), total=len(rnd.revotes)), ""]
            for shift in changed:
                who = f"{_cell(self.s.name(shift.pid))}: " if self.named else ""
                before = self.choice(rnd, rnd.votes[shift.pid])
                after = self.choice(rnd, rnd.revotes[shift.pid])
                out.append(f"- {who}{before} -> {after}")
            if changed:
                out.append("")
        return out

    def shift_counts(self, rnd: RoundState) -> list[str]:
        """The re-vote shifts of an anonymous session: counts per move, or why they are left out."""
        table = shift_table(self.s, rnd)
        if table is None:
            return []
        if table.withheld:
            return [self.t(table.withheld), ""]
        out = [self.t("report.shifts", count=table.changed, total=table.voters), ""]
        out += [f"- {self.letter(before)} -> {self.letter(after)}: {count}" for before, after, count in table.moves]
        return out + ([""] if table.moves else [])

    def letter(self, choice: str) -> str:
        return self.t("vote.other") if choice == OTHER else choice

    def choice(self, rnd: RoundState, vote: Vote) -> str:
        if vote.choice == OTHER:
            return f"{self.t('vote.other')} ({_cell(vote.other)})"
        return vote.choice

    def tally(self, rnd: RoundState, stats: RoundStats) -> list[str]:
        sides = ("coalition", "opposition", "none") if stats.by_side is not None else ()
        header = [self.t("report.option"), self.t("report.count"), *(self.t(f"side.{side}") for side in sides),
                  self.t("report.option_text")]
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for option, count in stats.tally.items():
            if option == OTHER and not count:
                continue
            label = self.letter(option)
            split = [str(stats.by_side[side][option]) for side in sides] if stats.by_side is not None else []
            text = "" if option == OTHER else _short(rnd.option_text(option))
            out.append(f"| {label} | {count} | " + "".join(f"{cell} | " for cell in split) + f"{text} |")
        out.append("")
        if stats.side_withheld:
            out += [self.t(stats.side_withheld), ""]
        if stats.total:
            key = "report.majority" if len(stats.leaders) == 1 else "report.tie"
            out.append(self.t(key, options=self.leading(stats)))
        line = stats.party_line
        figure = f" (Cramér's V = {self.number(line.v)})" if line.v is not None else ""
        if stats.by_side is not None:
            out += ["", f"{self.t('report.party_line')}: {self.t(line.reading)}{figure}.", ""]
        else:
            out.append("")
        return out


def to_markdown(state: SessionState, lang: str | None = None) -> str:
    """A printable Markdown report of the session."""
    return MarkdownReport(state, lang or state.language).render()


# --- JSON -----------------------------------------------------------------------------------


def exportable(events: Sequence[Event]) -> list[Event]:
    """The events an export may carry: in an anonymous session, ballots unlinked from people.

    A finished session is unlinked in the database already; an open one is unlinked here, with
    fresh random ballot ids for each export.
    """
    return [event for event in unlink_ballots(events) if event is not None]


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


def file_stem(session_id: str, state: SessionState, anonymised: bool, lang: str | None = None) -> str:
    day = state.started_at[:10] or "sessie"
    suffix = f"-{t('anon.suffix', lang=lang or state.language)}" if anonymised else ""
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
    events = exportable(events)
    if anonymised:
        events = anonymise(events, lang or replay(events).language)
    state = replay(events)
    ensure_private_dir(out_dir)
    stem = file_stem(session_id, state, anonymised, lang)
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
