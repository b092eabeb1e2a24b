"""Realistic sessions built the way the app builds them: through the Engine, committed by a Store.

Importable by any test (``from tests.sessionfactory import realistic_session``) and by the
benchmarks. Everything is deterministic: a fixed clock, fixed seeds and the test deck
``tests/data/mini3.toml`` (the mini deck plus a third card with twists and rules) with the
shipped method ``zeven-stappen``.

If the grouping or dealing algorithm changes on purpose, the assertions in
:func:`realistic_session` say so loudly; regenerate the golden transcripts afterwards with
``UPDATE_GOLDEN=1 python -m pytest tests/test_transcript.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from dilemmaspel.core.cards import Deck
from dilemmaspel.core.engine import Engine, ListSink
from dilemmaspel.core.events import Event, Settings
from dilemmaspel.core.methods import Method
from dilemmaspel.core.roster import Participant
from dilemmaspel.decks import load_library
from dilemmaspel.store import Store, StoreSink

DATA = Path(__file__).resolve().parent / "data"
DECK_FILE = DATA / "mini3.toml"
DECK_ID = "mini3"
METHOD_ID = "zeven-stappen"

FIXED_NOW = "2026-03-14T19:30:00+00:00"


def fixed_clock() -> str:
    """The one moment every factory session starts and finishes at."""
    return FIXED_NOW


@lru_cache(maxsize=1)
def _library():  # type: ignore[no-untyped-def]
    library = load_library(None, [DECK_FILE])
    assert DECK_ID in library.decks, [s.problem for s in library.skipped]
    return library


def deck() -> Deck:
    """The three-card test deck."""
    return _library().deck(DECK_ID)


def method() -> Method:
    """The shipped seven-step method."""
    return _library().method(METHOD_ID)


# --- the people -----------------------------------------------------------------------------

#: Nine council members: parties, all three sides, roles, one name with markup-like text and
#: one with an emoji. Surnames that are also ordinary Dutch words (Bakker, Boer, Berg) are
#: deliberate: the anonymiser replaces them in free text too.
ROSTER: tuple[Participant, ...] = (
    Participant(name="Jan [/] de Vries", party="Stadspartij", side="coalition", role="raadslid"),
    Participant(name="Fatma Öztürk", party="Samen Verder", side="opposition", role="fractievoorzitter"),
    Participant(name="Sanne 🌷 Bakker", party="Groen Dorp", side="opposition", role="raadslid"),
    Participant(name="Pieter van den Berg", party="Burgerbelang", side="coalition", role="wethouder"),
    Participant(name="Mohamed El Amrani", party="Lokaal Belang", side="coalition", role="raadslid"),
    Participant(name="Els Jansen", party="Ons Dorp", side="opposition", role="commissielid"),
    Participant(name="Kees de Boer", party="Dorpsbelang", side="coalition", role="raadslid"),
    Participant(name="Annelies Smit", party="", side="none", role="griffier"),
    Participant(name="Ruud Kok", party="Nieuw Oost", side="opposition", role="steunfractielid"),
)

#: Fragments of names and parties that must never survive anonymisation (at least three
#: letters and not a particle such as "de" or "van", the rule the anonymiser documents).
IDENTIFYING = (
    "Jan [/] de Vries", "Vries", "Fatma", "Öztürk", "Sanne", "Bakker", "Pieter", "Berg", "Mohamed",
    "Amrani", "Els Jansen", "Jansen", "Kees", "Boer", "Annelies", "Smit", "Ruud", "Kok",
    "Stadspartij", "Samen Verder", "Groen Dorp", "Burgerbelang", "Lokaal Belang", "Ons Dorp", "Dorpsbelang", "Nieuw Oost",
    "Karin Bosman", "Bosman",
)

TRAINER = "Karin Bosman"
SEED = 4  # with this seed: groups of 5 and 4, and the cards dealt as sponsor, geheim-stuk, kerstpakket


def engine_for(store: Store | None = None, clock: Callable[[], str] = fixed_clock) -> Engine:
    """A fresh engine committing to ``store`` (or to an in-memory list)."""
    return Engine(StoreSink(store) if store is not None else ListSink(), clock=clock)


def session_id(engine: Engine) -> str:
    """The store id of an engine's session (only for engines made with a store)."""
    sink = engine.sink
    assert isinstance(sink, StoreSink) and sink.session_id is not None
    return sink.session_id


def start(engine: Engine, mode: str = "group", language: str = "nl", **settings: object) -> Engine:
    """Start a session with sensible defaults for the test deck; ``settings`` override them."""
    values: dict[str, object] = {
        "title": "Integriteitsavond gemeenteraad Zandvliet",
        "organisation": "Griffie gemeente Zandvliet",
        "trainer": TRAINER,
        "decks": [DECK_ID],
        "cards": 2,
        "same_card": False,
        "reveal": "named",
        "revote": True,
        "empty_reasoning": True,
        "method": method(),
        "seed": SEED,
    }
    values.update(settings)
    engine.start(mode, Settings(**values), language)  # type: ignore[arg-type]
    return engine


def add_people(engine: Engine, people: Sequence[Participant] = ROSTER) -> list[str]:
    """Add participants in order; returns their pids."""
    return [engine.add_participant(person) for person in people]


def play_simple_round(engine: Engine, group: int, choices: Sequence[str] = ("A", "B"), reasoning: str = "") -> int:
    """Deal a card to ``group``, let every present member vote, reveal and close; returns the round number."""
    rnd = engine.deal(group, [deck()])
    for index, pid in enumerate(engine.state.present(group)):
        choice = choices[index % len(choices)]
        engine.vote(rnd.number, pid, choice, reasoning or f"Toelichting {index + 1}.")
    engine.reveal(rnd.number)
    engine.close_round(rnd.number)
    return rnd.number


# --- the realistic session ------------------------------------------------------------------

MULTILINE = (
    "Ik zit zelf in een clubbestuur, dus ik herken dit.\n"
    "\n"
    "Eerst melden bij de griffier, dan pas beslissen.\n"
    "Zo blijft het uitlegbaar."
)

STEP_NOTES = (
    "Is het goed dat een raadslid meestemt over een bouwplan van de sponsor van zijn club, "
    "ook al heeft hij er zelf geen geld bij?",
    "Inwoners die op een eerlijke afweging rekenen, de club en haar leden, de sponsor, "
    "de raad als geheel. Sanne wees op de buurtbewoners die niet aan tafel zitten.",
    "Het raadslid beslist zelf (art. 28 laat het oordeel bij hem), als volksvertegenwoordiger "
    "en niet als bestuurslid van de club.",
    "Wat staat er in de gedragscode? Krijgt de club geld van de sponsor als het plan doorgaat?\n"
    "Wat adviseert de griffier?",
    "Voor meestemmen: kennis van het dossier, de kiezers hebben hem gekozen.\n"
    "Tegen: de schijn van belangenverstrengeling, het vertrouwen in de raad.",
    "Ik onthoud mij van stemming, omdat het vertrouwen in de raad zwaarder weegt, "
    "ondanks dat mijn kennis dan niet meetelt.",
    "Kunnen we dit morgen aan de krant uitleggen? Ja, en ook aan een boer uit het buitengebied.",
)


def realistic_session(store: Store, engine: Engine | None = None, reveal: str = "named") -> str:
    """A complete evening of two mixed groups and three cards; returns the session id.

    Group 1 (five members) plays the whole programme on its first card: secret votes with
    reasoning (one multi-line, one empty, one "other" with own words), the reveal, a twist,
    deliberation with notes on all seven steps, a re-vote in which two members change their
    mind, personal conclusions, a group conclusion with actions. Group 2 (four members, one of
    them absent) plays one card with all its twists; group 1 plays a second card with a plain
    vote. Every round is closed and the session finished.

    ``engine`` (fresh, committing to ``store``) lets a test watch every commit; ``reveal``
    "anonymous" plays the same evening with anonymous reveal.
    """
    engine = engine if engine is not None else engine_for(store)
    start(engine, reveal=reveal)
    add_people(engine)
    engine.form_groups(count=2)
    state = engine.state
    assert [len(g) for g in state.groups] == [5, 4], state.groups
    g1, g2 = state.groups[0], state.groups[1]

    # Round 1: group 1, the full programme.
    rnd = engine.deal(0, [deck()])
    r1 = rnd.number
    assert rnd.card is not None and rnd.card.id == "sponsor", rnd.card
    name = state.name
    first = {
        g1[0]: ("C", "", ""),
        g1[1]: ("A", "Ik ken het dossier het best; mijn kiezers rekenen erop dat ik meestem.", ""),
        g1[2]: ("other", "Ik sluit me aan bij Fatma: eerst de feiten op tafel.",
                "Ik vraag eerst advies aan de griffier"),
        g1[3]: ("B", MULTILINE, ""),
        g1[4]: ("B", f"Net als {name(g1[1])} twijfel ik, maar de Stadspartij-fractie heeft hier geen rol in.", ""),
    }
    for pid, (choice, reasoning, other) in first.items():
        engine.vote(r1, pid, choice, reasoning, other=other)
    engine.reveal(r1)
    engine.show_twist(r1)
    engine.start_deliberation(r1)
    for step, note in enumerate(STEP_NOTES):
        engine.save_note(r1, step, note)
    engine.open_revote(r1)
    second = {
        g1[0]: ("C", "", ""),
        g1[1]: ("B", "Na het gesprek: de schijn telt zwaarder dan mijn kennis.", ""),
        g1[2]: ("C", "Als ik toch moet kiezen, stap ik eerst uit het bestuur.", ""),
        g1[3]: ("B", "Blijft staan.", ""),
        g1[4]: ("B", "", ""),
    }
    for pid, (choice, reasoning, other) in second.items():
        engine.vote(r1, pid, choice, reasoning, other=other)
    engine.reveal(r1)
    engine.save_personal(r1, g1[1], "Ik meld mijn bestuursfunctie voortaan vooraf bij de griffier.\nEn ik lees de gedragscode nog eens.")
    engine.save_personal(r1, g1[2], "Twijfel blijft, maar ik snap de andere kant nu beter.")
    engine.conclude(
        r1,
        "Wie in het bestuur zit van een club die belang heeft bij een besluit, stemt niet mee.\n"
        "Meepraten kan, als de raad weet welke pet iemand op heeft.",
        actions=f"{name(g1[3])} vraagt de griffier om een korte notitie over art. 28.\n"
                "De fractievoorzitters bespreken de gedragscode in het presidium.",
    )
    engine.close_round(r1)

    # Round 2: group 2, one member absent, all twists of its card.
    absent = g2[-1]
    engine.set_absent(absent, True)
    rnd = engine.deal(1, [deck()])
    r2 = rnd.number
    assert rnd.card is not None and rnd.card.id == "geheim-stuk", rnd.card
    present = state.present(1)
    votes2 = ("A", "C", "C")
    reasons2 = (
        "Geheim is geheim. Ik zeg niets, ook niet dat er nog niets besloten is.",
        "Verwijzen naar de openbare stukken is eerlijk en zegt niets wat niet mag | ook niet half.",
        f"Zoals {name(present[0]).split()[0]} al zei: de griffie weet wat openbaar is.",
    )
    for pid, choice, reasoning in zip(present, votes2, reasons2):
        engine.vote(r2, pid, choice, reasoning)
    engine.reveal(r2)
    engine.show_twist(r2)
    engine.show_twist(r2)
    engine.conclude(r2, "Niets zeggen is beter dan half iets zeggen.")
    engine.close_round(r2)

    # Round 3: group 1 again, a plain vote on the card that has no twists.
    rnd = engine.deal(0, [deck()])
    r3 = rnd.number
    assert rnd.card is not None and rnd.card.id == "kerstpakket", rnd.card
    votes3 = ("C", "B", "C", "B", "D")
    for pid, choice in zip(g1, votes3):
        engine.vote(r3, pid, choice, "Boven de 50 euro altijd melden." if choice in "CD" else "Gewoon terugsturen.")
    engine.reveal(r3)
    engine.close_round(r3)

    engine.finish()
    return session_id(engine)


def realistic_events() -> list[Event]:
    """The events of :func:`realistic_session` without keeping a store around."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp)) as store:
            sid = realistic_session(store)
            return store.events(sid)


# --- bulk sessions (benchmarks, scale tests) ------------------------------------------------


def long_session(store: Store | None, rounds: int = 200, members: int = 6) -> Engine:
    """A session of ``rounds`` rounds, each with votes, a twist, a note and a conclusion.

    The test deck has three cards and a group never gets the same card twice, so the rounds are
    spread over enough groups of ``members`` people (a growing roster of mixed sides and
    parties) that no group plays more than three. Cheap to build with ``store=None``.
    """
    engine = engine_for(store)
    start(engine, cards=3, reveal="anonymous")
    sides = ("coalition", "opposition", "none")
    parties = ("Stadspartij", "Samen Verder", "Burgerbelang", "Ons Dorp", "Groen Dorp", "")
    total = members * ((rounds + 2) // 3)
    for index in range(total):
        engine.add_participant(Participant(name=f"Deelnemer {index + 1:04d}", party=parties[index % len(parties)],
                                           side=sides[index % len(sides)], role="raadslid"))
    engine.form_groups(size=members)
    groups = len(engine.state.groups)
    for number in range(rounds):
        group = number % groups
        rnd = engine.deal(group, [deck()])
        for index, pid in enumerate(engine.state.present(group)):
            letters = rnd.letters
            engine.vote(rnd.number, pid, letters[(index + number) % len(letters)],
                        f"Ronde {number + 1}: mijn afweging, met wat uitleg erbij.\nTweede regel.")
        engine.reveal(rnd.number)
        if rnd.twists:
            engine.show_twist(rnd.number)
        engine.start_deliberation(rnd.number)
        engine.save_note(rnd.number, 0, f"De morele vraag van ronde {number + 1}.")
        engine.conclude(rnd.number, f"Conclusie van ronde {number + 1}.", actions="Nagaan bij de griffie.")
        engine.close_round(rnd.number)
    engine.finish()
    return engine


# --- a whole evening: three tables, two cards -----------------------------------------------


class SteppingClock:
    """A clock that moves on ``step`` seconds at every reading: deterministic times that differ."""

    def __init__(self, start: str = "2026-03-14T18:30:00+00:00", step: int = 60) -> None:
        from datetime import datetime

        self.moment = datetime.fromisoformat(start)
        self.step = step

    def __call__(self) -> str:
        from datetime import timedelta

        self.moment += timedelta(seconds=self.step)
        return self.moment.isoformat()


EVENING_EXTRA: tuple[Participant, ...] = (
    Participant(name="Joost Hendriks", party="Stadspartij", side="coalition", role="raadslid"),
    Participant(name="Noor Visser", party="Groen Dorp", side="opposition", role="raadslid"),
    Participant(name="Wim de Graaf", party="Burgerbelang", side="coalition", role="commissielid"),
)


#: Time table 1 spent on each of the seven steps: step 5 runs over its time box.
EVENING_STEP_SECONDS = (240, 300, 180, 420, 1080, 360, 150)


def evening_session(store: Store | None = None, reveal: str = "anonymous", language: str = "nl") -> Engine:
    """A realistic evening: twelve members at three tables play the same two cards.

    Card 1 (sponsor) at every table: secret votes with reasoning, the reveal, a twist; table 1
    deliberates through all seven steps, re-votes (two change their mind) and agrees on actions
    with an owner and a deadline; table 2 re-votes too; one member of table 3 is absent for the
    first card and back for the second. Card 2 (kerstpakket) at every table: a plain vote and a
    conclusion. Everything is closed and the session finished.
    """
    from dilemmaspel.core.events import Agreement

    engine = Engine(StoreSink(store) if store is not None else ListSink(), clock=SteppingClock())
    start(engine, reveal=reveal, language=language, same_card=True, cards=2)
    add_people(engine, ROSTER + EVENING_EXTRA)
    engine.form_groups(count=3)
    state = engine.state
    assert [len(g) for g in state.groups] == [4, 4, 4], state.groups
    away = state.groups[2][-1]
    engine.set_absent(away, True)
    first_votes = (("B", "A", "B", "C"), ("B", "B", "A", "other"), ("C", "B", "A"))
    second_votes = (("B", "B", "B", "C"), ("B", "B", "B", "B"))
    reasons = (
        "Ik zit zelf in een clubbestuur; dan hoor ik niet mee te stemmen.",
        "Mijn kiezers rekenen erop dat ik meestem: ik ken het dossier.",
        "Eerst de feiten op tafel, dan pas een oordeel.",
        "De schijn telt zwaarder dan mijn kennis.",
    )
    rounds = []
    for table in range(3):
        rnd = engine.deal(table, [deck()])
        assert rnd.card is not None and rnd.card.id == "sponsor", rnd.card
        rounds.append(rnd.number)
        for index, (pid, choice) in enumerate(zip(state.present(table), first_votes[table])):
            other = "Ik vraag eerst de griffier om advies" if choice == "other" else ""
            engine.vote(rnd.number, pid, choice, reasons[index], other=other)
        engine.reveal(rnd.number)
        engine.show_twist(rnd.number)
    r1 = rounds[0]
    engine.start_deliberation(r1)
    for step, note in enumerate(STEP_NOTES):
        engine.open_step(r1, step)
        engine.save_note(r1, step, note)
        engine.record_step_time(r1, step, EVENING_STEP_SECONDS[step])
    for table in (0, 1):
        number = rounds[table]
        engine.open_revote(number)
        for pid, choice in zip(state.present(table), second_votes[table]):
            engine.vote(number, pid, choice, "Na het gesprek." if choice == "B" else "")
        engine.reveal(number)
    members = state.groups[0]
    engine.save_personal(r1, members[0], "Ik meld mijn bestuursfunctie voortaan vooraf bij de griffier.")
    engine.conclude(
        r1,
        "Wie in het bestuur zit van een club die belang heeft bij een besluit, stemt niet mee.",
        agreements=[
            Agreement(text="Korte notitie over art. 28 voor de raad", owner="Griffie", due="1 april"),
            Agreement(text="Gedragscode bespreken in het presidium", owner="Fractievoorzitters", due="mei"),
        ],
    )
    engine.conclude(rounds[1], "Meepraten mag, meestemmen niet.",
                    agreements=[Agreement(text="Bestuursfuncties vooraf melden")])
    for number in rounds:
        engine.close_round(number)
    engine.set_absent(away, False)
    votes2 = (("A", "C", "C", "A"), ("C", "C", "B", "C"), ("A", "C", "C", "C"))
    for table in range(3):
        rnd = engine.deal(table, [deck()])
        assert rnd.card is not None and rnd.card.id == "kerstpakket", rnd.card
        for pid, choice in zip(state.present(table), votes2[table]):
            engine.vote(rnd.number, pid, choice, "Boven de 50 euro altijd melden." if choice == "C" else "Gewoon terugsturen.")
        engine.reveal(rnd.number)
        engine.close_round(rnd.number)
    engine.finish()
    return engine


def one_card_three_tables(engine: Engine | None = None) -> Engine:
    """One shipped card (with its full situation, rules and reflection) played by three tables
    of five: votes with a line of reasoning each, the reveal and a twist; all rounds closed.
    The minutes of this session are measured against the report of earlier versions."""
    from dilemmaspel.decks import load_library

    library = load_library(None, [])
    shipped = library.deck("bestuurlijke-integriteit")
    card = next(c for c in shipped.cards if c.twists and c.rules and len(c.options) >= 3)
    engine = engine or Engine(ListSink(), clock=SteppingClock())
    engine.start("group", Settings(title="Integriteitsavond", organisation="Griffie", decks=[shipped.id],
                                   reveal="anonymous", seed=SEED), "nl")
    people = ROSTER + EVENING_EXTRA + (
        Participant(name="Lotte Mulder", party="Ons Dorp", side="opposition", role="raadslid"),
        Participant(name="Henk Brouwer", party="Dorpsbelang", side="coalition", role="raadslid"),
        Participant(name="Sara Yilmaz", party="Samen Verder", side="opposition", role="raadslid"),
    )
    add_people(engine, people)
    engine.form_groups(count=3)
    letters = "ABCD"[: len(card.options)]
    for table in range(3):
        rnd = engine.deal_card(table, shipped, card.id)
        for index, pid in enumerate(engine.state.present(table)):
            engine.vote(rnd.number, pid, letters[(index + table) % len(letters)],
                        f"Mijn afweging aan tafel {table + 1}: zo leg ik het uit aan de kiezer.")
        engine.reveal(rnd.number)
        engine.show_twist(rnd.number)
        engine.close_round(rnd.number)
    return engine
