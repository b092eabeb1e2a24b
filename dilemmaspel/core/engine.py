"""The session engine: the one way screens and commands change a session.

Every command builds an event, checks it against the rules, hands it to the sink (the store
commits it) and only then folds it into the state. If the sink fails, the state is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timezone
from typing import Protocol

from dilemmaspel.core.cards import Card, Deck
from dilemmaspel.core.dealing import Filters, eligible, pick
from dilemmaspel.core.events import (
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
from dilemmaspel.core.groups import form_groups, remix_seed, repeated_pairs, reshuffle_seed
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RoundState, RuleError, SessionState, apply_in_place, check


class EventSink(Protocol):
    """Where events go before they count (the SQLite store, or a list in tests)."""

    def append(self, event: Event) -> None: ...


class ListSink:
    """An in-memory sink."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def append(self, event: Event) -> None:
        self.events.append(event)


def now() -> str:
    """The current time, ISO 8601 in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Engine:
    """Commands on one session; each is committed through the sink before it takes effect."""

    def __init__(self, sink: EventSink | None = None, state: SessionState | None = None,
                 clock: Callable[[], str] = now) -> None:
        self.sink: EventSink = sink or ListSink()
        self.state = state or SessionState()
        self.clock = clock
        self._subscribers: list[Callable[[Event], None]] = []

    def emit(self, event: Event) -> SessionState:
        """Check, commit and apply one event, then tell every subscriber about it."""
        if not event.at:
            event = event.model_copy(update={"at": self.clock()})
        check(self.state, event)
        self.sink.append(event)
        apply_in_place(self.state, event)
        for subscriber in list(self._subscribers):
            subscriber(event)
        return self.state

    def subscribe(self, subscriber: Callable[[Event], None]) -> Callable[[], None]:
        """Call ``subscriber`` after each committed event; returns the function that unsubscribes.

        Subscribers run after the commit and must not raise: they re-render, they do not decide.
        """
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    # --- set-up ---------------------------------------------------------------------------

    def start(self, mode: Mode, settings: Settings, language: str = "nl") -> None:
        self.emit(SessionStarted(mode=mode, settings=settings, language=language, started_at=self.clock()))  # type: ignore[arg-type]

    def add_participant(self, participant: Participant, group: int | None = None) -> str:
        pid = f"p{self.state.added + 1}"
        self.emit(ParticipantAdded(pid=pid, participant=participant, group=group))
        return pid

    def edit_participant(self, pid: str, participant: Participant) -> None:
        """Correct a participant's details (skipped when nothing changed)."""
        if self.state.participants.get(pid) != participant:
            self.emit(ParticipantEdited(pid=pid, participant=participant))

    def remove_participant(self, pid: str) -> None:
        self.emit(ParticipantRemoved(pid=pid))

    def form_groups(self, size: int | None = None, count: int | None = None, seed: int | None = None) -> None:
        """Form mixed groups of the participants (GroupingError if that is impossible)."""
        pids = list(self.state.participants)
        people = [self.state.participants[pid] for pid in pids]
        chosen = self.state.seed if seed is None else seed
        groups = form_groups(people, size=size, count=count, seed=chosen)
        by_name = {self.state.participants[pid].name: pid for pid in pids}
        self.emit(GroupsFormed(seed=chosen, groups=[[by_name[p.name] for p in g] for g in groups]))

    def reshuffle(self, size: int | None = None, count: int | None = None) -> int:
        """Form groups again with another seed: a different grouping, and once groups have
        played, the one that puts the fewest people together again. Returns the repeated pairs."""
        state = self.state
        people = list(state.participants.values())
        history = [[[state.participants[pid].name for pid in group if pid in state.participants] for group in grouping]
                   for grouping in state.played_groupings]
        if state.rounds:
            history.append([[state.participants[pid].name for pid in group] for group in state.groups])
        if history:
            seed = remix_seed(people, history, state.seed, size=size, count=count)
        else:
            seed = reshuffle_seed(people, state.seed, size=size, count=count)
        self.form_groups(size=size, count=count, seed=seed)
        names = [[state.participants[pid].name for pid in group] for group in state.groups]
        return repeated_pairs(names, history)

    def move(self, pid: str, group: int) -> None:
        self.emit(MemberMoved(pid=pid, group=group))

    def set_absent(self, pid: str, absent: bool) -> None:
        self.emit(PresenceChanged(pid=pid, absent=absent))

    # --- rounds ---------------------------------------------------------------------------

    def deal(self, group: int, decks: Sequence[Deck], practised: Collection[str] = ()) -> RoundState:
        """Deal the next card to ``group`` honouring the session's filters.

        With "same card for all groups", a group gets the card another group already played in
        the same position; otherwise cards not yet dealt in this session (and, for solo, not yet
        practised) come first. Raises RuleError when no card is left.
        """
        settings = self.state.settings
        by_id = {deck.id: deck for deck in decks}
        chosen_decks = [by_id[d] for d in settings.decks if d in by_id] or list(decks)
        candidates = eligible(chosen_decks, Filters(settings.themes, settings.bodies, settings.roles))
        position = len(self.state.rounds_of(group))
        exclude = self.state.barred_cards(group)  # nobody at the table gets a card twice
        choice = None
        if settings.same_card:
            for other in range(len(self.state.groups)):
                played = self.state.rounds_of(other)
                if other != group and len(played) > position and played[position].card is not None:
                    rnd = played[position]
                    if rnd.card.id not in exclude:  # type: ignore[union-attr]
                        choice = (rnd.deck, rnd.card)
                        break
        if choice is None:
            prefer_not = set(self.state.dealt_cards()) | set(practised)
            choice = pick(candidates, settings.seed, len(self.state.rounds), exclude, prefer_not)
        if choice is None:
            raise RuleError("rule.no_cards_left")
        deck_id, card = choice
        deck = by_id.get(deck_id)
        return self._dealt(group, deck_id, card, deck)  # type: ignore[arg-type]

    def _dealt(self, group: int, deck_id: str, card: Card, deck: Deck | None) -> RoundState:
        number = len(self.state.rounds)
        self.emit(CardDealt(
            round=number, group=group, deck=deck_id, card=card,
            deck_title=deck.title if deck else "", theme_name=deck.theme_name(card.theme) if deck else "",
        ))
        return self.state.rounds[number]

    def deal_next(self, group: int, decks: Sequence[Deck], practised: Collection[str] = ()) -> RoundState:
        """Whatever the group plays next: a moreel beraad's own case or chosen card, else a dealt card."""
        settings = self.state.settings
        if self.state.mode == "beraad" and settings.case is not None:
            return self.open_case(group, settings.case)
        if self.state.mode == "beraad" and settings.card:
            deck_id, card_id = settings.card.split("/", 1)
            deck = next((d for d in decks if d.id == deck_id), None)
            if deck is None or card_id not in {c.id for c in deck.cards}:
                raise RuleError("rule.card_missing", card=settings.card)
            return self.deal_card(group, deck, card_id)
        return self.deal(group, decks, practised)

    def deal_card(self, group: int, deck: Deck, card_id: str) -> RoundState:
        """Deal one chosen card (a trainer's pick for a moreel beraad)."""
        return self._dealt(group, deck.id, deck.card(card_id), deck)

    def form_single_group(self) -> None:
        """Everyone in one group (moreel beraad, solo); an empty group for a lone trainer."""
        pids = list(self.state.participants)
        self.emit(GroupsFormed(seed=self.state.seed, groups=[pids]))

    def open_case(self, group: int, case: OwnCase) -> RoundState:
        number = len(self.state.rounds)
        self.emit(CaseOpened(round=number, group=group, case=case))
        return self.state.rounds[number]

    def vote(self, round_number: int, pid: str, choice: str, reasoning: str = "", other: str = "") -> None:
        """Cast a secret vote in the round's current voting phase."""
        rnd = self.state.round(round_number)
        phase = rnd.voting_phase
        if phase is None:
            raise RuleError("rule.not_voting")
        self.emit(VoteCast(round=round_number, pid=pid, phase=phase, choice=choice, other=other, reasoning=reasoning))  # type: ignore[arg-type]

    def reveal(self, round_number: int) -> None:
        rnd = self.state.round(round_number)
        phase = rnd.voting_phase
        if phase is None:
            raise RuleError("rule.not_voting")
        self.emit(VotesRevealed(round=round_number, phase=phase))  # type: ignore[arg-type]

    def show_twist(self, round_number: int) -> str:
        rnd = self.state.round(round_number)
        self.emit(TwistShown(round=round_number, index=rnd.twists_shown))
        return rnd.twists[rnd.twists_shown - 1]

    def start_deliberation(self, round_number: int) -> None:
        self.emit(DeliberationStarted(round=round_number))

    def save_note(self, round_number: int, step: int, text: str) -> None:
        """Save a step's notes (skipped when nothing changed)."""
        if self.state.round(round_number).notes.get(step, "") != text:
            self.emit(StepNoteSaved(round=round_number, step=step, text=text))

    def open_step(self, round_number: int, step: int) -> None:
        """Record that the group is at ``step`` of the method (skipped when it already is)."""
        if self.state.round(round_number).step != step:
            self.emit(StepOpened(round=round_number, step=step))

    def record_step_time(self, round_number: int, step: int, seconds: float) -> None:
        """Record the time used on a step so far (whole seconds; skipped when unchanged)."""
        whole = max(0, int(seconds))
        if self.state.round(round_number).step_seconds.get(step, 0) != whole:
            self.emit(StepTimeUsed(round=round_number, step=step, seconds=whole))

    def save_personal(self, round_number: int, pid: str, text: str) -> None:
        if self.state.round(round_number).personal.get(pid, "") != text:
            self.emit(PersonalConclusionSaved(round=round_number, pid=pid, text=text))

    def conclude(self, round_number: int, text: str, actions: str = "",
                 agreements: Sequence[Agreement] = ()) -> None:
        """Save the group's conclusion and agreements (skipped when nothing changed)."""
        rnd = self.state.round(round_number)
        if (rnd.conclusion, rnd.actions, rnd.agreements) != (text, actions, list(agreements)):
            self.emit(ConclusionSaved(round=round_number, text=text, actions=actions, agreements=list(agreements)))

    def open_revote(self, round_number: int) -> None:
        self.emit(RevoteOpened(round=round_number))

    def close_round(self, round_number: int) -> None:
        self.emit(RoundClosed(round=round_number))

    def finish(self) -> None:
        self.emit(SessionFinished(finished_at=self.clock()))

    # --- own devices ----------------------------------------------------------------------

    def open_room(self, port: int, join_token: str, presenter_token: str, code: str) -> None:
        """Record where the room server listens (only when something changed)."""
        room = self.state.room
        if room is None or (room.port, room.join_token, room.presenter_token, room.code) != (port, join_token, presenter_token, code):
            self.emit(RoomOpened(port=port, join_token=join_token, presenter_token=presenter_token, code=code))

    def choose_lead(self, group: int, pid: str | None) -> None:
        self.emit(TableLeadChosen(group=group, pid=pid))

    def claim(self, pid: str, device: str) -> None:
        self.emit(DeviceClaimed(pid=pid, device=device))

    def release(self, pid: str) -> None:
        self.emit(DeviceReleased(pid=pid))

    def add_latecomer(self, participant: Participant) -> str:
        """Add someone who arrives late: they join the smallest table (or wait for the groups)."""
        return self.add_participant(participant, self.state.smallest_group())

    def change_vote(self, round_number: int, pid: str, choice: str, reasoning: str = "", other: str = "") -> None:
        """Replace a member's vote in the current phase (before the reveal)."""
        phase = self.state.round(round_number).voting_phase
        if phase is None:
            raise RuleError("rule.not_voting")
        self.emit(VoteChanged(round=round_number, pid=pid, phase=phase, choice=choice, other=other, reasoning=reasoning))  # type: ignore[arg-type]

    def move_step(self, round_number: int, step: int) -> None:
        """Put a table's deliberation on ``step`` (starting the deliberation if needed)."""
        rnd = self.state.round(round_number)
        method = self.state.settings.method
        if method is not None and not 0 <= step < len(method.steps):
            raise RuleError("rule.no_such_step", step=step + 1)
        if not rnd.deliberating:
            self.start_deliberation(round_number)
        self.emit(StepMoved(round=round_number, step=step))
