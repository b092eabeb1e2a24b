"""Dutch strings for the deck keys ``source`` and ``checked``."""

MESSAGES: dict[str, str] = {
    "validate.bad_source": (
        "'{value}' is geen link naar een wetsartikel op wetten.overheid.nl; gebruik de permanente link "
        "van het artikel (https://wetten.overheid.nl/jci1.3:c:BWBR...&artikel=...) of het adres met het "
        "anker van het artikel (https://wetten.overheid.nl/BWBR.../JJJJ-MM-DD#..._Artikel...)"
    ),
    "validate.bad_date": "'{value}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld \"2026-12-01\"",
    "ui.decks.checked": "regels gecontroleerd op {date}",
    "ui.rule.source": "Bron: {url}",
}
