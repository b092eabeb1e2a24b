"""Subcommands for rosters, groups and stored sessions: groups, sessions, export, forget."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dilemmaspel.i18n import t


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register the subcommands on the main parser."""
    groups = sub.add_parser("groups", parents=[common], help=t("cli.groups.help"), description=t("cli.groups.help"))
    groups.add_argument("roster", metavar=t("cli.metavar.roster"), help=t("cli.groups.roster"))
    how = groups.add_mutually_exclusive_group(required=True)
    how.add_argument("--size", type=int, metavar="N", help=t("cli.groups.size"))
    how.add_argument("--groups", type=int, metavar="K", help=t("cli.groups.count"))
    groups.add_argument("--seed", type=int, default=None, metavar="S", help=t("cli.groups.seed"))
    groups.add_argument("--json", action="store_true", help=t("cli.groups.json"))

    sub.add_parser("sessions", parents=[common], help=t("cli.sessions.help"), description=t("cli.sessions.help"))

    export = sub.add_parser("export", parents=[common], help=t("cli.export.help"), description=t("cli.export.help"))
    export.add_argument("session", metavar=t("cli.metavar.session"), help=t("cli.export.session"))
    export.add_argument("--format", choices=("md", "json", "docx", "html", "both", "all"), default="all",
                        help=t("cli.export.format"))
    export.add_argument("--anonymise", "--anonymize", action="store_true", help=t("cli.export.anonymise"))
    export.add_argument("--appendix", action="store_true", help=t("cli.export.appendix"))
    export.add_argument("--out", metavar=t("cli.metavar.dir"), help=t("cli.export.out"))

    forget = sub.add_parser("forget", parents=[common], help=t("cli.forget.help"), description=t("cli.forget.help"))
    forget.add_argument("session", metavar=t("cli.metavar.session"), help=t("cli.export.session"))
    forget.add_argument("--yes", action="store_true", help=t("cli.forget.yes"))


def run(args: argparse.Namespace) -> int:
    """Run one of the subcommands registered above."""
    handlers = {"groups": cmd_groups, "sessions": cmd_sessions, "export": cmd_export, "forget": cmd_forget}
    return handlers[args.command](args)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_groups(args: argparse.Namespace) -> int:
    """Form mixed groups from a CSV roster and print them."""
    import random

    from dilemmaspel.core.groups import GroupingError, form_groups
    from dilemmaspel.core.roster import read_roster

    people, errors = read_roster(args.roster)
    if errors:
        for error in errors:
            _err(str(error))
        return 1
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    try:
        groups = form_groups(people, size=args.size, count=args.groups, seed=seed)
    except GroupingError as exc:
        _err(f"dilemmaspel: {t(exc.key, **exc.params)}")
        return 1
    if args.json:
        document = {
            "seed": seed,
            "groups": [
                {"number": n, "members": [{"name": p.name, "party": p.party, "side": p.side, "role": p.role} for p in g]}
                for n, g in enumerate(groups, start=1)
            ],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(t("cli.groups.header", people=len(people), groups=len(groups), seed=seed))
    for number, members in enumerate(groups, start=1):
        sides = {side: sum(1 for p in members if p.side == side) for side in ("coalition", "opposition", "none")}
        print()
        print(t("cli.groups.group", number=number, size=len(members), coalition=sides["coalition"],
                opposition=sides["opposition"], none=sides["none"]))
        width = max(len(p.name) for p in members)
        for person in members:
            details = ", ".join(x for x in (person.party, t(f"side.{person.side}"), person.role) if x)
            print(f"  {person.name.ljust(width)}  {details}")
    return 0


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from dilemmaspel.paths import data_dir
    from dilemmaspel.store import Store

    return Store(data_dir(args.data_dir))


def _resolve(store: Any, prefix: str) -> str | None:
    session_id = store.resolve(prefix)
    if session_id is None:
        _err(t("cli.session.unknown", session=prefix))
    return session_id


def cmd_sessions(args: argparse.Namespace) -> int:
    """List stored sessions, newest first."""
    from dilemmaspel.store import StoreError
    from dilemmaspel.localtime import local_time

    try:
        with _store(args) as store:
            sessions = store.sessions()
    except StoreError as exc:
        _err(t("cli.store_error", reason=exc))
        return 1
    if not sessions:
        print(t("cli.sessions.none"))
        return 0
    header = [t("cli.sessions.col.id"), t("cli.sessions.col.date"), t("cli.sessions.col.mode"), t("cli.sessions.col.deck"),
              t("cli.sessions.col.groups"), t("cli.sessions.col.rounds"), t("cli.sessions.col.status")]
    rows = [
        [s.id, local_time(s.created_at), t(f"mode.{s.mode}"), s.decks or "-", str(s.groups),
         f"{s.closed_rounds}/{s.rounds}", t("cli.status.damaged" if s.damage else f"cli.status.{s.status}")]
        for s in sessions
    ]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write a session's transcript as Markdown and/or JSON."""
    from dilemmaspel.paths import data_dir
    from dilemmaspel.store import StoreError
    from dilemmaspel.transcript import transcripts_dir, write_transcripts

    from dilemmaspel.paths import writable
    from dilemmaspel.transcript import FORMATS

    formats = {"both": ("md", "json"), "all": FORMATS}.get(args.format, (args.format,))
    home = data_dir(args.data_dir)
    try:
        with _store(args) as store:
            session_id = _resolve(store, args.session)
            if session_id is None:
                return 1
            stored = store.read(session_id)
        out = Path(args.out) if args.out else transcripts_dir(home)
        paths = write_transcripts(session_id, stored.events, out, formats, anonymised=args.anonymise, appendix=args.appendix)
    except StoreError as exc:
        _err(t("cli.store_error", reason=exc))
        return 1
    except OSError as exc:
        _err(t("cli.export.failed", reason=exc.strerror or exc))
        if not args.out and home.is_dir() and not writable(home):
            _err(t("cli.export.read_only_dir"))
        return 1
    for path in paths:
        print(path)
    if stored.damage is not None:  # exported up to the first bad event; say where it stops
        _err(t("cli.export.partial", damage=stored.damage.message(session_id), last=stored.seqs[-1] if stored.seqs else 0))
        return 1
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Delete a session, its events and its transcripts in the data dir, and make sure no copy
    stays behind in the database's log (or say how to finish when another window holds it)."""
    from dilemmaspel.paths import data_dir
    from dilemmaspel.store import StoreError

    try:
        with _store(args) as store:
            pending = store.pending_wipe(args.session) if store.resolve(args.session) is None else None
            if pending is not None:  # forgotten before, but copies stayed in the log: finish it
                return _finish_wipe(store, pending, data_dir(args.data_dir))
            session_id = _resolve(store, args.session)
            if session_id is None:
                return 1
            if not args.yes:
                try:
                    answer = input(t("cli.forget.confirm", session=session_id)) if sys.stdin is not None else ""
                except (EOFError, RuntimeError, OSError):
                    answer = ""  # no one to ask: delete nothing
                if answer.strip().casefold() not in (t("cli.yes_word"), "y", "j", "ja", "yes"):
                    print(t("cli.forget.kept"))
                    return 1
            forgotten = store.delete_session(session_id)
            wal = f"{store.path}-wal"
    except StoreError as exc:
        _err(t("cli.store_error", reason=exc))
        return 1
    removed = _remove_transcripts(session_id, data_dir(args.data_dir))
    print(t("cli.forget.done", session=session_id, files=removed))
    if not forgotten.wiped:
        _err(t("cli.forget.pending", session=session_id, wal=wal))
        return 1
    return 0


def _remove_transcripts(session_id: str, home: Path) -> int:
    """Delete the session's transcripts in the data dir; returns how many there were."""
    from dilemmaspel.transcript import transcripts_dir

    removed = 0
    folder = transcripts_dir(home)
    if folder.is_dir():
        for path in folder.glob(f"*{session_id}*"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _finish_wipe(store: Any, session_id: str, home: Path) -> int:
    """Run a forget again: empty the log of the copies another window held up."""
    _remove_transcripts(session_id, home)
    if session_id in store.wiped or store.wipe_pending():
        print(t("cli.forget.finished", session=session_id))
        return 0
    _err(t("cli.forget.pending", session=session_id, wal=f"{store.path}-wal"))
    return 1
