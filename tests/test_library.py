"""Finding decks and methods: shipped, the user's data dir and --decks folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dilemmaspel.cli import main
from dilemmaspel.decks import load_library, shipped_dir
from tests.conftest import DATA


def test_shipped_methods_are_found() -> None:
    library = load_library()
    assert {"zeven-stappen", "seven-steps", "dilemmamethode"} <= set(library.methods)
    assert len(library.method("zeven-stappen").steps) == 7
    assert library.method("seven-steps").method.language == "en"
    assert library.skipped == []


def test_shipped_dir_is_the_source_tree_or_package_data() -> None:
    assert (shipped_dir() / "methods" / "zeven-stappen.toml").is_file()


def test_user_decks_and_extra_folders_are_loaded(tmp_path: Path, isolated_home: Path) -> None:
    user = isolated_home / "decks"
    user.mkdir(parents=True)
    shutil.copy(DATA / "mini.toml", user / "mini.toml")
    library = load_library(isolated_home)
    assert library.decks["mini"].origin == "user"
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "mini2.toml").write_text((DATA / "mini.toml").read_text(encoding="utf-8").replace('id = "mini"', 'id = "mini-twee"'), encoding="utf-8")
    library = load_library(isolated_home, [extra])
    assert library.decks["mini-twee"].origin == "extra"
    assert len(library.deck("mini").cards) == 2


def test_invalid_deck_is_skipped_and_others_still_load(tmp_path: Path) -> None:
    shutil.copy(DATA / "mini.toml", tmp_path / "good.toml")
    shutil.copy(DATA / "broken" / "06-one-option.toml", tmp_path / "bad.toml")
    library = load_library(None, [tmp_path])
    assert "mini" in library.decks
    assert [s.path.name for s in library.skipped] == ["bad.toml"]
    assert "options" in str(library.skipped[0].problem)


def test_decks_command_lists_decks_methods_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(DATA / "mini.toml", tmp_path / "good.toml")
    shutil.copy(DATA / "broken" / "01-toml-syntax.toml", tmp_path / "bad.toml")
    assert main(["--lang", "en", "decks", "--decks", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "mini  Mini-deck voor tests (nl, 2 cards) - --decks:" in out
    assert "zeven-stappen  " in out
    assert "Skipped (invalid):" in out
    assert "bad.toml:16: file: TOML error" in out


def test_deck_knows_its_cards() -> None:
    library = load_library(None, [DATA / "mini.toml"])
    deck = library.deck("mini")
    card = deck.card("kerstpakket")
    assert card.letters == "ABCD"
    assert card.option("B") == "Terugsturen"
    assert deck.theme_name("geschenken") == "Geschenken"
    with pytest.raises(KeyError):
        deck.card("nope")


def test_a_loaded_library_is_reused_until_a_file_changes(isolated_home: Path) -> None:
    import os

    from dilemmaspel.i18n import set_language

    user = isolated_home / "decks"
    user.mkdir(parents=True)
    deck = user / "mini.toml"
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    deck.write_text(text, encoding="utf-8")
    first = load_library(isolated_home)
    again = load_library(isolated_home)
    assert again.decks == first.decks and again.decks is not first.decks  # each caller its own dicts
    again.decks.clear()
    assert load_library(isolated_home).decks.keys() == first.decks.keys()

    deck.write_text(text.replace('id = "mini"', 'id = "mini-nieuw"'), encoding="utf-8")
    os.utime(deck, ns=(1, 1))  # even with an old modification time: the change time and size differ
    assert "mini-nieuw" in load_library(isolated_home).decks

    (user / "broken.toml").write_text("[deck\n", encoding="utf-8")
    dutch = load_library(isolated_home).skipped
    assert [s.path.name for s in dutch] == ["broken.toml"]
    set_language("en")
    english = load_library(isolated_home).skipped
    assert str(english[0].problem) != str(dutch[0].problem)  # the message in the language in force
