"""Dutch catalog: operating-system errors (see dilemmaspel.i18n.oserror)."""

MESSAGES: dict[str, str] = {
    "oserror.ENOENT": "bestand of map bestaat niet",
    "oserror.EISDIR": "dit is een map, geen bestand",
    "oserror.ENOTDIR": "een deel van het pad is geen map",
    "oserror.EACCES": "geen toestemming (rechten ontbreken)",
    "oserror.EPERM": "niet toegestaan",
    "oserror.ENOSPC": "de schijf is vol",
    "oserror.EROFS": "de schijf is alleen-lezen",
    "oserror.EEXIST": "bestaat al",
    "oserror.ENAMETOOLONG": "de naam of het pad is te lang",
    "oserror.EBUSY": "het bestand is in gebruik",
    "oserror.EMFILE": "te veel geopende bestanden",
    "oserror.EIO": "lees- of schrijffout op de schijf",
    "oserror.EINVAL": "ongeldige naam of ongeldig pad",
    "oserror.ELOOP": "het pad verwijst in een kring naar zichzelf",
    "oserror.EXDEV": "verplaatsen naar een andere schijf gaat niet",
    "oserror.EDQUOT": "de schijfruimte voor deze gebruiker is op",
    "oserror.ETXTBSY": "het bestand is in gebruik",
    "oserror.other": "systeemfout {code} ({detail})",
}
