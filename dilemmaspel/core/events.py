"""The events a session is made of. A session's state is the fold of its events."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, TypeAdapter, model_serializer

from dilemmaspel.core.cards import Card
from dilemmaspel.core.fields import Body
from dilemmaspel.core.methods import Method
from dilemmaspel.core.roster import Participant

Mode = Literal["group", "beraad", "solo"]
Reveal = Literal["anonymous", "named"]
Choice = Literal["A", "B", "C", "D", "other"]
OTHER: Choice = "other"


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    at: str = ""  # when it happened (ISO 8601, UTC), stamped by the Engine; empty in old sessions


class OwnCase(BaseModel):
    """A case the group brings itself (moreel beraad)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[str, Field(min_length=1, max_length=200)]
    situation: str = ""
    question: Annotated[str, Field(min_length=1)]
    options: list[str] = Field(default_factory=list, max_length=4)


class Settings(BaseModel):
    """Choices made when a session is set up."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = ""
    organisation: str = ""
    trainer: str = ""
    decks: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    cards: int = Field(default=3, ge=1, le=500)
    same_card: bool = True
    reveal: Reveal = "anonymous"
    revote: bool = True
    empty_reasoning: bool = True
    method: Method | None = None
    timeboxes: bool = True
    seed: int = 0
    card: str = ""  # beraad: "deck-id/card-id" of the card the trainer chose
    case: OwnCase | None = None  # beraad: a case the group brings itself
    # The laptop goes round, everyone votes on their own device at tables, or the whole room on
    # one card (plenary, one group).
    voting: Literal["laptop", "devices", "plenary"] = "laptop"

    @property
    def devices(self) -> bool:
        """Whether participants vote on their own devices (tables or plenary)."""
        return self.voting != "laptop"

    @model_serializer(mode="wrap")
    def _omit_laptop(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        """Sessions that pass the laptop serialise exactly as before own devices existed."""
        data = handler(self)
        if data.get("voting") == "laptop":
            del data["voting"]
        return data


class SessionStarted(_Event):
    type: Literal["session_started"] = "session_started"
    mode: Mode
    settings: Settings
    language: Literal["nl", "en"] = "nl"
    started_at: str
    # Set when an anonymous session finished: its votes carry ballot ids, not participant ids.
    ballots_unlinked: bool = False


class ParticipantAdded(_Event):
    type: Literal["participant_added"] = "participant_added"
    pid: str
    participant: Participant
    group: int | None = None


class ParticipantRemoved(_Event):
    type: Literal["participant_removed"] = "participant_removed"
    pid: str


class GroupsFormed(_Event):
    type: Literal["groups_formed"] = "groups_formed"
    seed: int
    groups: list[list[str]]


class MemberMoved(_Event):
    type: Literal["member_moved"] = "member_moved"
    pid: str
    group: int


class PresenceChanged(_Event):
    type: Literal["presence_changed"] = "presence_changed"
    pid: str
    absent: bool


class CardDealt(_Event):
    type: Literal["card_dealt"] = "card_dealt"
    round: int
    group: int
    deck: str
    card: Card
    deck_title: str = ""
    theme_name: str = ""


class CaseOpened(_Event):
    type: Literal["case_opened"] = "case_opened"
    round: int
    group: int
    case: OwnCase


class VoteCast(_Event):
    type: Literal["vote_cast"] = "vote_cast"
    round: int
    pid: str
    phase: Literal[1, 2] = 1
    choice: Choice
    other: str = ""
    reasoning: str = ""


class VotesRevealed(_Event):
    type: Literal["votes_revealed"] = "votes_revealed"
    round: int
    phase: Literal[1, 2] = 1
    # What an anonymous session published (core.disclosure, as plain data), frozen when the
    # ballots were unlinked from the people: the splits cannot be computed again after that.
    published: dict[str, Any] | None = None


class TwistShown(_Event):
    type: Literal["twist_shown"] = "twist_shown"
    round: int
    index: int


class DeliberationStarted(_Event):
    type: Literal["deliberation_started"] = "deliberation_started"
    round: int


class StepNoteSaved(_Event):
    type: Literal["step_note_saved"] = "step_note_saved"
    round: int
    step: int
    text: str


class PersonalConclusionSaved(_Event):
    type: Literal["personal_conclusion_saved"] = "personal_conclusion_saved"
    round: int
    pid: str
    text: str


class Agreement(BaseModel):
    """Something the group agreed to do: what, and optionally who and by when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Annotated[str, Field(min_length=1, max_length=2000)]
    owner: Annotated[str, Field(max_length=200)] = ""
    due: Annotated[str, Field(max_length=100)] = ""


class ConclusionSaved(_Event):
    type: Literal["conclusion_saved"] = "conclusion_saved"
    round: int
    text: str
    actions: str = ""  # free-text actions of sessions before agreements had fields
    agreements: list[Agreement] = Field(default_factory=list, max_length=50)


class RevoteOpened(_Event):
    type: Literal["revote_opened"] = "revote_opened"
    round: int


class RoundClosed(_Event):
    type: Literal["round_closed"] = "round_closed"
    round: int


class SessionFinished(_Event):
    type: Literal["session_finished"] = "session_finished"
    finished_at: str


# --- own devices (the room server) --------------------------------------------------------


class RoomOpened(_Event):
    """Where the room server listens and the secrets of its links; kept so resume finds them."""

    type: Literal["room_opened"] = "room_opened"
    port: Annotated[int, Field(ge=0, le=65535)]
    join_token: Annotated[str, Field(min_length=22, max_length=128)]
    presenter_token: Annotated[str, Field(min_length=22, max_length=128)]
    code: Annotated[str, Field(min_length=4, max_length=12)]


class TableLeadChosen(_Event):
    """The trainer makes one member the table lead of a group (or none, with ``pid=None``)."""

    type: Literal["table_lead_chosen"] = "table_lead_chosen"
    group: int
    pid: str | None = None


class DeviceClaimed(_Event):
    """A device took a name from the roster; ``device`` is a hash of its cookie, never the cookie."""

    type: Literal["device_claimed"] = "device_claimed"
    pid: str
    device: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class DeviceReleased(_Event):
    """The trainer frees a claimed name (lost phone, wrong name)."""

    type: Literal["device_released"] = "device_released"
    pid: str


class VoteChanged(_Event):
    """A member changes their vote before the reveal (own device)."""

    type: Literal["vote_changed"] = "vote_changed"
    round: int
    pid: str
    phase: Literal[1, 2] = 1
    choice: Choice
    other: str = ""
    reasoning: str = ""


class StepMoved(_Event):
    """A table's deliberation moves to another step; ``at`` (stamped by the Engine) starts its timer."""

    type: Literal["step_moved"] = "step_moved"
    round: int
    step: int


class StepOpened(_Event):
    """The group moved to a step of the method (``step`` = number of steps: the conclusion page)."""

    type: Literal["step_opened"] = "step_opened"
    round: int
    step: int


class StepTimeUsed(_Event):
    """The time a group has spent on one step so far, in whole seconds (replaces the last figure)."""

    type: Literal["step_time_used"] = "step_time_used"
    round: int
    step: int
    seconds: int = Field(ge=0)


class ParticipantEdited(_Event):
    """A participant's name, party, side or role corrected."""

    type: Literal["participant_edited"] = "participant_edited"
    pid: str
    participant: Participant


Event = Annotated[
    Union[
        SessionStarted,
        ParticipantAdded,
        ParticipantRemoved,
        GroupsFormed,
        MemberMoved,
        PresenceChanged,
        CardDealt,
        CaseOpened,
        VoteCast,
        VotesRevealed,
        TwistShown,
        DeliberationStarted,
        StepNoteSaved,
        PersonalConclusionSaved,
        ConclusionSaved,
        RevoteOpened,
        RoundClosed,
        SessionFinished,
        RoomOpened,
        TableLeadChosen,
        DeviceClaimed,
        DeviceReleased,
        VoteChanged,
        StepMoved,
        StepOpened,
        StepTimeUsed,
        ParticipantEdited,
    ],
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def event_to_json(event: Event) -> str:
    """Serialise one event."""
    return event.model_dump_json()


def event_from_json(text: str | bytes) -> Event:
    """Read one event back."""
    return EVENT_ADAPTER.validate_json(text)
