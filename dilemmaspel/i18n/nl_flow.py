"""Dutch strings of the session flow: set-up time, deliberation resume, drafts, participants, tables."""

MESSAGES: dict[str, str] = {
    "key.help_keys": "Toetsen",
    'key.edit_person': 'Bewerken',
    'key.participants': 'Deelnemers',
    'ui.participants.count_edit': '{count} deelnemer(s). Enter of Ctrl+E bewerkt, Delete verwijdert de gekozen regel.',
    'ui.participants.save': 'Opslaan',
    'ui.participants.editing': 'U bewerkt {name}. Enter slaat op, Esc breekt af.',
    'ui.participants.remove_confirm': '{name} verwijderen uit de sessie?',
    'ui.participants.removed': '{name} is verwijderd.',
    'ui.participants.joined_group': '{name} zit nu in groep {number}.',
    'ui.participants.intro_running': 'De sessie loopt. Wie later komt, typt u hier in: die komt in de kleinste groep. Wie nog niet heeft gestemd, kunt u verwijderen.',
    'ui.participants.back_running': 'Terug naar de sessie',
    'ui.vote.draft_restored': 'Uw onafgemaakte stem van {time} is teruggezet. Bevestig met Ctrl+S, of Esc om hem te wissen.',
}
