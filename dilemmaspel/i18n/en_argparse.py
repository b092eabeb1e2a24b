"""English catalog: argparse's own words (see dilemmaspel.cli_text)."""

MESSAGES: dict[str, str] = {
    "cli.argparse.usage": "usage: ",
    "cli.argparse.positional": "positional arguments",
    "cli.argparse.options": "options",
    "cli.argparse.help": "show this help message and exit",
    "cli.argparse.version": "show the version number and exit",
    "cli.argparse.error": "{prog}: error: {message}",
    "cli.argparse.argument": "argument {argument_name}: {message}",
    "cli.argparse.unrecognized": "unrecognized arguments: {arg0}",
    "cli.argparse.required": "the following arguments are required: {arg0}",
    "cli.argparse.one_required": "one of the arguments {arg0} is required",
    "cli.argparse.not_allowed": "not allowed with argument {arg0}",
    "cli.argparse.one": "expected one argument",
    "cli.argparse.at_most_one": "expected at most one argument",
    "cli.argparse.at_least_one": "expected at least one argument",
    "cli.argparse.expected": "expected {arg0} argument(s)",
    "cli.argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "cli.argparse.unexpected": "unexpected option string: {arg0}",
    "cli.argparse.ignored": "ignored explicit argument {arg0}",
    "cli.argparse.invalid_value": "invalid {type} value: {value}",
    "cli.argparse.invalid_choice": "invalid choice: {value} (choose from {choices})",
}
