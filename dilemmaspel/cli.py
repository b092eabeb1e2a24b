"""The ``dilemmaspel`` command: subcommands for decks, groups and sessions; no subcommand starts the app."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple

from dilemmaspel import __version__
from dilemmaspel.i18n import LANGUAGES, default_language, set_language, t
from dilemmaspel.terminal import safe_output

if TYPE_CHECKING:
    import argparse  # imported where a parser is built: a plain start needs none (start-up time)


class GlobalOption(NamedTuple):
    """An option that works before and after the subcommand (``--data-dir D sessions`` and
    ``sessions --data-dir D``). Given in both places, the later one wins; ``append`` options
    collect both."""

    flag: str
    help_key: str
    metavar_key: str | None = None
    choices: Sequence[str] | None = None
    append: bool = False
    type: Callable[[str], Any] | None = None

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")

    def add_to(self, parser: argparse.ArgumentParser, sub: bool) -> None:
        """Add the option to the main parser, or (``sub``) to a subcommand's, under its own dest."""
        import argparse

        kwargs: dict[str, object] = {"help": t(self.help_key)}
        if self.metavar_key:
            kwargs["metavar"] = t(self.metavar_key)
        if self.choices:
            kwargs["choices"] = self.choices
        if self.append:
            kwargs["action"] = "append"
        if self.type is not None:
            kwargs["type"] = self.type
        if sub:
            # A subcommand's parser fills a fresh namespace that is copied over the main one:
            # without SUPPRESS its defaults would overwrite what was given before the command.
            kwargs.update(dest=_SUB + self.dest, default=argparse.SUPPRESS)
        else:
            kwargs.update(dest=self.dest, default=[] if self.append else None)
        parser.add_argument(self.flag, **kwargs)  # type: ignore[arg-type]


def _port(text: str) -> int:
    """A TCP port for the room server (0: any free port)."""
    import argparse

    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(t("cli.bad_port", value=text))
    return int(text)


_SUB = "after_command_"
GLOBAL_OPTIONS: list[GlobalOption] = [
    GlobalOption("--lang", "cli.opt.lang", choices=LANGUAGES),
    GlobalOption("--data-dir", "cli.opt.data_dir", "cli.metavar.dir"),
    GlobalOption("--decks", "cli.opt.decks", "cli.metavar.dir", append=True),
    GlobalOption("--bind", "cli.opt.bind", "cli.metavar.address"),
    GlobalOption("--port", "cli.opt.port", "cli.metavar.port", type=_port),
    GlobalOption("--tls-cert", "cli.opt.tls_cert", "cli.metavar.file"),
    GlobalOption("--tls-key", "cli.opt.tls_key", "cli.metavar.file"),
]


def _language_from(argv: Sequence[str]) -> str:
    """Find ``--lang`` anywhere before the real parser is built, so its help is translated."""
    if not argv:
        return default_language()
    import argparse

    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--lang", default=None)
    try:
        known, _ = pre.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. "--lang" without a value: the real parser says so
        return default_language()
    return known.lang if known.lang in LANGUAGES else default_language()


def _global_parent(sub: bool) -> argparse.ArgumentParser:
    from dilemmaspel.cli_text import TranslatedParser

    parent = TranslatedParser(add_help=False)
    for option in GLOBAL_OPTIONS:
        option.add_to(parent, sub)
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, in the current language."""
    from dilemmaspel.cli_text import TranslatedParser  # argparse's own words in the UI language

    parser = TranslatedParser(
        prog="dilemmaspel", description=t("cli.description"), parents=[_global_parent(False)], epilog=t("cli.epilog")
    )
    parser.add_argument("--version", action="version", version=f"dilemmaspel {__version__}", help=t("cli.argparse.version"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"), title=t("cli.commands"))
    common = _global_parent(True)

    validate = sub.add_parser("validate", parents=[common], help=t("cli.validate.help"), description=t("cli.validate.help"))
    validate.add_argument("paths", nargs="+", metavar=t("cli.metavar.path"), help=t("cli.validate.paths"))

    sub.add_parser("decks", parents=[common], help=t("cli.decks.help"), description=t("cli.decks.help"))

    from dilemmaspel import cli_sessions

    cli_sessions.add_commands(sub, common)
    from dilemmaspel import cli_tables

    cli_tables.add_command(sub, common)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace | SimpleNamespace:
    """Parse the command line, merging global options given after the subcommand.

    A plain ``dilemmaspel`` starts the app without building the parser and its subcommands,
    which would add to the time until the first frame (``benchmarks/tui_startup.py``)."""
    if not argv:
        return SimpleNamespace(command=None, **{o.dest: [] if o.append else None for o in GLOBAL_OPTIONS})
    args = build_parser().parse_args(argv)
    for option in GLOBAL_OPTIONS:
        later = _SUB + option.dest
        if hasattr(args, later):
            value = getattr(args, later)
            delattr(args, later)
            setattr(args, option.dest, getattr(args, option.dest) + value if option.append else value)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from(args_list))
    with safe_output():
        args = parse_args(args_list)
    if args.lang:
        set_language(args.lang)
    try:
        if args.command is None:
            return start_app(args)
        with safe_output():
            return run_command(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand in ``args``."""
    if args.command == "validate":
        return cmd_validate(args)
    if args.command == "decks":
        return cmd_decks(args)
    if args.command == "tables":
        from dilemmaspel import cli_tables

        return cli_tables.run(args)
    from dilemmaspel import cli_sessions

    return cli_sessions.run(args)


def _data_dir(args: argparse.Namespace | SimpleNamespace) -> Path:
    from dilemmaspel.paths import data_dir

    return data_dir(args.data_dir)


def cmd_validate(args: argparse.Namespace) -> int:
    """``dilemmaspel validate PATH...``: report every problem, exit 1 if any."""
    from dilemmaspel.decks import load_library, validate_paths

    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(t("cli.validate.no_such_path", path=path), file=sys.stderr)
        return 2
    library = load_library(_data_dir(args), [Path(d) for d in args.decks])
    count, problems = validate_paths(paths, library=library)
    for problem in problems:
        print(problem)
    files_with_problems = len({p.file for p in problems})
    if problems:
        print(t("cli.validate.summary_bad", files=count, bad=files_with_problems, problems=len(problems)), file=sys.stderr)
        return 1
    print(t("cli.validate.summary_ok", files=count), file=sys.stderr)
    return 0


def cmd_decks(args: argparse.Namespace) -> int:
    """``dilemmaspel decks``: list every deck and method found, and the files skipped."""
    from dilemmaspel.decks import load_library, user_decks_dir

    data = _data_dir(args)
    library = load_library(data, [Path(d) for d in args.decks])
    print(t("cli.decks.header"))
    for source in library.decks.values():
        deck = source.deck
        themes = ", ".join(deck.deck.themes)
        print(
            t(
                "cli.decks.row",
                id=deck.id,
                title=deck.title,
                language=deck.deck.language,
                cards=len(deck.cards),
                origin=t(f"cli.origin.{source.origin}"),
                path=source.path,
            )
        )
        print(t("cli.decks.themes", themes=themes))
    print()
    print(t("cli.decks.methods"))
    for msource in library.methods.values():
        method = msource.method
        print(
            t(
                "cli.decks.method_row",
                id=method.id,
                title=method.title,
                language=method.method.language,
                steps=len(method.steps),
                origin=t(f"cli.origin.{msource.origin}"),
                path=msource.path,
            )
        )
    if library.skipped:
        print()
        print(t("cli.decks.skipped"))
        for skipped in library.skipped:
            print(f"  {skipped.problem}")
    print()
    print(t("cli.decks.own_decks", path=user_decks_dir(data)))
    return 0


def start_app(args: argparse.Namespace | SimpleNamespace) -> int:
    """Start the Textual app.

    Start-up creates tens of thousands of objects that live as long as the app (modules, classes,
    styles, widgets). Python's garbage collector would scan them over and over before the first
    frame, so it is paused until the app has drawn its first frame (``DilemmaApp`` resumes it).
    """
    gc.disable()
    try:
        return _start_app(args)
    finally:
        gc.enable()  # also when the app never drew a frame


def _start_app(args: argparse.Namespace | SimpleNamespace) -> int:
    from dilemmaspel.tui.app import run_app

    language = args.lang or (default_language() if os.environ.get("DILEMMASPEL_LANG") else None)
    if bool(args.tls_cert) != bool(args.tls_key):
        print(t("cli.tls_pair"), file=sys.stderr)
        return 2
    room = None  # none given: the console chooses when a room opens
    if args.bind is not None or args.port is not None or args.tls_cert:
        from dilemmaspel.room.options import RoomOptions

        room = RoomOptions(args.bind, args.port, Path(args.tls_cert) if args.tls_cert else None,
                           Path(args.tls_key) if args.tls_key else None)
    return run_app(data_dir=_data_dir(args), extra_decks=[Path(d) for d in args.decks], language=language, room=room)
