"""English messages of the store: one writer per session, damaged streams, read-only data, forget."""

MESSAGES: dict[str, str] = {
    "store.conflict": (
        "This session has been changed elsewhere in the meantime (in another window or program); nothing was "
        "saved here. This window now only shows the session. Carry on in the other window, or close that one "
        "and open the session here again."
    ),
    "store.open_elsewhere": (
        "This session is already open in another window (process {pid} on {host}). Here you can only look at "
        "it; nothing is saved. Close the other window and open the session again to carry on here."
    ),
    "store.gone": "Session {session} no longer exists (deleted in another window or with 'dilemmaspel forget'); nothing was saved.",
    "store.read_only": "The database {path} can only be read: viewing and exporting work, saving does not.",
    "store.damaged": (
        "Session {session} is damaged at event {seq} ({type}): {reason}. What came before can be viewed and "
        "exported; it cannot be played on."
    ),
    "store.unreadable": "the stored data cannot be read",
    "store.read_only_title": "Read only",
    "rule.unexpected": "this event does not fit what came before ({reason})",
    "cli.status.damaged": "damaged",
    "cli.export.partial": "dilemmaspel: note: {damage} The transcript runs up to and including event {last}.",
    "cli.export.read_only_dir": "dilemmaspel: the data dir can only be read; use --out to choose a folder for the transcript.",
    "cli.forget.pending": (
        "Note: the data of session {session} is not completely gone yet. Another window or program is still "
        "reading the database, so the log file {wal} still holds copies. Close dilemmaspel in the other windows, "
        "then run again: dilemmaspel forget {session}"
    ),
    "cli.forget.finished": "Session {session} is now wiped completely; the log file holds no copies any more.",
}
