"""Operating-system errors in the UI language: Python's ``strerror`` is always English."""

from __future__ import annotations

import errno

from dilemmaspel.i18n import t

#: errno values with a message of their own in the catalogs (``oserror.<name>``).
KNOWN = ("ENOENT", "EISDIR", "ENOTDIR", "EACCES", "EPERM", "ENOSPC", "EROFS", "EEXIST", "ENAMETOOLONG",
         "EBUSY", "EMFILE", "EIO", "EINVAL", "ELOOP", "EXDEV", "EDQUOT", "ETXTBSY")


def os_error(exc: BaseException, lang: str | None = None) -> str:
    """A short reason for an OSError (or anything else) in the given or current language."""
    if isinstance(exc, PermissionError):
        return t("oserror.EACCES", lang=lang)
    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if name in KNOWN:
        return t(f"oserror.{name}", lang=lang)
    if isinstance(exc, OSError):
        detail = exc.strerror or str(exc)
        return t("oserror.other", lang=lang, code=name or code or "?", detail=detail)
    return str(exc)
