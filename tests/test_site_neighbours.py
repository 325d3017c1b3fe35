"""triglot beside other extensions and builders: they meet only standard docutils nodes."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-site"

# An extension as CPython's glossary_search is: it renders parts of every resolved
# doctree on its own, at the default priority, and notes what it meets.
NEIGHBOUR = """\
from docutils import nodes

SEEN = []

def render(app, doctree, docname):
    for node in doctree.findall(nodes.Element):
        if type(node).__module__.startswith("triglot") and not hasattr(node, "render"):
            SEEN.append(type(node).__name__)
    if app.builder.format == "html":
        for para in doctree.findall(nodes.paragraph):
            app.builder.render_partial(para)

def setup(app):
    app.connect("doctree-resolved", render)
    return {"parallel_read_safe": True}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    (source / "neighbour.py").write_text(NEIGHBOUR, encoding="utf-8")
    conf = (source / "conf.py").read_text(encoding="utf-8")
    (source / "conf.py").write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + conf.replace('extensions = ["triglot.sphinxext"]',
                       'extensions = ["neighbour", "triglot.sphinxext"]'), encoding="utf-8")
    return source


@pytest.mark.parametrize("builder", ["html", "text", "man", "latex", "epub"])
def test_other_extensions_and_builders_meet_no_unresolved_triglot_node(
        project: Path, builder: str) -> None:
    app = SphinxTestApp(builder, srcdir=project, builddir=project.parent / "_build",
                        confoverrides={"language": "ja"}, status=StringIO(),
                        warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    import neighbour  # the project's own module, loaded by the build

    try:
        assert neighbour.SEEN == []
    finally:
        del __import__("sys").modules["neighbour"]


def test_without_the_analysis_extras_the_site_builds_without_term_links(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from triglot.sphinxext.core import config

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *args: None if name == "spacy" else real(name, *args))
    config.missing_extra.cache_clear()
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=source, builddir=tmp_path / "_build",
                        confoverrides={"language": "ja"}, status=StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
        monkeypatch.undo()
        config.missing_extra.cache_clear()
    assert ("term links and terminology checks in ja need triglot[terms] (pip install "
            "'triglot[terms]'); built without them [triglot.missing-extra]") in warnings.getvalue()
    outdir = Path(app.outdir)
    assert 'class="triglot-term reference internal"' not in (
        outdir / "article.html").read_text(encoding="utf-8")
    assert (outdir / "glossary.html").is_file() and (outdir / "triglot-status.html").is_file()
