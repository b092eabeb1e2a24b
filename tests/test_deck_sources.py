"""A rule's ``source`` links to one article on wetten.overheid.nl; ``checked`` is a real date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dilemmaspel.core.cards import is_article_link
from dilemmaspel.decks import check_deck, parse_text
from dilemmaspel.i18n import set_language
from dilemmaspel.tui.screens.decks import DecksScreen
from tests.tui_helpers import all_text, make_app, settle

DECK = """\
[deck]
id = "bron"
title = "Deck met bronnen"
language = "nl"
version = "1"
{checked}
[deck.themes]
stemmen = "Stemmen"

[[cards]]
id = "kaart"
title = "Een kaart"
theme = "stemmen"
bodies = ["gemeente"]
situation = "Een situatie."
question = "Een vraag?"
options = ["Ja.", "Nee."]

[[cards.rules]]
ref = "Gemeentewet art. 28"
summary = "Niet meedoen aan beraadslaging en stemming over een zaak die u persoonlijk aangaat."
source = "{source}"
"""
GOOD = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=28"


def _check(source: str = GOOD, checked: str = 'checked = "2026-12-01"') -> list[str]:
    parsed = parse_text(DECK.format(source=source, checked=checked), "bron.toml")
    assert parsed.data is not None
    check_deck(parsed.data, parsed.collector)
    return [str(p) for p in parsed.collector.problems]


@pytest.fixture(autouse=True)
def _dutch() -> None:
    set_language("nl")


@pytest.mark.parametrize(
    "url",
    [
        GOOD,
        "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&hoofdstuk=2&afdeling=2.2&artikel=2:4&z=2024-01-01&g=2024-01-01",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=41c",
        "https://wetten.overheid.nl/BWBR0005416/2024-01-01#TiteldeelII_HoofdstukIV_Artikel28",
        "https://wetten.overheid.nl/BWBR0005416/2022-08-01/#TiteldeelIV_HoofdstukXV_Paragraaf4_Artikel255",
    ],
)
def test_article_links_in_both_official_forms_pass(url: str) -> None:
    assert _check(url) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://wetten.overheid.nl/BWBR0005416/",  # the whole law, not an article
        "https://wetten.overheid.nl/jci1.3:c:BWBR0005416",  # no article
        "http://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=28",  # not https
        "https://wetten.overheid.nl.example.org/jci1.3:c:BWBR0005416&artikel=28",
        "https://www.google.com/search?q=gemeentewet+28",
        "https://wetten.overheid.nl/jci1.3:c:BWBR000541&artikel=28",  # six digits
        "Gemeentewet art. 28",
    ],
)
def test_other_links_get_a_clear_message_with_the_line(url: str) -> None:
    problems = _check(url)
    assert len(problems) == 1
    assert problems[0].startswith("bron.toml:22: card 'kaart': rules[1].source: ")
    assert f"'{url}' is geen link naar een wetsartikel op wetten.overheid.nl" in problems[0]
    assert "jci1.3:c:BWBR" in problems[0]


def test_the_message_is_english_with_lang_en() -> None:
    set_language("en")
    problems = _check("https://example.org/art28")
    assert "is not a link to an article of a law on wetten.overheid.nl" in problems[0]


@given(bwb=st.integers(0, 9_999_999), article=st.from_regex(r"[1-9][0-9]{0,2}[a-z]?(:[1-9][0-9]?)?", fullmatch=True))
def test_any_law_and_article_number_is_a_valid_link(bwb: int, article: str) -> None:
    assert is_article_link(f"https://wetten.overheid.nl/jci1.3:c:BWBR{bwb:07d}&artikel={article}")


@given(st.text(max_size=80))
def test_text_without_the_official_prefix_is_never_a_link(text: str) -> None:
    if not text.startswith("https://wetten.overheid.nl/"):
        assert not is_article_link(text)


@pytest.mark.parametrize("checked", ['checked = "2026-12-01"', "checked = 2026-12-01", ""])
def test_checked_is_optional_and_may_be_a_toml_date(checked: str) -> None:
    assert _check(checked=checked) == []


@pytest.mark.parametrize("value", ['"2026-13-01"', '"1-12-2026"', '"2026-02-30"', '"gisteren"', "20261201"])
def test_checked_must_be_a_real_date(value: str) -> None:
    problems = _check(checked=f"checked = {value}")
    assert len(problems) == 1 and "deck.checked" not in problems[0]
    assert problems[0].startswith("bron.toml:6: deck: checked: ")
    assert "JJJJ-MM-DD" in problems[0] or "geheel getal" in problems[0] or "tekst" in problems[0]


def test_checked_lands_in_the_model() -> None:
    parsed = parse_text(DECK.format(source=GOOD, checked="checked = 2026-12-01"), "bron.toml")
    assert parsed.data is not None
    deck = check_deck(parsed.data, parsed.collector)
    assert deck is not None and deck.deck.checked == "2026-12-01"
    assert deck.cards[0].rules[0].source == GOOD
    assert dt.date.fromisoformat(deck.deck.checked)


async def test_browser_shows_checked_date_and_source(tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "bron.toml").write_text(DECK.format(source=GOOD, checked='checked = "2026-11-30"'), encoding="utf-8")
    app = make_app(isolated_home, [folder])
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_browse()
        await settle(pilot)
        assert isinstance(app.screen, DecksScreen)
        menu = app.screen.query_one("#cards")
        headings = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert "Deck met bronnen (1) · regels gecontroleerd op 2026-11-30" in headings
        index = next(i for i in range(menu.option_count) if menu.get_option_at_index(i).id == "bron/kaart")
        menu.highlighted = index
        for _ in range(10):
            await settle(pilot)
            if "Bron: " in all_text(app):
                break
        assert f"Bron: {GOOD}" in all_text(app)
