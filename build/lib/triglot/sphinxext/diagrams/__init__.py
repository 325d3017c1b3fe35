"""Executable architecture diagrams: the ``architecture`` directive runs a model at build
time, checks the claims the text makes and draws the result with Graphviz.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.diagrams import directive

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    directive.setup(app)
