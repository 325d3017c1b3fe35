"""tools/system-deps.sh: installed packages are found every time, missing ones are named once."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "system-deps.sh"


def _fake(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """A PATH of stand-ins: a long font list (enough for grep to stop before fc-list ends),
    a non-root `id` and an apt-get that records being called."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # The wanted family comes first, then 200,000 more lines: an early-exiting reader of a
    # pipe would leave fc-list writing into a closed pipe.
    _fake(bin_dir, "fc-list", 'echo "Noto Sans CJK JP"; seq 1 200000 | sed "s/^/Other Font /"')
    _fake(bin_dir, "id", "echo 1000")
    _fake(bin_dir, "apt-get", f'echo "$@" >> "{tmp_path}/apt-calls"')
    return bin_dir


def _run(fake_bin: Path, *pairs: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{fake_bin}:/usr/bin:/bin"}
    return subprocess.run(["bash", str(SCRIPT), *pairs], env=env, capture_output=True,
                          text=True, timeout=60)


def test_installed_font_is_found_every_time(fake_bin: Path) -> None:
    for _ in range(10):
        result = _run(fake_bin, "font:Noto Sans CJK=fonts-noto-cjk", "sh=dash")
        assert (result.returncode, result.stderr) == (0, "")
    assert not (fake_bin.parent / "apt-calls").exists()


def test_missing_packages_are_named_in_one_line_and_the_build_goes_on(fake_bin: Path) -> None:
    result = _run(fake_bin, "font:Absent Family=fonts-absent", "no-such-command-x=pkg-x", "sh=dash")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "fonts-absent pkg-x" in lines[0] and "apt-get install fonts-absent pkg-x" in lines[0]
    assert "dash" not in lines[0]
    assert not (fake_bin.parent / "apt-calls").exists()  # not root: nothing is installed


def test_as_root_it_installs_only_what_is_missing(fake_bin: Path) -> None:
    _fake(fake_bin, "id", "echo 0")
    result = _run(fake_bin, "font:Noto Sans CJK=fonts-noto-cjk", "no-such-command-x=pkg-x")
    assert result.returncode == 0
    calls = (fake_bin.parent / "apt-calls").read_text(encoding="utf-8").splitlines()
    assert calls[-1].endswith("install -y -qq --no-install-recommends pkg-x")
