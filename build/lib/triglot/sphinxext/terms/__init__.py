"""Glossary terms on the site: the glossary page generated from the termbase, terms in
the text linked to their entry, and back-links from each entry to the paragraphs using it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.terms import backlinks, glossary, links, uses

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    for module in (glossary, uses, links, backlinks):
        module.setup(app)
