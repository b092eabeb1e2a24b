"""Anonymised sessions keep sides and lose names and parties, also inside free text."""

from __future__ import annotations

from dilemmaspel.core.anonymise import anonymise
from dilemmaspel.core.events import ParticipantAdded, SessionStarted, Settings, VoteCast
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import replay


def test_names_parties_and_free_text() -> None:
    events = [
        SessionStarted(mode="group", settings=Settings(trainer="Trainer Tina"), started_at="2026-01-01T00:00:00+00:00"),
        ParticipantAdded(pid="p1", participant=Participant(name="Jan de Vries", party="Groen Dorp", side="coalition", role="wethouder")),
        ParticipantAdded(pid="p2", participant=Participant(name="Ayşe Demir", party="Samen", side="opposition")),
    ]
    vote = VoteCast(round=0, pid="p1", choice="A", reasoning="Ik ben het met AYŞE eens, maar De Vries (Groen Dorp) van de vereniging niet.")
    out = anonymise(events + [vote])
    state = replay(out[:3])
    assert [p.name for p in state.participants.values()] == ["Deelnemer 1", "Deelnemer 2"]
    assert [p.side for p in state.participants.values()] == ["coalition", "opposition"]
    assert all(p.party == "" and p.role == "" for p in state.participants.values())
    assert out[0].settings.trainer == ""  # type: ignore[union-attr]
    text = out[3].reasoning  # type: ignore[union-attr]
    assert "Ayşe".casefold() not in text.casefold() and "Vries" not in text and "Groen Dorp" not in text
    assert "Deelnemer 2" in text and "de vereniging" in text  # particles and ordinary words stay


def test_english_aliases() -> None:
    events = [ParticipantAdded(pid="p1", participant=Participant(name="Kim"))]
    assert anonymise(events, "en")[0].participant.name == "Participant 1"  # type: ignore[union-attr]
