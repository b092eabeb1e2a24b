"""The shipped decks meet the editorial standard trainers are promised."""

from __future__ import annotations

from collections import Counter

import pytest

from dilemmaspel.decks import load_library, shipped_dir, validate_paths

LIBRARY = load_library()
NL = LIBRARY.deck("bestuurlijke-integriteit")
EN = LIBRARY.deck("integrity-in-office")
THEMES = {
    "belangenverstrengeling", "verboden-handelingen", "nevenfuncties", "geschenken", "vertrouwelijkheid",
    "sociale-media", "lobby-en-grond", "ondermijning", "weerbaarheid", "omgangsvormen", "declaraties",
    "integriteitstoetsing", "melden", "kleine-kern", "draaideur",
}
ROLES_NL = {"raadslid", "wethouder", "burgemeester", "statenlid", "gedeputeerde", "fractievoorzitter", "commissielid"}
REAL_PARTIES = ["VVD", "CDA", "D66", "PvdA", "GroenLinks", "ChristenUnie", "SGP", "PVV", "BBB", "JA21", "Volt", "SP ", "DENK"]


def words(text: str) -> int:
    return len(text.split())


def test_every_shipped_file_is_valid() -> None:
    count, problems = validate_paths([shipped_dir()])
    assert count == 5 and problems == []


def test_dutch_deck_size_themes_and_bodies() -> None:
    assert NL.deck.language == "nl" and len(NL.cards) >= 60
    per_theme = Counter(card.theme for card in NL.cards)
    assert set(per_theme) == THEMES
    assert min(per_theme.values()) >= 4
    assert sum("gemeente" in card.bodies for card in NL.cards) >= 40
    assert sum("provincie" in card.bodies for card in NL.cards) >= 10
    assert sum("waterschap" in card.bodies for card in NL.cards) >= 6


def test_roles_are_spread() -> None:
    roles = Counter(role for card in NL.cards for role in card.roles)
    assert ROLES_NL <= set(roles)
    assert {"ab-lid", "db-lid"} & set(roles)
    assert {"griffier", "kandidaat"} & set(roles)


def test_english_edition() -> None:
    assert EN.deck.language == "en" and len(EN.cards) >= 24


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
    assert len(LIBRARY.method("zeven-stappen").steps) == 7
    assert len(LIBRARY.method("seven-steps").steps) == 7
    assert len(LIBRARY.method("dilemmamethode").steps) == 10
    assert [s.minutes for s in LIBRARY.method("zeven-stappen").steps] == [s.minutes for s in LIBRARY.method("seven-steps").steps]
