"""Dutch catalog: argparse's own words (see dilemmaspel.cli_text)."""

MESSAGES: dict[str, str] = {
    "cli.argparse.usage": "gebruik: ",
    "cli.argparse.positional": "argumenten",
    "cli.argparse.options": "opties",
    "cli.argparse.help": "toon deze hulp en stop",
    "cli.argparse.version": "toon het versienummer en stop",
    "cli.argparse.error": "{prog}: fout: {message}",
    "cli.argparse.argument": "argument {argument_name}: {message}",
    "cli.argparse.unrecognized": "onbekende argumenten: {arg0}",
    "cli.argparse.required": "deze argumenten zijn verplicht: {arg0}",
    "cli.argparse.one_required": "een van de argumenten {arg0} is verplicht",
    "cli.argparse.not_allowed": "niet toegestaan samen met argument {arg0}",
    "cli.argparse.one": "verwacht één waarde",
    "cli.argparse.at_most_one": "verwacht hoogstens één waarde",
    "cli.argparse.at_least_one": "verwacht minstens één waarde",
    "cli.argparse.expected": "verwacht {arg0} waarde(n)",
    "cli.argparse.ambiguous": "optie {option} is niet eenduidig: kan {matches} zijn",
    "cli.argparse.unexpected": "onverwachte optie: {arg0}",
    "cli.argparse.ignored": "waarde {arg0} genegeerd",
    "cli.argparse.invalid_value": "ongeldige waarde ({type}): {value}",
    "cli.argparse.invalid_choice": "ongeldige keuze: {value} (kies uit {choices})",
}
