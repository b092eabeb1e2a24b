"""English strings of the session flow: set-up time, deliberation resume, drafts, participants, tables."""

MESSAGES: dict[str, str] = {
    "key.help_keys": "Keys",
    'key.edit_person': 'Edit',
    'key.participants': 'Participants',
    'ui.participants.count_edit': '{count} participant(s). Enter or Ctrl+E edits, Delete removes the selected row.',
    'ui.participants.save': 'Save',
    'ui.participants.editing': 'Editing {name}. Enter saves, Esc cancels.',
    'ui.participants.remove_confirm': 'Remove {name} from the session?',
    'ui.participants.removed': '{name} has been removed.',
    'ui.participants.joined_group': '{name} now sits in group {number}.',
    'ui.participants.intro_running': 'The session is running. Type latecomers in here: they join the smallest group. People who have not voted yet can be removed.',
    'ui.participants.back_running': 'Back to the session',
    'ui.vote.draft_restored': 'Your unfinished vote from {time} has been put back. Confirm with Ctrl+S, or Esc to discard it.',
}
