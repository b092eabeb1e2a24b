"""Dutch catalog: wording that depends on the situation (one or more, own case, practising alone)."""

MESSAGES: dict[str, str] = {
    "ui.play.done_one": "klaar (1 kaart gespeeld)",
    "ui.groups.play_on": "Verder spelen",
    "report.absent_between": "afwezig {start}-{until}",
    "report.absent_since": "afwezig vanaf {start}",
}
