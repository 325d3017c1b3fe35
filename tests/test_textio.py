"""Atomic writes: all or nothing, and files as readable as a plain open() makes them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from triglot.textio import write_atomic


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
