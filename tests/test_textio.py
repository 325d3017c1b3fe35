"""Atomic writes: all or nothing, and files as readable as a plain open() makes them."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from triglot.errors import TriglotError
from triglot.textio import locked, refuse_overwriting, version_of, write_atomic


def test_write_atomic_gives_new_files_the_umask_mode_and_keeps_an_existing_mode(
        tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        new = tmp_path / "site" / "index.html"
        assert write_atomic(new, b"<p>hi</p>")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        script = tmp_path / "run"
        script.write_bytes(b"old")
        script.chmod(0o755)
        assert write_atomic(script, b"new")
        assert stat.S_IMODE(script.stat().st_mode) == 0o755
        assert not write_atomic(script, b"new")  # unchanged content is not rewritten
    finally:
        os.umask(mask)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["index.html", "run", "site"]


def test_write_atomic_leaves_nothing_behind_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"kept")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def _fail_with(number: int):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(number, os.strerror(number))
    return fail


@pytest.mark.parametrize(("where", "number", "said"), [
    ("tempfile.mkstemp", errno.EACCES, "Permission denied"),  # a read-only folder
    ("os.replace", errno.EROFS, "Read-only file system"),
])
def test_a_folder_that_cannot_be_written_is_an_error_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, number: int,
        said: str) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"kept")
    monkeypatch.setattr(where, _fail_with(number))
    with pytest.raises(TriglotError, match=f"^{re.escape(str(target))}: cannot write: {said}$"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_full_disk_is_an_error_and_leaves_the_file_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"kept")

    class Full(io.FileIO):
        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(fd, "wb"))
    with pytest.raises(TriglotError, match="out.txt: cannot write: No space left on device"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_device_is_written_through_not_replaced() -> None:
    with pytest.raises(TriglotError, match="^/dev/full: cannot write: No space left on device$"):
        write_atomic("/dev/full", b"x")
    assert Path("/dev/full").is_char_device()


def test_a_folder_is_not_a_file_to_write(tmp_path: Path) -> None:
    with pytest.raises(TriglotError, match="is a directory; name a file to write"):
        write_atomic(tmp_path, b"x")


def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "catalog.po"
    target.write_bytes(b"read")
    seen = version_of(target.read_bytes())
    target.write_bytes(b"a translator's save")
    with pytest.raises(TriglotError, match="changed on disk while triglot worked"):
        write_atomic(target, b"import", expected=seen)
    assert target.read_bytes() == b"a translator's save"
    with pytest.raises(TriglotError, match="changed on disk"):
        write_atomic(tmp_path / "new.po", b"import", expected=seen)  # it was never there
    assert write_atomic(target, b"import", expected=version_of(b"a translator's save"))
    assert not (tmp_path / "new.po").exists()


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.po"
    source.write_text("x")
    (tmp_path / "link.po").symlink_to(source)
    with pytest.raises(TriglotError, match="link.po: is an input of this command"):
        refuse_overwriting(tmp_path / "link.po", [tmp_path / "b.po", source])
    refuse_overwriting(tmp_path / "new.tmx", [source])


_HOLD = """
import sys, time
from triglot.textio import locked
with locked(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    tools = str(Path(__file__).parents[1] / "tools")
    process = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], text=True,
                               stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": tools})
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


def test_a_lock_waits_for_its_holder_and_is_removed_after(tmp_path: Path) -> None:
    target = tmp_path / "index.po"
    holder = _holder(target)
    try:
        with pytest.raises(TriglotError, match=r"another triglot process has held "
                                               r"\.index\.po\.lock"):
            with locked(target, timeout=0.2):
                pass
    finally:
        holder.kill()
        holder.wait()
    with locked(target, timeout=5):  # a killed holder's lock is free at once
        assert (tmp_path / ".index.po.lock").exists()
    assert not (tmp_path / ".index.po.lock").exists()


def test_a_stale_lock_file_does_not_block(tmp_path: Path) -> None:
    (tmp_path / ".index.po.lock").write_text("12345\n")  # left by a process long gone
    with locked(tmp_path / "index.po", timeout=0.2):
        pass
    assert list(tmp_path.iterdir()) == []


def test_locks_serialise_their_holders(tmp_path: Path) -> None:
    target = tmp_path / "count"
    target.write_text("0")

    def add_one() -> None:
        with locked(target):
            value = int(target.read_text())
            time.sleep(0.01)  # the window two unlocked writers would both read in
            target.write_text(str(value + 1))

    threads = [threading.Thread(target=add_one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_text() == "8"
