"""Anonymised copies of a session: names and parties gone, sides kept.

Participants become "Deelnemer 1..n" (or "Participant 1..n"), in the order they joined. Their
names, and the party names, are also replaced wherever they appear in free text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from dilemmaspel.core.events import (
    CaseOpened,
    ConclusionSaved,
    Event,
    ParticipantAdded,
    PersonalConclusionSaved,
    SessionStarted,
    StepNoteSaved,
    VoteCast,
)
from dilemmaspel.core.roster import Participant
from dilemmaspel.i18n import t

# Dutch name particles that must not be replaced on their own.
PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "la", "le", "du", "da", "von", "'t", "el", "al"}


def _plain(text: str) -> str:
    """Accents and Turkish dotted/dotless i removed, so 'Yıldız' also finds 'Yildiz'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _variants(word: str) -> set[str]:
    return {word, _plain(word)}


class Anonymiser:
    """Replaces the names and parties of one session's participants.

    Names and parties are matched whatever their case, except that a single part of a name is
    left alone when written in lower case, so 'Kees Boer' does not turn every 'boer' into an
    alias. Every alternative is its own regex group, so the alias never depends on case folding.
    """

    def __init__(self, participants: Sequence[tuple[str, Participant]], language: str) -> None:
        self.aliases: dict[str, str] = {}
        folded: list[tuple[str, str]] = []  # (text, replacement), matched ignoring case
        exact: list[tuple[str, str]] = []  # (text, replacement), matched as written
        for number, (pid, person) in enumerate(participants, start=1):
            alias = t("anon.participant", lang=language, number=number)
            self.aliases[pid] = alias
            folded += [(variant, alias) for variant in _variants(person.name)]
            for part in re.split(r"[\s\-]+", person.name):
                if len(part) >= 3 and part.casefold() not in PARTICLES:
                    exact += [(variant, alias) for variant in _variants(part)]
        party_word = t("anon.party", lang=language)
        for _, person in participants:
            if len(person.party) >= 2:
                folded += [(variant, party_word) for variant in _variants(person.party)]
        alternatives: list[tuple[str, str, bool]] = sorted(
            {(text, repl, False) for text, repl in folded} | {(text, repl, True) for text, repl in exact},
            key=lambda item: len(item[0]),
            reverse=True,
        )
        self.replacements = [(repl, part) for _, repl, part in alternatives]
        groups = [f"(?P<g{i}>{re.escape(text)})" for i, (text, _, _) in enumerate(alternatives)]
        self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE) if groups else None

    def _replace(self, match: re.Match[str]) -> str:
        replacement, part = self.replacements[int((match.lastgroup or "g0")[1:])]
        found = match.group(0)
        return found if part and found[:1].islower() else replacement

    def text(self, value: str) -> str:
        """Free text with every participant name and party replaced."""
        if not value or self.pattern is None:
            return value
        return self.pattern.sub(self._replace, value)

    def event(self, event: Event) -> Event:
        """An anonymised copy of one event."""
        match event:
            case SessionStarted():
                settings = event.settings.model_copy(
                    update={"trainer": "", "organisation": "", "title": self.text(event.settings.title)}
                )
                return event.model_copy(update={"settings": settings})
            case ParticipantAdded():
                person = Participant(name=self.aliases[event.pid], party="", side=event.participant.side, role="")
                return event.model_copy(update={"participant": person})
            case VoteCast():
                return event.model_copy(update={"other": self.text(event.other), "reasoning": self.text(event.reasoning)})
            case StepNoteSaved() | PersonalConclusionSaved():
                return event.model_copy(update={"text": self.text(event.text)})
            case ConclusionSaved():
                return event.model_copy(update={"text": self.text(event.text), "actions": self.text(event.actions)})
            case CaseOpened():
                case = event.case
                updated = case.model_copy(update={
                    "title": self.text(case.title),
                    "situation": self.text(case.situation),
                    "question": self.text(case.question),
                    "options": [self.text(o) for o in case.options],
                })
                return event.model_copy(update={"case": updated})
        return event


def anonymise(events: Sequence[Event], language: str = "nl") -> list[Event]:
    """An anonymised copy of a session's events."""
    people = [(e.pid, e.participant) for e in events if isinstance(e, ParticipantAdded)]
    anonymiser = Anonymiser(people, language)
    return [anonymiser.event(e) for e in events]
