"""The session engine: legal and illegal transitions, dealing, folding events."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmaspel.core.engine import Engine, ListSink
from dilemmaspel.core.events import OwnCase, Settings, event_from_json, event_to_json
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import RuleError, apply, replay
from dilemmaspel.decks import load_library
from tests.conftest import DATA

LIB = load_library(None, [DATA / "mini.toml"])
MINI = LIB.deck("mini")
METHOD = LIB.method("zeven-stappen")


def engine(**settings: object) -> Engine:
    eng = Engine(clock=lambda: "2026-01-01T10:00:00+00:00")
    base = {"decks": ["mini"], "cards": 2, "method": METHOD, "seed": 7}
    eng.start("group", Settings(**{**base, **settings}))
    for name, party, side in [("Ann", "A", "coalition"), ("Bob", "B", "opposition"), ("Cas", "A", "coalition"), ("Dee", "B", "opposition")]:
        eng.add_participant(Participant(name=name, party=party, side=side))
    eng.form_groups(count=1)
    return eng


def rule(key: str):  # type: ignore[no-untyped-def]
    return pytest.raises(RuleError, match=key)


def test_full_round() -> None:
    eng = engine()
    rnd = eng.deal(0, [MINI])
    voters = eng.state.voters(rnd)
    assert eng.state.next_voter(rnd) == voters[0]
    for pid in voters:
        assert not eng.state.can_reveal(rnd)
        eng.vote(rnd.number, pid, "A", "omdat")
    assert eng.state.can_reveal(rnd)
    eng.reveal(rnd.number)
    assert rnd.phase == "revealed"
    eng.start_deliberation(rnd.number)
    eng.save_note(rnd.number, 6, "voelt goed")
    eng.conclude(rnd.number, "Wij doen B", "griffier informeren")
    eng.open_revote(rnd.number)
    for pid in voters:
        eng.vote(rnd.number, pid, "B", "toch")
    eng.reveal(rnd.number)
    eng.close_round(rnd.number)
    assert rnd.phase == "closed" and rnd.notes == {6: "voelt goed"}
    assert replay(eng.sink.events).rounds[0].revotes.keys() == rnd.revotes.keys()  # type: ignore[attr-defined]


def test_reveal_before_everyone_voted_is_refused() -> None:
    eng = engine()
    rnd = eng.deal(0, [MINI])
    eng.vote(rnd.number, eng.state.voters(rnd)[0], "A")
    with rule("rule.reveal_early"):
        eng.reveal(rnd.number)


def test_voting_twice_and_for_outsiders_is_refused() -> None:
    eng = engine()
    eng.add_participant(Participant(name="Late"), group=0)
    eng.form_groups(count=2, seed=1)
    rnd = eng.deal(0, [MINI])
    inside = eng.state.groups[0][0]
    outside = eng.state.groups[1][0]
    eng.vote(rnd.number, inside, "A")
    with rule("rule.voted_twice"):
        eng.vote(rnd.number, inside, "B")
    with rule("rule.not_in_group"):
        eng.vote(rnd.number, outside, "A")
    with rule("rule.unknown_participant"):
        eng.vote(rnd.number, "p99", "A")


def test_absent_members_need_not_vote_and_cannot() -> None:
    eng = engine()
    rnd = eng.deal(0, [MINI])
    absent = eng.state.groups[0][-1]
    eng.set_absent(absent, True)
    with rule("rule.absent"):
        eng.vote(rnd.number, absent, "A")
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, "A")
    eng.reveal(rnd.number)
    assert absent not in rnd.votes


def test_choices_other_and_reasoning_rules() -> None:
    eng = engine(empty_reasoning=False)
    rnd = eng.deal(0, [MINI])
    pid = eng.state.voters(rnd)[0]
    with rule("rule.bad_choice"):
        eng.vote(rnd.number, pid, "D" if len(rnd.options) < 4 else "X")
    with rule("rule.other_empty"):
        eng.vote(rnd.number, pid, "other", "reden", other="  ")
    with rule("rule.reasoning_required"):
        eng.vote(rnd.number, pid, "A", "   ")
    eng.vote(rnd.number, pid, "other", "reden", other="Ik bel eerst de griffier")
    assert rnd.votes[pid].other == "Ik bel eerst de griffier"


def test_twists_in_order_only_after_reveal() -> None:
    eng = engine(themes=["belangenverstrengeling"])
    rnd = eng.deal(0, [MINI])
    assert rnd.twists
    with rule("rule.not_revealed"):
        eng.show_twist(rnd.number)
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, "A")
    eng.reveal(rnd.number)
    assert eng.show_twist(rnd.number) == rnd.twists[0]
    with rule("rule.no_more_twists"):
        eng.show_twist(rnd.number)


def test_closing_while_voting_and_revote_rules() -> None:
    eng = engine(revote=False)
    rnd = eng.deal(0, [MINI])
    with rule("rule.close_while_voting"):
        eng.close_round(rnd.number)
    for pid in eng.state.voters(rnd):
        eng.vote(rnd.number, pid, "B")
    eng.reveal(rnd.number)
    with rule("rule.revote_off"):
        eng.open_revote(rnd.number)
    eng.close_round(rnd.number)
    with rule("rule.already_closed"):
        eng.close_round(rnd.number)


def test_dealing_never_repeats_and_runs_out() -> None:
    eng = engine(cards=5)
    seen = []
    for _ in range(len(MINI.cards)):
        rnd = eng.deal(0, [MINI])
        seen.append(rnd.card.id)  # type: ignore[union-attr]
        for pid in eng.state.voters(rnd):
            eng.vote(rnd.number, pid, "A")
        eng.reveal(rnd.number)
        eng.close_round(rnd.number)
    assert sorted(seen) == sorted(c.id for c in MINI.cards)
    with rule("rule.no_cards_left"):
        eng.deal(0, [MINI])


def test_same_card_for_all_groups() -> None:
    eng = engine(same_card=True)
    eng.form_groups(count=2, seed=3)
    first = eng.deal(0, [MINI])
    second = eng.deal(1, [MINI])
    assert first.card == second.card


def test_different_card_per_group() -> None:
    eng = engine(same_card=False)
    eng.form_groups(count=2, seed=3)
    assert eng.deal(0, [MINI]).card != eng.deal(1, [MINI]).card


def test_filters_limit_the_cards() -> None:
    eng = engine(themes=["geschenken"])
    assert eng.deal(0, [MINI]).card.theme == "geschenken"  # type: ignore[union-attr]
    eng2 = engine(bodies=["waterschap"])
    with rule("rule.no_cards_left"):
        eng2.deal(0, [MINI])


def test_solo_prefers_unpractised_cards() -> None:
    eng = engine()
    practised = {MINI.cards[0].id}
    assert eng.deal(0, [MINI], practised=practised).card.id == MINI.cards[1].id  # type: ignore[union-attr]


def test_regrouping_is_refused_while_a_round_is_open() -> None:
    eng = engine()
    eng.deal(0, [MINI])
    with rule("rule.round_open"):
        eng.form_groups(count=2)
    with rule("rule.last_member|rule.no_such_group"):
        eng.move(eng.state.groups[0][0], 3)


def test_duplicate_names_and_late_arrivals() -> None:
    eng = engine()
    with rule("rule.duplicate_name"):
        eng.add_participant(Participant(name=" ann "))
    with rule("rule.needs_group"):
        eng.add_participant(Participant(name="Laat"))
    pid = eng.add_participant(Participant(name="Laat"), group=0)
    assert pid in eng.state.groups[0]


def test_own_case_without_options_takes_free_positions() -> None:
    eng = Engine()
    eng.start("beraad", Settings(method=METHOD))
    pid = eng.add_participant(Participant(name="Trainer"))
    eng.form_groups(count=1)
    rnd = eng.open_case(0, OwnCase(title="Het besluit", question="Was het juist?"))
    with rule("rule.bad_choice"):
        eng.vote(rnd.number, pid, "A")
    eng.vote(rnd.number, pid, "other", "omdat", other="Ja, met voorwaarden")
    eng.reveal(rnd.number)
    eng.start_deliberation(rnd.number)
    eng.save_personal(rnd.number, pid, "Ik vind ..., omdat ..., ondanks ...")
    assert rnd.personal[pid].startswith("Ik vind")


def test_failed_commit_leaves_state_unchanged() -> None:
    class Broken(ListSink):
        def append(self, event: object) -> None:
            raise OSError(28, "No space left on device")

    eng = engine()
    before = len(eng.state.rounds)
    eng.sink = Broken()
    with pytest.raises(OSError):
        eng.deal(0, [MINI])
    assert len(eng.state.rounds) == before


def test_apply_is_pure_and_events_round_trip() -> None:
    eng = engine()
    events = eng.sink.events  # type: ignore[attr-defined]
    state = replay(events[:-1])
    after = apply(state, events[-1])
    assert state.groups == [] and after.groups == eng.state.groups
    assert [event_from_json(event_to_json(e)) for e in events] == events


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["vote", "reveal", "twist", "revote", "close", "deal", "absent", "note"]), max_size=40), st.randoms())
def test_any_command_sequence_keeps_state_consistent(commands: list[str], rng: object) -> None:
    """Random commands: refused ones change nothing; the state always equals the replay."""
    eng = engine(cards=2)
    for command in commands:
        rnd = eng.state.open_round(0)
        voters = eng.state.groups[0]
        try:
            if command == "deal":
                eng.deal(0, [MINI])
            elif rnd is None:
                continue
            elif command == "vote":
                eng.vote(rnd.number, rng.choice(voters), rng.choice("AB"), "x")  # type: ignore[attr-defined]
            elif command == "reveal":
                eng.reveal(rnd.number)
            elif command == "twist":
                eng.show_twist(rnd.number)
            elif command == "revote":
                eng.open_revote(rnd.number)
            elif command == "close":
                eng.close_round(rnd.number)
            elif command == "absent":
                pid = rng.choice(voters)  # type: ignore[attr-defined]
                eng.set_absent(pid, pid not in eng.state.absent)
            elif command == "note":
                eng.start_deliberation(rnd.number)
        except RuleError:
            pass
        replayed = replay(eng.sink.events)  # type: ignore[attr-defined]
        assert replayed.rounds == eng.state.rounds
        assert replayed.absent == eng.state.absent
        for r in eng.state.rounds:
            for phase in (1, 2):
                assert len(r.votes_in(phase)) <= len(voters)


def test_reshuffle_after_a_round_avoids_earlier_pairs() -> None:
    eng = Engine()
    eng.start("group", Settings(decks=["mini"], cards=2, seed=3))
    for i in range(12):
        eng.add_participant(Participant(name=f"P{i}", party="AB"[i % 2], side="coalition" if i % 3 else "opposition"))
    eng.form_groups(count=3)
    before = [list(g) for g in eng.state.groups]
    for group in range(3):
        rnd = eng.deal(group, [MINI])
        for pid in eng.state.voters(rnd):
            eng.vote(rnd.number, pid, "A")
        eng.reveal(rnd.number)
        eng.close_round(rnd.number)
    repeats = eng.reshuffle(count=3)
    assert eng.state.played_groupings == [before]
    assert eng.state.groups != before
    assert repeats == repeated_pairs_in(eng, before)


def repeated_pairs_in(eng: Engine, before: list[list[str]]) -> int:
    from dilemmaspel.core.groups import repeated_pairs

    return repeated_pairs(eng.state.groups, [before])


def test_deal_next_plays_the_trainers_choice_in_a_beraad() -> None:
    own = Engine()
    own.start("beraad", Settings(case=OwnCase(title="Het besluit", question="Was het juist?")))
    own.form_single_group()
    assert own.deal_next(0, [MINI]).case is not None
    chosen = Engine()
    chosen.start("beraad", Settings(card="mini/kerstpakket"))
    chosen.form_single_group()
    assert chosen.deal_next(0, [MINI]).card.id == "kerstpakket"  # type: ignore[union-attr]
    gone = Engine()
    gone.start("beraad", Settings(card="mini/weg"))
    gone.form_single_group()
    with rule("rule.card_missing"):
        gone.deal_next(0, [MINI])


def test_latecomers_join_the_smallest_group() -> None:
    eng = engine()
    assert eng.state.smallest_group() == 0
    eng.add_participant(Participant(name="Erik"), group=0)
    eng.form_groups(count=2, seed=1)
    small = eng.state.smallest_group()
    assert len(eng.state.groups[small]) == min(len(g) for g in eng.state.groups)  # type: ignore[index]
    assert Engine().state.smallest_group() is None
