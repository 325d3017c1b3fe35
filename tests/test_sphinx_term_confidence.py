"""The build's threshold for terminology warnings: ``triglot_term_min_confidence``."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-site"


def warnings_of(tmp_path: Path, **overrides: object) -> str:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=source, builddir=tmp_path / "_build",
                        confoverrides={"language": "pt_BR", "suppress_warnings": [],
                                       **overrides}, status=StringIO(),
                        warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return warnings.getvalue()


@pytest.mark.parametrize(("threshold", "warned"), [(None, True), (0.9, False)])
def test_findings_less_sure_than_the_threshold_are_not_warned_about(
        tmp_path: Path, threshold: float | None, warned: bool) -> None:
    # the fixture's one term-missing finding (confidence 0.8) is warned about by default
    overrides = {} if threshold is None else {"triglot_term_min_confidence": threshold}
    assert ("term-missing error" in warnings_of(tmp_path, **overrides)) is warned
