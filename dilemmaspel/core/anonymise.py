"""Anonymised copies of a session: names and parties gone, sides kept.

The people in the export (the participants at its end) become "Deelnemer 1..n" (or
"Participant 1..n"): dense, and numbered in a fresh random order for every export, so a number
says nothing about the roster's order. Someone removed and added again is one person with one
number; people removed for good become "Oud-deelnemer 1..k" the same way. Names and party names
are replaced wherever they appear in free text, with the same pseudonym as in the list; a part
of a name that two people share (two Jans) becomes a neutral word instead of either of them.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence

from dilemmaspel.core.events import (
    CaseOpened,
    ConclusionSaved,
    Event,
    ParticipantAdded,
    ParticipantEdited,
    ParticipantRemoved,
    PersonalConclusionSaved,
    SessionStarted,
    StepNoteSaved,
    VoteCast,
)
from dilemmaspel.core.roster import Participant, name_key
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

    ``people`` pairs each person's pseudonym with every participant record they had (one per
    time they were added) and their participant ids. Names and parties are matched whatever
    their case, except that a single part of a name is left alone when written in lower case,
    so 'Kees Boer' does not turn every 'boer' into an alias. Every alternative is its own regex
    group, so the alias never depends on case folding.
    """

    def __init__(self, people: Sequence[tuple[str, Sequence[str], Sequence[Participant]]], language: str) -> None:
        self.aliases: dict[str, str] = {}
        whole: dict[str, str] = {}  # full name variant -> alias, matched ignoring case
        parts: dict[str, set[str]] = {}  # name part variant -> aliases of everyone who has it
        for alias, pids, records in people:
            self.aliases.update({pid: alias for pid in pids})
            for person in records:
                whole.update({variant: alias for variant in _variants(person.name)})
                for part in re.split(r"[\s\-]+", person.name):
                    if len(part) >= 3 and part.casefold() not in PARTICLES:
                        for variant in _variants(part):
                            parts.setdefault(variant, set()).add(alias)
        someone = t("anon.someone", lang=language)
        exact = {text: (aliases.pop() if len(aliases) == 1 else someone) for text, aliases in parts.items()}
        party_word = t("anon.party", lang=language)
        folded = dict(whole)
        for _, _, records in people:
            for person in records:
                if len(person.party) >= 2:
                    folded.update({variant: party_word for variant in _variants(person.party) if variant not in whole})
        alternatives: list[tuple[str, str, bool]] = sorted(
            {(text, repl, False) for text, repl in folded.items()} | {(text, repl, True) for text, repl in exact.items()},
            key=lambda item: (-len(item[0]), item[2], item[0]),
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
            case ParticipantAdded() | ParticipantEdited():
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


def random_order() -> Callable[[list[int]], None]:
    """How pseudonym numbers are shuffled: a fresh, unpredictable order for every export."""
    return random.SystemRandom().shuffle


def people_of(events: Sequence[Event], language: str) -> list[tuple[str, list[str], list[Participant]]]:
    """Every person of the session with a pseudonym: dense numbers in a random order."""
    present: set[str] = set()
    people: dict[str, tuple[list[str], list[Participant]]] = {}  # name key -> (pids, records)
    key_of: dict[str, str] = {}  # pid -> the name key of the person it belongs to
    for event in events:
        if isinstance(event, ParticipantAdded):
            key_of[event.pid] = name_key(event.participant.name)
            pids, records = people.setdefault(key_of[event.pid], ([], []))
            pids.append(event.pid)
            records.append(event.participant)
            present.add(event.pid)
        elif isinstance(event, ParticipantEdited) and event.pid in key_of:
            people[key_of[event.pid]][1].append(event.participant)  # a corrected name is replaced too
        elif isinstance(event, ParticipantRemoved):
            present.discard(event.pid)
    current_keys = {key_of[pid] for pid in present}
    result: list[tuple[str, list[str], list[Participant]]] = []
    shuffle = random_order()
    for here, key in ((True, "anon.participant"), (False, "anon.former")):
        chosen = [k for k in people if (k in current_keys) == here]
        numbers = list(range(1, len(chosen) + 1))
        shuffle(numbers)
        for k, number in zip(chosen, numbers):
            result.append((t(key, lang=language, number=number), *people[k]))
    return result


def anonymise(events: Sequence[Event], language: str = "nl") -> list[Event]:
    """An anonymised copy of a session's events (new random pseudonyms every call)."""
    anonymiser = Anonymiser(people_of(events, language), language)
    return [anonymiser.event(e) for e in events]
