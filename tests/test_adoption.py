"""Adopting triglot in someone else's project by two lines of its ``conf.py``: the Python
tutorial (``../shared/bench/projects/python-tutorial``, CPython's ``Doc/`` with the
official ja and pt_BR catalogs), reduced to a few documents, built with ``triglot site``
and with plain ``sphinx-build`` per language, as its CI builds it.

The fixture's ``conf.py`` needs the Sphinx it pins (8.2: its ``glossary_search`` extension
reads ``render_partial()['html_body']``, which Sphinx 9 no longer returns) and its theme:
``make test-sphinx8`` runs it; elsewhere it is skipped, saying why.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sphinx
from triglot.bench import adopt
from triglot.languages import get_language

KEPT = ("index", "introduction", "appetite", "interpreter")  # of Doc/tutorial/

pytestmark = [
    pytest.mark.skipif(not adopt.FIXTURE.is_dir(), reason=f"no fixture at {adopt.FIXTURE}"),
    pytest.mark.skipif(sphinx.version_info[:2] != (8, 2),
                       reason="the Python tutorial fixture pins Sphinx 8.2 (make test-sphinx8)"),
    pytest.mark.skipif(importlib.util.find_spec("python_docs_theme") is None,
                       reason="the fixture's theme, python-docs-theme (make test-sphinx8)"),
]


def reduced(work: Path, adopted: bool) -> Path:
    """A copy of the fixture's ``Doc`` with the tutorial's first pages only."""
    doc = adopt.prepare(adopt.FIXTURE, work, adopted)
    for page in (doc / "tutorial").glob("*.rst"):
        if page.stem not in KEPT:
            page.unlink()
    return doc


def test_two_lines_adopt_triglot_without_changing_what_the_project_publishes(
        tmp_path: Path) -> None:
    plain, ours = reduced(tmp_path, adopted=False), reduced(tmp_path, adopted=True)
    assert (ours / "conf.py").read_text(encoding="utf-8") == (
        (plain / "conf.py").read_text(encoding="utf-8") + adopt.ADOPTION)
    warnings: set[str] = set()
    for language in adopt.LANGUAGES:
        warnings |= adopt.warning_types(adopt.build(plain, language,
                                                    tmp_path / f"plain-{language}",
                                                    baseurl=adopt.PUBLISHED)[2])
    # -W, with the warnings plain Sphinx gives this tree suppressed, and triglot's
    # statements of how far the catalogs are translated; where the site is published as
    # its publishing job says (html_baseurl), for both builds
    suppressed = ",".join(sorted(warnings) + list(adopt.STATE_WARNINGS))
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "triglot", "site", "Doc", "-o", str(site), "-W",
         "-D", "locale_dirs=../locales", "-D", "gettext_compact=0",
         "-D", f"html_baseurl={adopt.PUBLISHED}", "-D", f"suppress_warnings={suppressed}"],
        cwd=ours.parent, capture_output=True, text=True,
        env={**os.environ, "FORCE_COLOR": "1"})  # as CI sets it: no colour must leak
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr and "ERROR" not in done.stderr, done.stderr
    for language in adopt.LANGUAGES:
        assert adopt.check_adoption(language, tmp_path / f"plain-{language}",
                                    site / get_language(language).site_dir) == []
    assert (site / "index.html").is_file()
