"""The triglot Sphinx extension: glossary pages, executable diagrams, the multilingual site.

Load it from ``conf.py`` with ``extensions = ["triglot.sphinxext"]``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from triglot import __version__
from triglot.sphinxext import (
    backlinks,
    catalog_checks,
    catalog_deps,
    config,
    counterparts,
    diagrams,
    glossary_page,
    matchcache,
    paragraphs,
    parallel,
    search_ja,
    sitehtml,
    status,
    status_page,
    switcher,
    terminology,
    termlinks,
    termuses,
)


def setup(app: Sphinx) -> dict[str, Any]:
    for module in (config, glossary_page, diagrams, matchcache, terminology, sitehtml, paragraphs,
                   termuses, termlinks, backlinks, status, status_page, counterparts, parallel,
                   catalog_deps, switcher, search_ja, catalog_checks):
        module.setup(app)
    return {
        "version": __version__,
        # Bumped when what the extension keeps in the environment changes (term uses and
        # paragraph states are recorded at read time): Sphinx then reads every document again.
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
