"""Data that should be gone is gone (or the user is told how to finish), and files stay as
their owner left them: nothing narrowed is widened, read-only data can still be listed and exported."""

from __future__ import annotations

import os
import shutil
import site
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dilemmaspel.cli import main
from dilemmaspel.store import DB_NAME, Store, StoreError
from tests import sessionfactory as factory
from tests.conftest import ROOT

Capture = pytest.CaptureFixture[str]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
SECRET = "GEHEIME-TOELICHTING-"


@pytest.fixture(autouse=True)
def _short_checkpoint_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers held open here never finish by themselves: a checkpoint need not wait long."""
    monkeypatch.setattr(Store, "checkpoint_wait_ms", 50)


def _secret_session(store: Store) -> str:
    engine = factory.start(factory.engine_for(store), title="weg ermee")
    factory.add_people(engine, factory.ROSTER[:3])
    engine.form_groups(count=1)
    engine.deal(0, [factory.deck()])
    for pid in engine.state.groups[0]:
        engine.vote(0, pid, "A", SECRET + "z" * 200)
    return factory.session_id(engine)


def _on_disk(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name.startswith(DB_NAME))


def _reader(path: Path) -> sqlite3.Connection:
    """Another window in the middle of reading: an open read transaction."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM events").fetchone()
    return other


# --- forget ---------------------------------------------------------------------------------


def test_forget_is_not_sure_while_another_connection_reads(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        keep = factory.start(factory.engine_for(store), title="blijft")
        gone = _secret_session(store)
        other = _reader(store.path)
        try:
            result = store.delete_session(gone)
            assert result.existed and not result.wiped
            assert SECRET.encode() in _on_disk(tmp_path)  # the log still holds copies: not done
            assert store.pending_wipe(gone[:4]) == gone
            assert store.wipe_pending() is False
        finally:
            other.close()
        assert store.wipe_pending() is True
        assert SECRET.encode() not in _on_disk(tmp_path)
        assert store.wiped == [gone]
        assert [s.id for s in store.sessions()] == [factory.session_id(keep)]


def test_forget_tells_how_to_finish_and_running_it_again_finishes(isolated_home: Path, capsys: Capture) -> None:
    with Store(isolated_home) as store:
        gone = _secret_session(store)
    other = _reader(isolated_home / DB_NAME)
    try:
        assert main(["forget", gone, "--yes"]) == 1
        out, err = capsys.readouterr()
        assert f"Sessie {gone} verwijderd" in out
        assert "nog niet helemaal weg" in err and f"dilemmaspel forget {gone}" in err and "Sluit dilemmaspel" in err
        assert main(["forget", gone, "--yes", "--lang", "en"]) == 1  # still held: still not done
        assert "not completely gone yet" in capsys.readouterr().err
    finally:
        other.close()
    assert main(["forget", gone[:5], "--yes"]) == 0
    out, err = capsys.readouterr()
    assert "nu helemaal gewist" in out and not err
    assert SECRET.encode() not in _on_disk(isolated_home)
    assert main(["forget", gone, "--yes"]) == 1  # nothing left to finish: an unknown session now
    assert "geen (eenduidige) sessie" in capsys.readouterr().err


def test_opening_the_store_finishes_a_forget_that_was_held_up(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        gone = _secret_session(store)
        other = _reader(store.path)
        assert not store.delete_session(gone).wiped
        other.close()
        with Store(tmp_path) as later:
            assert later.wiped == [gone]
        assert SECRET.encode() not in _on_disk(tmp_path)


def test_forget_without_readers_is_sure_at_once(isolated_home: Path, capsys: Capture) -> None:
    with Store(isolated_home) as store:
        gone = _secret_session(store)
    assert main(["forget", gone, "--yes"]) == 0
    out, err = capsys.readouterr()
    assert f"Sessie {gone} verwijderd" in out and not err
    assert SECRET.encode() not in _on_disk(isolated_home)


# --- permissions ----------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("mode", [0o400, 0o600, 0o640])
def test_listing_never_widens_the_database_mode(mode: int, isolated_home: Path, capsys: Capture) -> None:
    with Store(isolated_home) as store:
        factory.realistic_session(store)
    (isolated_home / DB_NAME).chmod(mode)
    assert main(["sessions"]) == 0
    assert "Zandvliet" not in capsys.readouterr().err
    assert stat.S_IMODE((isolated_home / DB_NAME).stat().st_mode) == mode & 0o600  # narrowed at most
    for path in isolated_home.iterdir():
        assert not stat.S_IMODE(path.stat().st_mode) & 0o077, path.name


@posix_only
def test_a_narrowed_data_dir_stays_narrowed(isolated_home: Path, capsys: Capture) -> None:
    with Store(isolated_home) as store:
        factory.realistic_session(store)
    isolated_home.chmod(0o500)
    try:
        main(["sessions"])
        capsys.readouterr()
        assert stat.S_IMODE(isolated_home.stat().st_mode) == 0o500
    finally:
        isolated_home.chmod(0o700)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user may enter (tests that drop root privileges need one)."""
    folder = Path(tempfile.mkdtemp(prefix="dilemmaspel-files-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            try:
                path.chmod(0o700 if path.is_dir() else 0o600)
            except OSError:
                pass
        shutil.rmtree(folder, ignore_errors=True)


def _as_owner(args: list[str], owned: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as the data's owner. Root ignores file modes, so as root the data is handed
    to ``nobody`` and the command runs as that user; permissions then bite as for anyone."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("DILEMMASPEL_HOME", None)
    python = sys.executable
    extra: dict[str, object] = {}
    if os.geteuid() == 0:
        try:
            import pwd

            nobody = pwd.getpwnam("nobody")
        except (ImportError, KeyError):
            pytest.skip("running as root without a 'nobody' user")
        for path in [owned, *owned.rglob("*")]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
        extra = {"user": nobody.pw_uid, "group": nobody.pw_gid}
        env["HOME"] = str(owned)
        # root's own interpreter may live where nobody may not go; use the system one of the
        # same version with this environment's packages.
        python = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/usr/local/bin") or ""
        if not python:
            pytest.skip("no interpreter that another user may run")
        paths = [ROOT, *map(Path, site.getsitepackages())]
        blocked = next((path for path in paths if not _others_can_read(path)), None)
        if blocked is not None:
            pytest.skip(f"as root this test runs the CLI as 'nobody', who cannot reach {blocked}")
        env["PYTHONPATH"] = os.pathsep.join(map(str, paths))
    return subprocess.run([python, "-m", "dilemmaspel", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, **extra)  # type: ignore[call-overload]


def _others_can_read(path: Path) -> bool:
    """Whether a user who is neither owner nor group may read ``path`` and pass every folder above it."""
    path = path.resolve()
    for folder in [path, *path.parents]:
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH or (folder == path and not mode & stat.S_IROTH):
            return False
    return True


@posix_only
@pytest.mark.parametrize("narrow", ["database", "data-dir"])
def test_listing_and_exporting_work_from_read_only_data(narrow: str, shared_tmp: Path) -> None:
    home = shared_tmp / "data"
    out = shared_tmp / "uit"
    out.mkdir()
    with Store(home) as store:
        session_id = factory.realistic_session(store)
    os.chmod(home, 0o755)  # the owner-only data dir would lock out the other user as well
    for path in home.iterdir():
        path.chmod(0o644 if narrow == "data-dir" else 0o444)
    _as_owner(["sessions", "--data-dir", str(home)], shared_tmp)  # hand the files over first (as root)
    if narrow == "database":
        (home / DB_NAME).chmod(0o400)
    else:
        home.chmod(0o500)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in home.iterdir()}

    listed = _as_owner(["sessions", "--data-dir", str(home)], shared_tmp)
    assert listed.returncode == 0, listed.stderr
    assert session_id in listed.stdout and "afgerond" in listed.stdout and not listed.stderr

    exported = _as_owner(["export", session_id[:6], "--data-dir", str(home), "--out", str(out)], shared_tmp)
    assert exported.returncode == 0, exported.stderr
    written = [Path(line) for line in exported.stdout.splitlines()]
    assert {".md", ".json"} <= {p.suffix for p in written}
    assert "Jan [/] de Vries" in next(p for p in written if p.suffix == ".md").read_text(encoding="utf-8")

    if narrow == "data-dir":  # no --out: the data dir cannot take the transcript; say what to do
        refused = _as_owner(["export", session_id, "--data-dir", str(home)], shared_tmp)
        assert refused.returncode == 1 and "--out" in refused.stderr and "Traceback" not in refused.stderr
    forgotten = _as_owner(["forget", session_id, "--yes", "--data-dir", str(home)], shared_tmp)
    assert forgotten.returncode == 1 and "alleen te lezen" in forgotten.stderr and "Traceback" not in forgotten.stderr
    after = {p.name: stat.S_IMODE(p.stat().st_mode) for p in home.iterdir()}
    assert after[DB_NAME] == modes[DB_NAME]
    for name, mode in after.items():  # SQLite makes its -wal and -shm like the database: never wider
        assert not mode & ~modes.get(name, modes[DB_NAME]), (name, oct(mode))
    assert stat.S_IMODE(home.stat().st_mode) == (0o500 if narrow == "data-dir" else 0o755)


def test_a_read_only_store_refuses_writes_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dilemmaspel.store as store_module

    with Store(tmp_path) as store:
        session_id = factory.realistic_session(store)
    monkeypatch.setattr(store_module, "writable", lambda path: False)
    with Store(tmp_path) as store:
        assert store.read_only
        assert store.load(session_id).finished
        with pytest.raises(StoreError) as refused:
            factory.start(factory.engine_for(store))
        assert refused.value.key == "store.read_only" and "alleen te lezen" in str(refused.value)
        assert store.acquire(session_id) is None


def test_an_empty_read_only_data_dir_lists_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dilemmaspel.store as store_module

    monkeypatch.setattr(store_module, "writable", lambda path: False)
    with Store(tmp_path / "leeg") as store:
        assert store.read_only and store.sessions() == []
    assert not (tmp_path / "leeg" / DB_NAME).exists()
