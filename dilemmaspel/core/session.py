"""Session state as a fold over events, and the rules that decide which events are allowed.

``check(state, event)`` raises :class:`RuleError` for an illegal transition;
``apply(state, event)`` returns the new state and never changes the old one.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from dilemmaspel.core.cards import OPTION_LETTERS, Card
from dilemmaspel.core.events import (
    OTHER,
    Agreement,
    CardDealt,
    CaseOpened,
    ConclusionSaved,
    DeliberationStarted,
    Event,
    GroupsFormed,
    MemberMoved,
    Mode,
    OwnCase,
    ParticipantAdded,
    ParticipantEdited,
    ParticipantRemoved,
    PersonalConclusionSaved,
    PresenceChanged,
    RevoteOpened,
    RoundClosed,
    SessionFinished,
    SessionStarted,
    Settings,
    StepNoteSaved,
    StepOpened,
    StepTimeUsed,
    TwistShown,
    VoteCast,
    VotesRevealed,
)
from dilemmaspel.core.events import DeviceClaimed, DeviceReleased, RoomOpened, StepMoved, TableLeadChosen, VoteChanged
from dilemmaspel.core.roster import Participant, is_visible, name_key

Phase = Literal["voting", "revealed", "revoting", "revoted", "closed"]


class RuleError(ValueError):
    """An event that the rules of the game do not allow now. ``key`` names a catalog message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key} {params}" if params else key)
        self.key = key
        self.params = params


@dataclass
class Vote:
    """One member's secret vote in one phase."""

    pid: str
    choice: str
    other: str
    reasoning: str


@dataclass
class RoundState:
    """One card (or own case) played by one group."""

    number: int
    group: int
    deck: str = ""
    card: Card | None = None
    deck_title: str = ""
    theme_name: str = ""
    case: OwnCase | None = None
    phase: Phase = "voting"
    votes: dict[str, Vote] = field(default_factory=dict)
    revotes: dict[str, Vote] = field(default_factory=dict)
    revote_opened: bool = False
    twists_shown: int = 0
    deliberating: bool = False
    notes: dict[int, str] = field(default_factory=dict)
    personal: dict[str, str] = field(default_factory=dict)
    conclusion: str = ""
    actions: str = ""
    agreements: list[Agreement] = field(default_factory=list)
    opened_at: str = ""
    closed_at: str = ""
    published: dict[int, dict[str, object]] = field(default_factory=dict)  # phase -> frozen disclosure
    changes: dict[tuple[int, str], int] = field(default_factory=dict)  # (phase, pid) -> times the vote changed
    step: int | None = None  # the deliberation step the group is at (None: not recorded)
    step_at: str = ""  # own devices: when the table lead moved to that step
    step_seconds: dict[int, int] = field(default_factory=dict)  # time used per step

    def all_agreements(self) -> list[Agreement]:
        """The round's agreements; the free-text actions of older sessions count one per line."""
        legacy = [Agreement(text=line.strip()[:2000]) for line in self.actions.splitlines() if line.strip()]
        return [*self.agreements, *legacy]

    @property
    def current_step(self) -> int:
        """The step the group is at, the first one when none was recorded."""
        return self.step if self.step is not None else 0

    @property
    def title(self) -> str:
        return self.card.title if self.card else (self.case.title if self.case else "")

    @property
    def question(self) -> str:
        return self.card.question if self.card else (self.case.question if self.case else "")

    @property
    def situation(self) -> str:
        return self.card.situation if self.card else (self.case.situation if self.case else "")

    @property
    def options(self) -> list[str]:
        return list(self.card.options if self.card else (self.case.options if self.case else []))

    @property
    def letters(self) -> str:
        return OPTION_LETTERS[: len(self.options)]

    @property
    def twists(self) -> list[str]:
        return list(self.card.twists) if self.card else []

    @property
    def voting_phase(self) -> int | None:
        """1 or 2 while votes are being collected, else None."""
        return 1 if self.phase == "voting" else 2 if self.phase == "revoting" else None

    @property
    def revealed(self) -> bool:
        return self.phase in ("revealed", "revoting", "revoted", "closed")

    def votes_in(self, phase: int) -> dict[str, Vote]:
        return self.votes if phase == 1 else self.revotes

    def ballot_version(self, phase: int, pid: str) -> int:
        """0 before ``pid`` voted in ``phase``, 1 after the vote, 2, 3, ... after each change."""
        if pid not in self.votes_in(phase):
            return 0
        return 1 + self.changes.get((phase, pid), 0)

    def option_text(self, choice: str, other: str = "") -> str:
        """The words of an option letter, or the member's own text for 'other'."""
        if choice == OTHER:
            return other
        return self.options[OPTION_LETTERS.index(choice)]


@dataclass
class Absence:
    """A stretch of time a member was marked absent (``until`` empty while it lasts)."""

    pid: str
    since: str = ""
    until: str = ""


@dataclass
class SessionState:
    """Everything a session holds, rebuilt from its events."""

    mode: Mode = "group"
    settings: Settings = field(default_factory=Settings)
    language: str = "nl"
    started_at: str = ""
    finished_at: str = ""
    started: bool = False
    participants: dict[str, Participant] = field(default_factory=dict)
    groups: list[list[str]] = field(default_factory=list)
    played_groupings: list[list[list[str]]] = field(default_factory=list)  # earlier groups that played a card
    seed: int = 0
    absent: set[str] = field(default_factory=set)
    absences: list[Absence] = field(default_factory=list)
    rounds: list[RoundState] = field(default_factory=list)
    events: int = 0
    added: int = 0
    ballots_unlinked: bool = False  # a finished anonymous session: votes are keyed by ballot id
    room: RoomOpened | None = None  # own devices: where the room server listens
    leads: dict[int, str] = field(default_factory=dict)  # group -> its table lead's pid
    claims: dict[str, str] = field(default_factory=dict)  # pid -> hash of the device that claimed it
    grouped_at: int = 0  # how many rounds had been dealt when the current groups were formed

    @property
    def finished(self) -> bool:
        return bool(self.finished_at)

    def round(self, number: int) -> RoundState:
        """The round with this number; ``RuleError`` if there is none."""
        if 0 <= number < len(self.rounds):
            return self.rounds[number]
        raise RuleError("rule.no_such_round", round=number + 1)

    def group_of(self, pid: str) -> int | None:
        for index, members in enumerate(self.groups):
            if pid in members:
                return index
        return None

    def smallest_group(self) -> int | None:
        """Where a latecomer joins once groups exist: the smallest group (None before that).

        Among equally small groups, one that is not discussing a revealed card comes first:
        there the newcomer can vote on the card at once.
        """
        def discussing(group: int) -> bool:
            rnd = self.open_round(group)
            return rnd is not None and rnd.voting_phase is None

        if not self.groups:
            return None
        return min(range(len(self.groups)), key=lambda g: (len(self.groups[g]), discussing(g), g))

    def present(self, group: int) -> list[str]:
        """The members of a group who are not marked absent, in group order."""
        return [pid for pid in self.groups[group] if pid not in self.absent]

    def open_round(self, group: int) -> RoundState | None:
        """The round this group is playing now, if any."""
        for rnd in reversed(self.rounds):
            if rnd.group == group and rnd.phase != "closed":
                return rnd
        return None

    def rounds_of(self, group: int) -> list[RoundState]:
        return [rnd for rnd in self.rounds if rnd.group == group]

    def voters(self, rnd: RoundState) -> list[str]:
        """Who votes in this round: the present members of its group."""
        return self.present(rnd.group) if rnd.group < len(self.groups) else []

    def next_voter(self, rnd: RoundState) -> str | None:
        """The first present member who has not voted in the current phase."""
        phase = rnd.voting_phase
        if phase is None:
            return None
        cast = rnd.votes_in(phase)
        return next((pid for pid in self.voters(rnd) if pid not in cast), None)

    def can_reveal(self, rnd: RoundState) -> bool:
        """Whether every present member has voted in the current phase (and someone did,
        unless nobody takes part: a trainer's moreel beraad may run without participants)."""
        phase = rnd.voting_phase
        if phase is None or self.next_voter(rnd) is not None:
            return False
        return bool(rnd.votes_in(phase)) or (self.mode == "beraad" and not self.voters(rnd))

    def dealt_cards(self, group: int | None = None) -> list[str]:
        """Ids of the cards dealt so far (to one group, or to any)."""
        return [r.card.id for r in self.rounds if r.card and (group is None or r.group == group)]

    def played_cards(self, pids: Iterable[str]) -> set[str]:
        """Ids of the cards any of these people has played: voted on, in either vote."""
        people = set(pids)
        return {r.card.id for r in self.rounds if r.card and people & (r.votes.keys() | r.revotes.keys())}

    def barred_cards(self, group: int) -> set[str]:
        """Cards this table may not get: any card one of its members (present or not) has
        played, and any card dealt to the table since its groups were formed."""
        since = {r.card.id for r in self.rounds[self.grouped_at:] if r.card and r.group == group}
        members = self.groups[group] if 0 <= group < len(self.groups) else []
        return self.played_cards(members) | since

    def name(self, pid: str) -> str:
        return self.participants[pid].name


# --- rules ----------------------------------------------------------------------------------


def check(state: SessionState, event: Event) -> None:
    """Raise :class:`RuleError` if ``event`` is not allowed in ``state``."""
    if isinstance(event, SessionStarted):
        if state.started:
            raise RuleError("rule.already_started")
        return
    if not state.started:
        raise RuleError("rule.not_started")
    if state.finished:
        raise RuleError("rule.finished")
    handler = _CHECKS.get(type(event))
    if handler is not None:
        handler(state, event)


def _check_participant_added(state: SessionState, e: ParticipantAdded) -> None:
    if e.pid in state.participants:
        raise RuleError("rule.duplicate_pid", pid=e.pid)
    if not is_visible(e.participant.name):
        raise RuleError("rule.invisible_name")
    key = name_key(e.participant.name)
    if any(name_key(p.name) == key for p in state.participants.values()):
        raise RuleError("rule.duplicate_name", name=e.participant.name)
    if state.groups:
        if e.group is None or not 0 <= e.group < len(state.groups):
            raise RuleError("rule.needs_group", name=e.participant.name)
    elif e.group is not None:
        raise RuleError("rule.no_groups_yet")


def _check_participant_edited(state: SessionState, e: ParticipantEdited) -> None:
    _known(state, e.pid)
    key = name_key(e.participant.name)
    if any(name_key(p.name) == key for pid, p in state.participants.items() if pid != e.pid):
        raise RuleError("rule.duplicate_name", name=e.participant.name)


def _check_participant_removed(state: SessionState, e: ParticipantRemoved) -> None:
    _known(state, e.pid)
    group = state.group_of(e.pid)
    if group is not None and len(state.groups[group]) == 1:
        raise RuleError("rule.last_member")
    if any(e.pid in r.votes or e.pid in r.revotes for r in state.rounds):
        raise RuleError("rule.has_votes", name=state.name(e.pid))


def _check_groups_formed(state: SessionState, e: GroupsFormed) -> None:
    if any(r.phase != "closed" for r in state.rounds):
        raise RuleError("rule.round_open")
    flat = [pid for group in e.groups for pid in group]
    if sorted(flat) != sorted(state.participants) or len(set(flat)) != len(flat):
        raise RuleError("rule.groups_incomplete")
    lone_trainer = state.mode == "beraad" and not state.participants and e.groups == [[]]
    if any(not group for group in e.groups) and not lone_trainer:
        raise RuleError("rule.empty_group")


def _check_member_moved(state: SessionState, e: MemberMoved) -> None:
    _known(state, e.pid)
    source = state.group_of(e.pid)
    if source is None or not 0 <= e.group < len(state.groups):
        raise RuleError("rule.no_such_group", group=e.group + 1)
    if source == e.group:
        raise RuleError("rule.same_group")
    if len(state.groups[source]) == 1:
        raise RuleError("rule.last_member")
    for group in (source, e.group):
        if state.open_round(group) is not None:
            raise RuleError("rule.group_playing", group=group + 1)


def _check_presence(state: SessionState, e: PresenceChanged) -> None:
    _known(state, e.pid)


def _check_dealt(state: SessionState, group: int, number: int) -> None:
    if number != len(state.rounds):
        raise RuleError("rule.round_number", round=number + 1)
    if not 0 <= group < len(state.groups):
        raise RuleError("rule.no_such_group", group=group + 1)
    if state.open_round(group) is not None:
        raise RuleError("rule.group_playing", group=group + 1)


def _check_card_dealt(state: SessionState, e: CardDealt) -> None:
    _check_dealt(state, e.group, e.round)
    if e.card.id in state.barred_cards(e.group):
        raise RuleError("rule.card_repeated", card=e.card.title)


def _check_case_opened(state: SessionState, e: CaseOpened) -> None:
    _check_dealt(state, e.group, e.round)


def _check_vote(state: SessionState, e: VoteCast | VoteChanged) -> None:
    rnd = state.round(e.round)
    if state.ballots_unlinked:  # replaying a finished anonymous session: ballots, not people
        _check_ballot(state, rnd, e)
        return
    _known(state, e.pid)
    if rnd.voting_phase != e.phase:
        raise RuleError("rule.not_voting")
    if e.pid not in state.groups[rnd.group]:
        raise RuleError("rule.not_in_group", name=state.name(e.pid), group=rnd.group + 1)
    if e.pid in state.absent:
        raise RuleError("rule.absent", name=state.name(e.pid))
    if isinstance(e, VoteChanged):
        if e.pid not in rnd.votes_in(e.phase):
            raise RuleError("rule.no_vote_to_change")
    elif e.pid in rnd.votes_in(e.phase):
        raise RuleError("rule.voted_twice", name=state.name(e.pid))
    if e.choice == OTHER:
        if not e.other.strip():
            raise RuleError("rule.other_empty")
    elif e.choice not in rnd.letters:
        raise RuleError("rule.bad_choice", choice=e.choice, letters=rnd.letters or "-")
    if not e.reasoning.strip() and not state.settings.empty_reasoning:
        raise RuleError("rule.reasoning_required")


def _check_ballot(state: SessionState, rnd: RoundState, e: VoteCast) -> None:
    """A vote of an unlinked session: one ballot per phase, never more than the group has members."""
    if rnd.voting_phase != e.phase:
        raise RuleError("rule.not_voting")
    cast = rnd.votes_in(e.phase)
    if e.pid in cast:
        raise RuleError("rule.voted_twice", name=e.pid)
    if rnd.group >= len(state.groups) or len(cast) >= len(state.groups[rnd.group]):
        raise RuleError("rule.not_in_group", name=e.pid, group=rnd.group + 1)
    if e.choice != OTHER and e.choice not in rnd.letters:
        raise RuleError("rule.bad_choice", choice=e.choice, letters=rnd.letters or "-")


def _check_reveal(state: SessionState, e: VotesRevealed) -> None:
    rnd = state.round(e.round)
    if rnd.voting_phase != e.phase:
        raise RuleError("rule.not_voting")
    if state.ballots_unlinked:
        return
    if not state.can_reveal(rnd):
        waiting = len([p for p in state.voters(rnd) if p not in rnd.votes_in(e.phase)])
        raise RuleError("rule.reveal_early", waiting=waiting)


def _check_after_reveal(state: SessionState, number: int) -> RoundState:
    rnd = state.round(number)
    if not rnd.revealed or rnd.phase == "closed":
        raise RuleError("rule.not_revealed")
    return rnd


def _check_twist(state: SessionState, e: TwistShown) -> None:
    rnd = _check_after_reveal(state, e.round)
    if e.index != rnd.twists_shown or e.index >= len(rnd.twists):
        raise RuleError("rule.no_more_twists")


def _check_deliberation(state: SessionState, e: DeliberationStarted) -> None:
    rnd = _check_after_reveal(state, e.round)
    if state.settings.method is None:
        raise RuleError("rule.no_method")
    if rnd.deliberating:
        raise RuleError("rule.already_deliberating")


def _check_note(state: SessionState, e: StepNoteSaved) -> None:
    rnd = _check_after_reveal(state, e.round)
    method = state.settings.method
    if not rnd.deliberating or method is None:
        raise RuleError("rule.not_deliberating")
    if not 0 <= e.step < len(method.steps):
        raise RuleError("rule.no_such_step", step=e.step + 1)


def _check_step(state: SessionState, e: StepOpened | StepTimeUsed) -> None:
    rnd = _check_after_reveal(state, e.round)
    method = state.settings.method
    if not rnd.deliberating or method is None:
        raise RuleError("rule.not_deliberating")
    last = len(method.steps) if isinstance(e, StepOpened) else len(method.steps) - 1
    if not 0 <= e.step <= last:
        raise RuleError("rule.no_such_step", step=e.step + 1)


def _check_personal(state: SessionState, e: PersonalConclusionSaved) -> None:
    rnd = _check_after_reveal(state, e.round)
    if state.ballots_unlinked:
        return
    _known(state, e.pid)
    if e.pid not in state.groups[rnd.group]:
        raise RuleError("rule.not_in_group", name=state.name(e.pid), group=rnd.group + 1)


def _check_conclusion(state: SessionState, e: ConclusionSaved) -> None:
    _check_after_reveal(state, e.round)


def _check_revote(state: SessionState, e: RevoteOpened) -> None:
    rnd = state.round(e.round)
    if not state.settings.revote:
        raise RuleError("rule.revote_off")
    if rnd.phase != "revealed" or rnd.revote_opened:
        raise RuleError("rule.revote_not_now")


def _check_closed(state: SessionState, e: RoundClosed) -> None:
    rnd = state.round(e.round)
    if rnd.phase in ("voting", "revoting"):
        raise RuleError("rule.close_while_voting")
    if rnd.phase == "closed":
        raise RuleError("rule.already_closed")


def _check_room(state: SessionState, e: RoomOpened) -> None:
    if not state.settings.devices:
        raise RuleError("rule.not_devices")


def _check_lead(state: SessionState, e: TableLeadChosen) -> None:
    if not 0 <= e.group < len(state.groups):
        raise RuleError("rule.no_such_group", group=e.group + 1)
    if e.pid is not None:
        _known(state, e.pid)
        if e.pid not in state.groups[e.group]:
            raise RuleError("rule.not_in_group", name=state.name(e.pid), group=e.group + 1)


def _check_claim(state: SessionState, e: DeviceClaimed) -> None:
    _known(state, e.pid)
    if not state.settings.devices:
        raise RuleError("rule.not_devices")
    if e.pid in state.claims:
        raise RuleError("rule.already_claimed", name=state.name(e.pid))
    if e.device in state.claims.values():
        raise RuleError("rule.device_has_name")


def _check_release(state: SessionState, e: DeviceReleased) -> None:
    _known(state, e.pid)
    if e.pid not in state.claims:
        raise RuleError("rule.not_claimed", name=state.name(e.pid))


def _check_step_moved(state: SessionState, e: StepMoved) -> None:
    rnd = _check_after_reveal(state, e.round)
    method = state.settings.method
    if not rnd.deliberating or method is None:
        raise RuleError("rule.not_deliberating")
    if not 0 <= e.step < len(method.steps):
        raise RuleError("rule.no_such_step", step=e.step + 1)


def _known(state: SessionState, pid: str) -> None:
    if pid not in state.participants:
        raise RuleError("rule.unknown_participant", pid=pid)


_CHECKS = {
    ParticipantAdded: _check_participant_added,
    ParticipantRemoved: _check_participant_removed,
    GroupsFormed: _check_groups_formed,
    MemberMoved: _check_member_moved,
    PresenceChanged: _check_presence,
    CardDealt: _check_card_dealt,
    CaseOpened: _check_case_opened,
    VoteCast: _check_vote,
    VotesRevealed: _check_reveal,
    TwistShown: _check_twist,
    DeliberationStarted: _check_deliberation,
    StepNoteSaved: _check_note,
    PersonalConclusionSaved: _check_personal,
    ConclusionSaved: _check_conclusion,
    RevoteOpened: _check_revote,
    RoundClosed: _check_closed,
    RoomOpened: _check_room,
    TableLeadChosen: _check_lead,
    DeviceClaimed: _check_claim,
    DeviceReleased: _check_release,
    VoteChanged: _check_vote,
    StepMoved: _check_step_moved,
    StepOpened: _check_step,
    StepTimeUsed: _check_step,
    ParticipantEdited: _check_participant_edited,
}


# --- folding --------------------------------------------------------------------------------


def apply(state: SessionState, event: Event) -> SessionState:
    """The state after ``event``; ``state`` itself is left untouched."""
    new = copy.deepcopy(state)
    apply_in_place(new, event)
    return new


def replay(events: Iterable[Event]) -> SessionState:
    """Rebuild a session's state from its events."""
    state = SessionState()
    for event in events:
        apply_in_place(state, event)
    return state


def apply_in_place(state: SessionState, event: Event) -> None:
    """Fold one (already checked) event into ``state``."""
    state.events += 1
    match event:
        case SessionStarted():
            state.started = True
            state.mode = event.mode
            state.settings = event.settings
            state.language = event.language
            state.started_at = event.started_at
            state.seed = event.settings.seed
            state.ballots_unlinked = event.ballots_unlinked
        case ParticipantAdded():
            state.participants[event.pid] = event.participant
            state.added += 1
            if event.group is not None:
                state.groups[event.group].append(event.pid)
        case ParticipantRemoved():
            del state.participants[event.pid]
            state.absent.discard(event.pid)
            state.groups = [[p for p in g if p != event.pid] for g in state.groups]
        case GroupsFormed():
            if state.groups and any(r.group < len(state.groups) for r in state.rounds):
                state.played_groupings.append([list(g) for g in state.groups])
            state.groups = [list(g) for g in event.groups]
            state.seed = event.seed
            state.grouped_at = len(state.rounds)
        case MemberMoved():
            for members in state.groups:
                if event.pid in members:
                    members.remove(event.pid)
            state.groups[event.group].append(event.pid)
        case PresenceChanged():
            if event.absent and event.pid not in state.absent:
                state.absent.add(event.pid)
                state.absences.append(Absence(event.pid, since=event.at))
            elif not event.absent and event.pid in state.absent:
                state.absent.discard(event.pid)
                for absence in reversed(state.absences):
                    if absence.pid == event.pid:
                        absence.until = event.at
                        break
        case CardDealt():
            state.rounds.append(RoundState(number=event.round, group=event.group, deck=event.deck, card=event.card,
                                           deck_title=event.deck_title, theme_name=event.theme_name,
                                           opened_at=event.at))
        case CaseOpened():
            state.rounds.append(RoundState(number=event.round, group=event.group, case=event.case, opened_at=event.at))
        case VoteCast():
            vote = Vote(event.pid, event.choice, event.other, event.reasoning)
            state.rounds[event.round].votes_in(event.phase)[event.pid] = vote
        case VotesRevealed():
            rnd = state.rounds[event.round]
            rnd.phase = "revealed" if event.phase == 1 else "revoted"
            if event.published is not None:
                rnd.published[event.phase] = event.published
        case TwistShown():
            state.rounds[event.round].twists_shown = event.index + 1
        case DeliberationStarted():
            state.rounds[event.round].deliberating = True
        case StepNoteSaved():
            state.rounds[event.round].notes[event.step] = event.text
        case PersonalConclusionSaved():
            state.rounds[event.round].personal[event.pid] = event.text
        case ConclusionSaved():
            rnd = state.rounds[event.round]
            rnd.conclusion = event.text
            rnd.actions = event.actions
            rnd.agreements = list(event.agreements)
        case RevoteOpened():
            rnd = state.rounds[event.round]
            rnd.revote_opened = True
            rnd.phase = "revoting"
        case RoundClosed():
            state.rounds[event.round].phase = "closed"
            state.rounds[event.round].closed_at = event.at
        case SessionFinished():
            state.finished_at = event.finished_at
        case RoomOpened():
            state.room = event
        case TableLeadChosen():
            if event.pid is None:
                state.leads.pop(event.group, None)
            else:
                state.leads[event.group] = event.pid
        case DeviceClaimed():
            state.claims[event.pid] = event.device
        case DeviceReleased():
            state.claims.pop(event.pid, None)
        case VoteChanged():
            rnd = state.rounds[event.round]
            rnd.votes_in(event.phase)[event.pid] = Vote(event.pid, event.choice, event.other, event.reasoning)
            key = (event.phase, event.pid)
            rnd.changes[key] = rnd.changes.get(key, 0) + 1
        case StepMoved():
            rnd = state.rounds[event.round]
            rnd.step = event.step
            rnd.step_at = event.at
        case ParticipantEdited():
            state.participants[event.pid] = event.participant
        case StepOpened():
            state.rounds[event.round].step = event.step
        case StepTimeUsed():
            state.rounds[event.round].step_seconds[event.step] = event.seconds
    if state.leads and isinstance(event, (GroupsFormed, MemberMoved, ParticipantRemoved)):
        # A lead who left their table (or the session) leads it no more.
        state.leads = {g: p for g, p in state.leads.items() if g < len(state.groups) and p in state.groups[g]}
    if isinstance(event, ParticipantRemoved):
        state.claims.pop(event.pid, None)


# --- replaying a stored stream through the rules ---------------------------------------------


@dataclass(frozen=True)
class BrokenEvent:
    """The first event of a stream that the rules refuse: its position, type and the reason."""

    index: int  # 0-based position in the stream
    type: str
    key: str  # a catalog key (``rule.*``)
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Replayed:
    """A stream replayed with :func:`check`: the state up to the first broken event, if any."""

    state: SessionState
    applied: int
    broken: BrokenEvent | None = None


def replay_checked(events: Iterable[Event]) -> Replayed:
    """Rebuild a state event by event, checking each; stop before the first one the rules refuse.

    The state returned is consistent (every event in it passed ``check``), so it can still be
    shown or exported when the stream itself was damaged (two writers, a hand-edited database).
    """
    state = SessionState()
    done: list[Event] = []
    for index, event in enumerate(events):
        try:
            check(state, event)
        except RuleError as exc:
            return Replayed(state, index, BrokenEvent(index, event.type, exc.key, dict(exc.params)))
        try:
            apply_in_place(state, event)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            # A rule gap, not a stored fault; rebuild what came before without the half-applied event.
            return Replayed(replay(done), index, BrokenEvent(index, event.type, "rule.unexpected", {"reason": repr(exc)}))
        done.append(event)
    return Replayed(state, len(done))
