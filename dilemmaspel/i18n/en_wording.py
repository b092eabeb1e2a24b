"""English catalog: wording that depends on the situation (one or more, own case, practising alone)."""

MESSAGES: dict[str, str] = {
    "ui.play.done_one": "done (1 card played)",
    "ui.groups.play_on": "Continue playing",
    "ui.play.open_case": "open the own case",
    "ui.play.case_done": "done (own case discussed)",
    "ui.reveal.solo_choice": "Your choice",
    "ui.reveal.reflection_solo": "Reflection",
    "ui.reveal.case_nothing_to_discuss": "An own case has no variations or discussion questions: discuss the choices in the deliberation.",
    "ui.card.solo_status": "Enter: choose what you would do and write why.",
    "ui.card.solo_done": "You have chosen. Enter: on to the reflection.",
    "key.to_beraad": "On to the deliberation",
    "ui.reveal.tab.case": "5 Case",
}
