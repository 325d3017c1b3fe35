"""The triglot Sphinx extension: glossary pages, executable diagrams, the multilingual site.

Load it from ``conf.py`` with ``extensions = ["triglot.sphinxext"]``. Each feature is a
sub-package that depends only on :mod:`.core`: :mod:`.terms` (glossary page, term links,
back-links), :mod:`.translation` (catalog checks, status notes and page),
:mod:`.crosslang` (counterparts, parallel view, switcher, search) and :mod:`.diagrams`.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from triglot import __version__
from triglot.sphinxext import core, crosslang, diagrams, terms, translation


def setup(app: Sphinx) -> dict[str, Any]:
    core.setup(app)  # first: the features read its configuration values and state
    for feature in (terms, translation, crosslang, diagrams):
        feature.setup(app)
    core.site.add_site_files(app)
    return {
        "version": __version__,
        # Bumped when what the extension keeps in the environment changes (4: termbase
        # entries used, per document): Sphinx then reads every document again.
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
