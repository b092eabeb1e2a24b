"""Where dilemmaspel keeps its data, and files readable by their owner only."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "dilemmaspel"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: ``override`` (``--data-dir``), else ``DILEMMASPEL_HOME``, else the OS default."""
    chosen = override or os.environ.get("DILEMMASPEL_HOME")
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; a folder we create is for its owner only."""
    if not path.exists():
        path.mkdir(parents=True, exist_ok=True)
        restrict(path, 0o700)
    return path


def restrict(path: Path, mode: int = 0o600) -> None:
    """Take away every permission bit not in ``mode`` (POSIX; a no-op elsewhere).

    Only narrows: group and other lose access, but a file the owner made read-only (0400)
    stays read-only.
    """
    if os.name == "posix":
        try:
            current = stat.S_IMODE(path.stat().st_mode)
            if current & ~mode:
                os.chmod(path, current & mode)
        except OSError:
            pass


def writable(path: Path) -> bool:
    """Whether this process may change ``path`` (a file, or a folder's entries)."""
    return os.access(path, os.W_OK)


def write_private_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) to ``path`` atomically (temp file then rename), owner-only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        handle = os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        restrict(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
