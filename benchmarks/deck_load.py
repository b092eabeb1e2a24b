"""Load and validate a generated 4,000-card deck (3.3 MB, near the 4 MB limit of a deck file), against
parsing it with tomllib alone.

Run: python benchmarks/deck_load.py [CARDS]
Target: ratio <= 3.
"""

from __future__ import annotations

import sys
import tempfile
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import best_of  # noqa: E402

from dilemmaspel.decks import load_deck  # noqa: E402

CARD = '''
[[cards]]
id = "card-{n}"
title = "Dilemma {n}"
theme = "theme-{theme}"
bodies = ["gemeente", "provincie"]
roles = ["raadslid", "wethouder"]
situation = """Een raadslid krijgt een uitnodiging van een aannemer die meedingt naar een
opdracht van de gemeente. Het etentje is in een duur restaurant. Kaart {n}."""
question = "Gaat u in op de uitnodiging?"
options = ["Ja, ik ga.", "Nee, ik bedank.", "Ik meld het eerst bij de griffier.", "Ik ga en betaal zelf."]
twists = ["Maar wat als het een lunch is?", "Maar wat als de aanbesteding al voorbij is?"]
prompts = ["Wat zou de krant schrijven?", "Wie wordt geraakt?"]
reflection = """Geschenken en uitnodigingen kunnen de schijn van belangenverstrengeling wekken."""

[[cards.rules]]
ref = "Gemeentewet art. 14"
summary = "Geen giften aannemen om iets te doen of te laten."
'''


def make_deck(cards: int) -> str:
    themes = "\n".join(f'theme-{i} = "Thema {i}"' for i in range(10))
    head = f'[deck]\nid = "groot"\ntitle = "Groot deck"\nlanguage = "nl"\nversion = "1"\n\n[deck.themes]\n{themes}\n'
    return head + "".join(CARD.format(n=n, theme=n % 10) for n in range(cards))


def main() -> None:
    cards = int(sys.argv[1]) if len(sys.argv) > 1 else 4_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "groot.toml"
        path.write_text(make_deck(cards), encoding="utf-8")
        deck, problems = load_deck(path)
        assert deck is not None and not problems and len(deck.cards) == cards
        baseline = best_of(lambda: tomllib.loads(path.read_text(encoding="utf-8")))
        ours = best_of(lambda: load_deck(path))
        size = path.stat().st_size
    print(f"cards: {cards}  size: {size / 1e6:.1f} MB")
    print(f"tomllib.loads alone:       {baseline * 1000:8.1f} ms")
    print(f"load_deck (parse+validate): {ours * 1000:8.1f} ms")
    print(f"ratio: {ours / baseline:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
