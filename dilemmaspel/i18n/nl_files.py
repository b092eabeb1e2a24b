"""Dutch strings for reading files: the guarded reader, deck limits, rosters."""

MESSAGES: dict[str, str] = {
    "file.missing": "kan het bestand niet lezen: het bestaat niet",
    "file.unreadable": "kan het bestand niet lezen: {reason}",
    "file.is_folder": "kan het bestand niet lezen: het is een map",
    "file.not_regular": "kan het bestand niet lezen: het is geen gewoon bestand maar een apparaat, pipe of socket",
    "file.too_large": "kan het bestand niet lezen: het is te groot ({size}; hoogstens {limit})",
    "file.bad_encoding": "geen geldige {encoding} (regel {line})",
    "validate.too_deep": "lijsten of inline-tabellen dieper dan {max} niveaus in elkaar",
    "validate.key_too_long": "een sleutel of tabelnaam met meer dan {max} delen met punten",
    "validate.number_too_long": "een getal met meer dan {max} cijfers",
    "validate.unparsable": "kan de waarde niet lezen: {detail}",
    "validate.id_taken": "id '{id}' is al in gebruik door {path} ({origin}); dat bestand wordt gebruikt en dit bestand overgeslagen: geef dit een eigen id",
    "validate.origin.checked": "eerder gecontroleerd",
    "roster.field_too_large": "hier begint een veld van meer dan {max} tekens (ontbreekt er een afsluitend aanhalingsteken?)",
    "roster.csv_error": "kan deze regel niet lezen: {detail}",
    "roster.invisible_name": "de naam bestaat alleen uit onzichtbare tekens",
    "roster.duplicate_column": "kolom '{column}' komt twee keer voor (kolom {first} en {second})",
    "roster.wrong_delimiter": "deze regel is gescheiden met '{found}' maar de kopregel met '{expected}'; gebruik overal hetzelfde scheidingsteken",
    "roster.bad_utf16": "geen geldige UTF-16",
    "rule.invisible_name": "een naam heeft minstens één zichtbaar teken nodig",
    "ui.participants.import_crashed": "de deelnemerslijst kan niet worden gelezen ({kind}); er is niets geïmporteerd",
}
