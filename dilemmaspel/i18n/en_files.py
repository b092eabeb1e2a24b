"""English strings for reading files: the guarded reader, deck limits, rosters."""

MESSAGES: dict[str, str] = {
    "file.missing": "cannot read the file: it does not exist",
    "file.unreadable": "cannot read the file: {reason}",
    "file.is_folder": "cannot read the file: it is a folder",
    "file.not_regular": "cannot read the file: it is not an ordinary file but a device, pipe or socket",
    "file.too_large": "cannot read the file: it is too large ({size}; at most {limit})",
    "file.bad_encoding": "not valid {encoding} (line {line})",
    "validate.too_deep": "lists or inline tables nested more than {max} levels deep",
    "validate.key_too_long": "a key or table name with more than {max} dotted parts",
    "validate.number_too_long": "a number with more than {max} digits",
    "validate.unparsable": "cannot read the value: {detail}",
    "validate.id_taken": "id '{id}' is already used by {path} ({origin}); that one is used and this file is skipped: give this one an id of its own",
    "validate.origin.checked": "checked before this one",
    "roster.field_too_large": "a field of more than {max} characters starts here (is a closing quote missing?)",
    "roster.csv_error": "cannot read this line: {detail}",
    "roster.invisible_name": "the name consists of invisible characters only",
    "roster.duplicate_column": "column '{column}' appears twice (columns {first} and {second})",
    "roster.wrong_delimiter": "this line is separated by '{found}' but the header row by '{expected}'; use one separator throughout",
    "roster.bad_utf16": "not valid UTF-16",
    "rule.invisible_name": "a name needs at least one visible character",
    "ui.participants.import_crashed": "the roster cannot be read ({kind}); nothing was imported",
}
