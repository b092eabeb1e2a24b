"""English catalog: operating-system errors (see dilemmaspel.i18n.oserror)."""

MESSAGES: dict[str, str] = {
    "oserror.ENOENT": "no such file or folder",
    "oserror.EISDIR": "this is a folder, not a file",
    "oserror.ENOTDIR": "part of the path is not a folder",
    "oserror.EACCES": "permission denied",
    "oserror.EPERM": "not permitted",
    "oserror.ENOSPC": "the disk is full",
    "oserror.EROFS": "the disk is read-only",
    "oserror.EEXIST": "already exists",
    "oserror.ENAMETOOLONG": "the name or path is too long",
    "oserror.EBUSY": "the file is in use",
    "oserror.EMFILE": "too many open files",
    "oserror.EIO": "read or write error on the disk",
    "oserror.EINVAL": "invalid name or path",
    "oserror.ELOOP": "the path refers to itself in a loop",
    "oserror.EXDEV": "cannot move to another disk",
    "oserror.EDQUOT": "this user's disk quota is used up",
    "oserror.ETXTBSY": "the file is in use",
    "oserror.other": "system error {code} ({detail})",
}
