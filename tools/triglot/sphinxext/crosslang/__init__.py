"""Reading across languages: links from each paragraph to its counterparts, their text
inline, the side-by-side view of a document, the language switcher and hreflang
alternates, each page's canonical URL and description, a Japanese search that finds
identifiers and compounds typed without spaces, and search snippets of the page's own text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.crosslang import (
    counterparts,
    pagemeta,
    paralinks,
    parallel,
    search_ja,
    search_snippets,
    switcher,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    for module in (paralinks, counterparts, parallel, switcher, pagemeta, search_ja,
                   search_snippets):
        module.setup(app)
