"""The ``dilemmaspel`` command: subcommands for decks, groups and sessions; no subcommand starts the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from dilemmaspel import __version__
from dilemmaspel.i18n import LANGUAGES, default_language, set_language, t


def _language_from(argv: Sequence[str]) -> str:
    """Find ``--lang`` before the real parser is built, so its help is translated."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=LANGUAGES, default=None)
    known, _ = pre.parse_known_args(argv)
    return known.lang or default_language()


def _port(text: str) -> int:
    """A TCP port for the room server (0: any free port)."""
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(t("cli.bad_port", value=text))
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, in the current language."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, help=t("cli.opt.lang"))
    common.add_argument("--data-dir", metavar=t("cli.metavar.dir"), help=t("cli.opt.data_dir"))
    common.add_argument(
        "--decks", metavar=t("cli.metavar.dir"), action="append", default=[], help=t("cli.opt.decks")
    )
    common.add_argument("--bind", metavar=t("cli.metavar.address"), help=t("cli.opt.bind"))
    common.add_argument("--port", metavar="N", type=_port, help=t("cli.opt.port"))
    common.add_argument("--tls-cert", metavar=t("cli.metavar.file"), help=t("cli.opt.tls_cert"))
    common.add_argument("--tls-key", metavar=t("cli.metavar.file"), help=t("cli.opt.tls_key"))
    parser = argparse.ArgumentParser(
        prog="dilemmaspel", description=t("cli.description"), parents=[common], epilog=t("cli.epilog")
    )
    parser.add_argument("--version", action="version", version=f"dilemmaspel {__version__}")
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"), title=t("cli.commands"))

    validate = sub.add_parser("validate", parents=[common], help=t("cli.validate.help"), description=t("cli.validate.help"))
    validate.add_argument("paths", nargs="+", metavar=t("cli.metavar.path"), help=t("cli.validate.paths"))

    sub.add_parser("decks", parents=[common], help=t("cli.decks.help"), description=t("cli.decks.help"))

    from dilemmaspel import cli_sessions

    cli_sessions.add_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from(args_list))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.lang:
        set_language(args.lang)
    try:
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "decks":
            return cmd_decks(args)
        if args.command is not None:
            from dilemmaspel import cli_sessions

            return cli_sessions.run(args)
        return start_app(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _data_dir(args: argparse.Namespace) -> Path:
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
    count, problems = validate_paths(paths, library.methods)
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


def start_app(args: argparse.Namespace) -> int:
    """Start the Textual app."""
    from dilemmaspel.tui.app import run_app

    from dilemmaspel.room.options import RoomOptions

    language = args.lang or (default_language() if os.environ.get("DILEMMASPEL_LANG") else None)
    if bool(args.tls_cert) != bool(args.tls_key):
        print(t("cli.tls_pair"), file=sys.stderr)
        return 2
    room = RoomOptions(args.bind, args.port, Path(args.tls_cert) if args.tls_cert else None,
                       Path(args.tls_key) if args.tls_key else None)
    return run_app(data_dir=_data_dir(args), extra_decks=[Path(d) for d in args.decks], language=language, room=room)
