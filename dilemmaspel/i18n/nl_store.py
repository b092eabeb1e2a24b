"""Dutch messages of the store: one writer per session, damaged streams, read-only data, forget."""

MESSAGES: dict[str, str] = {
    "store.conflict": (
        "Deze sessie is intussen elders gewijzigd (in een ander venster of programma); er is hier niets "
        "opgeslagen. Dit venster toont de sessie nu alleen nog. Ga verder in het andere venster, of sluit dat "
        "en open de sessie hier opnieuw."
    ),
    "store.open_elsewhere": (
        "Deze sessie is al geopend in een ander venster (proces {pid} op {host}). Hier kunt u haar alleen "
        "bekijken; er wordt niets opgeslagen. Sluit het andere venster en open de sessie opnieuw om hier "
        "verder te gaan."
    ),
    "store.gone": "Sessie {session} bestaat niet meer (verwijderd in een ander venster of met 'dilemmaspel forget'); er is niets opgeslagen.",
    "store.read_only": "De database {path} is alleen te lezen: bekijken en exporteren kan, opslaan niet.",
    "store.damaged": (
        "Sessie {session} is beschadigd bij gebeurtenis {seq} ({type}): {reason}. Wat daarvoor kwam is te "
        "bekijken en te exporteren; verder spelen kan niet."
    ),
    "store.unreadable": "de opgeslagen gegevens zijn onleesbaar",
    "store.read_only_title": "Alleen lezen",
    "rule.unexpected": "deze gebeurtenis past niet bij wat eraan voorafging ({reason})",
    "cli.status.damaged": "beschadigd",
    "cli.export.partial": "dilemmaspel: let op: {damage} Het verslag loopt tot en met gebeurtenis {last}.",
    "cli.export.read_only_dir": "dilemmaspel: de datamap is alleen te lezen; kies met --out een map waarin het verslag mag komen.",
    "cli.forget.pending": (
        "Let op: de gegevens van sessie {session} zijn nog niet helemaal weg. Een ander venster of programma "
        "leest de database nog, en daardoor staan er kopieën in het logbestand {wal}. Sluit dilemmaspel in de "
        "andere vensters en voer daarna nogmaals uit: dilemmaspel forget {session}"
    ),
    "cli.forget.finished": "Sessie {session} is nu helemaal gewist; er staan geen kopieën meer in het logbestand.",
}
