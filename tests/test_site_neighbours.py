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
