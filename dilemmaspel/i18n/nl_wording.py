"""Dutch catalog: wording that depends on the situation (one or more, own case, practising alone)."""

MESSAGES: dict[str, str] = {
    "ui.play.done_one": "klaar (1 kaart gespeeld)",
    "ui.groups.play_on": "Verder spelen",
    "ui.play.open_case": "eigen casus openen",
    "ui.play.case_done": "klaar (eigen casus besproken)",
    "ui.reveal.solo_choice": "Uw keuze",
    "ui.reveal.reflection_solo": "Reflectie",
    "ui.reveal.case_nothing_to_discuss": "Een eigen casus heeft geen varianten of gespreksvragen: bespreek de keuzes in het beraad.",
    "ui.card.solo_status": "Enter: kies wat u zou doen en schrijf waarom.",
    "ui.card.solo_done": "U heeft gekozen. Enter: naar de reflectie.",
    "key.to_beraad": "Verder naar het beraad",
    "ui.reveal.tab.case": "5 Casus",
}
