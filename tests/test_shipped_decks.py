"""The shipped decks meet the editorial standard trainers are promised."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from dilemmaspel.core.cards import is_article_link
from dilemmaspel.decks import load_library, shipped_dir, validate_paths

LIBRARY = load_library()
NL = LIBRARY.deck("bestuurlijke-integriteit")
EN = LIBRARY.deck("integrity-in-office")
THEMES = {
    "belangenverstrengeling", "verboden-handelingen", "nevenfuncties", "geschenken", "vertrouwelijkheid",
    "sociale-media", "lobby-en-grond", "ondermijning", "weerbaarheid", "omgangsvormen", "declaraties",
    "integriteitstoetsing", "melden", "kleine-kern", "draaideur", "verkiezingen", "samenwerking",
}
ROLES_NL = {
    "raadslid", "wethouder", "burgemeester", "statenlid", "gedeputeerde", "fractievoorzitter", "commissielid",
    "locoburgemeester", "statengriffier", "fractiemedewerker", "lijstopvolger", "gr-bestuurslid", "rekenkamerlid",
}
BWB = {
    "Gemeentewet": "BWBR0005416", "Provinciewet": "BWBR0005645", "Waterschapswet": "BWBR0005108", "Awb": "BWBR0005537",
    "Wetboek van Strafrecht": "BWBR0001854", "Opiumwet": "BWBR0001941", "Grondwet": "BWBR0001840",
    "Arbeidsomstandighedenwet": "BWBR0010346", "Wet openbare manifestaties": "BWBR0004318", "Omgevingswet": "BWBR0037885",
    "Wet open overheid": "BWBR0045754", "Municipalities Act": "BWBR0005416", "Provinces Act": "BWBR0005645",
    "Water Boards Act": "BWBR0005108", "General Administrative Law Act": "BWBR0005537", "Criminal Code": "BWBR0001854",
    "Wet gemeenschappelijke regelingen": "BWBR0003740", "Joint Arrangements Act": "BWBR0003740",
}
ARTICLE_REF = re.compile(r"^(?P<law>[A-Z][A-Za-z ]+?)(?: \([^)]*\))? (?:art\.|article) (?P<art>[0-9]+[a-z]?(?:[.:][0-9]+[a-z]?)*)(?![0-9.:])")
# Terms that no longer match the law in force (Omgevingswet 2024, Woo 2022, art. 28 since 2023).
OUTDATED = {
    "nl": ["bestemmingsplan", "Wet openbaarheid van bestuur", "Wob", "artikel 10 van de", "gaat over de stemming, niet over het debat"],
    "en": ["zoning plan", "Government Information (Public Access) Act", "the vote, not the debate"],
}
REAL_PARTIES = ["VVD", "CDA", "D66", "PvdA", "GroenLinks", "ChristenUnie", "SGP", "PVV", "BBB", "JA21", "Volt", "SP ", "DENK"]


def words(text: str) -> int:
    return len(text.split())


def test_every_shipped_file_is_valid() -> None:
    count, problems = validate_paths([shipped_dir()])
    assert count == 5 and problems == []


def test_dutch_deck_size_themes_and_bodies() -> None:
    assert NL.deck.language == "nl" and len(NL.cards) >= 90
    per_theme = Counter(card.theme for card in NL.cards)
    assert set(per_theme) == THEMES
    assert min(per_theme.values()) >= 4
    assert sum("gemeente" in card.bodies for card in NL.cards) >= 55
    assert sum("provincie" in card.bodies for card in NL.cards) >= 18
    assert sum("waterschap" in card.bodies for card in NL.cards) >= 10


def test_roles_are_spread() -> None:
    roles = Counter(role for card in NL.cards for role in card.roles)
    assert ROLES_NL <= set(roles), ROLES_NL - set(roles)
    assert {"ab-lid", "db-lid"} & set(roles)
    assert {"griffier", "kandidaat"} & set(roles)


def test_english_edition() -> None:
    assert EN.deck.language == "en" and len(EN.cards) >= 40
    described = EN.deck.description.lower()
    assert all(term in described for term in ("water board", "municipal executive", "executive board", "griffier", "vog", "bibob"))
    text = " ".join(_card_text(card) for card in EN.cards).lower()
    # one term each: no stray synonyms for the water board, the college and the dagelijks bestuur
    for stray in ("waterschap ", "water authority", "board of mayor and aldermen", "daily board", "college of mayor"):
        assert stray not in text, stray


def _card_text(card) -> str:  # type: ignore[no-untyped-def]
    rules = [part for rule in card.rules for part in (rule.ref, rule.summary)]
    return " ".join([card.title, card.situation, card.question, *card.options, *card.twists, *card.prompts, card.reflection, *rules])


@pytest.mark.parametrize("deck", [NL, EN], ids=["nl", "en"])
def test_decks_say_when_their_rules_were_checked(deck) -> None:  # type: ignore[no-untyped-def]
    assert deck.deck.checked is not None
    assert dt.date(2026, 1, 1) <= dt.date.fromisoformat(deck.deck.checked) <= dt.date.today()


@pytest.mark.parametrize("deck", [NL, EN], ids=["nl", "en"])
def test_every_article_of_a_known_law_links_to_that_article(deck) -> None:  # type: ignore[no-untyped-def]
    linked = 0
    for card in deck.cards:
        for rule in card.rules:
            if rule.source is not None:
                assert is_article_link(rule.source), (card.id, rule.source)
            found = ARTICLE_REF.match(rule.ref)
            if found and found.group("law") in BWB:
                expected = f"https://wetten.overheid.nl/jci1.3:c:{BWB[found.group('law')]}&artikel={found.group('art')}"
                assert rule.source == expected, (card.id, rule.ref, rule.source)
                linked += 1
    assert linked >= (150 if deck is NL else 40)


@pytest.mark.parametrize("deck", [NL, EN], ids=["nl", "en"])
def test_no_outdated_terms(deck) -> None:  # type: ignore[no-untyped-def]
    for card in deck.cards:
        text = _card_text(card)
        for term in OUTDATED[deck.deck.language]:
            assert not re.search(rf"\b{re.escape(term)}", text, re.IGNORECASE), (card.id, term)


def test_deck_wide_patterns_stay_varied() -> None:
    """Reflections open and close in many ways; twists change a fact, not only the side."""
    openings = Counter(card.reflection.strip().split(":")[0].split(" ")[0:2][-1] for card in NL.cards)
    assert sum(card.reflection.strip().startswith("Hier botsen") for card in NL.cards) <= 5
    assert sum(bool(re.search(r"Een zorgvuldige? [^.?!]*[.?!]$", card.reflection.strip())) for card in NL.cards) <= 5
    side_swaps = [t for card in NL.cards for t in card.twists if re.search(r"\b(coalitie|oppositie|eigen partij|eigen fractie|dezelfde partij)", t)]
    press = [t for card in NL.cards for t in card.twists if re.search(r"journalist|krant|screenshot", t)]
    assert len(side_swaps) <= 8 and len(press) <= 5, (side_swaps, press)
    assert openings


@pytest.mark.parametrize("deck", [NL, EN], ids=["nl", "en"])
def test_every_card_meets_the_standard(deck) -> None:  # type: ignore[no-untyped-def]
    twist_word = "Maar wat als" if deck.deck.language == "nl" else "What if"
    for card in deck.cards:
        where = f"{deck.id}/{card.id}"
        assert 60 <= words(card.situation) <= 180, where
        assert 80 <= words(card.reflection) <= 200, where
        assert 3 <= len(card.options) <= 4, where
        assert 1 <= len(card.twists) <= 3, where
        assert all(twist.startswith(twist_word) for twist in card.twists), where
        assert 2 <= len(card.prompts) <= 4, where
        assert card.rules, where
        assert len(set(card.options)) == len(card.options), where


@pytest.mark.parametrize("deck", [NL, EN], ids=["nl", "en"])
def test_no_real_parties(deck) -> None:  # type: ignore[no-untyped-def]
    for card in deck.cards:
        text = " ".join([card.situation, card.question, *card.options, *card.twists, *card.prompts, card.reflection])
        for party in REAL_PARTIES:
            assert f" {party}" not in f" {text}", (card.id, party)


def test_rules_match_the_body() -> None:
    """A card for the provincie or waterschap alone does not cite the Gemeentewet, and so on."""
    laws = {"gemeente": "Gemeentewet", "provincie": "Provinciewet", "waterschap": "Waterschapswet"}
    for card in NL.cards:
        for body, law in laws.items():
            if body not in card.bodies:
                assert not any(rule.ref.startswith(law) for rule in card.rules), (card.id, law)


def test_methods() -> None:
    vumc = ["introductie", "casus", "dilemma", "verhelderende vragen", "perspectieven", "alternatieven",
            "individuele afweging", "dialoog", "conclusies", "evaluatie"]
    titles = [step.title.lower() for step in LIBRARY.method("dilemmamethode").steps]
    assert all(name in title for name, title in zip(vumc, titles)), titles
    for method_id, listing, harm in (("zeven-stappen", "op een rij", "schade"), ("seven-steps", "list every", "harm")):
        steps = LIBRARY.method(method_id).steps
        assert listing in steps[4].prompt and harm in steps[5].prompt
    assert len(LIBRARY.method("zeven-stappen").steps) == 7
    assert len(LIBRARY.method("seven-steps").steps) == 7
    assert len(LIBRARY.method("dilemmamethode").steps) == 10
    assert [s.minutes for s in LIBRARY.method("zeven-stappen").steps] == [s.minutes for s in LIBRARY.method("seven-steps").steps]
