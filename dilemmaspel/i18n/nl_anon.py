"""Dutch catalog: what an anonymous session publishes, and why a figure is left out."""

MESSAGES: dict[str, str] = {
    "disclosure.too_small": "Verdeling weggelaten: een deelgroep heeft minder dan 3 stemmers.",
    "disclosure.combined": "Verdeling weggelaten: samen met de verdeling hierboven zou een combinatie van minder dan 3 stemmers zichtbaar worden.",
    "disclosure.all_same": "Met algemene stemmen: er valt niets te verdelen.",
    "disclosure.unanimous_group": "Verdeling weggelaten: een deelgroep koos eensgezind, dus de verdeling zou tonen wat ieder van hen koos.",
    "disclosure.risky_tally": "Verdeling weggelaten: bij deze uitslag zou ook het weglaten ervan verraden wie wat koos.",
    "disclosure.shift_hidden": "Verschuivingen weggelaten: samen met de uitslagen zouden ze tonen wie wat koos.",
    "disclosure.shift_voters": "Verschuivingen weggelaten: er stemden de tweede keer andere mensen mee.",
    "stats.partyline.withheld": "niet te lezen: de verdeling naar coalitie en oppositie blijft hier weg om stemmen geheim te houden",
    "anon.someone": "[deelnemer]",
    "anon.former": "Oud-deelnemer {number}",
    "ui.summary.privacy_unlinked": "Deze bestanden bevatten namen en toelichtingen, maar koppelen geen stem of toelichting aan een naam; de database bewaart die koppeling ook niet meer. Alleen u kunt ze lezen.",
}
