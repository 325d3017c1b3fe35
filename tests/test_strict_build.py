"""`make strict`, which `make test` (and so CI) runs: a wrong term fails it at its file:line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from triglot.catalog import read_catalog, write_catalog

REPO = Path(__file__).parents[1]
CATALOG = Path("locale/pt_BR/LC_MESSAGES/iis-aspnet.po")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    for name in ("conf.py", "Makefile"):
        shutil.copy(REPO / name, tmp_path)
    for folder in ("docs", "locale", "glossary"):
        shutil.copytree(REPO / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    return tmp_path


def _strict(project: Path) -> subprocess.CompletedProcess[str]:
    # This test's own interpreter stands for the project's .venv; the set-up targets are
    # taken as done (-o), so only the strict build and check run.
    return subprocess.run(
        ["make", "-s", "strict", "LANGUAGES=pt_BR", f"BIN={Path(sys.executable).parent}",
         "-o", ".venv/.installed", "-o", "system-deps"],
        cwd=project, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_a_deprecated_term_fails_the_strict_build_at_its_line(project_copy: Path) -> None:
    catalog = read_catalog(project_copy / CATALOG)
    (entry,) = [m for m in catalog if m.id and "Every request forwarded" in str(m.id)]
    assert "pipe nomeado" in entry.string
    entry.string = entry.string.replace("pipe nomeado", "pipe nomeada")  # deprecated
    write_catalog(project_copy / CATALOG, catalog)

    result = _strict(project_copy)
    assert result.returncode != 0
    # the build's warning and the check's report, both at the entry's line
    output = result.stdout + result.stderr
    assert f"{CATALOG}:{entry.lineno}: WARNING: term-forbidden" in output
    assert f"{CATALOG}:{entry.lineno}: term-forbidden" in output
    assert "pipe nomeada" in output
    assert (project_copy / "_build/strict/triglot.sarif").is_file()

