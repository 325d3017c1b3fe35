"""The extension's termbase: every way it cannot be had is an error naming why."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from triglot.sphinxext.core.termbase import TermbaseError, termbase_for


def _env(glossary: str) -> SimpleNamespace:
    return SimpleNamespace(config=SimpleNamespace(triglot_glossary=glossary))


def test_no_termbase_configured() -> None:
    with pytest.raises(TermbaseError, match="set triglot_glossary in conf.py"):
        termbase_for(_env(""))


def test_missing_termbase_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.yaml"
    with pytest.raises(TermbaseError, match=f"{missing}: no such file"):
        termbase_for(_env(str(missing)))


def test_malformed_termbase_is_a_sphinx_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts: [\n", encoding="utf-8")
    with pytest.raises(TermbaseError, match="bad.yaml"):
        termbase_for(_env(str(bad)))
