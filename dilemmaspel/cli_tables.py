"""`dilemmaspel tables SESSIE`: the printable table list of a session (who sits where)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dilemmaspel.i18n import t


def add_command(sub: Any, common: argparse.ArgumentParser) -> None:
    tables = sub.add_parser("tables", parents=[common], help=t("cli.tables.help"), description=t("cli.tables.help"))
    tables.add_argument("session", metavar=t("cli.metavar.session"), help=t("cli.export.session"))
    tables.add_argument("--format", choices=("md", "csv"), default="md", help=t("cli.tables.format"))
    tables.add_argument("--out", metavar=t("cli.metavar.dir"), help=t("cli.export.out"))


def run(args: argparse.Namespace) -> int:
    """Write the table list to the transcripts folder of the data dir (or ``--out``)."""
    from dilemmaspel.paths import data_dir
    from dilemmaspel.store import Store, StoreError
    from dilemmaspel.tablelist import write_table_list
    from dilemmaspel.transcript import transcripts_dir

    try:
        with Store(data_dir(args.data_dir)) as store:
            session_id = store.resolve(args.session)
            if session_id is None:
                print(t("cli.session.unknown", session=args.session), file=sys.stderr)
                return 1
            state = store.load(session_id)
        if not state.groups:
            print(t("cli.tables.no_groups", session=session_id), file=sys.stderr)
            return 1
        out = Path(args.out) if args.out else transcripts_dir(data_dir(args.data_dir))
        path = write_table_list(session_id, state, out, args.format)
    except StoreError as exc:
        print(t("cli.store_error", reason=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(t("cli.export.failed", reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(t("cli.tables.written", path=path))
    return 0
