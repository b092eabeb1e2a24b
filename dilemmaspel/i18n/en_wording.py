"""English catalog: wording that depends on the situation (one or more, own case, practising alone)."""

MESSAGES: dict[str, str] = {
    "ui.play.done_one": "done (1 card played)",
    "ui.groups.play_on": "Continue playing",
    "report.absent_between": "absent {start}-{until}",
    "report.absent_since": "absent from {start}",
}
