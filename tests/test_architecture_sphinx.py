"""The ``architecture`` directive in a real Sphinx build (tests/roots/test-architecture)."""

from __future__ import annotations

import shutil

import pytest
from triglot.sphinxext.diagrams import ArchitectureClaimError

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is missing")


@needs_dot
@pytest.mark.sphinx("html", testroot="architecture", freshenv=True)
def test_build_inlines_svg_with_claims_description_and_script(app):
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert page.count("<svg ") == 2
    assert 'data-steps="2"' in page  # the sequence view can be stepped through
    assert "✔ </span>A crash of the cart leaves the shelf serving." in page
    assert "<li>listener.sys → cart.exe: kernel queue; crosses the kernel/user boundary" in page
    assert "The shop &amp; its “workers” &lt;side by side&gt;" in page
    assert (app.outdir / "_static" / "triglot-architecture.js").is_file()
    assert "triglot-architecture.js" in page
    assert len(list((app.outdir / "_images").glob("architecture-*.svg"))) == 2


@pytest.mark.sphinx("gettext", testroot="architecture", freshenv=True)
def test_caption_and_claims_are_messages_for_translators(app):
    app.build()
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "The shop & its \\"workers\\" <side by side>"' in pot
    assert 'msgid "Every request crosses a kernel queue."' in pot


@pytest.mark.sphinx("html", testroot="architecture", freshenv=True)
def test_false_claim_fails_the_build_with_claim_model_and_trace(app):
    model = app.srcdir / "architecture" / "shop.py"
    source = model.read_text(encoding="utf-8")
    model.write_text(
        source.replace(
            "    claims.crosses(",
            '    claims.in_process("Cart and shelf share a process.", SHOP, "cart", "shelf",\n'
            '                      "GET /cart/a.page"),\n    claims.crosses(',
        ),
        encoding="utf-8",
    )
    with pytest.raises(ArchitectureClaimError) as caught:
        app.build()
    message = str(caught.value)
    assert "index.rst:4" in message
    assert "shop.py:17: claim 'Cart and shelf share a process.' is false of model Shop" in message
    assert "shelf does not handle GET /cart/a.page" in message
    assert "1. listener -> cart over kernel queue" in message
