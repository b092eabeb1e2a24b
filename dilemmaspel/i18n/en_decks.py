"""English strings for the deck keys ``source`` and ``checked``."""

MESSAGES: dict[str, str] = {
    "validate.bad_source": (
        "'{value}' is not a link to an article of a law on wetten.overheid.nl; use the article's permanent "
        "link (https://wetten.overheid.nl/jci1.3:c:BWBR...&artikel=...) or the address with the article's "
        "anchor (https://wetten.overheid.nl/BWBR.../YYYY-MM-DD#..._Artikel...)"
    ),
    "validate.bad_date": "'{value}' is not a valid date; write YYYY-MM-DD, for example \"2026-12-01\"",
    "ui.decks.checked": "rules checked on {date}",
    "ui.rule.source": "Source: {url}",
}
