"""Counterparts on demand: the page holds empty folds, one script per page holds their
text, and the inline mode writes the same text into the page."""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-site"


def build(source: Path, mode: str) -> Path:
    app = SphinxTestApp("html", srcdir=source, builddir=source.parent / f"_build-{mode}",
                        confoverrides={"language": "ja", "triglot_counterparts": mode},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


def test_on_demand_folds_load_what_inline_folds_hold(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    inline, loaded = build(source, "inline"), build(source, "on-demand")
    page = (loaded / "article.html").read_text(encoding="utf-8")
    folds = re.findall(r'<details class="triglot-counterparts" data-triglot-src="([^"]+)" '
                       r'data-triglot-anchor="(p-[0-9a-f]{8}(?:-[0-9]+)?)"><summary[^>]*>[^<]*</summary>'
                       r"</details>", page)
    assert folds and {src for src, _ in folds} == {"_triglot/counterparts/article.js"}
    script = (loaded / "_triglot/counterparts/article.js").read_text(encoding="utf-8")
    found = re.fullmatch(r'triglotCounterparts\("([^"]+)", (.*)\);\n', script, re.DOTALL)
    assert found and found[1] == "_triglot/counterparts/article.js"
    bodies = json.loads(found[2])
    assert sorted(bodies) == sorted(anchor for _, anchor in folds)
    # each fold's text is what the inline page writes into that fold
    written = (inline / "article.html").read_text(encoding="utf-8")
    for anchor, body in bodies.items():
        assert body in written, anchor
    assert len(page.encode()) < len(written.encode())
    assert "window.triglotCounterparts" in (loaded / "_static" / "triglot-site.js").read_text(
        encoding="utf-8")
