"""The triglot Sphinx extension (``extensions = ["triglot.sphinxext"]``)."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from triglot import __version__
from triglot.sphinxext import diagrams


def setup(app: Sphinx) -> dict[str, Any]:
    diagrams.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
