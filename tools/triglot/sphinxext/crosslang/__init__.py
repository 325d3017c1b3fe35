"""Reading across languages: links from each paragraph to its counterparts, their text
inline, the side-by-side view of a document, the language switcher and hreflang
alternates, each page's canonical URL and description, and a Japanese search that finds
identifiers and katakana compounds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.crosslang import (
    counterparts,
    pagemeta,
    paralinks,
    parallel,
    search_ja,
    switcher,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    for module in (paralinks, counterparts, parallel, switcher, pagemeta, search_ja):
        module.setup(app)
