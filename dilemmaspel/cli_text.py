"""argparse in the UI language: its own words (usage, section titles, -h, error messages).

argparse writes English. The parser and formatter here put the catalog's words in their place:
headings and the help of ``-h`` directly, error messages by matching argparse's own message
templates (``cli.argparse.*`` in the catalogs, written with the same ``%`` placeholders).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from dilemmaspel.i18n import t

#: argparse's message templates and the catalog keys that translate them.
MESSAGES: dict[str, str] = {
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "the following arguments are required: %s": "cli.argparse.required",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "not allowed with argument %s": "cli.argparse.not_allowed",
    "expected one argument": "cli.argparse.one",
    "expected at most one argument": "cli.argparse.at_most_one",
    "expected at least one argument": "cli.argparse.at_least_one",
    "expected %s argument": "cli.argparse.expected",
    "expected %s arguments": "cli.argparse.expected",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "unexpected option string: %s": "cli.argparse.unexpected",
    "ignored explicit argument %r": "cli.argparse.ignored",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
}

HEADINGS = {"positional arguments": "cli.argparse.positional", "options": "cli.argparse.options",
            "optional arguments": "cli.argparse.options"}

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _pattern(template: str) -> re.Pattern[str]:
    parts, last, index = [], 0, 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last:match.start()]))
        parts.append(f"(?P<{match.group(1) or f'arg{index}'}>.+?)")
        index += 1
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("^" + "".join(parts) + "$", re.DOTALL)


_PATTERNS = [(_pattern(template), key) for template, key in MESSAGES.items()]


def translate_message(message: str) -> str:
    """One of argparse's messages in the current language (unknown ones stay as they are)."""
    for pattern, key in _PATTERNS:
        match = pattern.match(message)
        if match:
            values = {name: value for name, value in match.groupdict().items()}
            if "message" in values:
                values["message"] = translate_message(values["message"])
            return t(key, **values)
    return message


class TranslatedFormatter(argparse.HelpFormatter):
    """Help text with 'usage:' and the section titles in the current language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, t("cli.argparse.usage") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        key = HEADINGS.get(heading or "")
        super().start_section(t(key) if key else heading)


class TranslatedParser(argparse.ArgumentParser):
    """An ArgumentParser (also for subcommands) that speaks the current language."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", TranslatedFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.argparse.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.argparse.error", prog=self.prog, message=translate_message(message)) + "\n")
