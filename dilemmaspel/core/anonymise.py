"""Anonymised copies of a session: names and parties gone, sides kept.

Participants become "Deelnemer 1..n" (or "Participant 1..n"), in the order they joined. Their
names, and the party names, are also replaced wherever they appear in free text.
"""

from __future__ import annotations

import re
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


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    if not unique:
        return None
    alternatives = "|".join(re.escape(w) for w in unique)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class Anonymiser:
    """Replaces the names and parties of one session's participants."""

    def __init__(self, participants: Sequence[tuple[str, Participant]], language: str) -> None:
        self.aliases: dict[str, str] = {}
        replacements: dict[str, str] = {}
        for number, (pid, person) in enumerate(participants, start=1):
            alias = t("anon.participant", lang=language, number=number)
            self.aliases[pid] = alias
            replacements[person.name.casefold()] = alias
            for part in person.name.split():
                if len(part) >= 3 and part.casefold() not in PARTICLES:
                    replacements.setdefault(part.casefold(), alias)
        party_word = t("anon.party", lang=language)
        for _, person in participants:
            if person.party and len(person.party) >= 2:
                replacements.setdefault(person.party.casefold(), party_word)
        self.replacements = replacements
        self.pattern = _pattern(list(replacements))

    def text(self, value: str) -> str:
        """Free text with every participant name and party replaced."""
        if not value or self.pattern is None:
            return value
        return self.pattern.sub(lambda m: self.replacements[m.group(0).casefold()], value)

    def event(self, event: Event) -> Event:
        """An anonymised copy of one event."""
        match event:
            case SessionStarted():
                settings = event.settings.model_copy(update={"trainer": "", "title": self.text(event.settings.title)})
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
