"""English catalog: the app's screens, keys and help."""

MESSAGES: dict[str, str] = {
    # general
    "ui.yes": "Yes",
    "ui.no": "No",
    "ui.cancel": "Cancel",
    "ui.error_title": "That did not work",
    "ui.save_failed": "Saving failed: {reason}. Nothing is lost; please try again.",
    "ui.cannot_open": "dilemmaspel: cannot use the data folder {path}: {reason}",
    "ui.deck_skipped": "Deck skipped",
    "body.gemeente": "municipality",
    "body.provincie": "province",
    "body.waterschap": "water board",
    "ui.col.name": "Name",
    "ui.col.party": "Party",
    "ui.col.side": "Side",
    "ui.col.role": "Role",
    "ui.col.group": "Group",
    "ui.col.present": "Present",
    # keys (footer)
    "key.help": "Help",
    "key.quit": "Quit",
    "key.new_group": "New session",
    "key.browse": "Decks",
    "key.language": "Nederlands",
    "key.cancel": "Cancel",
    "key.yes": "Yes",
    "key.back": "Back",
    "key.close": "Close",
    "key.continue": "Continue",
    "key.import": "Import CSV",
    "key.remove": "Remove",
    "key.to_groups": "To groups",
    "key.to_start": "To start",
    "key.to_participants": "Participants",
    "key.reshuffle": "Reshuffle",
    "key.move": "Move",
    "key.absent": "Absent on/off",
    "key.play": "Play",
    "key.groups": "Groups",
    "key.finish": "Finish session",
    "key.vote_or_reveal": "Vote / reveal",
    "key.overview": "Overview",
    "key.i_am_here": "I am here, vote",
    "key.mark_absent": "Absent",
    "key.stop_voting": "Pause the vote",
    "key.confirm_vote": "Confirm vote",
    "key.pick_a": "Choose A",
    "key.pick_b": "Choose B",
    "key.pick_c": "Choose C",
    "key.pick_d": "Choose D",
    "key.pick_other": "Choose other",
    "key.twist": "What if",
    "key.deliberate": "Deliberate",
    "key.revote": "Re-vote",
    "key.close_round": "Finish round",
    "key.tab_result": "Result",
    "key.tab_reasons": "Reasoning",
    "key.tab_discuss": "Discuss",
    "key.tab_rules": "Rules",
    "key.tab_card": "Card",
    "key.next_step": "Next step",
    "key.previous_step": "Previous step",
    "key.save": "Save",
    "key.pause_timer": "Pause clock",
    "key.to_result": "To result",
    "key.anonymous_export": "Anonymous export",
    # command palette
    "cmd.new_group": "New group session",
    "cmd.new_group.help": "Mix groups, deal cards, vote in secret",
    "cmd.browse": "Browse decks",
    "cmd.browse.help": "Every card with its variations, rules and reflection",
    "cmd.help": "Help",
    "cmd.help.help": "How the game works and which keys there are",
    "cmd.language": "Language: Nederlands",
    "cmd.language.help": "Switch between Dutch and English",
    "cmd.start": "Go to the start screen",
    "cmd.start.help": "Everything is saved already; you can continue later",
    "cmd.theme": "Theme (light/dark)",
    "cmd.theme.help": "Choose a colour scheme",
    "cmd.keys": "Keys",
    "cmd.keys.help": "Show every key of this screen",
    "cmd.quit": "Quit",
    "cmd.quit.help": "Close the app; everything is saved",
    # start
    "ui.start.welcome": "Welcome to dilemmaspel",
    "ui.start.intro": "Practise integrity dilemmas from the work of councils, provinces and water boards: everyone votes in secret first, then the group discusses the choices. Pick what you want to do below; F1 gives help.",
    "ui.start.subtitle": "practising integrity",
    "ui.start.new_group": "New group session (workshop)",
    "ui.start.beraad": "Moral deliberation (trainer)",
    "ui.start.solo": "Practise alone",
    "ui.start.resume": "Continue a session",
    "ui.start.browse": "Browse decks and cards",
    "ui.start.help": "Help",
    "ui.start.language": "Nederlands",
    "ui.start.quit": "Quit",
    "ui.start.resume_title": "Unfinished sessions (Enter to continue)",
    "ui.start.col.date": "Started",
    "ui.start.col.mode": "Kind",
    "ui.start.col.title": "Name",
    "ui.start.col.progress": "Progress",
    "ui.start.progress": "{participants} participants, {groups} group(s), {done}/{rounds} rounds done",
    # setup
    "ui.setup.intro.group": "Set up the session. Names, votes and reasoning stay on this computer.",
    "ui.setup.intro.beraad": "Set up the moral deliberation.",
    "ui.setup.intro.solo": "Choose what you want to practise.",
    "ui.setup.title": "Session name (optional)",
    "ui.setup.title_hint": "e.g. council induction, 12 March",
    "ui.setup.organisation": "Organisation (optional)",
    "ui.setup.organisation_hint": "e.g. municipality of Oosterwijde",
    "ui.setup.trainer": "Trainer (optional)",
    "ui.setup.trainer_hint": "the trainer's name",
    "ui.setup.deck": "Deck",
    "ui.setup.themes": "Themes (none chosen = all themes; space chooses)",
    "ui.setup.bodies": "Body (none chosen = all)",
    "ui.setup.roles": "Roles (none chosen = all)",
    "ui.setup.matching": "{count} of the {total} cards match this choice.",
    "ui.setup.cards": "Cards per group",
    "ui.setup.same_card": "Same card for all groups",
    "ui.setup.reveal": "Show votes",
    "ui.setup.reveal.anonymous": "Anonymously",
    "ui.setup.reveal.named": "By name",
    "ui.setup.revote": "Allow a re-vote after the discussion",
    "ui.setup.reasoning_required": "Reasoning required",
    "ui.setup.method": "Deliberation method",
    "ui.setup.no_method": "No deliberation",
    "ui.setup.timeboxes": "Show a clock per step",
    "ui.setup.no_deck": "No deck is chosen.",
    "ui.setup.bad_cards": "Enter a number of cards from 1 to 500.",
    # participants
    "ui.participants.subtitle": "Participants",
    "ui.participants.intro": "Type the participants one by one (Enter adds), or import a CSV list with the columns name, party, side and role.",
    "ui.participants.name": "Name",
    "ui.participants.party": "Party",
    "ui.participants.role": "Role (councillor, alderman, ...)",
    "ui.participants.add": "Add",
    "ui.participants.import": "Import CSV",
    "ui.participants.next": "Continue: groups",
    "ui.participants.count": "{count} participant(s). Delete removes the chosen row.",
    "ui.participants.name_needed": "Enter a name first.",
    "ui.participants.nobody": "Add participants first.",
    "ui.participants.import_failed": "The list was not read",
    "ui.participants.more_errors": "\n... and {count} more error(s)",
    "ui.participants.imported": "{count} participant(s) added, {skipped} were already there.",
    "ui.picker.title": "Choose a CSV file, or type its path below.",
    "ui.picker.path": "path to the file, e.g. C:\\Users\\trainer\\council.csv",
    "ui.picker.open": "Open",
    # groups
    "ui.groups.subtitle": "Groups",
    "ui.groups.intro": "The groups are mixed: parties, coalition and opposition spread as evenly as possible. R reshuffles, M moves someone, A marks absent on or off; each after a confirmation.",
    "ui.groups.by_size": "Group size (max.)",
    "ui.groups.by_count": "Number of groups",
    "ui.groups.form": "Form groups",
    "ui.groups.reshuffle": "Reshuffle",
    "ui.groups.play": "Start the first card",
    "ui.groups.bad_number": "Enter a number of 1 or more.",
    "ui.groups.make_up": "Group {number}: {size} members, {coalition} coalition, {opposition} opposition, {none} none. Parties: {parties}",
    "ui.groups.absent_count": "({count} absent)",
    "ui.groups.remixed": "Reshuffled so that as few people as possible sit together again ({pairs} pairs again).",
    "ui.groups.reshuffled": "Reshuffled.",
    "ui.groups.group_label": "Group {number} ({size} members)",
    "ui.groups.move_to": "Which group should {name} join?",
    "ui.groups.none_yet": "Form the groups first.",
    # hub
    "ui.play.title": "{title}: choose a group (Enter)",
    "ui.play.group": "Group {number}",
    "ui.play.deal": "deal card {number} of {total}",
    "ui.play.vote": "{what} · {title} · {done} of {voters} voted",
    "ui.play.revote": "{what} · {title} · re-vote, {done} of {voters} voted",
    "ui.play.reveal": "{what} · {title} · everyone voted, ready to reveal",
    "ui.play.discuss": "{what} · {title} · discussion",
    "ui.play.done": "done ({total} cards played)",
    "ui.play.finish_now": "Finish the session and write the report",
    "ui.play.hint": "Enter continues with the chosen group. G adjusts the groups between cards; E finishes the session.",
    "ui.play.hint_done": "All cards have been played. Finish the session to write the report.",
    "ui.play.group_finished": "Group {number} has played all its cards.",
    "ui.play.finish_confirm": "Finish the session and write the report?",
    "ui.play.finish_early": "Not all cards have been played. Finish anyway and write the report?",
    # card and voting
    "ui.round.card": "card {number} of {total}",
    "ui.card.own_case": "own case",
    "ui.card.status": "{done} of {total} have voted. Enter: start the secret vote.",
    "ui.card.revote_status": "Re-vote: {done} of {total} have voted. Enter: continue voting.",
    "ui.card.all_voted": "Everyone has voted ({done} of {total}). Enter: reveal all votes at once.",
    "ui.card.nobody_present": "Nobody in this group is present. Mark someone present under Groups.",
    "ui.card.ready_to_reveal": "All votes are in. Hand the laptop back to the trainer.",
    "ui.pass.subtitle": "secret vote",
    "ui.pass.title": "Pass the laptop to",
    "ui.pass.revote": "Re-vote. Pass the laptop to",
    "ui.pass.progress": "{done} of {total} have voted",
    "ui.pass.hint": "Are you {name}? Press Enter to vote. Nobody sees your vote before all votes are revealed at once.",
    "ui.pass.marked_absent": "{name} is marked absent. Back again? P on the card screen.",
    "ui.vote.subtitle": "secret vote of {name}",
    "ui.vote.other_option": "Other, namely ...",
    "ui.vote.other_hint": "What would you do? (required for 'other')",
    "ui.vote.reasoning": "Why? Your reasoning",
    "ui.vote.keys": "A-D or arrows: choose · Ctrl+S: confirm · until then you can change everything",
    "ui.vote.chosen": "Your choice: {choice}",
    "ui.vote.no_choice": "No choice yet: choose A-D or other.",
    "ui.vote.choose_first": "Choose an option first.",
    "ui.vote.confirm": "You choose: {choice}\n\nConfirm? After this you cannot change your vote.",
    "ui.vote.confirm_yes": "Confirm",
    "ui.vote.confirm_no": "Change it",
    # reveal
    "ui.reveal.subtitle": "revealed",
    "ui.reveal.tab.result": "1 Result",
    "ui.reveal.tab.reasons": "2 Reasoning",
    "ui.reveal.tab.discuss": "3 Discuss",
    "ui.reveal.tab.rules": "4 Rules and reflection",
    "ui.reveal.tab.card": "5 Card",
    "ui.reveal.first": "Votes ({count})",
    "ui.reveal.second": "Re-vote ({count})",
    "ui.reveal.split": "coalition {coalition} · opposition {opposition} · none {none}",
    "ui.reveal.majority": "Most votes: {option} ({share}%).",
    "ui.reveal.tie": "Tied: {options} ({count} each).",
    "ui.reveal.party_line": "Party line: {reading}.",
    "ui.reveal.shifts": "{count} of the {total} members changed their choice in the re-vote.",
    "ui.reveal.revote_running": "The re-vote is running: {done} of {total} voted. Press V to continue voting.",
    "ui.reveal.reasons_named": "Reasoning, by name.",
    "ui.reveal.reasons_anonymous": "Reasoning, anonymous and not in voting order.",
    "ui.reveal.twists": "What if ...? ({shown} of {total} shown)",
    "ui.reveal.twists_all": "What if ...?",
    "ui.reveal.twist_hint": "Press T for the next variation.",
    "ui.reveal.prompts": "Questions for the discussion",
    "ui.reveal.rules": "Rules",
    "ui.reveal.reflection": "Reflection for the trainer",
    "ui.reveal.no_rules": "This case has no rules or reflection.",
    "ui.reveal.nothing_to_discuss": "This card has no variations or discussion questions.",
    "ui.reveal.close_confirm": "Finish this round? After that you cannot re-vote or show variations.",
    # deliberation
    "ui.step.progress": "Step {number} of {total} · {method}",
    "ui.step.progress_conclusion": "Conclusion after {total} steps · {method}",
    "ui.step.subtitle": "Deliberation",
    "ui.step.notes": "The group's notes (saved automatically)",
    "ui.step.saved": "Saved.",
    "ui.step.conclusion_title": "The group's conclusion",
    "ui.step.conclusion_prompt": "What does the group think, why, and despite what? Which actions do you agree on?",
    "ui.step.conclusion": "Conclusion: 'We think ..., because ..., despite ...'",
    "ui.step.actions": "Agreed actions",
    "ui.timer.none": "no time agreed",
    "ui.timer.left": "{clock} left",
    "ui.timer.over": "time is up: {clock} over time",
    "ui.timer.paused": "(paused)",
    # summary
    "ui.summary.subtitle": "finished",
    "ui.summary.title": "The session is finished",
    "ui.summary.facts": "{participants} participants, {groups} group(s), {closed} of {rounds} rounds finished.",
    "ui.summary.files": "The minutes (Word, printable HTML, Markdown) and the complete session (JSON) are in:",
    "ui.summary.privacy": "These files hold names, votes and reasoning: only you can read them. Prefer sharing the anonymous version.",
    "ui.summary.anonymous": "Make an anonymous version",
    "ui.summary.anonymous_done": "Anonymous version written.",
    "ui.summary.to_start": "To start",
    "ui.summary.failed": "The report could not be written: {reason}. The session itself is saved; try again later with 'dilemmaspel export'.",
    # other screens
    "ui.decks.subtitle": "decks and cards",
    "ui.help.subtitle": "help",
    "help.body": """# dilemmaspel help

## What is it about?

Political office holders face hard choices: a sponsor of your sports club who wants something
from the council, an invitation from a developer, a threat in a chat group. There is rarely one
right answer. In dilemmaspel you practise weighing them, together or alone.

## A group session

1. **Set up**: choose a deck, filters, the number of cards and whether votes are shown
   anonymously or by name. Type how much time there is: the app proposes the number of cards
   and shows the estimated length. The minutes per step are yours to change (remembered).
2. **Participants**: type them in or import a CSV with the columns `name`, `party`, `side`
   (coalition, opposition, none) and `role`. **Enter** or **Ctrl+E** on a row edits a person,
   **Delete** removes them (after asking). Latecomers: **P** in the overview, at any time; they
   join the smallest group.
3. **Groups**: the app mixes parties, coalition and opposition. Reshuffle with **R**, move
   someone with **M**, mark someone absent with **A**. **P** saves a table list (who sits
   where, for name cards) in the `transcripts` folder of the data folder.
4. **Card**: the trainer reads the card aloud. **Enter** starts the secret vote; **P** marks
   someone who was absent present again (they still vote while the votes are not revealed).
5. **Secret vote**: the laptop goes round. Whoever's turn it is presses **Enter**, picks an
   option with **A-D** (or *other*) in the list, writes their reasoning and confirms with
   **Ctrl+S**. Outside the list a letter is just text: it goes into the reasoning. Until then
   everything can be changed. Afterwards the screen is cleared.
6. **Reveal**: when everyone has voted, **Enter** shows all votes at once: the bars, the split
   over coalition and opposition, the reasoning and the party-line reading.
7. **Discuss**: **T** shows a variation (*What if ...?*), **D** starts the step-by-step
   deliberation, **V** lets everyone vote again, **C** finishes the round. Switch tabs with
   **1-5**.
8. **Finish**: in the overview, **E** finishes the session. The report (Markdown and JSON) goes
   to the data folder; an anonymous version is offered too.

## Step-by-step deliberation

Each step has a question, sub-questions, a notes field and a clock. The clock counts down and
signals when time is up, but never moves on by itself. **Ctrl+N** next step, **Ctrl+B**
previous, **Ctrl+T** pause the clock. After the last step the group writes its conclusion and
agreed actions. Leave and come back later: the group returns to the same step, and the clock
goes on from the time already used.

## Everything is saved at once

Every vote, note and choice is stored immediately; notes within a third of a second of typing.
If you quit (**Ctrl+Q**), the power fails or the window is closed, the start screen lets you
continue where you were. A vote that was being typed comes back to that member only, until they
confirm or discard it.

## Privacy

Votes and reasoning are personal data. They stay on this computer and only you can read the
files. `dilemmaspel forget SESSION` deletes a session completely.

## Keys everywhere

- **F1**: this help
- **Ctrl+P**: command list (new session, decks, language, theme)
- **Ctrl+Q**: quit
- **Escape**: back

Whatever changes the session (marking absent, reshuffling, a re-vote, finishing) or throws away
something typed asks first. Where a letter key asked, pick the button with **←/→** and press
**Enter**: a letter typed into the wrong screen by mistake changes nothing.
""",
    # moreel beraad and solo
    'ui.setup.person': 'Your name (to keep track of what you have practised)',
    'ui.setup.person_hint': 'e.g. Sanne',
    'ui.setup.person_needed': 'Enter your name.',
    'ui.setup.solo_title': 'Practice: {name}',
    'ui.setup.source': 'What is the deliberation about?',
    'ui.setup.source.card': 'A card from a deck',
    'ui.setup.source.own': 'A case the group brings',
    'ui.setup.card': 'Card',
    'ui.setup.card_prompt': 'Choose a card',
    'ui.setup.card_needed': 'Choose a card.',
    'ui.setup.steps': 'Walk briefly through the steps after voting',
    'ui.setup.start.group': 'Continue: participants',
    'ui.setup.start.beraad': 'Continue',
    'ui.setup.start.solo': 'Start practising',
    'ui.case.subtitle': 'own case',
    'ui.case.intro': 'Describe the decision or situation the group wants to examine. Options are optional: without them everyone writes their own position.',
    'ui.case.title': 'Title',
    'ui.case.title_hint': 'e.g. Grant for the village hall',
    'ui.case.situation': 'Situation',
    'ui.case.question': 'The dilemma question',
    'ui.case.question_hint': 'e.g. Was it right to ..., although ...?',
    'ui.case.options': 'Possible choices (optional, 2 to 4)',
    'ui.case.option_hint': 'Option {letter}',
    'ui.case.confirm': 'Continue: participants',
    'ui.case.missing': 'Enter a title and a dilemma question.',
    'ui.case.one_option': 'Give two to four options, or leave them all empty.',
    'ui.participants.intro_beraad': 'Who takes part in the deliberation? Participants are optional: without them you lead the deliberation alone and record the steps.',
    'ui.participants.next_beraad': "Continue: everyone's position first",
    'cmd.beraad': 'New moral deliberation',
    'cmd.beraad.help': 'Examine a card or own case step by step',
    'cmd.solo': 'Practise alone',
    'cmd.solo.help': 'Practise cards with reflection and progress',
    'ui.step.personal': "Conclusion of {name}: 'I think ..., because ..., despite ...'",
    'ui.reveal.tab.history': '6 Played before',
    'ui.reveal.tab.progress': '7 Progress',
    'key.tab_history': 'Played before',
    'key.tab_progress': 'Progress',
    'ui.reveal.history_intro': 'In {sessions} earlier session(s) on this computer, {votes} participants voted like this:',
    'ui.reveal.history_yours': 'You chose {choice}.',
    'ui.reveal.history_none': 'This card has not been played in a group on this computer yet.',
    'ui.reveal.progress_intro': 'You have practised {done} of the {total} cards of this deck.',
    'ui.play.title_one': '{title}',
    'ui.play.hint_one': 'Enter continues. E finishes the session and writes the report.',
    'ui.play.no_participants': '(no participants)',
    'ui.setup.cards_solo': 'Number of cards',
}
