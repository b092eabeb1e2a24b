"""Dutch strings of the session flow: set-up time, deliberation resume, drafts, participants, tables."""

MESSAGES: dict[str, str] = {
    "key.help_keys": "Toetsen",
}
