"""English catalog: what an anonymous session publishes, and why a figure is left out."""

MESSAGES: dict[str, str] = {
    "disclosure.too_small": "Split left out: a group has fewer than 3 voters.",
    "disclosure.combined": "Split left out: together with the split above, a combination of fewer than 3 voters would show.",
    "disclosure.all_same": "Unanimous: there is nothing to split.",
    "disclosure.unanimous_group": "Split left out: a group chose as one, so the split would show what each of them chose.",
    "disclosure.risky_tally": "Split left out: with this result, even leaving it out would give away who chose what.",
    "disclosure.shift_hidden": "Shifts left out: together with the results they would show who chose what.",
    "disclosure.shift_voters": "Shifts left out: other people voted the second time.",
    "stats.partyline.withheld": "cannot be read: the coalition/opposition split is left out here to keep votes secret",
    "anon.someone": "[participant]",
    "anon.former": "Former participant {number}",
    "ui.summary.privacy_unlinked": "These files hold names and reasoning, but link no vote or reasoning to a name; the database no longer keeps that link either. Only you can read them.",
}
