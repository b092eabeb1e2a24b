"""Where dilemmaspel keeps its data, and files readable by their owner only."""

from __future__ import annotations

import os
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
    """Make ``path`` owner-only where the OS supports POSIX modes (no-op elsewhere)."""
    if os.name == "posix":
        try:
            os.chmod(path, mode)
        except OSError:
            pass


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
